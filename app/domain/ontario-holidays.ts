/**
 * Ontario holidays on which a Service System Manager (SSM) office is closed.
 *
 * The statutory list is the nine public holidays of the Employment Standards
 * Act, 2000, S.O. 2000, c. 41, s. 1(1) "public holiday": New Year's Day,
 * Family Day, Good Friday, Victoria Day, Canada Day, Labour Day, Thanksgiving
 * Day, Christmas Day and Boxing Day. Civic Holiday, Easter Monday and the
 * National Day for Truth and Reconciliation are not ESA holidays, but many
 * offices close on them, so each SSM can opt in to those.
 *
 * Observed days: the ESA itself gives employees a substitute day rather than
 * moving the holiday, but offices (like the Ontario Public Service) close on
 * the next weekday instead. We model the office closure: a fixed-date holiday
 * on a Saturday or Sunday is observed on the next weekday that is neither a
 * holiday itself nor already taken as another holiday's observed day. So
 * Christmas on Saturday and Boxing Day on Sunday close Monday 27 and Tuesday
 * 28; Christmas on Sunday closes Tuesday 27 because Monday 26 is Boxing Day.
 * Moving-date holidays (Mondays, Good Friday) always fall on weekdays.
 */
import { addDays, compareIsoDates, dayOfWeek, isoDateOf, type IsoDate } from "./time-zone";

export type HolidayKey =
  | "new_years_day"
  | "family_day"
  | "good_friday"
  | "victoria_day"
  | "canada_day"
  | "civic_holiday"
  | "labour_day"
  | "truth_and_reconciliation"
  | "thanksgiving"
  | "christmas"
  | "boxing_day"
  | "easter_monday";

/** ESA 2000 s. 1(1) public holidays: every office is closed on these. */
export const STATUTORY_HOLIDAYS = [
  "new_years_day",
  "family_day",
  "good_friday",
  "victoria_day",
  "canada_day",
  "labour_day",
  "thanksgiving",
  "christmas",
  "boxing_day",
] as const satisfies readonly HolidayKey[];

/** Not ESA holidays; an SSM may choose to close on any of these. */
export const OPTIONAL_CLOSURES = [
  "civic_holiday",
  "easter_monday",
  "truth_and_reconciliation",
] as const satisfies readonly HolidayKey[];

export interface Holiday {
  key: HolidayKey;
  /** The holiday's own date. */
  date: IsoDate;
  /** The weekday the office is actually closed for it. */
  observed: IsoDate;
}

const SUNDAY = 0;
const MONDAY = 1;
const SATURDAY = 6;

/** Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(year, month, day);
}

/** The nth (1-based) given weekday of a month, e.g. the 3rd Monday of February. */
function nthWeekdayOf(year: number, month: number, weekday: number, n: number): IsoDate {
  const first = isoDateOf(year, month, 1);
  const toFirstMatch = (weekday - dayOfWeek(first) + 7) % 7;
  return addDays(first, toFirstMatch + 7 * (n - 1));
}

/** Victoria Day: the last Monday strictly before May 25. */
function victoriaDay(year: number): IsoDate {
  const may24 = isoDateOf(year, 5, 24);
  return addDays(may24, -((dayOfWeek(may24) - MONDAY + 7) % 7));
}

interface HolidayRule {
  /** Fixed-date holidays move to a weekday when they fall on a weekend. */
  fixed: boolean;
  dateIn(year: number): IsoDate;
}

const RULES: Record<HolidayKey, HolidayRule> = {
  new_years_day: { fixed: true, dateIn: (y) => isoDateOf(y, 1, 1) },
  family_day: { fixed: false, dateIn: (y) => nthWeekdayOf(y, 2, MONDAY, 3) },
  good_friday: { fixed: false, dateIn: (y) => addDays(easterSunday(y), -2) },
  easter_monday: { fixed: false, dateIn: (y) => addDays(easterSunday(y), 1) },
  victoria_day: { fixed: false, dateIn: victoriaDay },
  canada_day: { fixed: true, dateIn: (y) => isoDateOf(y, 7, 1) },
  civic_holiday: { fixed: false, dateIn: (y) => nthWeekdayOf(y, 8, MONDAY, 1) },
  labour_day: { fixed: false, dateIn: (y) => nthWeekdayOf(y, 9, MONDAY, 1) },
  truth_and_reconciliation: { fixed: true, dateIn: (y) => isoDateOf(y, 9, 30) },
  thanksgiving: { fixed: false, dateIn: (y) => nthWeekdayOf(y, 10, MONDAY, 2) },
  christmas: { fixed: true, dateIn: (y) => isoDateOf(y, 12, 25) },
  boxing_day: { fixed: true, dateIn: (y) => isoDateOf(y, 12, 26) },
};

function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === SATURDAY || dow === SUNDAY;
}

/**
 * The statutory holidays of `year`, plus any of `optional` the office closes
 * on, in date order. Keys in `optional` that are statutory anyway are ignored.
 */
export function holidaysInYear(year: number, optional: readonly HolidayKey[] = []): Holiday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    // Before 1583 the Gregorian Easter rule does not apply.
    throw new RangeError(`Year out of range: ${year}`);
  }
  const keys = new Set<HolidayKey>([...STATUTORY_HOLIDAYS, ...optional]);
  const dated = [...keys]
    .map((key) => ({ key, date: RULES[key].dateIn(year) }))
    .sort((a, b) => compareIsoDates(a.date, b.date));

  const holidayDates = new Set(dated.map((h) => h.date));
  const taken = new Set<IsoDate>();
  const result: Holiday[] = [];
  for (const { key, date } of dated) {
    let observed = date;
    if (RULES[key].fixed && isWeekend(date)) {
      // At most a few days ahead (Christmas + Boxing Day), never into next year.
      do observed = addDays(observed, 1);
      while (isWeekend(observed) || holidayDates.has(observed) || taken.has(observed));
    }
    taken.add(observed);
    result.push({ key, date, observed });
  }
  return result;
}
