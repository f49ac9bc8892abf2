/**
 * Wall-clock arithmetic in a named IANA time zone, using only Intl.
 *
 * Deadlines in Recourse are stated in Ontario local time ("by 4:30 p.m. on the
 * second business day"), while everything stored is an instant. This module is
 * the single bridge between the two, so that DST weekends never shift an
 * office's opening hours.
 *
 * Calendar dates are plain 'YYYY-MM-DD' strings (IsoDate): they have no time
 * zone of their own and compare correctly as strings.
 */

/** A calendar date, 'YYYY-MM-DD' (four-digit year). */
export type IsoDate = string;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Creating a DateTimeFormat costs far more than using one, and the business
// calendar converts dates in tight loops, so keep one per zone for the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone, before anything is cached.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date, timeZone: string): WallClock {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Invalid Date");
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    switch (part.type) {
      case "year":
        wall.year = Number(part.value);
        break;
      case "month":
        wall.month = Number(part.value);
        break;
      case "day":
        wall.day = Number(part.value);
        break;
      case "hour":
        // Some older ICU builds render midnight as 24 even with h23.
        wall.hour = Number(part.value) % 24;
        break;
      case "minute":
        wall.minute = Number(part.value);
        break;
      case "second":
        wall.second = Number(part.value);
        break;
    }
  }
  return wall;
}

/** Milliseconds since the epoch of a wall-clock reading taken as if it were UTC. */
function utcMsOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not remap years 0–99 to 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function isoDateOfUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** The UTC offset in force at an instant, in ms (east of Greenwich positive). */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const wall = wallClockOf(new Date(epochMs), timeZone);
  const wallMs = utcMsOf(wall.year, wall.month, wall.day) + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  // The formatter drops milliseconds, so compare against the whole second.
  return wallMs - Math.floor(epochMs / 1000) * 1000;
}

/** Parses an IsoDate, rejecting impossible dates such as 2026-02-30. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (match !== null) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (isoDateOfUtcMs(utcMsOf(year, month, day)) === date) return { year, month, day };
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** Builds an IsoDate from a year, month (1–12) and day; out-of-range parts roll over. */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return isoDateOfUtcMs(utcMsOf(year, month, day));
}

export function localDateOf(instant: Date, timeZone: string): IsoDate {
  const wall = wallClockOf(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month, 2)}-${pad(wall.day, 2)}`;
}

/** Local date and whole minutes since local midnight (seconds are dropped). */
export function localTimeOf(instant: Date, timeZone: string): { date: IsoDate; minutes: number } {
  const wall = wallClockOf(instant, timeZone);
  return {
    date: `${pad(wall.year, 4)}-${pad(wall.month, 2)}-${pad(wall.day, 2)}`,
    minutes: wall.hour * 60 + wall.minute,
  };
}

/**
 * The instant at which clocks in `timeZone` read `minutesSinceMidnight` on `date`.
 *
 * Around DST changes a wall time can be missing or repeated; we follow the
 * same rule as Temporal's 'compatible' disambiguation (and RFC 5545):
 * - a skipped time (spring forward) is moved forward by the gap, so 02:30 on
 *   2026-03-08 in Toronto becomes 03:30 EDT;
 * - a repeated time (fall back) takes the earlier instant, so 01:30 on
 *   2026-11-01 in Toronto is 01:30 EDT.
 * Minutes may exceed a day (1440 = midnight starting the next day).
 */
export function instantAt(date: IsoDate, minutesSinceMidnight: number, timeZone: string): Date {
  if (!Number.isFinite(minutesSinceMidnight)) {
    throw new RangeError(`Minutes must be finite: ${minutesSinceMidnight}`);
  }
  const { year, month, day } = parseIsoDate(date);
  const wallMs = utcMsOf(year, month, day) + Math.round(minutesSinceMidnight * MS_PER_MINUTE);

  // Any transition affecting this wall time lies within a day of it, so the
  // offsets a day either side are the only candidates.
  const offsetBefore = offsetMsAt(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMsAt(wallMs + MS_PER_DAY, timeZone);
  let earliest: number | undefined;
  for (const offset of offsetBefore === offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter]) {
    const candidate = wallMs - offset;
    if (offsetMsAt(candidate, timeZone) === offset && (earliest === undefined || candidate < earliest)) {
      earliest = candidate;
    }
  }
  // No candidate reads back as this wall time: it fell in a gap. Using the
  // offset from before the change pushes it forward by the gap's length.
  return new Date(earliest ?? wallMs - offsetBefore);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be a whole number: ${n}`);
  const { year, month, day } = parseIsoDate(date);
  return isoDateOfUtcMs(utcMsOf(year, month, day) + n * MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return new Date(utcMsOf(year, month, day)).getUTCDay();
}

/** Negative, zero or positive, for use with Array.prototype.sort. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // Fixed-width 'YYYY-MM-DD' sorts lexically in calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}
