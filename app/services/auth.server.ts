import { createHash, randomBytes } from "node:crypto";
import { writeTransaction, type DB } from "../../db/client";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { findLiveSession, insertSession, revokeSession, touchSession } from "../../db/repositories/sessions";
import { findUserByEmail } from "../../db/repositories/users";
import type { User } from "../../db/schema";
import { dummyPasswordHash, verifyPassword } from "../utils/password.server";
import { releaseAttempt, reserveAttempt, type RateLimit } from "./rate-limit.server";
import { refused, type Ok, type Refused } from "../domain/result";
import { passwordsAllowedFor } from "./sign-in-settings.server";

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
// Writing last_seen_at on every request would serialise reads behind writes; once a minute is enough.
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * Failed sign-ins: 10 a minute per account and per address (issue #7, ASVS 6.3.1). Once either is
 * used up, every attempt is refused until the minute has passed, even with the right password, and
 * the answer is the same whether the account exists or not.
 */
export const SIGN_IN_FAILURES: RateLimit = { name: "sign-in-fail", max: 10, windowMs: 60 * 1000 };

/** Only the hash of a session token is stored: a copy of the database cannot be used to sign in. */
export function sessionIdFromToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The rate-limit key of an account, for an email that may or may not have one: a hash, so that the
 * counters never hold what strangers typed, and so that unknown and known emails are counted alike.
 */
export function accountLimitKey(email: string): string {
  return `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
}

export type SessionUser = Pick<User, "id" | "email" | "display_name" | "role" | "organization_id" | "language">;

export type SignInAttempt = Ok<{ token: string; user: SessionUser }> | Refused;

/** The same words for an unknown address, a wrong password and a disabled account: none is told apart. */
const SIGN_IN_FAILED = refused("unauthenticated", "login.failed");

/**
 * Checks an email and password and opens a new session. The session id is always new (so one
 * planted before sign-in is useless) and `replacing`, the browser's earlier session token if it
 * sent one, is ended in the same transaction.
 */
export async function attemptSignIn(input: {
  db: DB;
  email: string;
  password: string;
  /** The client's address; absent for callers outside HTTP (tests, scripts): then per account only. */
  clientIp?: string | null;
  replacing?: string | null;
  now: Date;
}): Promise<SignInAttempt> {
  const { db, now } = input;
  const nowIso = now.toISOString();
  const limitKeys = [accountLimitKey(input.email), ...(input.clientIp ? [`ip:${input.clientIp}`] : [])];
  const audit = (action: string, user: User | null, details: Record<string, unknown> | null) =>
    appendAuditEntry(db, {
      at: nowIso,
      actorUserId: user?.id ?? null,
      actorLabel: user?.email ?? input.email.slice(0, 254),
      organizationId: user?.organization_id ?? null,
      action,
      targetType: null,
      targetId: null,
      details,
    });

  // Counted as a failure before the password is checked, so simultaneous guesses cannot all find
  // room under the limit (issue #15); given back if the sign-in succeeds.
  const reservation = await reserveAttempt(db, SIGN_IN_FAILURES, limitKeys, now);
  if (!reservation) {
    await audit("auth.sign_in_failed", null, { reason: "rate_limited" });
    return refused("too-many", "login.rateLimited");
  }
  const user = await findUserByEmail(db, input.email);
  const valid =
    user && !user.disabled_at
      ? await verifyPassword(user.password_hash, input.password)
      : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  if (!user || !valid) {
    await audit("auth.sign_in_failed", user, null);
    return SIGN_IN_FAILED;
  }
  await releaseAttempt(db, reservation);
  // Checked after the password, so only someone who knows it learns that the organization now signs
  // in through its provider (issue #22).
  if (!(await passwordsAllowedFor(db, user.organization_id))) {
    await audit("auth.sign_in_failed", user, { reason: "passwords_off" });
    return refused("forbidden", "signIn.passwordsOff");
  }
  const token = randomBytes(32).toString("base64url");
  await writeTransaction(db, async (trx) => {
    if (input.replacing) await revokeSession(trx, sessionIdFromToken(input.replacing), nowIso);
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
  const { id, email, display_name, role, organization_id, language } = user;
  return { ok: true, token, user: { id, email, display_name, role, organization_id, language } };
}

/** A sign-in that only needs to know whether it worked (scripts and tests). */
export async function signIn(
  input: Parameters<typeof attemptSignIn>[0],
): Promise<{ token: string; user: SessionUser } | null> {
  const attempt = await attemptSignIn(input);
  return attempt.ok ? { token: attempt.token, user: attempt.user } : null;
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
