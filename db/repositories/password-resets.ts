import type { Kysely } from "kysely";
import type { Database, PasswordResetRow } from "../schema";
import { findUserLinkByTokenHash, markUserLinkUsed, revokeOpenUserLinks, type LinkUser } from "./user-links";

export async function insertPasswordReset(
  db: Kysely<Database>,
  reset: { userId: number; tokenHash: string; now: string; expiresAt: string },
): Promise<number> {
  const row = await db
    .insertInto("password_resets")
    .values({
      user_id: reset.userId,
      token_hash: reset.tokenHash,
      created_at: reset.now,
      expires_at: reset.expiresAt,
      used_at: null,
      revoked_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PasswordResetWithUser {
  reset: PasswordResetRow;
  user: LinkUser;
}

export async function findPasswordResetByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<PasswordResetWithUser | null> {
  const found = await findUserLinkByTokenHash(db, "password_resets", tokenHash);
  return found && { reset: found.link as PasswordResetRow, user: found.user };
}

/** Marks it used only if nobody used or revoked it first: 1 when this call won, 0 otherwise. */
export function markPasswordResetUsed(db: Kysely<Database>, id: number, now: string): Promise<number> {
  return markUserLinkUsed(db, "password_resets", id, now);
}

/** Every reset link of the user not used yet stops working (one was used, or the account closed). */
export function revokeOpenPasswordResetsOfUser(db: Kysely<Database>, userId: number, now: string): Promise<number> {
  return revokeOpenUserLinks(db, "password_resets", userId, now);
}
