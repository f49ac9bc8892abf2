// ESLint 9 flat config: correctness and accessibility rules only. Layout is Prettier's job
// (.prettierrc.json) and import boundaries are dependency-cruiser's (.dependency-cruiser.cjs), so
// nothing here argues about either. `npm run lint` allows no warnings: a rule is either an error or off.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      "node_modules/",
      "data/",
      "test-results/",
      "playwright-report/",
      ".cache/",
      "bench/.data/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Unused names are mistakes, except a leading underscore that says "deliberately unused".
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
      // A built key cast to MessageKey hides a missing message (it shows as blank). Name the key
      // literally, or use codeText / knownKey / a typed Label from app/i18n, which check it.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            ":matches(TSAsExpression, TSTypeAssertion) > TSTypeReference.typeAnnotation > Identifier[name='MessageKey']",
          message: "Do not cast to MessageKey: use a literal key, codeText, knownKey or a typed label helper.",
        },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
  },
  {
    // A promise nobody awaits loses its error (an unhandled rejection, or a write that never
    // happened before the response). These need type information, so they run with the project's
    // tsconfig.
    // The application's code only: tests await what they start or fail visibly, and type-aware
    // linting of the whole tree took over 30 s, too slow for a step every run pays for.
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "emails/**/*.ts", "scripts/**/*.ts", "server.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // Kysely's own advice: a migration is typed Kysely<any>, because it must keep working when
    // today's Database type has moved on (and shipped migrations are never edited).
    files: ["db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/**/*.tsx"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...jsxA11y.flatConfigs.strict.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // A scrolling table region must be reachable by keyboard (WCAG 2.1.1; axe's
      // scrollable-region-focusable), so role="region" may carry tabIndex={0}.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], tags: [] }],
      // TypeScript checks props; prop-types would repeat it.
      "react/prop-types": "off",
    },
  },
  {
    // Tests probe input for control characters on purpose.
    files: ["test/**/*.ts", "test/**/*.tsx"],
    rules: { "no-control-regex": "off" },
  },
  {
    // Playwright's page.evaluate bodies run in the browser.
    files: ["test/e2e/**/*.ts"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
