import type { DB } from "../../db/client";
import { findAreaWithSsm, findOrganizationById } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { insertCaseEvent, listCaseEvents } from "../../db/repositories/case-events";
import { findCaseByReference, updateCaseIfUnchanged } from "../../db/repositories/cases";
import { enqueueEmail, listEmailsForCase } from "../../db/repositories/email-outbox";
import { findPolicyById } from "../../db/repositories/policies";
import type { CaseRow, CaseUpdate } from "../../db/schema";
import { decisionEmail, publicReplyEmail } from "../../emails/case-emails";
import { translator } from "../i18n";
import { applyStaffAction, type DecisionOutcome, type RefusalReason } from "../domain/case-workflow";
import { nextOpenDeadline } from "../domain/case-deadlines";
import type { SessionUser } from "./auth.server";
import { statusLink } from "./filing.server";
import { wakeOutboxWorker } from "./outbox-worker.server";

const STAFF_ROLES = ["ssm_staff", "ssm_manager"] as const;

/** The SSM area a staff member works for, or null if they are not SSM staff. */
async function staffArea(db: DB, user: SessionUser): Promise<string | null> {
  if (!(STAFF_ROLES as readonly string[]).includes(user.role)) return null;
  const org = await findOrganizationById(db, user.organization_id);
  return org?.kind === "ssm" ? org.area_slug : null;
}

/** A case as one SSM's staff may see it; null (shown as 404) for another SSM's case. */
async function findStaffCase(db: DB, user: SessionUser, reference: string): Promise<CaseRow | null> {
  const area = await staffArea(db, user);
  if (!area) return null;
  const row = await findCaseByReference(db, reference);
  return row && row.area_slug === area ? row : null;
}

export async function staffCaseView(input: { db: DB; user: SessionUser; reference: string; now: Date }) {
  const { db, user } = input;
  const row = await findStaffCase(db, user, input.reference);
  if (!row) return null;
  const [events, emails, policy, respondent] = await Promise.all([
    listCaseEvents(db, row.id, { publicOnly: false }),
    listEmailsForCase(db, row.id),
    findPolicyById(db, row.policy_id),
    row.respondent_org_id ? findOrganizationById(db, row.respondent_org_id) : null,
  ]);
  await appendAuditEntry(db, {
    at: input.now.toISOString(),
    actorUserId: user.id,
    actorLabel: user.email,
    organizationId: user.organization_id,
    action: "case.read",
    targetType: "case",
    targetId: row.reference,
    details: null,
  });
  const { secret_hash: _secret, submission_key: _key, ...caseFields } = row;
  return {
    case: caseFields,
    events,
    emails,
    policy: policy ? { version: policy.version, effectiveFrom: policy.effectiveFrom } : null,
    respondent: respondent ? { name_en: respondent.name_en, name_fr: respondent.name_fr } : null,
  };
}

export type StaffCommand =
  | { action: "acknowledge" }
  | { action: "reply"; message: string }
  | { action: "note"; message: string }
  | { action: "decide"; outcome: DecisionOutcome; reasons: string };

export type StaffActionResult =
  | { ok: true }
  | { ok: false; reason: RefusalReason | "not_found" | "stale" };

/**
 * Applies one staff action if the case's state allows it and nobody changed the case since the
 * staff member loaded it (`expectedVersion`). The timeline, audit entry and any email to the filer
 * are written in the same transaction as the change.
 */
export async function performStaffAction(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  expectedVersion: number;
  command: StaffCommand;
  now: Date;
}): Promise<StaffActionResult> {
  const { db, user, command, now } = input;
  const nowIso = now.toISOString();
  let queuedEmail = false;

  const result = await db.transaction().execute(async (trx): Promise<StaffActionResult> => {
    const row = await findStaffCase(trx, user, input.reference);
    if (!row) return { ok: false, reason: "not_found" };
    const transition = applyStaffAction(row.status, command.action);
    if (!transition.ok) return transition;
    // Notes add to the record without changing the case, so they never collide with other edits.
    if (command.action !== "note" && row.version !== input.expectedVersion) return { ok: false, reason: "stale" };

    const patch: CaseUpdate = { status: transition.next, updated_at: nowIso };
    if (command.action === "acknowledge") patch.acknowledged_at = nowIso;
    if (command.action === "reply" && !row.first_response_at) patch.first_response_at = nowIso;
    if (command.action === "decide") {
      patch.decided_at = nowIso;
      patch.outcome = command.outcome;
      // A written decision is a substantive response: it answers the first-response clock too.
      if (!row.first_response_at) patch.first_response_at = nowIso;
    }
    const next = { ...row, ...patch } as CaseRow;
    patch.next_due_at = nextOpenDeadline(next);

    if (command.action !== "note") {
      const updated = await updateCaseIfUnchanged(trx, row.id, row.version, patch);
      if (!updated) return { ok: false, reason: "stale" };
    }

    const event = {
      acknowledge: { type: "acknowledged", visibility: "public", body: null, data: null },
      reply: { type: "public_reply", visibility: "public", body: "message" in command ? command.message : null, data: null },
      note: { type: "internal_note", visibility: "internal", body: "message" in command ? command.message : null, data: null },
      decide: {
        type: "decided",
        visibility: "public",
        body: command.action === "decide" ? command.reasons : null,
        data: command.action === "decide" ? { outcome: command.outcome } : null,
      },
    }[command.action];
    await insertCaseEvent(trx, {
      case_id: row.id,
      type: event.type,
      visibility: event.visibility as "public" | "internal",
      actor_kind: "staff",
      actor_user_id: user.id,
      level: row.level,
      body: event.body,
      data_json: event.data ? JSON.stringify(event.data) : null,
      created_at: nowIso,
    });
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: `case.${command.action}`,
      targetType: "case",
      targetId: row.reference,
      details: event.data,
    });

    if (row.filer_email && (command.action === "reply" || command.action === "decide")) {
      const area = await findAreaWithSsm(trx, row.area_slug);
      const policy = await findPolicyById(trx, row.policy_id);
      if (!area || !policy) throw new Error(`Case ${row.reference} lost its area or policy`);
      const common = {
        language: row.language,
        filerName: row.filer_name,
        reference: row.reference,
        ssmName: row.language === "fr" ? area.ssm.name_fr : area.ssm.name_en,
        statusLink: statusLink(row.reference),
      };
      const email =
        command.action === "reply"
          ? publicReplyEmail({ ...common, message: command.message })
          : decisionEmail({
              ...common,
              outcomeLabel: translator(row.language)(`outcome.${command.outcome}`),
              reasons: command.reasons,
              recourseWindowDays: policy.policy.recourseWindowDays,
            });
      await enqueueEmail(
        trx,
        {
          dedupeKey: `case:${row.id}:v${row.version + 1}:${command.action}`,
          caseId: row.id,
          recipient: row.filer_email,
          language: row.language,
          template: command.action === "reply" ? "public_reply" : "decision",
          ...email,
        },
        nowIso,
      );
      queuedEmail = true;
    }
    return { ok: true };
  });
  if (queuedEmail) wakeOutboxWorker();
  return result;
}
