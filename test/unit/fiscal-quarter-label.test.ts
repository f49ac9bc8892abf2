import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_YEAR, MIN_YEAR } from "../../app/domain/date-bounds";
import {
  fiscalQuarterLabel,
  formatQuarterId,
  parseQuarterId,
  quarterBounds,
  type FiscalQuarter,
} from "../../app/domain/fiscal-quarter";
import { labelText, translator } from "../../app/i18n";

// Issue #19: a quarter is named as a fiscal quarter, with its months, wherever it is shown.

const en = (q: FiscalQuarter) => labelText(translator("en"), fiscalQuarterLabel(q, "en"));
const fr = (q: FiscalQuarter) => labelText(translator("fr"), fiscalQuarterLabel(q, "fr"));
const quarterArb = fc.record({
  fiscalYear: fc.integer({ min: MIN_YEAR, max: MAX_YEAR - 1 }),
  quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
});
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const FR_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

describe("fiscalQuarterLabel", () => {
  it("names October–December 2026 as the third quarter of fiscal 2026–27, in English and French", () => {
    const q = parseQuarterId("2026-Q3")!;
    expect(en(q)).toBe("fiscal 2026–27, Q3 (October–December 2026)");
    expect(fr(q)).toBe("exercice 2026-2027, T3 (octobre à décembre 2026)");
  });

  it("names January–March by the calendar year they fall in, and fiscal years across a century", () => {
    expect(en(parseQuarterId("2026-Q4")!)).toBe("fiscal 2026–27, Q4 (January–March 2027)");
    expect(fr(parseQuarterId("2026-Q4")!)).toBe("exercice 2026-2027, T4 (janvier à mars 2027)");
    expect(en(parseQuarterId("2099-Q1")!)).toBe("fiscal 2099–00, Q1 (April–June 2099)");
  });

  it("names the months its bounds hold, and no two quarters alike (property)", () => {
    fc.assert(
      fc.property(quarterArb, quarterArb, (q, other) => {
        const { start, end } = quarterBounds(q, "America/Toronto");
        const first = new Date(start.getTime() + 12 * 3_600_000); // noon UTC of day one: same date in Toronto
        const last = new Date(end.getTime() - 12 * 3_600_000);
        const month = (d: Date) => Number(d.toISOString().slice(5, 7)) - 1;
        const year = String(last.getUTCFullYear());
        expect(en(q)).toBe(
          `fiscal ${q.fiscalYear}–${String((q.fiscalYear + 1) % 100).padStart(2, "0")}, Q${q.quarter} (${EN_MONTHS[month(first)]}–${EN_MONTHS[month(last)]} ${year})`,
        );
        expect(fr(q)).toBe(
          `exercice ${q.fiscalYear}-${q.fiscalYear + 1}, T${q.quarter} (${FR_MONTHS[month(first)]} à ${FR_MONTHS[month(last)]} ${year})`,
        );
        if (formatQuarterId(q) !== formatQuarterId(other)) {
          expect(en(q)).not.toBe(en(other));
          expect(fr(q)).not.toBe(fr(other));
        }
      }),
    );
  });
});
