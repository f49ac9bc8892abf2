import type { DB } from "../../db/client";
import { findOrganizationById } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { listCaseEvents } from "../../db/repositories/case-events";
import { listEmailsForCase } from "../../db/repositories/email-outbox";
import { findUserById, listActiveUsersOfOrganization } from "../../db/repositories/users";
import type { CaseRow } from "../../db/schema";
import { readClocks } from "../domain/case-clocks";
import { panelRequired } from "../domain/case-lifecycle";
import { acknowledgementAwaitsServer } from "../domain/case-lifecycle-delivery";
import { allowedStaffActions, openCallReasons } from "../domain/case-lifecycle-staff";
import { openAttentionTasks } from "../domain/case-lifecycle-attention";
import { roleMay } from "../domain/access";
import { dueStepOf } from "../domain/queue-due-step";
import { actorOf, authorize, caseFor, caseScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { caseAttachments } from "./attachments.server";
import { lifecycleInput, loadCaseContext } from "./case-records.server";
import { providerStageForStaff } from "./provider-stage.server";

/**
 * The fields of a case row that SSM staff see on its page: an allow-list, so a column added to
 * `cases` later (a secret, a key, a link to another organization) stays out until it is named
 * here. The access secret's hash and the filing's idempotency key are never shown.
 */
export const STAFF_CASE_FIELDS = [
  "reference",
  "kind",
  "channel",
  "status",
  "level",
  "program",
  "category",
  "filer_name",
  "filer_email",
  "filer_phone",
  "language",
  "accommodation_needed",
  "accommodation_details",
  "description",
  "outcome_wanted",
  "received_at",
  "decided_at",
  "outcome",
  "closed_at",
  "recourse_deadline_at",
  "next_due_at",
  "purged_at",
  "version",
  "call_filer_since",
] as const satisfies readonly (keyof CaseRow)[];
export type StaffCaseFields = Pick<CaseRow, (typeof STAFF_CASE_FIELDS)[number]>;

/** The row cut down to the allow-list. */
export function staffCaseFields(row: CaseRow): StaffCaseFields {
  return Object.fromEntries(STAFF_CASE_FIELDS.map((key) => [key, row[key]])) as StaffCaseFields;
}

/** Everything SSM staff see on a case page; null for a case outside their SSM. The read is audited. */
export async function staffCaseView(input: { db: DB; user: SessionUser; reference: string; now: Date }) {
  const { db, user, now } = input;
  const actor = await actorOf(db, user);
  const row = await caseFor(db, actor, "case.read", { reference: input.reference });
  if (!row) return null;
  const [context, events, emails, respondent, assignee, attachments, colleagues] = await Promise.all([
    loadCaseContext(db, row),
    listCaseEvents(db, row.id, { publicOnly: false }),
    listEmailsForCase(db, row.id),
    row.respondent_org_id ? findOrganizationById(db, row.respondent_org_id) : null,
    row.assignee_id ? findUserById(db, row.assignee_id) : null,
    caseAttachments(db, row.id, false),
    listActiveUsersOfOrganization(db, user.organization_id),
  ]);
  await appendAuditEntry(db, {
    at: now.toISOString(),
    actorUserId: user.id,
    actorLabel: user.email,
    organizationId: user.organization_id,
    action: "case.read",
    targetType: "case",
    targetId: row.reference,
    details: null,
  });
  const calendar = context.policy.policy.calendar;
  // What the case allows, from the lifecycle rules; escalating by hand only for whom the gate lets.
  const lifecycle = lifecycleInput(row, context, now);
  const allowed = allowedStaffActions(lifecycle).filter(
    (a) => a !== "escalate" || authorize(actor, "case.escalate", { type: "case", case: caseScopeOf(row) }),
  );
  const providerStage = await providerStageForStaff(db, row, context, now);
  return {
    case: staffCaseFields(row),
    providerStage,
    events,
    /** What the "call the person" task is for (issue #18); a bounce raises it with no step named. */
    callFor: openCallReasons(events, row.call_filer_since),
    emails,
    clocks: readClocks(context.clocks, now, calendar),
    /** The step owed next, for the banner at the top of the page (#19): the queue names the same one. */
    nextStep: dueStepOf(context.clocks),
    /** Acknowledged, the email not yet accepted by the mail server (issue #18): the clock still runs. */
    acknowledgementAwaitsServer: acknowledgementAwaitsServer(lifecycle),
    timeZone: calendar.timeZone,
    policy: { version: context.policy.version, effectiveFrom: context.policy.effectiveFrom },
    respondent: respondent ? { name_en: respondent.name_en, name_fr: respondent.name_fr } : null,
    assigneeName: assignee?.display_name ?? null,
    assignable: colleagues
      .filter((u) => roleMay(u.role, "case.be_assigned"))
      .map((u) => ({ id: u.id, name: u.display_name })),
    attachments,
    allowed,
    // The call task is cleared by logging the contact (#18's staff action); only the message is marked here.
    attention: openAttentionTasks(lifecycleInput(row, context, now)).filter((task) => task !== "call_filer"),
    panelRequired: panelRequired(row.level),
    loadedAt: now.toISOString(),
  };
}

/** The timeline entries written after `since`: shown to a staff member whose action found the case changed. */
export async function staffCaseChangesSince(input: { db: DB; user: SessionUser; reference: string; since: string }) {
  const row = await caseFor(input.db, await actorOf(input.db, input.user), "case.read", { reference: input.reference });
  if (!row) return [];
  const events = await listCaseEvents(input.db, row.id, { publicOnly: false });
  return events.filter((e) => e.created_at > input.since);
}
