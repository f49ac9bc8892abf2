import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BodyGuard,
  bodyLimitsFor,
  FORM_LIMITS,
  UPLOAD_LIMITS,
  type BodyLimits,
} from "../../app/utils/body-limits.server";

// The guard server.ts runs over every body (issue #15): its verdict must not depend on how the
// body was cut into chunks on the way, or an attacker could slip past a limit by choosing them.

const small: BodyLimits = { maxBytes: 4000, maxFields: 20, maxFieldBytes: 300 };

function verdict(body: Buffer, contentType: string, cuts: number[]): string | null {
  const guard = new BodyGuard(small, contentType);
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b).concat(body.length)) {
    const violation = guard.push(body.subarray(from, cut));
    if (violation) return violation;
    from = cut;
  }
  return null;
}

const value = fc.string({ maxLength: 400, unit: fc.constantFrom("a", "%", "&", "-", "\r\n", "=") });

describe("BodyGuard", () => {
  it("gives the same verdict however a URL-encoded body is cut into chunks", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), (fields, cuts) => {
        const body = Buffer.from(fields.map((f, i) => `f${i}=${f}`).join("&"));
        expect(verdict(body, "application/x-www-form-urlencoded", cuts)).toBe(
          verdict(body, "application/x-www-form-urlencoded", []),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same verdict however a multipart body is cut, and lets file parts be longer than a field", () => {
    const part = fc.record({ file: fc.boolean(), text: value });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 25 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const body = Buffer.from(
          parts
            .map(
              (p, i) =>
                `--bnd\r\nContent-Disposition: form-data; name="f${i}"${p.file ? '; filename="x.pdf"' : ""}\r\n\r\n${p.text}\r\n`,
            )
            .join("") + "--bnd--\r\n",
        );
        const whole = verdict(body, "multipart/form-data; boundary=bnd", []);
        expect(verdict(body, "multipart/form-data; boundary=bnd", cuts)).toBe(whole);
        if (
          body.length <= small.maxBytes &&
          parts.length <= small.maxFields &&
          parts.every((p) => p.file || Buffer.byteLength(p.text) < 200)
        )
          expect(whole).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("counts fields exactly: the limit passes, one more is refused", () => {
    const form = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `a${i}=1`).join("&"));
    expect(verdict(form(20), "application/x-www-form-urlencoded", [])).toBeNull();
    expect(verdict(form(21), "application/x-www-form-urlencoded", [])).toBe("too_many_fields");
  });

  it("gives the four attachment routes room for a 10 MB file, and every other form the small limit", () => {
    for (const path of [
      "/status",
      "/status.data",
      "/cases/ES-2026-000001",
      "/disputes/PD-2026-000001.data",
      "/respond/HAM-2026-000001",
    ])
      expect(bodyLimitsFor(path)).toBe(UPLOAD_LIMITS);
    for (const path of ["/login", "/file", "/cases/new", "/disputes/new.data", "/admin/policy", "/forgot-password"])
      expect(bodyLimitsFor(path)).toBe(FORM_LIMITS);
    expect(UPLOAD_LIMITS.maxBytes).toBeGreaterThan(10 * 1024 * 1024);
  });
});
