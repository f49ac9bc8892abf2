import { nameIn } from "../i18n/localized";
import { createHash, randomBytes } from "node:crypto";
import { writeTransaction, type DB } from "../../db/client";
import {
  findAreaWithSsm,
  findOrganizationById,
  listProvidersInArea,
  type AreaWithSsm,
} from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { enqueueEmail } from "../../db/repositories/email-outbox";
import {
  findInvitationByTokenHash,
  insertInvitation,
  listOpenInvitations,
  markInvitationUsed,
  revokeOpenInvitationsOfUser,
} from "../../db/repositories/invitations";
import { revokeSessionsOfUser } from "../../db/repositories/sessions";
import {
  enableUserWithPassword,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsersOfOrganizations,
  markUserDisabled,
  markUserEnabled,
  updateUserRole,
  type UserWithOrganization,
} from "../../db/repositories/users";
import type { Language, Organization, Role, User } from "../../db/schema";
import { invitationEmail } from "../../emails/invitation-email";
import { INVITATION_LIFETIME_MS, rolesAllowedFor, type InviteInput } from "../domain/ssm-admin-input";
import { fieldRefused, NOT_FOUND, refused, type Refused, type Result } from "../domain/result";
import { translator } from "../i18n";
import { publicUrl } from "../utils/env.server";
import { hashPassword } from "../utils/password.server";
import type { SessionUser } from "./auth.server";
import { wakeOutboxWorker } from "./outbox-worker.server";
import { ownArea, ROLE_ORGANIZATION } from "../domain/access";
import { actorOf, authorize } from "./access.server";

// What an SSM manager administers: the people of their own SSM and of the providers serving
// their area. Anyone else is answered as not found, so the pages confirm nothing about them.

type Provider = Awaited<ReturnType<typeof listProvidersInArea>>[number];

export interface ManagerScope {
  area: AreaWithSsm;
  providers: Provider[];
}

/** The manager's area, SSM and providers; null for anyone whose role does not grant the permission. */
export async function managerScope(
  db: DB,
  user: SessionUser,
  permission: "users.manage" | "organizations.manage",
): Promise<ManagerScope | null> {
  const actor = await actorOf(db, user);
  const areaSlug = authorize(actor, permission) ? ownArea(actor) : null;
  if (!areaSlug) return null;
  const area = await findAreaWithSsm(db, areaSlug);
  if (!area) return null;
  return { area, providers: await listProvidersInArea(db, area.slug) };
}

function organizationIdsOf(scope: ManagerScope): number[] {
  return [scope.area.ssm.id, ...scope.providers.map((p) => p.id)];
}

/** A user the manager may administer, or null (shown as 404). */
async function userInScope(db: DB, scope: ManagerScope, userId: number): Promise<User | null> {
  const target = await findUserById(db, userId);
  return target && organizationIdsOf(scope).includes(target.organization_id) ? target : null;
}

function auditActor(user: SessionUser) {
  return { actorUserId: user.id, actorLabel: user.email, organizationId: user.organization_id };
}

/** A password no hash function produces: an invited account cannot sign in before choosing one. */
const NO_PASSWORD_YET = "!invited: no password set";

export type UserStatus = "active" | "invited" | "invitation_expired" | "disabled";

export interface AdministeredUser extends UserWithOrganization {
  status: UserStatus;
  invitationExpiresAt: string | null;
  isSelf: boolean;
  allowedRoles: readonly Role[];
}

