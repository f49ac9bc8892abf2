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
  | { action: "reopen"; reason: string }
  | { action: "record_contact"; contact: RecordedContact };

/** A call or letter to the filer, as staff record it (issue #18). */
export const CONTACT_OUTCOMES = ["reached", "not_reached", "left_message"] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export interface RecordedContact {
  channel: "call" | "letter";
  /** Who spoke (or whom the letter went to), as staff write it. */
  who: string;
  /** When the call took place or the letter went out (ISO). */
  at: string;
  /** What was said, or what the letter said. */
  summary: string;
  /** A letter sent is a contact that reaches the person; a call says how it went. */
  outcome: ContactOutcome;
}

/** Whether a recorded contact reached the person: a call answered, or a letter sent. */
export function contactReached(contact: RecordedContact): boolean {
  return contact.channel === "letter" || contact.outcome === "reached";
}

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
    "record_contact",
  ];
  return all.filter((action) => {
    if (!applyStaffAction(input.case.status, action, caseFacts(input.clocks)).ok) return false;
    if (action === "acknowledge" && input.case.acknowledgedAt) return false;
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
  // The acknowledge step is staff saying "we have it": done once; the clock waits for a contact that
  // reaches the person (the email accepted by the server, or a call or letter without email).
  if (command.action === "acknowledge" && c.acknowledgedAt) return refuse("already_acknowledged");
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
      // Nothing is met by the click: the acknowledgement email queued here meets the clock when the
      // mail server accepts it (case-lifecycle-delivery.ts); without email, a recorded call or letter does.
      change.casePatch.acknowledgedAt = now.toISOString();
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
        recourseDeadlineAt: change.casePatch.recourseDeadlineAt ?? null,
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
    case "record_contact": {
      const { contact } = command;
      change.casePatch = null;
      change.events.push({
        type: contact.channel === "letter" ? "letter_recorded" : "call_recorded",
        visibility: "internal",
        actor: "actor",
        body: contact.summary,
        data: { who: contact.who, at: contact.at, outcome: contact.channel === "letter" ? "sent" : contact.outcome },
      });
      if (contactReached(contact)) {
        // The person heard from the SSM: what was owed to them by call is done.
        meet("acknowledge");
        change.casePatch = {
          callFilerSince: null,
          ...(c.status === "received" ? { status: "acknowledged" } : {}),
          ...(c.acknowledgedAt ? {} : { acknowledgedAt: now.toISOString() }),
        };
      }
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
  change = callInsteadOfEmail(input, change);
  return { ok: true, change: change as Transition<C> };
}

/**
 * A case without email (issue #18): what the transition would have emailed the filer becomes a
 * call task instead — the "call the filer" flag raised (the first raise stays), and an internal
 * timeline entry naming what the call is for. Notices to managers go as they are.
 */
export function callInsteadOfEmail<C extends Clock>(input: LifecycleInput<C>, change: Transition<C>): Transition<C> {
  if (input.case.filerHasEmail !== false) return change;
  const forFiler = change.notices.filter((n) => n.to === "filer");
  if (forFiler.length === 0) return change;
  const callFor = forFiler.map((n) => n.kind);
  return {
    ...change,
    casePatch: {
      ...change.casePatch,
      ...(input.case.callFilerSince ? {} : { callFilerSince: input.now.toISOString() }),
    },
    events: [...change.events, { type: "call_task", visibility: "internal", actor: "system", data: { for: callFor } }],
    notices: change.notices.filter((n) => n.to !== "filer"),
  };
}

/** What the open call task is for: the steps noted on the timeline since it was raised, each once. */
export function openCallReasons(
  events: readonly { type: string; data_json: string | null; created_at: string }[],
  since: string | null,
): string[] {
  if (!since) return [];
  const reasons = events
    .filter((e) => e.type === "call_task" && e.created_at >= since && e.data_json)
    .flatMap((e) => (JSON.parse(e.data_json!) as { for?: string[] }).for ?? []);
  return [...new Set(reasons)];
}
