import type { DB } from "../../db/client";
import { listActiveUsersOfOrganization } from "../../db/repositories/users";
import type { CaseRow } from "../../db/schema";
import { acknowledgedEmail, decisionEmail, informationRequestEmail, publicReplyEmail } from "../../emails/case-emails";
import { isOpen, isOutstanding, meetClock, openClock, pauseClock, resumeClock, stopClock } from "../domain/case-clocks";
import { decisionDaysAt } from "../domain/policy";
import { applyStaffAction, type CaseFacts, type DecisionOutcome, type RefusalReason } from "../domain/case-workflow";
import { levelAbove, recourseDeadline } from "../domain/escalation";
import { translator } from "../i18n";
import { permissionForStaffAction, roleMay } from "../domain/access";
import { actorOf, authorize, caseFor, caseScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { escalationChange } from "./case-escalation.server";
import { emailToFiler, filerEmailBasics } from "./case-notifications.server";
import { surveyInvitationFor } from "./satisfaction-survey.server";
import { CaseActionRefused, emptyChange, loadCaseContext, mergeChanges, runCaseAction, type CaseChange, type CaseContext } from "./case-records.server";

// Decisions at the independent-panel level must say who sat (shared/domain.md: level 3).
const PANEL_LEVEL = 3;

export type StaffCommand =
  /** Assign the case: to the staff member acting, or to a colleague of the same SSM. */
  | { action: "take"; assigneeId?: number }
  | { action: "acknowledge" }
  | { action: "reply"; message: string }
  | { action: "note"; message: string }
  | { action: "request_info"; message: string }
  | { action: "resume"; reason: string }
  | { action: "decide"; outcome: DecisionOutcome; reasons: string; panel?: string }
  | { action: "escalate"; reason: string }
  | { action: "close" }
  | { action: "reopen"; reason: string };

export type StaffActionRefusal = RefusalReason | "not_found" | "stale" | "panel_required";
export type StaffActionResult = { ok: true } | { ok: false; reason: StaffActionRefusal };

class Refused extends CaseActionRefused<StaffActionRefusal> {}

/** What the clocks add to the case's status for the workflow's rules. */
export function caseFacts(context: Pick<CaseContext, "clocks">): CaseFacts {
  return { acknowledgeOwed: context.clocks.some((c) => c.kind === "acknowledge" && isOutstanding(c)) };
}

function findOpenClock(context: CaseContext, kind: string, level?: number) {
  return context.clocks.find((c) => c.kind === kind && (level === undefined || c.level === level) && isOpen(c));
}

/** The change one command makes, given the case as read inside the transaction. */
async function changeFor(trx: DB, user: SessionUser, row: CaseRow, context: CaseContext, command: StaffCommand, now: Date): Promise<CaseChange> {
  const transition = applyStaffAction(row.status, command.action, caseFacts(context));
  if (!transition.ok) throw new Refused(transition.reason);
  const change = emptyChange();
  const staff = { actorKind: "staff" as const, actorUserId: user.id };
  const basics = filerEmailBasics(row, context.area);
  const key = `v${row.version + 1}:${command.action}`;
  const meet = (kind: string, level?: number) => {
    const stored = context.clocks.find((c) => c.kind === kind && (level === undefined || c.level === level) && isOutstanding(c));
    if (stored) change.clockUpdates.push({ stored, next: meetClock(stored, now, context.policy.policy.calendar) });
  };
  change.patch = { status: transition.next };

  switch (command.action) {
    case "take": {
      const colleagues = await listActiveUsersOfOrganization(trx, user.organization_id);
      const assignee = command.assigneeId === undefined ? user : colleagues.find((u) => u.id === command.assigneeId);
      if (!assignee || !colleagues.some((u) => u.id === assignee.id && roleMay(u.role, "case.be_assigned"))) {
        throw new Refused("not_found");
      }
      change.patch.assignee_id = assignee.id;
      change.events.push({ type: "assigned", visibility: "internal", ...staff, data: { name: assignee.display_name } });
      break;
    }
    case "acknowledge": {
      meet("acknowledge");
      change.events.push({ type: "acknowledged", visibility: "public", ...staff });
      const firstResponse = context.clocks.find((c) => c.kind === "first_response");
      if (firstResponse) {
        change.emails.push(...emailToFiler(row, key, "acknowledged", acknowledgedEmail({ ...basics, firstResponseDueAt: firstResponse.dueAt })));
      }
      break;
    }
    case "reply":
      meet("first_response");
      change.events.push({ type: "public_reply", visibility: "public", ...staff, body: command.message });
      change.emails.push(...emailToFiler(row, key, "public_reply", publicReplyEmail({ ...basics, message: command.message })));
      break;
    case "note":
      change.patch = null;
      change.events.push({ type: "internal_note", visibility: "internal", ...staff, body: command.message });
      break;
    case "request_info": {
      const decision = findOpenClock(context, "decision", row.level);
      if (decision) change.clockUpdates.push({ stored: decision, next: pauseClock(decision, now) });
      change.events.push({ type: "info_requested", visibility: "public", ...staff, body: command.message });
      change.events.push({ type: "clock_paused", visibility: "internal", ...staff, data: { reason: "waiting_for_filer" } });
      change.emails.push(...emailToFiler(row, key, "information_request", informationRequestEmail({ ...basics, message: command.message })));
      break;
    }
    case "resume": {
      const decision = findOpenClock(context, "decision", row.level);
      if (decision) change.clockUpdates.push({ stored: decision, next: resumeClock(decision, now, context.policy.policy.calendar) });
      change.events.push({ type: "clock_resumed", visibility: "internal", ...staff, body: command.reason });
      break;
    }
    case "decide": {
      if (row.level === PANEL_LEVEL && !command.panel?.trim()) throw new Refused("panel_required");
      meet("first_response");
      meet("decision", row.level);
      const canAppeal = levelAbove(context.policy.policy, row.level) !== null;
      change.patch.decided_at = now.toISOString();
      change.patch.outcome = command.outcome;
      change.patch.recourse_deadline_at = canAppeal ? recourseDeadline(context.policy.policy, now).toISOString() : null;
      change.events.push({
        type: "decided",
        visibility: "public",
        ...staff,
        body: command.reasons,
        data: { outcome: command.outcome, ...(command.panel?.trim() ? { panel: command.panel.trim() } : {}) },
      });
      change.emails.push(
        ...emailToFiler(row, key, "decision", decisionEmail({
          ...basics,
          outcomeLabel: translator(row.language)(`outcome.${command.outcome}`),
          reasons: command.reasons,
          recourseWindowDays: canAppeal ? context.policy.policy.recourseWindowDays : null,
        })),
      );
      break;
    }
    case "close":
      // The recourse window the decision opened stays open (issue #13): the filer may still ask.
      change.patch.closed_at = now.toISOString();
      change.clockUpdates = context.clocks.filter(isOutstanding).map((stored) => ({ stored, next: stopClock(stored) }));
      change.events.push({ type: "closed", visibility: "public", ...staff });
      // Written through `trx`, so the invitation is kept only if the close is (issue #6).
      change.emails.push(...(await surveyInvitationFor(trx, row, now)));
      break;
    case "reopen": {
      // The current level's decision is owed again: a new clock from now; the earlier one (met or
      // stopped) stays as it was, in the quarter it ended in.
      const days = decisionDaysAt(context.policy.policy, row.level);
      change.patch.closed_at = null;
      change.patch.decided_at = null;
      change.patch.outcome = null;
      change.patch.recourse_deadline_at = null;
      if (days !== null) change.newClocks.push(openClock("decision", row.level, now, days, context.policy.policy.calendar));
      change.events.push({ type: "reopened", visibility: "public", ...staff });
      change.events.push({ type: "internal_note", visibility: "internal", ...staff, body: command.reason });
      break;
    }
    case "escalate": {
      const escalation = await escalationChange({ trx, row, context, cause: "manual", actorUserId: user.id, now });
      if (!escalation) throw new Refused("top_level");
      change.patch = null;
      change.events.push({ type: "internal_note", visibility: "internal", ...staff, body: command.reason });
      return mergeChanges(change, escalation);
    }
  }
  return change;
}

/**
 * Applies one staff action if the case's state allows it and nobody changed the case since the
 * staff member loaded it (`expectedVersion`; notes are exempt, they overwrite nothing). Clocks,
 * timeline, audit entry and emails are written in the same transaction as the change.
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
  return runCaseAction<StaffActionRefusal>(db, now, async (trx) => {
    const actor = await actorOf(trx, user);
    const row = await caseFor(trx, actor, "case.read", { reference: input.reference });
    if (!row) throw new Refused("not_found");
    // Whoever may read an SSM's case may work it; what only managers may do (escalate) is refused as such.
    if (!authorize(actor, permissionForStaffAction(command.action), { type: "case", case: caseScopeOf(row) })) throw new Refused("managers_only");
    if (command.action !== "note" && row.version !== input.expectedVersion) throw new Refused("stale");
    const context = await loadCaseContext(trx, row);
    const change = await changeFor(trx, user, row, context, command, now);
    change.audit = {
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: `case.${command.action}`,
      details: command.action === "decide" ? { outcome: command.outcome } : null,
    };
    return { row, change };
  });
}
