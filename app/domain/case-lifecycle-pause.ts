import { pauseClock, resumeClock, type Clock } from "./case-clocks";
import { emptyTransition, type LifecycleInput, type Transition } from "./case-lifecycle";

/**
 * Waiting for the filer. Only the current level's decision clock pauses; on resume its deadline
 * moves by the whole business days the pause touched (case-clocks.ts, the published pause rule).
 */

export function pauseForFiler<C extends Clock>(input: LifecycleInput<C>): Transition<C> {
  const change = emptyTransition<C>();
  const decision = input.clocks.find(
    (c) => c.kind === "decision" && c.level === input.case.level && c.state === "running",
  );
  if (decision) change.clockChanges.push({ clock: decision, next: pauseClock(decision, input.now) });
  change.casePatch = { status: "waiting_for_filer" };
  change.events.push({
    type: "clock_paused",
    visibility: "internal",
    actor: "actor",
    data: { reason: "waiting_for_filer" },
  });
  return change;
}

/** The wait ends (staff resume, or the filer answered): the decision clock runs again, moved. */
export function resumeAfterWait<C extends Clock>(
  input: LifecycleInput<C>,
  why: { reason?: string; body?: string },
): Transition<C> {
  const change = emptyTransition<C>();
  const paused = input.clocks.find(
    (c) => c.kind === "decision" && c.level === input.case.level && c.state === "paused",
  );
  if (paused) {
    const next = resumeClock(paused, input.now, input.policy.calendar);
    change.clockChanges.push({ clock: paused, next });
  }
  change.casePatch = { status: "in_review" };
  change.events.push({
    type: "clock_resumed",
    visibility: "internal",
    actor: "actor",
    body: why.body ?? null,
    data: why.reason ? { reason: why.reason } : null,
  });
  return change;
}