/** The people of the manager's SSM and its area's providers, with what each may become. */
export async function userAdminView(input: { db: DB; user: SessionUser; now: Date }) {
  const scope = await managerScope(input.db, input.user, "users.manage");
  if (!scope) return null;
  const users = await listUsersOfOrganizations(input.db, organizationIdsOf(scope));
  const invitations = new Map(
    (
      await listOpenInvitations(
        input.db,
        users.map((u) => u.id),
      )
    ).map((i) => [i.user_id, i.expires_at]),
  );
  const nowIso = input.now.toISOString();
  const administered: AdministeredUser[] = users.map((u) => {
    const invitationExpiresAt = invitations.get(u.id) ?? null;
    const status: UserStatus = !u.disabled_at
      ? "active"
      : invitationExpiresAt === null
        ? "disabled"
        : invitationExpiresAt > nowIso
          ? "invited"
          : "invitation_expired";
    return {
      ...u,
      status,
      invitationExpiresAt,
      isSelf: u.id === input.user.id,
      allowedRoles: rolesAllowedFor(u.organization.kind),
    };
  });
  return {
    ssm: { id: scope.area.ssm.id, name_en: scope.area.ssm.name_en, name_fr: scope.area.ssm.name_fr },
    providers: scope.providers
      .filter((p) => !p.retired_at)
      .map(({ id, name_en, name_fr }) => ({ id, name_en, name_fr })),
    users: administered,
  };
}

export type InviteResult = Result<{ userId: number }>;

/** A change to this person that their account's state does not allow (a 409 on the page). */
function adminRefused(reason: "self" | "role_not_allowed" | "not_invited" | "not_disabled" | "retired"): Refused {
  return refused("conflict", `admin.users.refused.${reason}`);
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an invitation row and queues its email, inside the caller's transaction. */
async function issueInvitation(
  trx: DB,
  input: {
    scope: ManagerScope;
    invitedBy: SessionUser;
    invitee: Pick<User, "id" | "email" | "display_name" | "language" | "role">;
    organization: Pick<Organization, "name_en" | "name_fr">;
    now: Date;
  },
): Promise<void> {
  const { invitee, now } = input;
  // 256 random bits; only the hash is kept, so the email holds the one usable copy.
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString();
  const invitationId = await insertInvitation(trx, {
    userId: invitee.id,
    tokenHash: hashToken(token),
    createdBy: input.invitedBy.id,
    now: now.toISOString(),
    expiresAt,
  });
  const t = translator(invitee.language);
  const email = invitationEmail({
    language: invitee.language,
    name: invitee.display_name,
    invitedBy: input.invitedBy.display_name,
    ssmName: nameIn(input.scope.area.ssm, invitee.language),
    organizationName: nameIn(input.organization, invitee.language),
    roleLabel: t(`admin.role.${invitee.role}` as "admin.role.ssm_staff"),
    link: `${publicUrl()}/invite/${token}`,
    expiresAt,
  });
  await enqueueEmail(
    trx,
    {
      dedupeKey: `invitation:${invitationId}`,
      caseId: null,
      recipient: invitee.email,
      language: invitee.language,
      template: "invitation",
      ...email,
    },
    now.toISOString(),
  );
}

/**
 * Invites a person: their account exists from now on but stays disabled, with no usable password,
 * until they choose one through the emailed link.
 */
export async function inviteUser(input: {
  db: DB;
  user: SessionUser;
  invite: InviteInput;
  now: Date;
}): Promise<InviteResult> {
  const { db, user, invite, now } = input;
  const scope = await managerScope(db, user, "users.manage");
  if (!scope) return NOT_FOUND;
  const organization =
    ROLE_ORGANIZATION[invite.role] === "provider"
      ? scope.providers.find((p) => p.id === invite.provider && !p.retired_at)
      : scope.area.ssm;
  if (!organization) return fieldRefused("provider", "error.chooseProvider");
  const result = await writeTransaction(db, async (trx): Promise<InviteResult> => {
    if (await findUserByEmail(trx, invite.email)) return fieldRefused("email", "error.emailTaken");
    const nowIso = now.toISOString();
    const invitee = {
      email: invite.email,
      display_name: invite.name,
      role: invite.role,
      language: invite.language as Language,
    };
    const userId = await insertUser(trx, {
      ...invitee,
      password_hash: NO_PASSWORD_YET,
      organization_id: organization.id,
      disabled_at: nowIso,
      created_at: nowIso,
    });
    await issueInvitation(trx, { scope, invitedBy: user, invitee: { id: userId, ...invitee }, organization, now });
    await appendAuditEntry(trx, {
      at: nowIso,
      ...auditActor(user),
      action: "user.invited",
      targetType: "user",
      targetId: String(userId),
      details: { email: invite.email, role: invite.role, organizationId: organization.id },
    });
    return { ok: true, userId };
  });
  if (result.ok) wakeOutboxWorker();
  return result;
}

export type AdminActionResult = Result;

/**
 * Runs a change on one person the manager administers, in a write transaction; anyone outside the
 * manager's SSM and its providers is "not found".
 */
async function actOnUser(
  input: { db: DB; user: SessionUser; userId: number },
  work: (trx: DB, target: User, scope: ManagerScope) => Promise<AdminActionResult>,
): Promise<AdminActionResult> {
  const scope = await managerScope(input.db, input.user, "users.manage");
  if (!scope) return NOT_FOUND;
  return writeTransaction(input.db, async (trx) => {
    const target = await userInScope(trx, scope, input.userId);
    return target ? work(trx, target, scope) : NOT_FOUND;
  });
}

/** A new link for someone who has not set a password yet; the earlier link stops working. */
export async function resendInvitation(input: {
  db: DB;
  user: SessionUser;
  userId: number;
  now: Date;
}): Promise<AdminActionResult> {
  const { user, now } = input;
  const result = await actOnUser(input, async (trx, target, scope): Promise<AdminActionResult> => {
    const pending = await listOpenInvitations(trx, [target.id]);
    if (!target.disabled_at || !pending.length) return adminRefused("not_invited");
    const organization = await findOrganizationById(trx, target.organization_id);
    if (!organization) return NOT_FOUND;
    await revokeOpenInvitationsOfUser(trx, target.id, now.toISOString());
    await issueInvitation(trx, { scope, invitedBy: user, invitee: target, organization, now });
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      ...auditActor(user),
      action: "user.invitation_renewed",
      targetType: "user",
      targetId: String(target.id),
      details: { email: target.email },
    });
    return { ok: true };
  });
  if (result.ok) wakeOutboxWorker();
  return result;
}

