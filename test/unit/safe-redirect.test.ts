import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/utils/safe-redirect";

// Issue #15: the one check for redirect targets from input, fuzzed with URL-shaped strings built
// from the pieces open-redirect payloads are made of. Whatever comes in, what goes out is the
// fallback or a path that every URL parser keeps on this site, and that fits in a Location header.

const SITE = "https://recourse.example.org";
const FALLBACK = "/cases";

const piece = fc.constantFrom(
  "/",
  "//",
  "///",
  "\\",
  "/\\",
  "\t",
  "\r",
  "\n",
  "\r\n",
  "\u0000",
  "\u007f",
  "\u0085",
  " ",
  "%09",
  "%0d%0a",
  "%2f",
  "%2F",
  "%5c",
  ".",
  "..",
  "/./",
  "/../",
  "@",
  ":",
  "?",
  "#",
  "&",
  "=",
  "evil.example",
  "evil.example:443",
  "recourse.example.org",
  "http:",
  "https:",
  "https://evil.example",
  "javascript:alert(1)",
  "data:text/html,x",
  "é",
  "\u2028",
  "\u2029",
  "／",
  "﹫",
  "。",
  "\ufeff",
  "cases",
  "next",
  "%",
);
const urlShaped = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")),
  fc.array(piece, { maxLength: 12 }).map((parts) => `/${parts.join("")}`),
  fc.string({ maxLength: 40 }),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
);

describe("safeRedirect", () => {
  it("never gives a destination off the site, and always one a Location header can carry", () => {
    fc.assert(
      fc.property(urlShaped, (target) => {
        const result = safeRedirect(target, FALLBACK, SITE);
        if (result === FALLBACK) return;
        expect(result.startsWith("/") && !result.startsWith("//"), `${JSON.stringify(target)} → ${result}`).toBe(true);
        expect(result).not.toMatch(/[\\\u0000-\u0020\u007f-\uffff]/);
        // Read the way a browser reads a Location: against the page's address.
        expect(new URL(result, `${SITE}/login?next=x`).origin).toBe(SITE);
        expect(() => new Headers({ Location: result })).not.toThrow();
      }),
      { numRuns: 20_000 },
    );
  });

  it("refuses the payloads the outside test used, and keeps real paths with their query", () => {
    for (const bad of [
      "/\t/evil.example/",
      "/%09/evil.example/".replace("%09", "\t"),
      "//evil.example",
      "/\\evil.example",
      "/.//evil.example",
      "https://evil.example/",
      "/\r\nSet-Cookie: x=1",
      "",
      null,
      undefined,
    ]) {
      expect(safeRedirect(bad, FALLBACK, SITE), JSON.stringify(bad)).toBe(FALLBACK);
    }
    expect(safeRedirect("/cases?status=received&q=é", FALLBACK, SITE)).toBe("/cases?status=received&q=%C3%A9");
    expect(safeRedirect("/reports/durham/2026-Q2#figures", FALLBACK, SITE)).toBe("/reports/durham/2026-Q2#figures");
    expect(safeRedirect("/cases/../admin/users", FALLBACK, SITE)).toBe("/admin/users");
  });
});
