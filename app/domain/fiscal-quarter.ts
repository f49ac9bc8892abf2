/**
 * Ontario government fiscal quarters, for quarterly reporting to the Ministry.
 *
 * The fiscal year runs April to March and is named by the calendar year it
 * starts in: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar of the next
 * calendar year. So January–March 2027 is '2026-Q4'. Quarter boundaries are
 * local midnights in the reporting zone, not UTC ones.
 */
import type { MessageKey } from "../i18n/en";
import { isSupportedYear } from "./supported-years";
import type { Label } from "./label";
import type { Language } from "./vocabulary";
import { instantAt, isoDateOf, localDateOf } from "./time-zone";

export interface FiscalQuarter {
  /** Calendar year in which the fiscal year begins (April). */
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
}

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

export function fiscalQuarterOf(instant: Date, timeZone: string): FiscalQuarter {
  const date = localDateOf(instant, timeZone);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month <= 3) return { fiscalYear: year - 1, quarter: 4 };
  return { fiscalYear: year, quarter: quarterNumber(Math.floor((month - 4) / 3) + 1) };
}

function quarterNumber(n: number): 1 | 2 | 3 | 4 {
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  throw new RangeError(`Not a quarter: ${n}`);
}

/** Calendar year and month (1–12) of a quarter's first day. */
function firstMonthOf(q: FiscalQuarter): { year: number; month: number } {
  return q.quarter === 4
    ? { year: q.fiscalYear + 1, month: 1 }
    : { year: q.fiscalYear, month: 4 + (q.quarter - 1) * 3 };
}

/** [start, end): local midnight of the first day to local midnight after the last. */
export function quarterBounds(q: FiscalQuarter, timeZone: string): { start: Date; end: Date } {
  const first = firstMonthOf(q);
  const after = firstMonthOf(nextQuarter(q));
  return {
    start: instantAt(isoDateOf(first.year, first.month, 1), 0, timeZone),
    end: instantAt(isoDateOf(after.year, after.month, 1), 0, timeZone),
  };
}

/** '2026-Q3'. */
export function formatQuarterId(q: FiscalQuarter): string {
  return `${String(q.fiscalYear).padStart(4, "0")}-Q${q.quarter}`;
}

/** Inverse of formatQuarterId; null for anything else (e.g. from a URL), a year outside
 * supported-years.ts's included: quarterBounds of 9999-Q4 would need year 10000. */
export function parseQuarterId(s: string): FiscalQuarter | null {
  const match = QUARTER_ID.exec(s);
  if (match === null || !isSupportedYear(Number(match[1]))) return null;
  return { fiscalYear: Number(match[1]), quarter: quarterNumber(Number(match[2])) };
}

export function previousQuarter(q: FiscalQuarter): FiscalQuarter {
  return q.quarter === 1
    ? { fiscalYear: q.fiscalYear - 1, quarter: 4 }
    : { fiscalYear: q.fiscalYear, quarter: quarterNumber(q.quarter - 1) };
}

export function nextQuarter(q: FiscalQuarter): FiscalQuarter {
  return q.quarter === 4
    ? { fiscalYear: q.fiscalYear + 1, quarter: 1 }
    : { fiscalYear: q.fiscalYear, quarter: quarterNumber(q.quarter + 1) };
}

const MONTHS = [
  "month.1",
  "month.2",
  "month.3",
  "month.4",
  "month.5",
  "month.6",
  "month.7",
  "month.8",
  "month.9",
  "month.10",
  "month.11",
  "month.12",
] as const satisfies readonly MessageKey[];

const monthLabel = (month: number): Label => ({ key: MONTHS[(month - 1) % 12]! });

/** The fiscal year as each language's public service writes it: "2026–27" (en dash, the end year
 * shortened) in English, "2026-2027" in French. */
function fiscalYears(q: FiscalQuarter, language: Language): string {
  return language === "fr"
    ? `${q.fiscalYear}-${q.fiscalYear + 1}`
    : `${q.fiscalYear}–${String((q.fiscalYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * How a quarter is named to people: "fiscal 2026–27, Q3 (October–December 2026)" / "exercice
 * 2026-2027, T3 (octobre à décembre 2026)". The id alone ("2026-Q3") reads as a calendar quarter
 * and hides that Ontario's year starts in April (issue #19).
 */
export function fiscalQuarterLabel(q: FiscalQuarter, language: Language): Label {
  const first = firstMonthOf(q);
  return {
    key: "quarter.label",
    vars: {
      years: fiscalYears(q, language),
      quarter: q.quarter,
      firstMonth: monthLabel(first.month),
      lastMonth: monthLabel(first.month + 2),
      year: String(first.year),
    },
  };
}

/** The short name a chart's axis has room for: "Q3 2026–27" / "T3 2026-2027". */
export function fiscalQuarterShortLabel(q: FiscalQuarter, language: Language): Label {
  return { key: "quarter.short", vars: { years: fiscalYears(q, language), quarter: q.quarter } };
}
