import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFormBody, isSameOriginRequest } from "../../app/utils/http.server";

const url = "https://recourse.example/file";
const headers = (h: Record<string, string>) => new Headers(h);

describe("isSameOriginRequest", () => {
  it("trusts the browser's Sec-Fetch-Site first", () => {
    expect(isSameOriginRequest(headers({ "Sec-Fetch-Site": "same-origin" }), url)).toBe(true);
    expect(isSameOriginRequest(headers({ "Sec-Fetch-Site": "none" }), url)).toBe(true);
    expect(
      isSameOriginRequest(headers({ "Sec-Fetch-Site": "cross-site", Origin: "https://recourse.example" }), url),
    ).toBe(false);
    expect(isSameOriginRequest(headers({ "Sec-Fetch-Site": "same-site" }), url)).toBe(false);
  });

  it("falls back to Origin, which must name this host", () => {
    expect(isSameOriginRequest(headers({ Origin: "https://recourse.example" }), url)).toBe(true);
    expect(isSameOriginRequest(headers({ Origin: "https://evil.example" }), url)).toBe(false);
    expect(isSameOriginRequest(headers({ Origin: "null" }), url)).toBe(false);
  });

  it("lets through clients that send neither (not a browser, so no forged form)", () => {
    expect(isSameOriginRequest(headers({}), url)).toBe(true);
  });
});

describe("isSameOriginRequest, for any header values", () => {
  const host = "recourse.example";
  const anyOrigin = fc.oneof(
    fc.webUrl().map((u) => new URL(u).origin),
    fc.string(),
    fc.constantFrom(
      "null",
      "",
      " ",
      "https://recourse.example.evil.example",
      "https://evil.example/https://recourse.example",
    ),
  );
  const anySite = fc.oneof(
    fc.constantFrom("same-origin", "none", "same-site", "cross-site", "", "SAME-ORIGIN"),
    fc.string(),
  );

  it("passes only same-origin/none, or no Sec-Fetch-Site and an Origin naming this host, or neither header", () => {
    fc.assert(
      fc.property(fc.option(anySite, { nil: undefined }), fc.option(anyOrigin, { nil: undefined }), (site, origin) => {
        const h = new Headers();
        if (site) h.set("Sec-Fetch-Site", site);
        if (origin?.trim()) h.set("Origin", origin);
        const passed = isSameOriginRequest(h, url);
        const sentSite = h.get("Sec-Fetch-Site");
        const sentOrigin = h.get("Origin");
        let expected: boolean;
        if (sentSite) expected = sentSite === "same-origin" || sentSite === "none";
        else if (!sentOrigin) expected = true;
        else expected = URL.canParse(sentOrigin) && new URL(sentOrigin).host === host;
        expect(passed).toBe(expected);
        // Whatever else was sent, a foreign Origin never passes on its own.
        if (!sentSite && sentOrigin && URL.canParse(sentOrigin) && new URL(sentOrigin).host !== host)
          expect(passed).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("isFormBody", () => {
  it("accepts what an HTML form sends", () => {
    expect(isFormBody("application/x-www-form-urlencoded")).toBe(true);
    expect(isFormBody("application/x-www-form-urlencoded;charset=UTF-8")).toBe(true);
    expect(isFormBody("multipart/form-data; boundary=----WebKitFormBoundaryabc")).toBe(true);
    expect(isFormBody('multipart/form-data; charset=utf-8; boundary="a b"')).toBe(true);
  });

  it("refuses every other body type, and multipart without its boundary", () => {
    for (const type of [
      undefined,
      "",
      "application/json",
      "text/plain",
      "text/xml",
      "multipart/form-data",
      "multipart/mixed; boundary=x",
      "application/x-www-form-urlencodedx",
      "application/json; x=application/x-www-form-urlencoded",
    ]) {
      expect(isFormBody(type), String(type)).toBe(false);
    }
  });
});
