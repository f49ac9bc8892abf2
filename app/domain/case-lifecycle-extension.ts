import { extendClock, isBreachedAt, type Clock } from "./case-clocks";
import { emptyTransition, isFinished, owedClock, type LifecycleInput, type Transition } from "./case-lifecycle";
import { extensionLimit } from "./policy";

/**
 * Extensions with notice (issue #17): staff move the current level's decision deadline later, once
 * per level, by at most the policy's limit in business days, with a written reason the filer is
 * sent and sees on /status. The extended clock keeps counting against its new due time, so the
 * sweep never marks it missed before then, and reports count the extension apart from the misses.
 */
export type ExtensionRefusal =
  "finished" | "no_running_deadline" | "extension_used" | "extension_too_long" | "extension_overdue";

export interface ExtendCommand {
  businessDays: number;
  reason: string;
}

/** The deadline an extension would move now: the level's decision clock, while it is running. */
export function extendableClock<C extends Clock>(input: LifecycleInput<C>): C | undefined {
  const clock = owedClock(input.clocks, "decision", input.case.level);
  return clock && clock.state === "running" ? clock : undefined;
}

/** Whether the level already had its one extension (a reopened level's earlier clock counts). */
export function extendedAtLevel(clocks: readonly Clock[], level: number): boolean {
  return clocks.some((c) => c.level === level && c.extension);
}

/** Why staff may not extend now, or null: what the case page asks before offering the form. */
export function extensionRefusal(input: LifecycleInput, businessDays?: number): ExtensionRefusal | null {
  if (isFinished(input.case.status)) return "finished";
  const clock = extendableClock(input);
  if (!clock) return "no_running_deadline";
  if (extendedAtLevel(input.clocks, input.case.level)) return "extension_used";
  if (isBreachedAt(clock, input.now)) return "extension_overdue";
  if (businessDays !== undefined) {
    if (!Number.isInteger(businessDays) || businessDays < 1 || businessDays > extensionLimit(input.policy))
      return "extension_too_long";
  }
  return null;
}

export type ExtensionResult<C extends Clock> =
  { ok: true; change: Transition<C>; clock: C; next: Clock } | { ok: false; reason: ExtensionRefusal };

export function extendDeadline<C extends Clock>(input: LifecycleInput<C>, command: ExtendCommand): ExtensionResult<C> {
  const refusal = extensionRefusal(input, command.businessDays);
  if (refusal) return { ok: false, reason: refusal };
  const clock = extendableClock(input)!;
  const next = extendClock(clock, command.businessDays, command.reason, input.now, input.policy.calendar);
  const change = emptyTransition<C>();
  change.clockChanges.push({ clock, next });
  change.events.push({
    type: "deadline_extended",
    visibility: "public",
    actor: "actor",
    body: command.reason,
    data: {
      kind: clock.kind,
      level: clock.level,
      businessDays: command.businessDays,
      dueBefore: clock.dueAt,
      dueAfter: next.dueAt,
    },
  });
  change.notices.push({
    to: "filer",
    kind: "deadline_extended",
    reason: command.reason,
    businessDays: command.businessDays,
    dueAt: next.dueAt,
  });
  return { ok: true, change, clock, next };
}
