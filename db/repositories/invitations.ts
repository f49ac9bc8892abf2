import type { Kysely } from "kysely";
import type { Database, InvitationRow, User } from "../schema";

export async function insertInvitation(
  db: Kysely<Database>,
  invitation: { userId: number; tokenHash: string; createdBy: number | null; now: string; expiresAt: string },
): Promise<number> {
  const row = await db
    .insertInto("invitations")
    .values({
      user_id: invitation.userId,
      token_hash: invitation.tokenHash,
      created_by: invitation.createdBy,
      created_at: invitation.now,
      expires_at: invitation.expiresAt,
      used_at: null,
      revoked_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface InvitationWithUser {
  invitation: InvitationRow;
  user: Pick<User, "id" | "email" | "display_name" | "language" | "organization_id" | "disabled_at">;
}

export async function findInvitationByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<InvitationWithUser | null> {
  const row = await db
    .selectFrom("invitations as i")
    .innerJoin("users as u", "u.id", "i.user_id")
    .selectAll("i")
    .select(["u.email", "u.display_name", "u.language", "u.organization_id", "u.disabled_at"])
    .where("i.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const { email, display_name, language, organization_id, disabled_at, ...invitation } = row;
  return { invitation, user: { id: invitation.user_id, email, display_name, language, organization_id, disabled_at } };
}

/** Marks it used only if nobody used or revoked it first: 1 when this call won, 0 otherwise. */
export async function markInvitationUsed(db: Kysely<Database>, id: number, now: string): Promise<number> {
  const result = await db
    .updateTable("invitations")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function revokeOpenInvitationsOfUser(db: Kysely<Database>, userId: number, now: string): Promise<number> {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The latest invitation of each of these users that was neither used nor revoked (expired ones
 * included): the user list shows "invited until" or "invitation expired" from it.
 */
export async function listOpenInvitations(
  db: Kysely<Database>,
  userIds: readonly number[],
): Promise<Pick<InvitationRow, "user_id" | "expires_at">[]> {
  if (!userIds.length) return [];
  return db
    .selectFrom("invitations")
    .select(["user_id", (eb) => eb.fn.max("expires_at").as("expires_at")])
    .where("user_id", "in", userIds)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .groupBy("user_id")
    .execute();
}
