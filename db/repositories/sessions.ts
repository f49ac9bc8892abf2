import type { Kysely } from "kysely";
import type { Database, User } from "../schema";

export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; userId: number; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** The session and its user, if the session is live: not revoked, not expired, user enabled. */
export async function findLiveSession(
  db: Kysely<Database>,
  sessionId: string,
  now: string,
): Promise<{ sessionId: string; lastSeenAt: string; user: User } | null> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .selectAll("u")
    .select(["s.id as session_id", "s.last_seen_at"])
    .where("s.id", "=", sessionId)
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const { session_id, last_seen_at, ...user } = row;
  return { sessionId: session_id, lastSeenAt: last_seen_at, user };
}

export async function touchSession(db: Kysely<Database>, sessionId: string, now: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", sessionId).execute();
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("id", "=", sessionId)
    .where("revoked_at", "is", null)
    .execute();
}

/** Every live session of one user at once (the account was disabled): their next request is signed out. */
export async function revokeSessionsOfUser(db: Kysely<Database>, userId: number, now: string): Promise<number> {
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
