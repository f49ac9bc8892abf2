/**
 * The years Recourse works in. A date or quarter from input outside them (`/cases?to=9999-12-31`,
 * quarter `9999-Q4`) is refused where it is read, because the calendar code after it (the day after,
 * the quarter after, local midnights) cannot represent year 10000 and threw RangeError: a 500.
 * The programme began in 2024; 2000 to 2100 leaves room for old records and long retention.
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}
