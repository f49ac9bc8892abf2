import {
  businessDaysLeft,
  businessDaysTouched,
  businessMsBetween,
  clockStartDay,
  dueAt,
  moveDueByBusinessDays,
  type BusinessCalendar,
} from "./business-calendar";
import { decisionDaysAt, type DisputePolicy } from "./policy";

/**
 * The clocks a case runs against its SSM's published response times. Each is a plain value; the
 * functions here return a changed copy and never read the system time.
 *
 * - acknowledge: level 1 only, from receipt.
 * - first_response: level 1 only, from receipt; met by a public reply or a decision.
 * - decision: one per level, from receipt (level 1) or from the escalation that opened the level.
 *
 * Only a decision clock pauses ("waiting for the filer"). The pause rule (published on the process
 * page): on resume the due time moves later by every business day the pause touched, counted whole
 * (a one-hour pause moves it one business day), so a due time always falls at closing time on a
 * business day. The business time actually paused is kept apart, for the reports' "days taken".
 *
 * A clock is history: when a level's decision is owed again (reopening), a new clock starts at that
 * moment and the earlier one, met or stopped, is kept as it was.
 */
/**
 * - provider_response: the provider's answer at level 1, from the referral (issue #17).
 * - client_review: the client's window to accept or refuse the provider's answer, from its release.
 * Neither pauses; a missed one is final (the sweep moves the case on), like a missed decision.
 */
export type ClockKind = "acknowledge" | "first_response" | "decision" | "provider_response" | "client_review";
/**
 * stopped: the case ended without the clock being met (withdrawn, closed, referred to the ministry).
 * A clock missed before the case ended keeps its breachedAt, so reports still count the miss.
 */
export type ClockState = "running" | "paused" | "met" | "breached" | "stopped";

export interface Clock {
  kind: ClockKind;
  level: number;
  startedAt: string;
  dueAt: string;
  state: ClockState;
  pausedAt: string | null;
  pausedBusinessMs: number;
  metAt: string | null;
  breachedAt: string | null;
  /** Set when met: business days it took (net of pauses) and business days paused, for reports. */
  takenBusinessDays?: number | null;
  pausedBusinessDays?: number | null;
  /** How each pause moved the due time, oldest first (shown on the case page). */
  pauses?: ClockPause[];
  /** The one extension staff gave this clock, with its reason (issue #17). */
  extension?: ClockExtension | null;
}

/** A deadline moved later by staff, with notice to the filer: at most once per level. */
export interface ClockExtension {
  extendedAt: string;
  businessDays: number;
  reason: string;
  dueBefore: string;
  dueAfter: string;
}

export interface ClockPause {
  pausedAt: string;
  resumedAt: string;
  /** Business days the pause touched: how far the due time moved. */
  businessDays: number;
  dueBefore: string;
  dueAfter: string;
}

export function openClock(
  kind: ClockKind,
  level: number,
  startedAt: Date,
  businessDays: number,
  cal: BusinessCalendar,
): Clock {
  return {
    kind,
    level,
    startedAt: startedAt.toISOString(),
    dueAt: dueAt(startedAt, businessDays, cal).toISOString(),
    state: "running",
    pausedAt: null,
    pausedBusinessMs: 0,
    metAt: null,
    breachedAt: null,
    pauses: [],
  };
}

export function isOpen(clock: Clock): boolean {
  return clock.state === "running" || clock.state === "paused";
}

/**
 * Not done yet: still counting, or missed and still owed (a late acknowledgement or first response
 * is still owed). A missed decision is final: the case moved up a level, whose clock is owed instead.
 */
export function isOutstanding(clock: Clock): boolean {
  return isOpen(clock) || (clock.state === "breached" && clock.metAt === null && stillOwedWhenMissed(clock.kind));
}

/** Only the SSM's acknowledgement and first response are still owed, late, once missed. */
function stillOwedWhenMissed(kind: ClockKind): boolean {
  return kind === "acknowledge" || kind === "first_response";
}

