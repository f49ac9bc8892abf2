import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signToken, tokenAddress, tokenInAddresses, verifyToken } from "../../app/utils/reply-token.server";

const SECRET = "a-test-secret-that-is-long-enough-1234";
const NOW = new Date("2026-11-23T15:00:00Z");
const LATER = new Date("2027-11-23T15:00:00Z");

describe("reply tokens (issue #20)", () => {
  it("name the case they were made for until they expire, in any letter case a mail server leaves them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.constantFrom("reply", "bounce") as fc.Arbitrary<"reply" | "bounce">,
        (id, purpose) => {
          const token = signToken({ secret: SECRET, purpose, id, expiresAt: LATER });
          expect(token).toMatch(/^[a-z0-9-]+$/);
          expect(verifyToken({ secret: SECRET, token, now: NOW })).toEqual({ ok: true, purpose, id });
          expect(verifyToken({ secret: SECRET, token: token.toUpperCase(), now: NOW })).toEqual({
            ok: true,
            purpose,
            id,
          });
        },
      ),
    );
  });

  it("refuse a token changed in any one character, or signed with another secret: another case cannot be reached", () => {
    const token = signToken({ secret: SECRET, purpose: "reply", id: 42, expiresAt: LATER });
    fc.assert(
      fc.property(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz234567-"),
        (i, c) => {
          fc.pre(token[i] !== c);
          const changed = token.slice(0, i) + c + token.slice(i + 1);
          expect(verifyToken({ secret: SECRET, token: changed, now: NOW }).ok).toBe(false);
        },
      ),
    );
    const other = signToken({
      secret: "another-secret-that-is-long-enough-999",
      purpose: "reply",
      id: 42,
      expiresAt: LATER,
    });
    expect(verifyToken({ secret: SECRET, token: other, now: NOW })).toEqual({ ok: false, reason: "forged" });
  });

  it("tell an expired token from a forged one, and a missing one from both", () => {
    const token = signToken({ secret: SECRET, purpose: "reply", id: 7, expiresAt: NOW });
    expect(verifyToken({ secret: SECRET, token, now: LATER })).toEqual({
      ok: false,
      reason: "expired",
      purpose: "reply",
      id: 7,
    });
    expect(verifyToken({ secret: SECRET, token: null, now: NOW })).toEqual({ ok: false, reason: "missing" });
    expect(verifyToken({ secret: SECRET, token: "r1-abc-xyz", now: NOW })).toEqual({ ok: false, reason: "forged" });
  });

  it("are found in a recipient list, with or without a display name", () => {
    const token = signToken({ secret: SECRET, purpose: "reply", id: 9, expiresAt: LATER });
    const address = tokenAddress("reply", token, "replies.example.org");
    expect(tokenInAddresses(["someone@example.org", `"Recourse" <${address}>`], "reply")).toBe(token);
    expect(tokenInAddresses([address], "bounce")).toBeNull();
  });
});
