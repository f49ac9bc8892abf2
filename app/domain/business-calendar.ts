/**
 * Business days and business hours of an SSM office, for service standards
 * such as "acknowledge a complaint within 2 business days".
 *
 * Business day: a local date that is not a Saturday or Sunday, not the
 * observed day of an ESA public holiday or of an optional closure the office
 * chose, and not one of its extra closures (see ontario-holidays.ts for the
 * observed-day rule). Opening hours are wall-clock times in the office's zone,
 * so they stay 08:30–16:30 local on either side of a DST change.
 *
 * Clock start: a filing received on a business day before closing time
 * (including before opening) counts from that day. Received at or after
 * closing, on a weekend or on a holiday, it counts from the next business day.
 *
 * Due time for N business days: closing time, local, of the Nth business day
 * after the clock-start day; N = 0 means closing time of the start day itself.
 *
 *   Received Mon 2026-11-23 10:00 Toronto, N = 2:
 *     start Mon 23 → Tue 24 (1) → Wed 25 (2): due Wed 2026-11-25 16:30 EST.
 *   Received Thu 2026-12-24 17:00 Toronto (after closing), N = 2:
 *     Fri 25 is Christmas; Sat 26 is Boxing Day, observed Mon 28; so the
 *     start day is Tue 29 → Wed 30 (1) → Thu 31 (2): due Thu 2026-12-31 16:30.
 *
 * Business time (businessMsBetween, addBusinessMs) counts only milliseconds
 * inside opening hours of business days; it is used to extend a due time by
 * the business time a case spent paused.
 *
 * Every loop walks at most MAX_DAYS_SCANNED calendar days and then throws, so
 * a calendar with no business days (or a span of more than ten years) fails
 * loudly instead of hanging the server.
 */
import { holidaysInYear, OPTIONAL_CLOSURES, type HolidayKey } from "./ontario-holidays";
import { addDays, compareIsoDates, dayOfWeek, instantAt, localDateOf, type IsoDate } from "./time-zone";

export interface BusinessCalendar {
  /** IANA zone the office keeps its hours in. */
  timeZone: string;
  /** Opening time, minutes after local midnight (08:30 = 510). */
  opensAtMinutes: number;
  /** Closing time, minutes after local midnight (16:30 = 990). */
  closesAtMinutes: number;
  /** Optional closures (civic holiday, Easter Monday, Sep 30) this office observes. */
  optionalClosures: readonly HolidayKey[];
  /** One-off closures, e.g. a storm day or an office move. */
  extraClosures: readonly IsoDate[];
}

export const DEFAULT_CALENDAR: BusinessCalendar = Object.freeze({
  timeZone: "America/Toronto",
  opensAtMinutes: 8 * 60 + 30,
  closesAtMinutes: 16 * 60 + 30,
  optionalClosures: Object.freeze([]) as readonly HolidayKey[],
  extraClosures: Object.freeze([]) as readonly IsoDate[],
});

/** Just over ten years of calendar days. */
export const MAX_DAYS_SCANNED = 3660;

function tooFar(what: string): never {
  throw new RangeError(`${what}: scanned more than ${MAX_DAYS_SCANNED} days; check the calendar`);
}

function checkCalendar(cal: BusinessCalendar): void {
  const { opensAtMinutes: opens, closesAtMinutes: closes } = cal;
  if (!Number.isFinite(opens) || !Number.isFinite(closes) || opens < 0 || closes > 24 * 60 || opens >= closes) {
    throw new RangeError(`Opening hours must satisfy 0 <= opens < closes <= 1440 (got ${opens}–${closes})`);
  }
}

// isBusinessDay runs once per day in every scan, so the closed days of a year
// are computed once per (year, chosen optional closures).
const closedDaysByYear = new Map<string, ReadonlySet<IsoDate>>();

function closedHolidaysIn(year: number, optional: readonly HolidayKey[]): ReadonlySet<IsoDate> {
  const chosen = OPTIONAL_CLOSURES.filter((key) => optional.includes(key));
  const memoKey = `${year}|${chosen.join(",")}`;
  let closed = closedDaysByYear.get(memoKey);
  if (closed === undefined) {
    closed = new Set(holidaysInYear(year, chosen).map((h) => h.observed));
    closedDaysByYear.set(memoKey, closed);
  }
  return closed;
}

const extraClosureSets = new WeakMap<readonly IsoDate[], ReadonlySet<IsoDate>>();

function isExtraClosure(date: IsoDate, extra: readonly IsoDate[]): boolean {
  if (extra.length === 0) return false;
  let set = extraClosureSets.get(extra);
  if (set === undefined) {
    set = new Set(extra);
    extraClosureSets.set(extra, set);
  }
  return set.has(date);
}

function isBusinessDayUncached(date: IsoDate, cal: BusinessCalendar): boolean {
  const dow = dayOfWeek(date); // also validates the date
  if (dow === 0 || dow === 6) return false;
  // Observed days never cross a year boundary, so only this year's list matters.
  const year = Number(date.slice(0, 4));
  if (closedHolidaysIn(year, cal.optionalClosures).has(date)) return false;
  return !isExtraClosure(date, cal.extraClosures);
}