/** A new role among those of the person's organization kind; it applies from their next request. */
export async function changeUserRole(input: {
  db: DB;
  user: SessionUser;
  userId: number;
  role: Role;
  now: Date;
}): Promise<AdminActionResult> {
  const { user, now } = input;
  return actOnUser(input, async (trx, target): Promise<AdminActionResult> => {
    // A manager who demoted themselves would lose this page with nobody left to undo it.
    if (target.id === user.id) return adminRefused("self");
    const organization = await findOrganizationById(trx, target.organization_id);
    if (!organization || !rolesAllowedFor(organization.kind).includes(input.role))
      return adminRefused("role_not_allowed");
    if (target.role === input.role) return { ok: true };
    await updateUserRole(trx, target.id, input.role);
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      ...auditActor(user),
      action: "user.role_changed",
      targetType: "user",
      targetId: String(target.id),
      details: { email: target.email, from: target.role, to: input.role },
    });
    return { ok: true };
  });
}

/** Disables an account and ends every session of it in the same transaction. */
export async function disableUser(input: {
  db: DB;
  user: SessionUser;
  userId: number;
  now: Date;
}): Promise<AdminActionResult> {
  const { user, now } = input;
  return actOnUser(input, async (trx, target): Promise<AdminActionResult> => {
    if (target.id === user.id) return adminRefused("self");
    const nowIso = now.toISOString();
    await markUserDisabled(trx, target.id, nowIso);
    const sessionsRevoked = await revokeSessionsOfUser(trx, target.id, nowIso);
    const invitationsRevoked = await revokeOpenInvitationsOfUser(trx, target.id, nowIso);
    await appendAuditEntry(trx, {
      at: nowIso,
      ...auditActor(user),
      action: "user.disabled",
      targetType: "user",
      targetId: String(target.id),
      details: { email: target.email, sessionsRevoked, invitationsRevoked },
    });
    return { ok: true };
  });
}