/**
 * Met at `now`. A clock already breached stays breached (it was late) but records when it was done.
 * A paused clock is first resumed, so time spent waiting for the filer never counts against the SSM.
 * A stopped clock stays stopped: the case left the SSM's hands.
 */
export function meetClock(clock: Clock, now: Date, cal: BusinessCalendar): Clock {
  if (clock.metAt || clock.state === "stopped") return clock;
  if (clock.state === "breached") return { ...clock, metAt: now.toISOString(), ...timeTaken(clock, now, cal) };
  const running = clock.state === "paused" ? resumeClock(clock, now, cal) : clock;
  return { ...running, state: "met", metAt: now.toISOString(), pausedAt: null, ...timeTaken(running, now, cal) };
}

/** Business days from start to `now` net of pauses, and days paused: what reports take medians of. */
function timeTaken(
  clock: Clock,
  now: Date,
  cal: BusinessCalendar,
): { takenBusinessDays: number; pausedBusinessDays: number } {
  const dayMs = (cal.closesAtMinutes - cal.opensAtMinutes) * 60_000;
  const gross = businessMsBetween(new Date(clock.startedAt), now, cal);
  return {
    takenBusinessDays: Math.max(0, gross - clock.pausedBusinessMs) / dayMs,
    pausedBusinessDays: clock.pausedBusinessMs / dayMs,
  };
}

/**
 * Undoes a meeting that turned out not to reach the person (an email accepted, then bounced: #18):
 * owed again as if never met. Past its due time it is missed, dated at the deadline as the sweep
 * would have dated it; a clock already missed before stays missed.
 */
export function reopenClock(clock: Clock, now: Date): Clock {
  if (clock.metAt === null) return clock;
  const owed: Clock = {
    ...clock,
    state: clock.breachedAt ? "breached" : "running",
    metAt: null,
    takenBusinessDays: null,
    pausedBusinessDays: null,
  };
  return breachClock(owed, now);
}

export function pauseClock(clock: Clock, now: Date): Clock {
  if (clock.state !== "running" || clock.kind !== "decision") return clock;
  return { ...clock, state: "paused", pausedAt: now.toISOString() };
}

/** Restarts a paused clock; its due time moves by the business days the pause touched. */
export function resumeClock(clock: Clock, now: Date, cal: BusinessCalendar): Clock {
  if (clock.state !== "paused" || !clock.pausedAt) return clock;
  const pausedAt = new Date(clock.pausedAt);
  const paused = businessMsBetween(pausedAt, now, cal);
  const days = businessDaysTouched(pausedAt, now, cal);
  const dueAfter = moveDueByBusinessDays(new Date(clock.dueAt), days, cal).toISOString();
  const pause: ClockPause = {
    pausedAt: clock.pausedAt,
    resumedAt: now.toISOString(),
    businessDays: days,
    dueBefore: clock.dueAt,
    dueAfter,
  };
  return {
    ...clock,
    state: "running",
    pausedAt: null,
    pausedBusinessMs: clock.pausedBusinessMs + paused,
    dueAt: dueAfter,
    pauses: [...(clock.pauses ?? []), pause],
  };
}

/**
 * Ends a clock that is still owed because the case left the SSM's hands (closed, withdrawn,
 * referred): an open one counts as neither met nor missed; a missed one that was never done stays
 * counted as missed (breachedAt kept) but is no longer owed, so a finished case is never overdue.
 */
export function stopClock(clock: Clock): Clock {
  return isOutstanding(clock) ? { ...clock, state: "stopped", pausedAt: null } : clock;
}

/**
 * Moved later by whole business days from its current due time (so it still falls at closing on a
 * business day). The sweep and every reading compare against the moved time: an extended clock is
 * never overdue before it.
 */
export function extendClock(
  clock: Clock,
  businessDays: number,
  reason: string,
  now: Date,
  cal: BusinessCalendar,
): Clock {
  const dueAfter = moveDueByBusinessDays(new Date(clock.dueAt), businessDays, cal).toISOString();
  return {
    ...clock,
    dueAt: dueAfter,
    extension: { extendedAt: now.toISOString(), businessDays, reason, dueBefore: clock.dueAt, dueAfter },
  };
}