// The demo seed and the bench play thousands to millions of cases through this calendar, and each
// due date used to cost a dozen Intl conversions (~0.3 ms). The facts of one local date never change
// for a given calendar, so they are kept per calendar object: whether it is a business day, the next
// business day, and its opening and closing instants. The memo remembers the fields it was built from
// and starts afresh if any of them is replaced, so a caller that edits a calendar still gets exact answers.
interface DayFacts {
  business: boolean;
  next?: IsoDate;
  window?: { open: number; close: number };
  closing?: number;
}

interface CalendarMemo {
  timeZone: string;
  opens: number;
  closes: number;
  optional: readonly HolidayKey[];
  extra: readonly IsoDate[];
  days: Map<IsoDate, DayFacts>;
}

/** Enough for decades of dates; past it the memo starts afresh rather than grow without bound. */
const MAX_MEMO_DAYS = 100_000;
const memos = new WeakMap<BusinessCalendar, CalendarMemo>();

function memoOf(cal: BusinessCalendar): CalendarMemo {
  let memo = memos.get(cal);
  if (
    memo === undefined ||
    memo.timeZone !== cal.timeZone ||
    memo.opens !== cal.opensAtMinutes ||
    memo.closes !== cal.closesAtMinutes ||
    memo.optional !== cal.optionalClosures ||
    memo.extra !== cal.extraClosures ||
    memo.days.size > MAX_MEMO_DAYS
  ) {
    memo = {
      timeZone: cal.timeZone,
      opens: cal.opensAtMinutes,
      closes: cal.closesAtMinutes,
      optional: cal.optionalClosures,
      extra: cal.extraClosures,
      days: new Map(),
    };
    memos.set(cal, memo);
  }
  return memo;
}

function factsOf(date: IsoDate, cal: BusinessCalendar): DayFacts {
  const days = memoOf(cal).days;
  let facts = days.get(date);
  if (facts === undefined) {
    facts = { business: isBusinessDayUncached(date, cal) };
    days.set(date, facts);
  }
  return facts;
}

export function isBusinessDay(date: IsoDate, cal: BusinessCalendar): boolean {
  return factsOf(date, cal).business;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate, cal: BusinessCalendar): IsoDate {
  const facts = factsOf(date, cal);
  if (facts.next !== undefined) return facts.next;
  let day = date;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    day = addDays(day, 1);
    if (isBusinessDay(day, cal)) {
      facts.next = day;
      return day;
    }
  }
  return tooFar("nextBusinessDay");
}

function businessDayOnOrAfter(date: IsoDate, cal: BusinessCalendar): IsoDate {
  return isBusinessDay(date, cal) ? date : nextBusinessDay(date, cal);
}

/** Closing time, local, of a date, as an instant (where every due time falls). */
function closingOf(date: IsoDate, cal: BusinessCalendar): Date {
  const facts = factsOf(date, cal);
  if (facts.closing === undefined) facts.closing = instantAt(date, cal.closesAtMinutes, cal.timeZone).getTime();
  return new Date(facts.closing);
}

/** Opening hours of a local date as instants; empty if a DST gap swallows them. */
function openingWindow(date: IsoDate, cal: BusinessCalendar): { open: number; close: number } {
  const facts = factsOf(date, cal);
  if (facts.window === undefined) {
    const open = instantAt(date, cal.opensAtMinutes, cal.timeZone).getTime();
    facts.window = { open, close: Math.max(open, closingOf(date, cal).getTime()) };
  }
  return facts.window;
}

/** The business day a filing received at `receivedAt` starts its clock on. */
export function clockStartDay(receivedAt: Date, cal: BusinessCalendar): IsoDate {
  checkCalendar(cal);
  const today = localDateOf(receivedAt, cal.timeZone);
  if (isBusinessDay(today, cal) && receivedAt.getTime() < openingWindow(today, cal).close) return today;
  return nextBusinessDay(today, cal);
}

/** Closing time, local, of the Nth business day after the clock-start day. */
export function dueAt(receivedAt: Date, businessDays: number, cal: BusinessCalendar): Date {
  if (!Number.isInteger(businessDays) || businessDays < 0 || businessDays > MAX_DAYS_SCANNED) {
    throw new RangeError(`Business days must be a whole number from 0 to ${MAX_DAYS_SCANNED}: ${businessDays}`);
  }
  let day = clockStartDay(receivedAt, cal);
  for (let n = 0; n < businessDays; n++) day = nextBusinessDay(day, cal);
  return closingOf(day, cal);
}

