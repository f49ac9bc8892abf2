import { createHash, randomBytes } from "node:crypto";
import type { DB } from "../../db/client";
import { findAreaWithSsm } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { findCaseById, findCaseByReference } from "../../db/repositories/cases";
import { listCaseEvents } from "../../db/repositories/case-events";
import { deleteFilerSession, findFilerSessionCase, insertFilerSession } from "../../db/repositories/filer-sessions";
import { readClock } from "../domain/case-clocks";
import { normalizeCaseReference } from "../domain/case-reference";
import { filerChoices } from "../domain/case-lifecycle";
import { accessSecretMatches, hashAccessSecret } from "../utils/access-secret.server";
import { caseAttachments } from "./attachments.server";
import { lifecycleInput, loadCaseContext } from "./case-records.server";
import { providerAnswerForClient } from "./provider-stage.server";

// Compared against when the reference does not exist, so a miss costs the same as a wrong secret.
const ABSENT_HASH = hashAccessSecret("absent");
export const FILER_ACCESS_MS = 60 * 60 * 1000;

function accessId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Checks a reference and access secret and, if they match, opens an hour's access to that one case:
 * the filer then reads and acts on it through a cookie, without sending the secret again.
 */
export async function openFilerAccess(input: {
  db: DB;
  reference: string;
  secret: string;
  now: Date;
}): Promise<string | null> {
  const reference = normalizeCaseReference(input.reference);
  const row = reference ? await findCaseByReference(input.db, reference) : null;
  const matches = accessSecretMatches(input.secret, row?.secret_hash ?? ABSENT_HASH);
  // A filer's sign-in, failed or not, is audited like staff's: the case's SSM is the organization.
  await appendAuditEntry(input.db, {
    at: input.now.toISOString(),
    actorUserId: null,
    actorLabel: "filer",
    organizationId: row ? ((await findAreaWithSsm(input.db, row.area_slug))?.ssm.id ?? null) : null,
    action: row && matches ? "filer.access_opened" : "filer.access_failed",
    targetType: reference ? "case" : null,
    targetId: reference,
    details: null,
  });
  if (!row || !matches) return null;
  return startFilerSession(input.db, row.id, input.now);
}

/** An hour's access to one case for its filer (a code or a link checked first): the cookie's token. */
export async function startFilerSession(db: DB, caseId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertFilerSession(db, {
    id: accessId(token),
    caseId,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + FILER_ACCESS_MS).toISOString(),
  });
  return token;
}

export async function caseIdForFilerAccess(db: DB, token: string, now: Date): Promise<number | null> {
  return findFilerSessionCase(db, accessId(token), now.toISOString());
}

export async function closeFilerAccess(db: DB, token: string): Promise<void> {
  await deleteFilerSession(db, accessId(token));
}

/**
 * What the filer may see of their case: status, level, the next deadline, the public timeline and
 * whether they may still ask for recourse. Never internal notes, never staff names or contacts.
 */
export async function filerCaseView(input: { db: DB; caseId: number; now: Date }) {
  const row = await findCaseById(input.db, input.caseId);
  if (!row) return null;
  const [events, context, attachments] = await Promise.all([
    listCaseEvents(input.db, row.id, { publicOnly: true }),
    loadCaseContext(input.db, row),
    caseAttachments(input.db, row.id, true),
  ]);
  const calendar = context.policy.policy.calendar;
  const choices = filerChoices(lifecycleInput(row, context, input.now));
  const providerAnswer = await providerAnswerForClient(input.db, row, context, input.now);
  const running = context.clocks.filter((c) => c.state === "running").map((c) => readClock(c, input.now, calendar));
  const soonest = running.sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  return {
    reference: row.reference,
    status: row.status,
    level: row.level,
    receivedAt: row.received_at,
    nextDueAt: row.next_due_at,
    outcome: row.outcome,
    recourseDeadlineAt: row.recourse_deadline_at,
    canAskRecourse: choices.canAskRecourse,
    canAct: choices.canAct,
    canAddInformation: choices.canAddInformation,
    providerAnswer,
    nextClockKind: soonest?.kind ?? null,
    // Issue #18: the one date the filer is told, named for the step it belongs to.
    next: soonest ? { kind: soonest.kind, dueAt: soonest.dueAt } : null,
    kind: row.kind,
    // What the filer wrote, shown back to them (empty once purged).
    description: row.description,
    outcomeWanted: row.outcome_wanted,
    attachments,
    // Issue #17: the newest extension of this level's deadline with its reason, and whether the
    // case was joined to another (never which one: that is another person's case).
    extension:
      context.clocks.filter((c) => c.level === row.level && c.extension && c.state === "running").at(-1)?.extension ??
      null,
    merged: row.merged_into_case_id !== null,
    area: { slug: context.area.slug, name_en: context.area.name_en, name_fr: context.area.name_fr },
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      body: e.body,
      data_json: e.data_json,
      created_at: e.created_at,
      actor_kind: e.actor_kind,
    })),
  };
}
