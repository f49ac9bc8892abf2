import { createHash, randomBytes } from "node:crypto";
import type { DB } from "../../db/client";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { findLiveSession, insertSession, revokeSession, touchSession } from "../../db/repositories/sessions";
import { findUserByEmail } from "../../db/repositories/users";
import type { User } from "../../db/schema";
import { dummyPasswordHash, verifyPassword } from "../utils/password.server";

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
// Writing last_seen_at on every request would serialise reads behind writes; once a minute is enough.
const TOUCH_EVERY_MS = 60 * 1000;

/** Only the hash of a session token is stored: a copy of the database cannot be used to sign in. */
export function sessionIdFromToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type SessionUser = Pick<User, "id" | "email" | "display_name" | "role" | "organization_id" | "language">;

export async function signIn(input: {
  db: DB;
  email: string;
  password: string;
  now: Date;
}): Promise<{ token: string; user: SessionUser } | null> {
  const { db, now } = input;
  const user = await findUserByEmail(db, input.email);
  const valid = user && !user.disabled_at
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  const nowIso = now.toISOString();
  if (!user || !valid) {
    await appendAuditEntry(db, {
      at: nowIso,
      actorUserId: user?.id ?? null,
      actorLabel: input.email.slice(0, 254),
      organizationId: user?.organization_id ?? null,
      action: "auth.sign_in_failed",
      targetType: null,
      targetId: null,
      details: null,
    });
    return null;
  }
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      id: sessionIdFromToken(token),
      userId: user.id,
      now: nowIso,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    });
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "auth.sign_in",
      targetType: null,
      targetId: null,
      details: null,
    });
  });
  return { token, user };
}

/** The signed-in user for a session token, or null when it is unknown, revoked, expired or idle. */
export async function userForSessionToken(db: DB, token: string, now: Date): Promise<SessionUser | null> {
  const sessionId = sessionIdFromToken(token);
  const live = await findLiveSession(db, sessionId, now.toISOString());
  if (!live) return null;
  const idleFor = now.getTime() - Date.parse(live.lastSeenAt);
  if (idleFor > SESSION_IDLE_MS) {
    await revokeSession(db, sessionId, now.toISOString());
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) await touchSession(db, sessionId, now.toISOString());
  const { id, email, display_name, role, organization_id, language } = live.user;
  return { id, email, display_name, role, organization_id, language };
}

export async function signOut(db: DB, token: string, now: Date): Promise<void> {
  await revokeSession(db, sessionIdFromToken(token), now.toISOString());
}
