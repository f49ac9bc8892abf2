import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject, matchRoutes as MatchRoutes } from "@remix-run/router";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// Issue #21: Remix v2's router flattened and ranked every route, and compiled every pattern into a
// regular expression, on each of the three or four matches a request makes (a fifth of a page's
// server time). patches/@remix-run+router+*.patch works each out once, as react-router 7 does.
// What must not change is which route answers an address, and with which parameters.

// The CommonJS build, which the server loads (the browser's build is another file, not patched).
const routerPath = createRequire(import.meta.url).resolve("@remix-run/router");
const { matchRoutes } = createRequire(import.meta.url)(routerPath) as { matchRoutes: typeof MatchRoutes };

const tree = (): AgnosticRouteObject[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "file", path: "file" },
      { id: "status", path: "status" },
      { id: "process", path: "process/:area" },
      { id: "cases", path: "cases", children: [{ id: "cases-index", index: true }] },
      { id: "case", path: "cases/:reference" },
      { id: "case-print", path: "cases/:reference/print" },
      { id: "case-new", path: "cases/new" },
      { id: "oidc-callback", path: "auth/oidc/callback" },
      { id: "oidc", path: "auth/oidc/:organization" },
      { id: "report", path: "reports/:area/:quarter?" },
      { id: "open-data", path: "open-data/:area/:file" },
      { id: "docs", path: "docs/*" },
    ],
  },
];

const segments = ["", "file", "status", "process", "cases", "new", "print", "auth", "oidc", "callback", "reports"];
const address = fc
  .array(fc.oneof(fc.constantFrom(...segments), fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/), fc.constant("docs")), {
    maxLength: 5,
  })
  .map((parts) => `/${parts.join("/")}`);

const answer = (routes: AgnosticRouteObject[], pathname: string) =>
  matchRoutes(routes, pathname)?.map((m) => ({ id: m.route.id, params: m.params })) ?? null;

describe("route matching, worked out once per route tree", () => {
  it("is the router the server runs (npm ci applies the patch)", () => {
    expect(readFileSync(routerPath, "utf8")).toContain("rankedBranchesOf");
  });

  it("answers every address as a fresh route tree would, however often the same tree is asked", () => {
    const kept = tree();
    fc.assert(
      fc.property(fc.array(address, { minLength: 1, maxLength: 20 }), (pathnames) => {
        for (const pathname of pathnames) expect(answer(kept, pathname)).toEqual(answer(tree(), pathname));
      }),
    );
  });

  it("still prefers a fixed segment to a parameter and reads the parameters", () => {
    const kept = tree();
    for (let i = 0; i < 2; i++) {
      expect(answer(kept, "/cases/new")?.at(-1)?.id).toBe("case-new");
      expect(answer(kept, "/cases/TOR-2026-000042")?.at(-1)).toEqual({
        id: "case",
        params: { reference: "TOR-2026-000042" },
      });
      expect(answer(kept, "/reports/toronto")?.at(-1)?.id).toBe("report");
      expect(answer(kept, "/no/such/page")).toBeNull();
    }
  });
});
