import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  isTransientSendFailure,
  MAX_EMAIL_ATTEMPTS,
  nextEmailAttempt,
  retryDelayMs,
} from "../../app/domain/email-retry";

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const now = new Date("2026-11-23T15:00:00.000Z");

describe("isTransientSendFailure", () => {
  it.each([421, 450, 451, 452, 454])("retries an SMTP %d reply", (responseCode) => {
    expect(isTransientSendFailure({ responseCode })).toBe(true);
  });

  it.each([500, 501, 530, 535, 550, 552, 553, 554])("gives up on an SMTP %d reply", (responseCode) => {
    expect(isTransientSendFailure({ responseCode })).toBe(false);
  });

  it.each(["ECONNECTION", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ESOCKET", "EDNS", "EHOSTUNREACH", "ENOTFOUND"])(
    "retries a connection error %s",
    (code) => {
      expect(isTransientSendFailure({ code })).toBe(true);
    },
  );

  it("goes by the SMTP reply when there is one, even with an error code", () => {
    expect(isTransientSendFailure({ code: "EENVELOPE", responseCode: 550 })).toBe(false);
    expect(isTransientSendFailure({ code: "EENVELOPE", responseCode: 451 })).toBe(true);
  });

  it("retries an unknown failure rather than losing the email", () => {
    expect(isTransientSendFailure({})).toBe(true);
    expect(isTransientSendFailure({ code: "ESOMETHINGNEW" })).toBe(true);
  });
});

describe("nextEmailAttempt", () => {
  it("schedules a retry after a 4xx reply, 30 s after the first failure", () => {
    const next = nextEmailAttempt({ responseCode: 451 }, 1, now);
    expect(next.dead).toBe(false);
    expect(next.nextAttemptAt.getTime() - now.getTime()).toBe(30 * SECOND);
  });

  it("schedules a retry after a connection error", () => {
    const next = nextEmailAttempt({ code: "ECONNREFUSED" }, 3, now);
    expect(next.dead).toBe(false);
    expect(next.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it("dead-letters a 5xx reply at once, even on the first attempt", () => {
    expect(nextEmailAttempt({ responseCode: 550 }, 1, now).dead).toBe(true);
  });

  it(`keeps retrying a transient failure until ${MAX_EMAIL_ATTEMPTS} attempts, then dead-letters it`, () => {
    for (let attempts = 1; attempts < MAX_EMAIL_ATTEMPTS; attempts++) {
      expect(nextEmailAttempt({ responseCode: 421 }, attempts, now).dead).toBe(false);
    }
    expect(nextEmailAttempt({ responseCode: 421 }, MAX_EMAIL_ATTEMPTS, now).dead).toBe(true);
    expect(nextEmailAttempt({ code: "ETIMEDOUT" }, MAX_EMAIL_ATTEMPTS + 5, now).dead).toBe(true);
  });

  it("retries at least a few times before giving up", () => {
    expect(MAX_EMAIL_ATTEMPTS).toBeGreaterThanOrEqual(3);
  });
});

describe("retryDelayMs", () => {
  it("doubles from 30 s", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30, 60, 120, 240, 480].map((s) => s * SECOND));
  });

  it("is capped at 6 hours", () => {
    expect(retryDelayMs(30)).toBe(6 * HOUR);
    expect(retryDelayMs(10_000)).toBe(6 * HOUR);
  });

  it("is positive, never decreases with more attempts, and never exceeds 6 hours", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const dLo = retryDelayMs(lo);
        const dHi = retryDelayMs(hi);
        expect(dLo).toBeGreaterThan(0);
        expect(dLo).toBeLessThanOrEqual(dHi);
        expect(dHi).toBeLessThanOrEqual(6 * HOUR);
        expect(Number.isInteger(dHi)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("matches the time nextEmailAttempt waits before a retry", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_EMAIL_ATTEMPTS - 1 }), (attempts) => {
        const next = nextEmailAttempt({ responseCode: 450 }, attempts, now);
        expect(next.nextAttemptAt.getTime() - now.getTime()).toBe(retryDelayMs(attempts));
      }),
    );
  });
});
