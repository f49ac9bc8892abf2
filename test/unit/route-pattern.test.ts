import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { routePatternMatcher } from "../../app/utils/route-pattern.server";

// Issue #22: the request log and the metrics name a request by its route pattern, never its address.
const route = (id: string, extra: Record<string, unknown>) => ({ id, module: {}, ...extra });
const routes = {
  root: route("root", { path: "" }),
  "routes/_index": route("routes/_index", { parentId: "root", index: true }),
  "routes/cases.$reference": route("routes/cases.$reference", { parentId: "root", path: "cases/:reference" }),
  "routes/cases._index": route("routes/cases._index", { parentId: "root", path: "cases", index: true }),
  "routes/auth.oidc.callback": route("routes/auth.oidc.callback", { parentId: "root", path: "auth/oidc/callback" }),
  "routes/auth.oidc.$organization": route("routes/auth.oidc.$organization", {
    parentId: "root",
    path: "auth/oidc/:organization",
  }),
} as unknown as ServerBuild["routes"];

describe("route patterns", () => {
  const patternOf = routePatternMatcher(routes);

  it("names a case page by its pattern, not its reference, page or data request alike", () => {
    expect(patternOf("/cases/DUR-2026-00042")).toBe("/cases/:reference");
    expect(patternOf("/cases/DUR-2026-00042.data")).toBe("/cases/:reference");
    expect(patternOf("/cases")).toBe("/cases");
    expect(patternOf("/")).toBe("/");
  });

  it("prefers a fixed segment over a parameter, and knows no pattern for an unknown address", () => {
    expect(patternOf("/auth/oidc/callback")).toBe("/auth/oidc/callback");
    expect(patternOf("/auth/oidc/ssm-durham")).toBe("/auth/oidc/:organization");
    expect(patternOf("/no/such/page")).toBeNull();
  });
});
