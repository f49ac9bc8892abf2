import type { Kysely } from "kysely";
import type { Database, InvitationRow } from "../schema";
import { findUserLinkByTokenHash, markUserLinkUsed, revokeOpenUserLinks, type LinkUser } from "./user-links";

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
  user: LinkUser;
}

export async function findInvitationByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<InvitationWithUser | null> {
  const found = await findUserLinkByTokenHash(db, "invitations", tokenHash);
  return found && { invitation: found.link as InvitationRow, user: found.user };
}

export function markInvitationUsed(db: Kysely<Database>, id: number, now: string): Promise<number> {
  return markUserLinkUsed(db, "invitations", id, now);
}

export function revokeOpenInvitationsOfUser(db: Kysely<Database>, userId: number, now: string): Promise<number> {
  return revokeOpenUserLinks(db, "invitations", userId, now);
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
