import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { base32 } from "./base32";

// Crockford's base32: no I, L, O or U, so a code read over the phone is not misheard.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Characters in a new code: 12 of 5 bits, 60 bits (docs/decisions/015-access-codes-and-links.md). */
export const ACCESS_SECRET_LENGTH = 12;

/**
 * 60 random bits as 12 characters in three groups of four, read aloud group by group: 7K3M-Q9TX-2HDP.
 * Codes issued before (32 characters) keep working: the check below hashes whatever was typed,
 * whatever its length.
 */
export function generateAccessSecret(): string {
  // 8 bytes give 64 bits; the first 60 become the 12 characters.
  const out = base32(randomBytes(8), ALPHABET);
  return out.slice(0, ACCESS_SECRET_LENGTH).match(/.{4}/g)!.join("-");
}

/** What a person types back: any case, spaces or dashes, O for 0 and I/L for 1. */
export function normalizeAccessSecret(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return compact.match(/.{1,4}/g)?.join("-") ?? "";
}

// A fast hash is enough: guessing online is held to the look-up limits (decision 015), and a copy of
// the database that would allow guessing offline already holds the cases the codes protect.
export function hashAccessSecret(secret: string): string {
  return createHash("sha256").update(normalizeAccessSecret(secret)).digest("hex");
}

export function accessSecretMatches(input: string, storedHash: string): boolean {
  const a = Buffer.from(hashAccessSecret(input), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
