import { businessDaysLeft } from "./business-calendar";
import { breachClock, isBreachedAt, isOpen, isOutstanding, stopClock, type Clock } from "./case-clocks";
import { emptyTransition, mergeTransitions, type LifecycleInput, type Transition } from "./case-lifecycle";
import { planEscalation, type EscalationCause } from "./escalation";

/**
 * Time-driven transitions: a deadline passing (breach, and escalation of a missed decision), moving
 * a case up a level (also asked for by the filer or a manager), and the due-soon reminder.
 */

/**
 * Moves a case up one level: the new level's decision clock starts now (a new clock of the
 * history), or at a referral level every clock still owed ends and the case leaves the SSM's hands.
 * Null when the case is at the top of its ladder.
 */
export function escalation<C extends Clock>(
  input: LifecycleInput<C>,
  cause: EscalationCause,
  byStaff: boolean,
): Transition<C> | null {
  const { case: c, clocks, policy, now } = input;
  const plan = planEscalation(policy, c.level, now);
  if (!plan) return null;
  const change = emptyTransition<C>();
  // The level being left: its open decision clock ends here (a breached one was already marked).
  // At a referral, every clock still owed ends, a missed acknowledgement included.
  // A provider-stage clock still open ends too: the SSM has the case now (issue #17).
  change.clockChanges = clocks
    .filter((k) =>
      plan.referral
        ? isOutstanding(k)
        : isOpen(k) &&
          ((k.kind === "decision" && k.level === c.level) ||
            k.kind === "provider_response" ||
            k.kind === "client_review"),
    )
    .map((clock) => ({ clock, next: stopClock(clock) }));
  change.events.push({
    type: "escalated",
    visibility: "public",
    actor: byStaff ? "actor" : "system",
    data: { from: c.level, to: plan.level, cause },
    level: plan.level,
  });
  if (plan.referral) {
    change.casePatch = { level: plan.level, status: "referred_to_ministry", recourseDeadlineAt: null };
    change.events.push({ type: "referred_to_ministry", visibility: "public", actor: "system", level: plan.level });
    change.notices.push({ to: "filer", kind: "referred_to_ministry", level: plan.level });
  } else {
    // A review asked for after the case was closed opens it again.
    change.casePatch = { level: plan.level, status: "in_review", recourseDeadlineAt: null, closedAt: null };
    change.newClocks.push(plan.decisionClock!);
    change.notices.push({
      to: "filer",
      kind: "escalated",
      level: plan.level,
      cause,
      decisionDueAt: plan.decisionClock!.dueAt,
    });
  }
  change.notices.push({ to: "managers", kind: "escalation_notice", level: plan.level, cause });
  return change;
}

/**
 * The sweep found `clock` due: it is marked breached (dated at its deadline), the managers are
 * alerted, and a missed decision of the current level moves the case up. Null when there is
 * nothing to do (another sweep or an action got there first).
 */
export function breach<C extends Clock>(
  input: LifecycleInput<C>,
  clock: C,
): { change: Transition<C>; escalated: boolean } | null {
  if (!isBreachedAt(clock, input.now)) return null;
  let change = emptyTransition<C>();
  change.clockChanges.push({ clock, next: breachClock(clock, input.now) });
  change.events.push({
    type: "clock_breached",
    visibility: "internal",
    actor: "system",
    data: { kind: clock.kind, level: clock.level },
  });
  change.notices.push({ to: "managers", kind: "overdue_alert", clock });
  if (clock.kind !== "decision" || clock.level !== input.case.level) return { change, escalated: false };
  const up = escalation({ ...input, clocks: input.clocks.filter((k) => k !== clock) }, "breach", false);
  if (up) change = mergeTransitions(change, up);
  return { change, escalated: up !== null };
}

// Due today or on the next business day: the reminder's horizon (the queue's "due soon" too).
const REMIND_WITHIN_BUSINESS_DAYS = 1;

/** Whether the assignee is reminded of `clock` now: still running and due within a business day. */
export function reminderDue(clock: Clock, input: Pick<LifecycleInput, "policy" | "now">): boolean {
  return (
    clock.state === "running" &&
    businessDaysLeft(input.now, new Date(clock.dueAt), input.policy.calendar) <= REMIND_WITHIN_BUSINESS_DAYS
  );
}