/** The business time of [from, to) on each business day it reaches, in milliseconds (0 when it only grazes a day). */
function businessTimeByDay(from: Date, to: Date, cal: BusinessCalendar, what: string): number[] {
  checkCalendar(cal);
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) return [];
  const lastDay = localDateOf(to, cal.timeZone);
  let day = localDateOf(from, cal.timeZone);
  const perDay: number[] = [];
  for (let i = 0; i <= MAX_DAYS_SCANNED; i++) {
    if (isBusinessDay(day, cal)) {
      const { open, close } = openingWindow(day, cal);
      perDay.push(Math.max(0, Math.min(close, end) - Math.max(open, start)));
    }
    if (day === lastDay) return perDay;
    day = addDays(day, 1);
  }
  return tooFar(what);
}

/** Milliseconds of [from, to) inside opening hours of business days. */
export function businessMsBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  return businessTimeByDay(from, to, cal, "businessMsBetween").reduce((a, b) => a + b, 0);
}

/**
 * The earliest instant t >= from with businessMsBetween(from, t) === ms.
 * Outside opening hours, time only starts to accrue at the next opening; a
 * result that lands exactly on closing time stays there rather than jumping
 * to the next opening.
 */
export function addBusinessMs(from: Date, ms: number, cal: BusinessCalendar): Date {
  checkCalendar(cal);
  if (!Number.isInteger(ms) || ms < 0) throw new RangeError(`Business ms must be a whole number >= 0: ${ms}`);
  const start = from.getTime();
  if (ms === 0) return new Date(start);
  let remaining = ms;
  let day = localDateOf(from, cal.timeZone);
  for (let i = 0; i <= MAX_DAYS_SCANNED; i++) {
    if (isBusinessDay(day, cal)) {
      const { open, close } = openingWindow(day, cal);
      const accrueFrom = Math.max(open, start);
      const available = close - accrueFrom;
      if (available > 0) {
        if (remaining <= available) return new Date(accrueFrom + remaining);
        remaining -= available;
      }
    }
    day = addDays(day, 1);
  }
  return tooFar("addBusinessMs");
}

/** Business days d with after < d <= through. */
function businessDaysIn(after: IsoDate, through: IsoDate, cal: BusinessCalendar): number {
  if (compareIsoDates(through, after) <= 0) return 0;
  // The span is bounded in calendar days, as every other scan here, before walking business days.
  if (compareIsoDates(through, addDays(after, MAX_DAYS_SCANNED)) > 0) tooFar("businessDaysLeft");
  let count = 0;
  for (let day = nextBusinessDay(after, cal); compareIsoDates(day, through) <= 0; day = nextBusinessDay(day, cal))
    count++;
  return count;
}

/**
 * Whole business days from `now` to `due`, by local date, for "2 days left"
 * and "3 days overdue" labels.
 *
 * Let today be now's local date, or the next business day if today is not
 * one (the "current" business day), and due day be due's local date.
 * - due day on or after the current business day: the number of business
 *   days after the current one up to and including the due day (0 = due today);
 * - otherwise: minus the number of business days after the due day up to and
 *   including now's local date (so a weekend right after a Friday due date
 *   still reads 0, and Monday reads -1).
 * Being past the due instant on the due day itself still returns 0; callers
 * test `now > due` for the breach. The result never increases as now advances.
 */
export function businessDaysLeft(now: Date, due: Date, cal: BusinessCalendar): number {
  checkCalendar(cal);
  const today = localDateOf(now, cal.timeZone);
  const dueDay = localDateOf(due, cal.timeZone);
  const current = businessDayOnOrAfter(today, cal);
  if (compareIsoDates(dueDay, current) >= 0) return businessDaysIn(current, dueDay, cal);
  return 0 - businessDaysIn(dueDay, today, cal); // 0 - 0 is +0, unlike -0
}

/**
 * Business days whose opening hours overlap [from, to) for any time at all: what a pause
 * "touched". A one-hour pause on a Monday touches one day; a pause from Friday evening to Monday
 * before opening touches none.
 */
export function businessDaysTouched(from: Date, to: Date, cal: BusinessCalendar): number {
  return businessTimeByDay(from, to, cal, "businessDaysTouched").filter((ms) => ms > 0).length;
}

/**
 * A due time moved later by `businessDays` whole business days: closing time, local, of the Nth
 * business day after the due day. The result is always at closing on a business day, so the
 * published rule "due at closing on the Nth business day" still holds after a pause.
 */
export function moveDueByBusinessDays(due: Date, businessDays: number, cal: BusinessCalendar): Date {
  checkCalendar(cal);
  if (businessDays === 0) return due;
  let day = businessDayOnOrAfter(localDateOf(due, cal.timeZone), cal);
  for (let n = 0; n < businessDays; n++) day = nextBusinessDay(day, cal);
  return closingOf(day, cal);
}

/** True when `at` is closing time, local, of a business day: where every due time falls. */
export function isClosingOfBusinessDay(at: Date, cal: BusinessCalendar): boolean {
  const day = localDateOf(at, cal.timeZone);
  return isBusinessDay(day, cal) && closingOf(day, cal).getTime() === at.getTime();
}
