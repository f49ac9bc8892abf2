import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  fiscalQuarterOf,
  formatQuarterId,
  nextQuarter,
  parseQuarterId,
  previousQuarter,
  quarterBounds,
  type FiscalQuarter,
} from "../../app/domain/fiscal-quarter";
import { MAX_YEAR, MIN_YEAR } from "../../app/domain/date-bounds";

const TORONTO = "America/Toronto";

describe("fiscalQuarterOf", () => {
  it.each([
    ["2026-04-01T04:00:00Z", "2026-Q1"], // 00:00 EDT, April 1
    ["2026-06-30T12:00:00Z", "2026-Q1"],
    ["2026-07-01T12:00:00Z", "2026-Q2"],
    ["2026-09-30T12:00:00Z", "2026-Q2"],
    ["2026-10-01T12:00:00Z", "2026-Q3"],
    ["2026-12-31T12:00:00Z", "2026-Q3"],
    ["2027-01-15T12:00:00Z", "2026-Q4"],
    ["2027-03-31T12:00:00Z", "2026-Q4"],
    ["2024-02-29T12:00:00Z", "2023-Q4"],
    ["2030-04-01T12:00:00Z", "2030-Q1"],
  ])("%s is %s", (iso, id) => {
    expect(formatQuarterId(fiscalQuarterOf(new Date(iso), TORONTO))).toBe(id);
  });

  it("uses the local date: 11 p.m. on March 31 in Toronto is still Q4", () => {
    const lateMarch31 = new Date("2027-04-01T03:00:00Z"); // 23:00 EDT, March 31
    expect(fiscalQuarterOf(lateMarch31, TORONTO)).toEqual({ fiscalYear: 2026, quarter: 4 });
    expect(fiscalQuarterOf(lateMarch31, "UTC")).toEqual({ fiscalYear: 2027, quarter: 1 });
  });
});

describe("quarterBounds", () => {
  it("runs from local midnight to local midnight (EDT and EST offsets)", () => {
    const q3 = quarterBounds({ fiscalYear: 2026, quarter: 3 }, TORONTO);
    expect(q3.start.toISOString()).toBe("2026-10-01T04:00:00.000Z");
    expect(q3.end.toISOString()).toBe("2027-01-01T05:00:00.000Z");
    const q4 = quarterBounds({ fiscalYear: 2026, quarter: 4 }, TORONTO);
    expect(q4.start.toISOString()).toBe("2027-01-01T05:00:00.000Z");
    expect(q4.end.toISOString()).toBe("2027-04-01T04:00:00.000Z");
  });

  it("contains exactly the instants fiscalQuarterOf assigns to the quarter", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 11, 31) }), (ms) => {
        const instant = new Date(ms);
        const q = fiscalQuarterOf(instant, TORONTO);
        const { start, end } = quarterBounds(q, TORONTO);
        expect(start.getTime()).toBeLessThanOrEqual(ms);
        expect(end.getTime()).toBeGreaterThan(ms);
        expect(fiscalQuarterOf(new Date(start.getTime() - 1), TORONTO)).toEqual(previousQuarter(q));
        expect(fiscalQuarterOf(end, TORONTO)).toEqual(nextQuarter(q));
      }),
      { numRuns: 200 },
    );
  });
});

describe("quarter ids", () => {
  it("formats and parses", () => {
    expect(formatQuarterId({ fiscalYear: 2026, quarter: 3 })).toBe("2026-Q3");
    expect(parseQuarterId("2026-Q3")).toEqual({ fiscalYear: 2026, quarter: 3 });
    for (const bad of ["2026-Q5", "2026-Q0", "2026Q3", "26-Q3", "2026-q3", " 2026-Q3", ""]) {
      expect(parseQuarterId(bad)).toBeNull();
    }
  });

  it("round-trips within the supported years, and reads any other year as no quarter (issue #15: 9999-Q4 was a 500)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1, 2, 3, 4), (fiscalYear, quarter) => {
        const q: FiscalQuarter = { fiscalYear, quarter: quarter as FiscalQuarter["quarter"] };
        const parsed = parseQuarterId(formatQuarterId(q));
        if (fiscalYear >= MIN_YEAR && fiscalYear <= MAX_YEAR) {
          expect(parsed).toEqual(q);
          // Every quarter that parses has bounds: the calendar code after it never throws.
          expect(() => quarterBounds(q, TORONTO)).not.toThrow();
        } else expect(parsed).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it("steps back across the fiscal year boundary", () => {
    expect(previousQuarter({ fiscalYear: 2026, quarter: 1 })).toEqual({ fiscalYear: 2025, quarter: 4 });
    expect(previousQuarter({ fiscalYear: 2026, quarter: 4 })).toEqual({ fiscalYear: 2026, quarter: 3 });
    expect(nextQuarter({ fiscalYear: 2026, quarter: 4 })).toEqual({ fiscalYear: 2027, quarter: 1 });
  });
});
