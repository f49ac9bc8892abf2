import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "../../app/utils/http.server";

const url = "https://recourse.example/file";
const headers = (h: Record<string, string>) => new Headers(h);

describe("isSameOriginRequest", () => {
  it("trusts the browser's Sec-Fetch-Site first", () => {
    expect(isSameOriginRequest(headers({ "Sec-Fetch-Site": "same-origin" }), url)).toBe(true);
    expect(isSameOriginRequest(headers({ "Sec-Fetch-Site": "none" }), url)).toBe(true);
    expect(isSameOriginRequest(headers({ "Sec-Fetch-Site": "cross-site", Origin: "https://recourse.example" }), url)).toBe(false);
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
