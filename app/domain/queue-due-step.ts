import { isOutstanding, type Clock, type ClockKind } from "./case-clocks";

/** The step a case owes next: "decision, level 2", shown beside the queue's date (#19). */
export interface DueStep {
  kind: ClockKind;
  level: number;
  dueAt: string;
}

/**
 * The clock whose due time is the case's next deadline: the same choice as `nextDueAt`
 * (case-clocks.ts), owed and not paused, earliest first, so the step named is the date shown.
 */
export function dueStepOf(clocks: readonly Clock[]): DueStep | null {
  let next: Clock | null = null;
  for (const c of clocks) {
    const owed = c.state !== "paused" && isOutstanding(c);
    if (owed && (next === null || c.dueAt < next.dueAt)) next = c;
  }
  return next ? { kind: next.kind, level: next.level, dueAt: next.dueAt } : null;
}
