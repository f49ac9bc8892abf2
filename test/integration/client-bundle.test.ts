import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { fr } from "../../app/i18n/fr";

// Issue #18, "Light on the wire": the browser downloads only what renders and hydrates pages. Form
// schemas (zod, about 75 KiB compressed) and other server-only code stay on the server: routes
// import them from `.server.ts` modules, which the Remix compiler leaves out of the browser's
// build (docs/decisions/022). Read from public/build, which `npm run build` writes (npm test builds
// before Vitest runs).

const BUILD = "public/build";

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return path.endsWith(".js") ? [path] : [];
  });
}

/** Text each library leaves in its minified code (class names it registers by string). */
const SERVER_ONLY = {
  zod: /"ZodError"|\$ZodType/,
  kysely: /kysely|SelectQueryNode/i,
  nodemailer: /nodemailer/i,
  "better-sqlite3": /better-sqlite3/,
};

describe("the browser's scripts", () => {
  const files = scripts(BUILD);

  it("exist (npm run build has run)", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(Object.entries(SERVER_ONLY))("hold no %s", (library, marker) => {
    const holding = files.filter((file) => marker.test(readFileSync(file, "utf8"))).map((f) => relative(BUILD, f));
    expect(holding, `${library} is in the browser's build`).toEqual([]);
  });
});

// docs/decisions/027: a page fetches the catalog of its own language only. Each catalog is its own
// chunk, named for the page by its root loader; no other script holds either language's messages.
describe("the browser's message catalogs", () => {
  const files = scripts(BUILD);
  const holding = (text: string) =>
    files.filter((file) => readFileSync(file, "utf8").includes(text)).map((f) => relative(BUILD, f));

  // A message whose words the minifier leaves as they are (plain ASCII: it escapes accents) and that
  // differs between the languages, so finding it names the one chunk that carries that language.
  const sample = (Object.keys(en) as (keyof typeof en)[]).find(
    (key) => en[key] !== fr[key] && [en[key], fr[key]].every((words) => /^[ -!#-&(-[\]-~]{20,}$/.test(words)),
  )!;

  it.each([
    ["en", () => en[sample], /^_shared\/en-[A-Z0-9]+\.js$/],
    ["fr", () => fr[sample], /^_shared\/fr-[A-Z0-9]+\.js$/],
  ] as const)("keep %s's messages in one chunk of their own", (_language, words, chunk) => {
    expect(sample).toBeDefined();
    const found = holding(words());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(chunk);
  });
});
