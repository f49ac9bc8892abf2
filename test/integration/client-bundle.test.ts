import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

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
