import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  dynamicCacheControl,
  newCspNonce,
  securityHeaders,
} from "../../app/utils/security-headers.server";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("the Content-Security-Policy", () => {
  it("allows scripts only from this site or with this response's nonce, and no inline style", () => {
    const policy = directives(contentSecurityPolicy("abc123=="));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain("*");
    }
  });

  it("gets a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newCspNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("under `npm run dev`", () => {
  it("lets the Remix dev server's hot updates in, outside production only", () => {
    const dev = directives(
      securityHeaders({ nonce: "n", production: false, devOrigin: "http://localhost:3001/" })[
        "Content-Security-Policy"
      ]!,
    );
    expect(dev.get("script-src")).toEqual(["'self'", "'nonce-n'", "http://localhost:3001"]);
    expect(dev.get("connect-src")).toEqual(["'self'", "http://localhost:3001", "ws://localhost:3001"]);
    const production = directives(
      securityHeaders({ nonce: "n", production: true, devOrigin: "http://localhost:3001/" })[
        "Content-Security-Policy"
      ]!,
    );
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-n'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
  });
});

describe("securityHeaders", () => {
  it("sends HSTS in production only", () => {
    expect(securityHeaders({ nonce: "n", production: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(securityHeaders({ nonce: "n", production: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("always forbids sniffing, framing and cross-site referrers", () => {
    const headers = securityHeaders({ nonce: "n", production: false });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });
});

describe("dynamicCacheControl", () => {
  it("stores nothing unless the route already said no-store", () => {
    expect(dynamicCacheControl(null)).toBe("no-store");
    expect(dynamicCacheControl("public, max-age=3600")).toBe("no-store");
    expect(dynamicCacheControl("max-age=60, no-store-ish")).toBe("no-store");
    expect(dynamicCacheControl("private, no-store")).toBe("private, no-store");
  });
});
