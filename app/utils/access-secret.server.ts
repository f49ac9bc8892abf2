import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Crockford's base32: no I, L, O or U, so a code read over the phone is not misheard.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 20 random bytes (160 bits) as 32 characters in groups of four: XXXX-XXXX-…. */
export function generateAccessSecret(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join("-");
}

/** What a person types back: any case, spaces or dashes, O for 0 and I/L for 1. */
export function normalizeAccessSecret(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return compact.match(/.{1,4}/g)?.join("-") ?? "";
}

// The secret has 160 bits of entropy, so a fast hash is enough: nobody can guess it offline.
export function hashAccessSecret(secret: string): string {
  return createHash("sha256").update(normalizeAccessSecret(secret)).digest("hex");
}

export function accessSecretMatches(input: string, storedHash: string): boolean {
  const a = Buffer.from(hashAccessSecret(input), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
