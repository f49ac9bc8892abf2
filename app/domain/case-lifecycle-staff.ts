import { isOutstanding, meetClock, openClock, stopClock, type Clock } from "./case-clocks";
import {
  emptyTransition,
  mergeTransitions,
  mayEscalate,
  owedClock,
  panelRequired,
  refuse,
  stopOwedClocks,
  type LifecycleInput,
  type LifecycleResult,
  type Transition,
} from "./case-lifecycle";
import { pauseForFiler, resumeAfterWait } from "./case-lifecycle-pause";
import { escalation } from "./case-lifecycle-sweep";
import { applyStaffAction, type CaseFacts, type DecisionOutcome, type StaffAction } from "./case-workflow";
import { recourseDeadline } from "./escalation";
import { decisionDaysAt } from "./policy";

/**
 * What SSM staff do to a case. Who may act at all (SSM staff of the case's area, managers for
 * escalation) is the access rules' question; this file answers what the case allows.
 */
export type StaffLifecycleCommand =
  /** The assignee, already checked to be active staff of the same SSM. */
  | { action: "take"; assignee: { id: number; name: string } }
  | { action: "acknowledge" }
  | { action: "reply"; message: string }
  | { action: "note"; message: string }
  | { action: "request_info"; message: string }
  | { action: "resume"; reason: string }
  | { action: "decide"; outcome: DecisionOutcome; reasons: string; panel?: string }
  | { action: "escalate"; reason: string }
  | { action: "close" }
  | { action: "reopen"; reason: string };

/** What the clocks add to the status for the workflow's table. */
export function caseFacts(clocks: readonly Clock[]): CaseFacts {
  return { acknowledgeOwed: clocks.some((c) => c.kind === "acknowledge" && isOutstanding(c)) };
}

/** The actions the case allows now (before asking who is acting). */
export function allowedStaffActions(input: LifecycleInput): StaffAction[] {
  const all: StaffAction[] = [
    "take",
    "acknowledge",
    "reply",
    "request_info",
    "resume",
    "decide",
    "escalate",
    "close",
    "reopen",
    "note",
  ];
  return all.filter((action) => {
    if (!applyStaffAction(input.case.status, action, caseFacts(input.clocks)).ok) return false;
    return action !== "escalate" || mayEscalate(input.policy, input.case.level);
  });
}

export function staffTransition<C extends Clock>(
  input: LifecycleInput<C>,
  command: StaffLifecycleCommand,
): LifecycleResult<C> {
  const { case: c, clocks, policy, now } = input;
  const transition = applyStaffAction(c.status, command.action, caseFacts(clocks));
  if (!transition.ok) return refuse(transition.reason);
  let change = emptyTransition<C>();
  const cal = policy.calendar;
  const meet = (kind: Clock["kind"], level?: number) => {
    const owed = owedClock(clocks, kind, level);
    if (owed) change.clockChanges.push({ clock: owed, next: meetClock(owed, now, cal) });
  };
  change.casePatch = { status: transition.next };

  switch (command.action) {
    case "take":
      change.casePatch.assigneeId = command.assignee.id;
      change.events.push({
        type: "assigned",
        visibility: "internal",
        actor: "actor",
        // The id too: a panel at level 3 refuses whoever handled the case below it (panel.ts).
        data: { name: command.assignee.name, id: command.assignee.id },
      });
      break;
    case "acknowledge": {
      meet("acknowledge");
      change.events.push({ type: "acknowledged", visibility: "public", actor: "actor" });
      const firstResponse = clocks.find((k) => k.kind === "first_response");
      if (firstResponse)
        change.notices.push({ to: "filer", kind: "acknowledged", firstResponseDueAt: firstResponse.dueAt });
      break;
    }
    case "reply":
      meet("first_response");
      change.events.push({ type: "public_reply", visibility: "public", actor: "actor", body: command.message });
      change.notices.push({ to: "filer", kind: "public_reply", message: command.message });
      break;
    case "note":
      change.casePatch = null;
      change.events.push({ type: "internal_note", visibility: "internal", actor: "actor", body: command.message });
      break;
    case "request_info":
      change.events.push({ type: "info_requested", visibility: "public", actor: "actor", body: command.message });
      change = mergeTransitions(change, pauseForFiler(input));
      change.notices.push({ to: "filer", kind: "information_request", message: command.message });
      break;
    case "resume":
      change = mergeTransitions(change, resumeAfterWait(input, { body: command.reason }));
      break;
    case "decide": {
      if (panelRequired(c.level) && !command.panel?.trim()) return refuse("panel_required");
      meet("first_response");
      meet("decision", c.level);
      const canAppeal = mayEscalate(policy, c.level);
      change.casePatch.decidedAt = now.toISOString();
      change.casePatch.outcome = command.outcome;
      change.casePatch.recourseDeadlineAt = canAppeal ? recourseDeadline(policy, now).toISOString() : null;
      const panel = command.panel?.trim();
      change.events.push({
        type: "decided",
        visibility: "public",
        actor: "actor",
        body: command.reasons,
        data: { outcome: command.outcome, ...(panel ? { panel } : {}) },
      });
      change.notices.push({
        to: "filer",
        kind: "decision",
        outcome: command.outcome,
        reasons: command.reasons,
        recourseWindowDays: canAppeal ? policy.recourseWindowDays : null,
      });
      break;
    }
    case "close":
      // The recourse window the decision opened stays open: the filer may still ask for a review.
      change.casePatch.closedAt = now.toISOString();
      change.clockChanges = stopOwedClocks(clocks, stopClock);
      change.events.push({ type: "closed", visibility: "public", actor: "actor" });
      change.notices.push({ to: "filer", kind: "survey_invitation" });
      break;
    case "reopen": {
      // The current level's decision is owed again: a new clock from now; the earlier one (met or
      // stopped) stays as it was, in the quarter it ended in.
      const days = decisionDaysAt(policy, c.level);
      Object.assign(change.casePatch, { closedAt: null, decidedAt: null, outcome: null, recourseDeadlineAt: null });
      if (days !== null) change.newClocks.push(openClock("decision", c.level, now, days, cal));
      change.events.push({ type: "reopened", visibility: "public", actor: "actor" });
      change.events.push({ type: "internal_note", visibility: "internal", actor: "actor", body: command.reason });
      break;
    }
    case "escalate": {
      const up = escalation(input, "manual", true);
      if (!up) return refuse("top_level");
      change.casePatch = null;
      change.events.push({ type: "internal_note", visibility: "internal", actor: "actor", body: command.reason });
      change = mergeTransitions(change, up);
      break;
    }
  }
  return { ok: true, change: change as Transition<C> };
}
