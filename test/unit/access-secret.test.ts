import { describe, it, expect } from "vitest";
import {
  accessSecretMatches,
  generateAccessSecret,
  hashAccessSecret,
  normalizeAccessSecret,
} from "../../app/utils/access-secret.server";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SHAPE = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}(-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}){2}$/;

/** A secret with at least one 0 and one 1 in it, so the O/I/L substitutions are exercised. */
function secretWithZeroAndOne(): string {
  for (;;) {
    const s = generateAccessSecret();
    if (s.includes("0") && s.includes("1")) return s;
  }
}

describe("generateAccessSecret", () => {
  it("is 12 Crockford base32 characters in 3 dash-separated groups of 4, easy to read aloud", () => {
    for (let i = 0; i < 200; i++) {
      const s = generateAccessSecret();
      expect(s).toMatch(SHAPE);
      expect(s.replace(/-/g, "")).toHaveLength(12);
      // 12 characters of 5 bits: 60 bits, the figure decision 015 argues is enough with the limits.
      expect(s.replace(/-/g, "").length * Math.log2(CROCKFORD.length)).toBe(60);
    }
  });

  it("never uses the easily misheard letters I, L, O or U", () => {
    for (let i = 0; i < 200; i++) expect(generateAccessSecret()).not.toMatch(/[ILOU]/);
  });

  it("gives 1,000 distinct secrets in 1,000 draws", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(generateAccessSecret());
    expect(seen.size).toBe(1000);
  });

  it("uses the whole alphabet in every position (not a stuck or biased encoder)", () => {
    const perPosition = Array.from({ length: 12 }, () => new Set<string>());
    for (let i = 0; i < 1000; i++) {
      [...generateAccessSecret().replace(/-/g, "")].forEach((ch, p) => perPosition[p]?.add(ch));
    }
    // 1,000 draws over 32 symbols: missing a symbol at a position has probability ~ 32·e^-31.
    for (const symbols of perPosition) expect(symbols.size).toBe(32);
  });
});

describe("accessSecretMatches", () => {
  it("accepts the secret exactly as issued", () => {
    const s = generateAccessSecret();
    expect(accessSecretMatches(s, hashAccessSecret(s))).toBe(true);
  });

  it("accepts the secret typed in lower case, without dashes, or with spaces", () => {
    const s = generateAccessSecret();
    const hash = hashAccessSecret(s);
    expect(accessSecretMatches(s.toLowerCase(), hash)).toBe(true);
    expect(accessSecretMatches(s.replace(/-/g, ""), hash)).toBe(true);
    expect(accessSecretMatches(s.replace(/-/g, " "), hash)).toBe(true);
    expect(accessSecretMatches(`  ${s.replace(/-/g, "  ").toLowerCase()}\n`, hash)).toBe(true);
    expect(accessSecretMatches(s.replace(/-/g, "").replace(/(.{8})/g, "$1 "), hash)).toBe(true);
  });

  it("accepts O for 0 and I or L (either case) for 1", () => {
    const s = secretWithZeroAndOne();
    const hash = hashAccessSecret(s);
    expect(accessSecretMatches(s.replace(/0/g, "O"), hash)).toBe(true);
    expect(accessSecretMatches(s.replace(/0/g, "o"), hash)).toBe(true);
    expect(accessSecretMatches(s.replace(/1/g, "I"), hash)).toBe(true);
    expect(accessSecretMatches(s.replace(/1/g, "l"), hash)).toBe(true);
    expect(accessSecretMatches(s.replace(/1/g, "L").replace(/0/g, "o").replace(/-/g, ""), hash)).toBe(true);
  });

  it("rejects the secret with any one character changed", () => {
    const s = generateAccessSecret();
    const hash = hashAccessSecret(s);
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "-") continue;
      const other = CROCKFORD[(CROCKFORD.indexOf(s[i] ?? "") + 1) % CROCKFORD.length];
      const changed = s.slice(0, i) + other + s.slice(i + 1);
      expect(accessSecretMatches(changed, hash)).toBe(false);
    }
  });

  it("rejects a missing or extra character and an empty input", () => {
    const s = generateAccessSecret();
    const hash = hashAccessSecret(s);
    expect(accessSecretMatches(s.slice(0, -1), hash)).toBe(false);
    expect(accessSecretMatches(`${s}0`, hash)).toBe(false);
    expect(accessSecretMatches("", hash)).toBe(false);
  });

  it("rejects another case's secret", () => {
    const a = generateAccessSecret();
    const b = generateAccessSecret();
    expect(accessSecretMatches(b, hashAccessSecret(a))).toBe(false);
  });

  it("rejects rather than throws on a malformed stored hash", () => {
    const s = generateAccessSecret();
    expect(accessSecretMatches(s, "")).toBe(false);
    expect(accessSecretMatches(s, "not hex")).toBe(false);
  });
});

describe("hashAccessSecret", () => {
  it("stores a SHA-256 hex digest that does not contain the secret", () => {
    const s = generateAccessSecret();
    const hash = hashAccessSecret(s);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(s);
    expect(hash.toUpperCase()).not.toContain(s.replace(/-/g, "").slice(0, 8));
  });

  it("is the same for every way of typing the same secret", () => {
    const s = secretWithZeroAndOne();
    const variants = [s, s.toLowerCase(), s.replace(/-/g, ""), s.replace(/0/g, "O").replace(/1/g, "L")];
    for (const v of variants) {
      expect(normalizeAccessSecret(v)).toBe(s);
      expect(hashAccessSecret(v)).toBe(hashAccessSecret(s));
    }
  });
});

describe("codes issued before the shorter ones (32 characters)", () => {
  // Stored as sha256 of the normalized code when it was issued: the same check still opens the case.
  const OLD = "7K3M-Q9TX-2HDP-A4BC-DEFG-HJKM-NPQR-STVW";
  const STORED = hashAccessSecret(OLD);
  it("keep working, typed in any case, with or without dashes", () => {
    expect(STORED).toMatch(/^[0-9a-f]{64}$/);
    expect(accessSecretMatches(OLD, STORED)).toBe(true);
    expect(accessSecretMatches(OLD.toLowerCase().replace(/-/g, ""), STORED)).toBe(true);
    expect(accessSecretMatches(OLD.slice(0, 14), STORED)).toBe(false);
  });
});