/** True when a running clock has passed its due time: the sweep then marks it breached. */
export function isBreachedAt(clock: Clock, now: Date): boolean {
  return clock.state === "running" && now.getTime() > Date.parse(clock.dueAt);
}

/**
 * Marked by the sweep at `now`, but dated at the deadline: a breach happened when the due time
 * passed, so it counts in the quarter of its deadline even if the sweep ran later.
 */
export function breachClock(clock: Clock, now: Date): Clock {
  return isBreachedAt(clock, now) ? { ...clock, state: "breached", breachedAt: clock.dueAt } : clock;
}

/** Met on time: done no later than due. Reports count this. */
export function metOnTime(clock: Clock): boolean {
  return clock.metAt !== null && clock.metAt <= clock.dueAt;
}

/**
 * The earliest deadline still owed: what the queue sorts by, so a case with a missed
 * acknowledgement stays at the top as overdue until it is done. A missed decision is not counted:
 * the case has moved up a level and that level's clock is the one owed.
 */
export function nextDueAt(clocks: readonly Clock[]): string | null {
  let next: string | null = null;
  for (const c of clocks) {
    const owed = c.state !== "paused" && isOutstanding(c);
    if (owed && (next === null || c.dueAt < next)) next = c.dueAt;
  }
  return next;
}

export interface ClockReading {
  kind: ClockKind;
  /** The business day the clock counts from (a filing after closing counts from the next one). */
  countsFrom: string;
  level: number;
  state: ClockState;
  dueAt: string;
  metAt: string | null;
  /** Signed whole business days: positive left, negative overdue, 0 due today. Null once closed. */
  businessDaysLeft: number | null;
  overdue: boolean;
  /** How each pause moved this clock's due time. */
  pauses: ClockPause[];
  /** Given an extension and not past its extended due time: shown as "extended", never "overdue". */
  extended: boolean;
  extension: ClockExtension | null;
}

/** How a clock reads at `now`, for the case page and the filer's status page. */
export function readClock(clock: Clock, now: Date, cal: BusinessCalendar): ClockReading {
  // A missed acknowledgement or first response is still owed: keep counting how late it is.
  const owed = clock.state !== "paused" && isOutstanding(clock);
  const overdue = owed && now.getTime() > Date.parse(clock.dueAt);
  return {
    kind: clock.kind,
    countsFrom: clockStartDay(new Date(clock.startedAt), cal),
    level: clock.level,
    state: overdue ? "breached" : clock.state,
    dueAt: clock.dueAt,
    metAt: clock.metAt,
    businessDaysLeft: owed ? businessDaysLeft(now, new Date(clock.dueAt), cal) : null,
    overdue,
    pauses: clock.pauses ?? [],
    extended: Boolean(clock.extension) && owed && !overdue,
    extension: clock.extension ?? null,
  };
}

/**
 * A case's whole clock history as the case page reads it: a clock followed by a later one of the
 * same kind and level (a reopening started it again) is marked earlier, so each row is told apart.
 */
export function readClocks(
  clocks: readonly Clock[],
  now: Date,
  cal: BusinessCalendar,
): (ClockReading & { earlier: boolean })[] {
  return clocks.map((c, i) => ({
    ...readClock(c, now, cal),
    earlier: clocks.slice(i + 1).some((later) => later.kind === c.kind && later.level === c.level),
  }));
}

/** The clocks a new case starts with, all counted from the time it was received. */
export function initialClocks(policy: DisputePolicy, receivedAt: Date): Clock[] {
  const clocks = [
    openClock("acknowledge", 1, receivedAt, policy.acknowledgeDays, policy.calendar),
    openClock("first_response", 1, receivedAt, policy.firstResponseDays, policy.calendar),
  ];
  const decisionDays = decisionDaysAt(policy, 1);
  if (decisionDays !== null) clocks.push(openClock("decision", 1, receivedAt, decisionDays, policy.calendar));
  return clocks;
}
