import { describe, it, expect } from "vitest";
import {
  easterSunday,
  holidaysInYear,
  OPTIONAL_CLOSURES,
  STATUTORY_HOLIDAYS,
  type HolidayKey,
} from "../../app/domain/ontario-holidays";
import { dayOfWeek } from "../../app/domain/time-zone";

function byKey(year: number, optional: readonly HolidayKey[] = []) {
  return Object.fromEntries(holidaysInYear(year, optional).map((h) => [h.key, h]));
}

describe("holiday lists", () => {
  it("has the nine ESA public holidays and three optional closures", () => {
    expect(STATUTORY_HOLIDAYS).toHaveLength(9);
    expect(OPTIONAL_CLOSURES).toEqual(["civic_holiday", "easter_monday", "truth_and_reconciliation"]);
    expect(holidaysInYear(2026).map((h) => h.key)).toEqual([
      "new_years_day",
      "family_day",
      "good_friday",
      "victoria_day",
      "canada_day",
      "labour_day",
      "thanksgiving",
      "christmas",
      "boxing_day",
    ]);
  });

  it("adds chosen optional closures and ignores statutory keys passed as optional", () => {
    const keys = holidaysInYear(2026, ["civic_holiday", "christmas"]).map((h) => h.key);
    expect(keys).toHaveLength(10);
    expect(keys).toContain("civic_holiday");
  });
});

describe("Easter and Good Friday", () => {
  it.each([
    [2024, "2024-03-31", "2024-03-29"],
    [2025, "2025-04-20", "2025-04-18"],
    [2026, "2026-04-05", "2026-04-03"],
    [2027, "2027-03-28", "2027-03-26"],
    [2028, "2028-04-16", "2028-04-14"],
    [2029, "2029-04-01", "2029-03-30"],
    [2030, "2030-04-21", "2030-04-19"],
  ])("%i: Easter %s, Good Friday %s", (year, easter, goodFriday) => {
    expect(easterSunday(year)).toBe(easter);
    expect(byKey(year).good_friday?.date).toBe(goodFriday);
  });

  it("Easter Monday 2026 is 2026-04-06", () => {
    expect(byKey(2026, ["easter_monday"]).easter_monday?.date).toBe("2026-04-06");
  });
});

describe("moving holidays", () => {
  it.each([
    // year, Family Day, Victoria Day, Civic Holiday, Labour Day, Thanksgiving
    [2024, "2024-02-19", "2024-05-20", "2024-08-05", "2024-09-02", "2024-10-14"],
    [2025, "2025-02-17", "2025-05-19", "2025-08-04", "2025-09-01", "2025-10-13"],
    [2026, "2026-02-16", "2026-05-18", "2026-08-03", "2026-09-07", "2026-10-12"],
    [2027, "2027-02-15", "2027-05-24", "2027-08-02", "2027-09-06", "2027-10-11"],
    [2028, "2028-02-21", "2028-05-22", "2028-08-07", "2028-09-04", "2028-10-09"],
    [2030, "2030-02-18", "2030-05-20", "2030-08-05", "2030-09-02", "2030-10-14"],
  ])("%i", (year, family, victoria, civic, labour, thanksgiving) => {
    const h = byKey(year, ["civic_holiday"]);
    expect(h.family_day?.date).toBe(family);
    expect(h.victoria_day?.date).toBe(victoria);
    expect(h.civic_holiday?.date).toBe(civic);
    expect(h.labour_day?.date).toBe(labour);
    expect(h.thanksgiving?.date).toBe(thanksgiving);
  });

  it("Victoria Day is May 24 itself when that is a Monday (2027), never May 25", () => {
    expect(byKey(2027).victoria_day?.date).toBe("2027-05-24");
    expect(byKey(2026).victoria_day?.date).toBe("2026-05-18"); // May 25, 2026 is a Monday
  });

  it("moving holidays are always weekdays and observed on the day", () => {
    for (let year = 2024; year <= 2032; year++) {
      for (const h of holidaysInYear(year, OPTIONAL_CLOSURES)) {
        if (!["new_years_day", "canada_day", "truth_and_reconciliation", "christmas", "boxing_day"].includes(h.key)) {
          expect(h.observed).toBe(h.date);
        }
      }
    }
  });
});

describe("observed days for weekend holidays", () => {
  it("Christmas on Saturday and Boxing Day on Sunday: Mon 27 and Tue 28 (2027, 2021)", () => {
    expect(dayOfWeek("2027-12-25")).toBe(6);
    const h = byKey(2027);
    expect(h.christmas?.observed).toBe("2027-12-27");
    expect(h.boxing_day?.observed).toBe("2027-12-28");
    expect(byKey(2021).christmas?.observed).toBe("2021-12-27");
    expect(byKey(2021).boxing_day?.observed).toBe("2021-12-28");
  });

  it("Christmas on Sunday (2022): Boxing Day keeps Monday 26, Christmas moves to Tuesday 27", () => {
    expect(dayOfWeek("2022-12-25")).toBe(0);
    const h = byKey(2022);
    expect(h.boxing_day?.observed).toBe("2022-12-26");
    expect(h.christmas?.observed).toBe("2022-12-27");
  });

  it("Boxing Day alone on Saturday (2026) is observed Monday 28", () => {
    const h = byKey(2026);
    expect(h.christmas?.observed).toBe("2026-12-25");
    expect(h.boxing_day?.observed).toBe("2026-12-28");
  });

  it("Canada Day on Sunday (2029) is observed Monday July 2; on Saturday (2028) Monday July 3", () => {
    expect(byKey(2029).canada_day?.observed).toBe("2029-07-02");
    expect(byKey(2028).canada_day?.observed).toBe("2028-07-03");
  });

  it("New Year's Day on Saturday (2022) is observed Monday Jan 3", () => {
    expect(byKey(2022).new_years_day?.observed).toBe("2022-01-03");
  });

  it("Sep 30 on Saturday (2028) is observed Monday Oct 2 when chosen", () => {
    expect(byKey(2028, ["truth_and_reconciliation"]).truth_and_reconciliation?.observed).toBe("2028-10-02");
  });

  it("observed days are distinct weekdays within the same year, 2024–2040", () => {
    for (let year = 2024; year <= 2040; year++) {
      const observed = holidaysInYear(year, OPTIONAL_CLOSURES).map((h) => h.observed);
      expect(new Set(observed).size).toBe(observed.length);
      for (const day of observed) {
        expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(day));
        expect(day.startsWith(String(year))).toBe(true);
      }
    }
  });

  it("rejects years outside the Gregorian range", () => {
    expect(() => holidaysInYear(1500)).toThrow(RangeError);
    expect(() => holidaysInYear(2026.5)).toThrow(RangeError);
  });
});
