import type { DB } from "../../db/client";
import { findOrganizationById } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { listCaseEvents } from "../../db/repositories/case-events";
import { listEmailsForCase } from "../../db/repositories/email-outbox";
import { findUserById, listActiveUsersOfOrganization } from "../../db/repositories/users";
import { readClock } from "../domain/case-clocks";
import { panelRequired } from "../domain/case-lifecycle";
import { allowedStaffActions } from "../domain/case-lifecycle-staff";
import type { SessionUser } from "./auth.server";
import { caseAttachments } from "./attachments.server";
import { lifecycleInput, loadCaseContext } from "./case-records.server";
import { findStaffCase } from "./staff-actions.server";

/** Everything SSM staff see on a case page; null for a case outside their SSM. The read is audited. */
export async function staffCaseView(input: { db: DB; user: SessionUser; reference: string; now: Date }) {
  const { db, user, now } = input;
  const row = await findStaffCase(db, user, input.reference);
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
  const { secret_hash: _secret, submission_key: _key, ...caseFields } = row;
  const calendar = context.policy.policy.calendar;
  // What the case allows, from the lifecycle rules; escalating by hand is for managers.
  const allowed = allowedStaffActions(lifecycleInput(row, context, now)).filter((a) => a !== "escalate" || user.role === "ssm_manager");
  return {
    case: caseFields,
    events,
    emails,
    clocks: context.clocks.map((c) => readClock(c, now, calendar)),
    timeZone: calendar.timeZone,
    policy: { version: context.policy.version, effectiveFrom: context.policy.effectiveFrom },
    respondent: respondent ? { name_en: respondent.name_en, name_fr: respondent.name_fr } : null,
    assigneeName: assignee?.display_name ?? null,
    assignable: colleagues.filter((u) => u.role === "ssm_staff" || u.role === "ssm_manager").map((u) => ({ id: u.id, name: u.display_name })),
    attachments,
    allowed,
    panelRequired: panelRequired(row.level),
    loadedAt: now.toISOString(),
  };
}

/** The timeline entries written after `since`: shown to a staff member whose action found the case changed. */
export async function staffCaseChangesSince(input: { db: DB; user: SessionUser; reference: string; since: string }) {
  const row = await findStaffCase(input.db, input.user, input.reference);
  if (!row) return [];
  const events = await listCaseEvents(input.db, row.id, { publicOnly: false });
  return events.filter((e) => e.created_at > input.since);
}
