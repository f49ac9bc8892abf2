import { stopClock, type Clock } from "./case-clocks";
import { emptyTransition, isFinished, stopOwedClocks, type LifecycleInput, type Transition } from "./case-lifecycle";
import type { CaseLinkKind } from "./vocabulary";

/**
 * Related cases (issue #17). Staff link two cases of one SSM (same matter, duplicate, same provider
 * pattern); a case linked as a duplicate may be merged into its original. The duplicate is closed
 * as merged (every clock it still owed stops, so it is never overdue), keeps its own timeline and
 * its filer keeps reading it; the original's timeline says a duplicate was merged in. Reports count
 * the pair once, as the original: a merged case is left out of "received".
 */
export type LinkRefusal = "same_case" | "already_linked" | "merged";
export type MergeRefusal = "not_duplicate" | "merged" | "same_case";

export interface LinkSide {
  id: number;
  mergedIntoCaseId: number | null;
}

export function linkRefusal(a: LinkSide, b: LinkSide, existing: readonly { caseId: number }[]): LinkRefusal | null {
  if (a.id === b.id) return "same_case";
  if (a.mergedIntoCaseId !== null || b.mergedIntoCaseId !== null) return "merged";
  if (existing.some((l) => l.caseId === b.id)) return "already_linked";
  return null;
}

export function mergeRefusal(
  original: LinkSide,
  duplicate: LinkSide,
  link: { kind: CaseLinkKind } | undefined,
): MergeRefusal | null {
  if (original.id === duplicate.id) return "same_case";
  if (original.mergedIntoCaseId !== null || duplicate.mergedIntoCaseId !== null) return "merged";
  if (link?.kind !== "duplicate") return "not_duplicate";
  return null;
}

/** What merging does to the duplicate: closed as merged, clocks stopped, its filer told. */
export function mergeIntoOriginal<C extends Clock>(
  duplicate: LifecycleInput<C>,
  original: { id: number; reference: string },
): Transition<C> {
  const change = emptyTransition<C>();
  const { now } = duplicate;
  change.casePatch = {
    mergedIntoCaseId: original.id,
    ...(isFinished(duplicate.case.status) ? {} : { status: "closed", closedAt: now.toISOString() }),
    recourseDeadlineAt: null,
  };
  change.clockChanges = stopOwedClocks(duplicate.clocks, stopClock);
  // Public: the filer reads that their case was joined to another, not whose it is.
  change.events.push({ type: "merged_into", visibility: "public", actor: "actor" });
  change.events.push({
    type: "internal_note",
    visibility: "internal",
    actor: "actor",
    data: { mergedInto: original.reference },
    body: original.reference,
  });
  change.notices.push({ to: "filer", kind: "merged", intoReference: original.reference });
  return change;
}

/** What merging writes on the original: its timeline names the duplicate merged in (staff only). */
export function mergedIn<C extends Clock>(duplicateReference: string): Transition<C> {
  const change = emptyTransition<C>();
  change.events.push({
    type: "merged_in",
    visibility: "internal",
    actor: "actor",
    body: duplicateReference,
    data: { duplicate: duplicateReference },
  });
  return change;
}

/** A merged case owes nothing and counts once: as the case it was merged into. */
export function countsInReports(c: { mergedIntoCaseId: number | null }): boolean {
  return c.mergedIntoCaseId === null;
}