/**
 * Opens a disabled account again. Someone who never chose a password gets a new invitation
 * instead (their account opens when they use it); the people of a retired provider stay closed.
 */
export async function reenableUser(input: {
  db: DB;
  user: SessionUser;
  userId: number;
  now: Date;
}): Promise<AdminActionResult> {
  const { user, now } = input;
  let invited = false;
  const result = await actOnUser(input, async (trx, target, scope): Promise<AdminActionResult> => {
    if (target.id === user.id) return adminRefused("self");
    if (!target.disabled_at) return adminRefused("not_disabled");
    const organization = await findOrganizationById(trx, target.organization_id);
    if (!organization) return NOT_FOUND;
    if (organization.retired_at) return adminRefused("retired");
    if (target.password_hash === NO_PASSWORD_YET) {
      await revokeOpenInvitationsOfUser(trx, target.id, now.toISOString());
      await issueInvitation(trx, { scope, invitedBy: user, invitee: target, organization, now });
      invited = true;
    } else {
      await markUserEnabled(trx, target.id);
    }
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      ...auditActor(user),
      action: invited ? "user.invitation_renewed" : "user.enabled",
      targetType: "user",
      targetId: String(target.id),
      details: { email: target.email },
    });
    return { ok: true };
  });
  if (invited) wakeOutboxWorker();
  return result;
}

export type InvitationState = "open" | "expired" | "used" | "unknown";

function stateOf(found: Awaited<ReturnType<typeof findInvitationByTokenHash>>, now: Date): InvitationState {
  if (!found || found.invitation.revoked_at) return "unknown";
  if (found.invitation.used_at) return "used";
  if (found.invitation.expires_at <= now.toISOString()) return "expired";
  return "open";
}

/** What the invitation page shows for a token: the form (with the account's email) or why not. */
export async function invitationView(input: {
  db: DB;
  token: string;
  now: Date;
}): Promise<{ state: "open"; email: string; name: string } | { state: Exclude<InvitationState, "open"> }> {
  const found = await findInvitationByTokenHash(input.db, hashToken(input.token));
  const state = stateOf(found, input.now);
  if (state !== "open") return { state };
  return found ? { state, email: found.user.email, name: found.user.display_name } : { state: "unknown" };
}

export type AcceptResult = { ok: true; email: string } | { ok: false; state: Exclude<InvitationState, "open"> };

/** Sets the invited person's password, uses up the invitation and opens the account, all at once. */
export async function acceptInvitation(input: {
  db: DB;
  token: string;
  password: string;
  now: Date;
}): Promise<AcceptResult> {
  const { db, now } = input;
  const tokenHash = hashToken(input.token);
  // Hashed before the write lock is taken: argon2id takes a noticeable fraction of a second.
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, async (trx): Promise<AcceptResult> => {
    const found = await findInvitationByTokenHash(trx, tokenHash);
    const state = stateOf(found, now);
    if (state !== "open" || !found) return { ok: false, state: state === "open" ? "unknown" : state };
    const nowIso = now.toISOString();
    if (!(await markInvitationUsed(trx, found.invitation.id, nowIso))) return { ok: false, state: "used" };
    await enableUserWithPassword(trx, found.user.id, passwordHash);
    await revokeOpenInvitationsOfUser(trx, found.user.id, nowIso);
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: found.user.id,
      actorLabel: found.user.email,
      organizationId: found.user.organization_id,
      action: "user.invitation_accepted",
      targetType: "user",
      targetId: String(found.user.id),
      details: null,
    });
    return { ok: true, email: found.user.email };
  });
}
