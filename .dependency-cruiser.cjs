// Import boundaries: the layering that docs (shared style and clarifications for issue 16) describe,
// held in place by `npm run boundaries`, which `npm test` runs. A breach is an error, never a warning.
//
//   app/domain   pure rules: imports only itself (message-key *types* from app/i18n are allowed:
//                the domain may name a label, never translate it)
//   db           repositories, schema and migrations: only db itself and app/domain
//   emails       app/domain, app/i18n, and the formatting helpers that import only those two
//   components   no services, no db
//   routes       no db at all, getDb included: they call services
//   app/utils    no services
//   folders      no cycles between them
const DOMAIN = "^app/domain/";
const I18N = "^app/i18n/";
// Formatting helpers emails may use: they in turn import only the domain and the translations.
const EMAIL_SAFE_FORMATTING = "^app/utils/format-(date|figures|number)\\.ts$";
const DB_LAYER = "^db/(repositories/|migrations/|schema\\.ts$)";
const DB_ACCESS = ["^db/", "^app/utils/db\\.server\\.ts$"];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "app/domain imports nothing of the app but itself (message-key types from app/i18n excepted).",
      severity: "error",
      from: { path: DOMAIN },
      to: { path: "^(app|db|emails|scripts|bench|test)/", pathNot: [DOMAIN, I18N] },
    },
    {
      name: "domain-names-keys-never-translates",
      comment: "app/domain may import types from app/i18n (MessageKey), never the translator.",
      severity: "error",
      from: { path: DOMAIN },
      to: { path: I18N, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "db-imports-only-domain",
      comment: "Repositories, schema and migrations import only db itself and app/domain.",
      severity: "error",
      from: { path: DB_LAYER },
      to: { path: "^(app|emails|scripts|bench|test)/", pathNot: [DOMAIN] },
    },
    {
      name: "db-layer-stays-below-the-seed",
      comment: "Repositories, schema and migrations never reach up into the demo seed (it uses services).",
      severity: "error",
      from: { path: DB_LAYER },
      to: { path: "^(db|scripts)/seed/" },
    },
    {
      name: "emails-import-domain-and-i18n-only",
      comment: "Emails import app/domain, app/i18n and the formatting helpers that import only those two.",
      severity: "error",
      from: { path: "^emails/" },
      to: { path: "^(app|db|scripts|bench|test)/", pathNot: [DOMAIN, I18N, EMAIL_SAFE_FORMATTING] },
    },
    {
      name: "email-formatting-imports-domain-and-i18n-only",
      comment: "A formatting helper emails use may itself import only app/domain and app/i18n.",
      severity: "error",
      from: { path: EMAIL_SAFE_FORMATTING },
      to: { path: "^(app|db|emails|scripts|bench|test)/", pathNot: [DOMAIN, I18N, EMAIL_SAFE_FORMATTING] },
    },
    {
      name: "components-import-no-services-or-db",
      comment: "Components are presentational: no services, no db (their types included).",
      severity: "error",
      from: { path: "^app/components/" },
      to: { path: ["^app/services/", "^emails/", ...DB_ACCESS] },
    },
    {
      name: "routes-import-no-db",
      comment: "Routes call services; they never reach the database themselves (getDb included).",
      severity: "error",
      from: { path: "^app/routes/" },
      to: { path: DB_ACCESS },
    },
    {
      name: "utils-import-no-services",
      comment: "app/utils sits below the services; session reading that needs a service lives in app/auth.",
      severity: "error",
      from: { path: "^app/utils/" },
      to: { path: "^app/services/" },
    },
    {
      name: "no-folder-cycles",
      comment: "Two folders that import each other are one layer in two places.",
      severity: "error",
      scope: "folder",
      // app/domain names message keys (a type from app/i18n) and app/i18n speaks the domain's
      // Language: both edges are allowed, and type-only one way, so that one pair is left out.
      from: { pathNot: "^app/i18n$" },
      to: { circular: true, pathNot: "^app/i18n$" },
    },
    {
      name: "no-module-cycles",
      comment: "A cycle between modules makes load order matter and hides a layer.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing dependency.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|public/build|node_modules|data|test-results|playwright-report|bench/\\.data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".cjs", ".mjs", ".d.ts", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
