import type { Kysely } from "kysely";
import type { Database, PasswordResetRow, User } from "../schema";

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
  user: Pick<User, "id" | "email" | "display_name" | "language" | "organization_id" | "disabled_at">;
}

export async function findPasswordResetByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<PasswordResetWithUser | null> {
  const row = await db
    .selectFrom("password_resets as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .selectAll("r")
    .select(["u.email", "u.display_name", "u.language", "u.organization_id", "u.disabled_at"])
    .where("r.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const { email, display_name, language, organization_id, disabled_at, ...reset } = row;
  return { reset, user: { id: reset.user_id, email, display_name, language, organization_id, disabled_at } };
}

/** Marks it used only if nobody used or revoked it first: 1 when this call won, 0 otherwise. */
export async function markPasswordResetUsed(db: Kysely<Database>, id: number, now: string): Promise<number> {
  const result = await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Every reset link of the user not used yet stops working (one was used, or the account closed). */
export async function revokeOpenPasswordResetsOfUser(db: Kysely<Database>, userId: number, now: string): Promise<number> {
  const result = await db
    .updateTable("password_resets")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
