import { createHash, randomBytes } from "node:crypto";
import { writeTransaction, type DB } from "../../db/client";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { enqueueEmail } from "../../db/repositories/email-outbox";
import {
  findPasswordResetByTokenHash,
  insertPasswordReset,
  markPasswordResetUsed,
  revokeOpenPasswordResetsOfUser,
  type PasswordResetWithUser,
} from "../../db/repositories/password-resets";
import { revokeSessionsOfUser } from "../../db/repositories/sessions";
import { findUserByEmail, updateUserPassword } from "../../db/repositories/users";
import { passwordChangedEmail } from "../../emails/password-changed-email";
import { passwordResetEmail } from "../../emails/password-reset-email";
import { publicUrl } from "../utils/env.server";
import { hashPassword } from "../utils/password.server";
import { accountLimitKey } from "./auth.server";
import { wakeOutboxWorker } from "./outbox-worker.server";
import { releaseAttempt, reserveAttempt, type RateLimit } from "./rate-limit.server";
import { refused, type Result } from "../domain/result";

// "Forgot your password?": a single-use link by email, good for an hour (issue #7). Whoever asks
// gets the same answer whether or not the address has an account, so the page cannot be used to
// find out who works where.

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;
/** Reset requests: 10 a minute per account and per address, like sign-in; each one may send an email. */
export const PASSWORD_RESET_REQUESTS: RateLimit = { name: "password-reset", max: 10, windowMs: 60 * 1000 };
/** Reset links that match nothing, per address: guessing a 256-bit token is hopeless, and stays so. */
export const PASSWORD_RESET_UNKNOWN_LINKS: RateLimit = { name: "reset-link-fail", max: 10, windowMs: 60 * 1000 };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type ResetRequestResult = Result;

/**
 * Emails a reset link if the address belongs to an open account; does nothing visible otherwise.
 * Disabled accounts (and invited people who never chose a password, whose accounts stay disabled
 * until then) get no link.
 */
export async function requestPasswordReset(input: {
  db: DB;
  email: string;
  clientIp: string | null;
  now: Date;
}): Promise<ResetRequestResult> {
  const { db, now } = input;
  const nowIso = now.toISOString();
  const keys = [accountLimitKey(input.email), ...(input.clientIp ? [`ip:${input.clientIp}`] : [])];
  const limited = (await reserveAttempt(db, PASSWORD_RESET_REQUESTS, keys, now)) === null;
  const user = limited ? null : await findUserByEmail(db, input.email);
  const eligible = user && !user.disabled_at ? user : null;
  const sent = await writeTransaction(db, async (trx) => {
    if (eligible) {
      // 256 random bits; only the hash is kept, so the email holds the one usable copy.
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS).toISOString();
      const resetId = await insertPasswordReset(trx, {
        userId: eligible.id,
        tokenHash: hashToken(token),
        now: nowIso,
        expiresAt,
      });
      const email = passwordResetEmail({
        language: eligible.language,
        name: eligible.display_name,
        link: `${publicUrl()}/reset-password/${token}`,
        expiresAt,
      });
      await enqueueEmail(
        trx,
        {
          dedupeKey: `password-reset:${resetId}`,
          caseId: null,
          recipient: eligible.email,
          language: eligible.language,
          template: "password_reset",
          ...email,
        },
        nowIso,
      );
    }
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: user?.id ?? null,
      actorLabel: user?.email ?? input.email.slice(0, 254),
      organizationId: user?.organization_id ?? null,
      action: "auth.password_reset_requested",
      targetType: user ? "user" : null,
      targetId: user ? String(user.id) : null,
      details: { emailSent: eligible !== null, ...(limited ? { reason: "rate_limited" } : {}) },
    });
    return eligible !== null;
  });
  if (sent) wakeOutboxWorker();
  return limited ? refused("too-many", "forgot.rateLimited") : { ok: true };
}

export type PasswordResetState = "open" | "expired" | "used" | "unknown";

function stateOf(found: PasswordResetWithUser | null, now: Date): PasswordResetState {
  // A closed account cannot be opened again by a reset: its links answer as unknown.
  if (!found || found.reset.revoked_at || found.user.disabled_at) return "unknown";
  if (found.reset.used_at) return "used";
  if (found.reset.expires_at <= now.toISOString()) return "expired";
  return "open";
}

/** What the reset page shows for a token: the form (with the account's email) or why not. */
export async function passwordResetView(input: {
  db: DB;
  token: string;
  now: Date;
}): Promise<{ state: "open"; email: string } | { state: Exclude<PasswordResetState, "open"> }> {
  const found = await findPasswordResetByTokenHash(input.db, hashToken(input.token));
  const state = stateOf(found, input.now);
  return state === "open" && found
    ? { state, email: found.user.email }
    : { state: state === "open" ? "unknown" : state };
}

export type ResetPasswordResult =
  | { ok: true; email: string }
  | { ok: false; state: Exclude<PasswordResetState, "open"> }
  | { ok: false; state: null; reason: "rate_limited" };

/**
 * Sets the new password, uses up the link, ends every session of the account and every other
 * reset link, all in one transaction, and tells the owner by email. The password must already
 * follow the policy (the route parses it with newPasswordFormSchema).
 */
export async function resetPassword(input: {
  db: DB;
  token: string;
  password: string;
  clientIp: string | null;
  now: Date;
}): Promise<ResetPasswordResult> {
  const { db, now } = input;
  const nowIso = now.toISOString();
  const ipKeys = input.clientIp ? [`ip:${input.clientIp}`] : [];
  // Counted before the link is looked up, given back unless it was unknown: one atomic step.
  const reservation = ipKeys.length ? await reserveAttempt(db, PASSWORD_RESET_UNKNOWN_LINKS, ipKeys, now) : null;
  if (ipKeys.length && !reservation) {
    return { ok: false, state: null, reason: "rate_limited" };
  }
  const tokenHash = hashToken(input.token);
  // Hashed before the write lock is taken: argon2id takes a noticeable fraction of a second.
  const passwordHash = await hashPassword(input.password);
  const result = await writeTransaction(db, async (trx): Promise<ResetPasswordResult> => {
    const found = await findPasswordResetByTokenHash(trx, tokenHash);
    const state = stateOf(found, now);
    if (state !== "open" || !found) return { ok: false, state: state === "open" ? "unknown" : state };
    if (!(await markPasswordResetUsed(trx, found.reset.id, nowIso))) return { ok: false, state: "used" };
    const { user } = found;
    await updateUserPassword(trx, user.id, passwordHash);
    const resetLinksRevoked = await revokeOpenPasswordResetsOfUser(trx, user.id, nowIso);
    const sessionsRevoked = await revokeSessionsOfUser(trx, user.id, nowIso);
    const email = passwordChangedEmail({
      language: user.language,
      name: user.display_name,
      changedAt: nowIso,
      signInLink: `${publicUrl()}/login`,
    });
    await enqueueEmail(
      trx,
      {
        dedupeKey: `password-changed:${found.reset.id}`,
        caseId: null,
        recipient: user.email,
        language: user.language,
        template: "password_changed",
        ...email,
      },
      nowIso,
    );
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "auth.password_reset",
      targetType: "user",
      targetId: String(user.id),
      details: { sessionsRevoked, resetLinksRevoked },
    });
    return { ok: true, email: user.email };
  });
  if (reservation && (result.ok || result.state !== "unknown")) await releaseAttempt(db, reservation);
  if (result.ok) wakeOutboxWorker();
  return result;
}
