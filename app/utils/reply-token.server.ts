import { createHmac, timingSafeEqual } from "node:crypto";
import { base32 } from "./base32";

// Reply and bounce addresses (issue #20): reply+<token>@domain names a case, bounce+<token>@domain
// names one outgoing email. The token carries what it names, why, and until when, signed with
// HMAC-SHA256 under REPLY_TOKEN_SECRET: nobody can make one for another case without the secret.
// Lower-case letters and digits only, because some mail servers change the case of local parts.

export type TokenPurpose = "reply" | "bounce";

const PREFIX: Record<TokenPurpose, string> = { reply: "r", bounce: "b" };
const DAY_MS = 86_400_000;
/** 120 bits of MAC: guessing one is out of reach, and the address stays under 64 characters. */
const MAC_BYTES = 15;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

function mac(secret: string, purpose: TokenPurpose, id: number, expiresDay: number): string {
  return base32(
    createHmac("sha256", secret).update(`${purpose}:${id}:${expiresDay}`).digest().subarray(0, MAC_BYTES),
    BASE32,
  );
}

/** A token for `id` (a case for replies, an outbox email for bounces), good until `expiresAt`. */
export function signToken(input: { secret: string; purpose: TokenPurpose; id: number; expiresAt: Date }): string {
  const day = Math.ceil(input.expiresAt.getTime() / DAY_MS);
  return `${PREFIX[input.purpose]}${input.id.toString(36)}-${day.toString(36)}-${mac(input.secret, input.purpose, input.id, day)}`;
}

export type TokenCheck =
  | { ok: true; purpose: TokenPurpose; id: number }
  | { ok: false; reason: "missing" | "forged" }
  | { ok: false; reason: "expired"; purpose: TokenPurpose; id: number };

const TOKEN = /^([rb])([0-9a-z]{1,11})-([0-9a-z]{1,8})-([a-z2-7]{24})$/;

/** Reads a token; the MAC is compared in constant time, and an expired one is told apart from a forged one. */
export function verifyToken(input: { secret: string; token: string | null; now: Date }): TokenCheck {
  if (!input.token) return { ok: false, reason: "missing" };
  const match = TOKEN.exec(input.token.toLowerCase());
  if (!match) return { ok: false, reason: "forged" };
  const purpose: TokenPurpose = match[1] === "r" ? "reply" : "bounce";
  const id = parseInt(match[2]!, 36);
  const day = parseInt(match[3]!, 36);
  if (!Number.isSafeInteger(id) || id < 1) return { ok: false, reason: "forged" };
  const expected = Buffer.from(mac(input.secret, purpose, id, day));
  const given = Buffer.from(match[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  if (day * DAY_MS < input.now.getTime()) return { ok: false, reason: "expired", purpose, id };
  return { ok: true, purpose, id };
}

/** The token in the first recipient address of the form <purpose>+<token>@…, or null. */
export function tokenInAddresses(addresses: readonly string[], purpose: TokenPurpose): string | null {
  const local = purpose === "reply" ? "reply" : "bounce";
  for (const address of addresses) {
    const match = new RegExp(`(?:^|[<\\s,])${local}\\+([^@\\s>]+)@`, "i").exec(address);
    if (match) return match[1]!;
  }
  return null;
}

export function tokenAddress(purpose: TokenPurpose, token: string, domain: string): string {
  return `${purpose === "reply" ? "reply" : "bounce"}+${token}@${domain}`;
}
