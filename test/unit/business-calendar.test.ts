import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  addBusinessMs,
  businessDaysLeft,
  businessMsBetween,
  clockStartDay,
  DEFAULT_CALENDAR,
  dueAt,
  isBusinessDay,
  nextBusinessDay,
  type BusinessCalendar,
} from "../../app/domain/business-calendar";
import { addDays, instantAt, localDateOf, localTimeOf } from "../../app/domain/time-zone";

const cal = DEFAULT_CALENDAR;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An instant from a Toronto wall time, 'YYYY-MM-DD', 'HH:MM'. */
const toronto = (date: string, hhmm: string) =>
  instantAt(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), "America/Toronto");

describe("isBusinessDay / nextBusinessDay", () => {
  it("excludes weekends and observed statutory holidays", () => {
    expect(isBusinessDay("2026-11-23", cal)).toBe(true); // Monday
    expect(isBusinessDay("2026-11-21", cal)).toBe(false); // Saturday
    expect(isBusinessDay("2026-10-12", cal)).toBe(false); // Thanksgiving
    expect(isBusinessDay("2026-12-28", cal)).toBe(false); // Boxing Day observed
    expect(isBusinessDay("2027-12-27", cal)).toBe(false); // Christmas observed
    expect(isBusinessDay("2027-12-28", cal)).toBe(false); // Boxing Day observed
    expect(isBusinessDay("2027-12-29", cal)).toBe(true);
  });

  it("honours optional and extra closures only when the office chose them", () => {
    expect(isBusinessDay("2026-08-03", cal)).toBe(true); // Civic Holiday
    const closed: BusinessCalendar = { ...cal, optionalClosures: ["civic_holiday"], extraClosures: ["2026-11-24"] };
    expect(isBusinessDay("2026-08-03", closed)).toBe(false);
    expect(isBusinessDay("2026-11-24", closed)).toBe(false);
    expect(nextBusinessDay("2026-11-23", closed)).toBe("2026-11-25");
  });

  it("steps over the whole Christmas break", () => {
    expect(nextBusinessDay("2026-12-24", cal)).toBe("2026-12-29");
    expect(nextBusinessDay("2027-12-24", cal)).toBe("2027-12-29");
  });

  it("counts business days per year as expected (2024–2030)", () => {
    const counts: Record<number, number> = {};
    for (let year = 2024; year <= 2030; year++) {
      let n = 0;
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) if (isBusinessDay(d, cal)) n++;
      counts[year] = n;
    }
    // Weekdays minus nine closures (all observed on weekdays): 262 - 9, 261 - 9, 260 - 9 …
    expect(counts).toEqual({ 2024: 253, 2025: 252, 2026: 252, 2027: 252, 2028: 251, 2029: 252, 2030: 252 });
  });

  it("fails loudly instead of hanging when there is no business day in sight", () => {
    const closures = Array.from({ length: 3700 }, (_, i) => addDays("2026-01-01", i));
    expect(() => nextBusinessDay("2026-01-01", { ...cal, extraClosures: closures })).toThrow(RangeError);
    expect(() => dueAt(new Date(), 1, { ...cal, opensAtMinutes: 990, closesAtMinutes: 510 })).toThrow(RangeError);
  });
});

describe("clockStartDay and dueAt", () => {
  it("received Monday 2026-11-23 10:00, 2 business days: Wednesday 16:30", () => {
    expect(clockStartDay(toronto("2026-11-23", "10:00"), cal)).toBe("2026-11-23");
    expect(dueAt(toronto("2026-11-23", "10:00"), 2, cal)).toEqual(toronto("2026-11-25", "16:30"));
    expect(dueAt(toronto("2026-11-23", "10:00"), 2, cal).toISOString()).toBe("2026-11-25T21:30:00.000Z");
  });

  it("received after closing on Christmas Eve 2026: clock starts Tue 29, due Thu 31 16:30", () => {
    const received = toronto("2026-12-24", "17:00"); // a Thursday
    expect(clockStartDay(received, cal)).toBe("2026-12-29");
    expect(dueAt(received, 0, cal)).toEqual(toronto("2026-12-29", "16:30"));
    expect(dueAt(received, 2, cal)).toEqual(toronto("2026-12-31", "16:30"));
  });

  it("received on a holiday (Thanksgiving 2026-10-12) starts the next day", () => {
    expect(clockStartDay(toronto("2026-10-12", "11:00"), cal)).toBe("2026-10-13");
    expect(dueAt(toronto("2026-10-12", "11:00"), 1, cal)).toEqual(toronto("2026-10-14", "16:30"));
  });

  it("before opening counts from that day; at closing time counts from the next", () => {
    expect(clockStartDay(toronto("2026-11-23", "06:00"), cal)).toBe("2026-11-23");
    expect(clockStartDay(new Date(toronto("2026-11-23", "16:30").getTime() - 1), cal)).toBe("2026-11-23");
    expect(clockStartDay(toronto("2026-11-23", "16:30"), cal)).toBe("2026-11-24");
    expect(clockStartDay(toronto("2026-11-21", "10:00"), cal)).toBe("2026-11-23"); // Saturday
  });

  it("keeps 16:30 local when the clock spans the spring-forward weekend (2026-03-08)", () => {
    const due = dueAt(toronto("2026-03-06", "10:00"), 1, cal);
    expect(due.toISOString()).toBe("2026-03-09T20:30:00.000Z"); // 16:30 EDT
  });

  it("keeps 16:30 local when the clock spans the fall-back weekend (2026-11-01)", () => {
    const due = dueAt(toronto("2026-10-30", "10:00"), 1, cal);
    expect(due.toISOString()).toBe("2026-11-02T21:30:00.000Z"); // 16:30 EST
  });
});

describe("businessMsBetween and addBusinessMs", () => {
  it("counts only opening hours of business days", () => {
    expect(businessMsBetween(toronto("2026-11-23", "10:00"), toronto("2026-11-23", "12:00"), cal)).toBe(2 * HOUR);
    expect(businessMsBetween(toronto("2026-11-23", "07:00"), toronto("2026-11-24", "09:00"), cal)).toBe(8.5 * HOUR);
    expect(businessMsBetween(toronto("2026-11-24", "09:00"), toronto("2026-11-23", "07:00"), cal)).toBe(0);
    // Friday 16:00 to Monday 09:00 over the DST weekends: 30 min + 30 min.
    expect(businessMsBetween(toronto("2026-03-06", "16:00"), toronto("2026-03-09", "09:00"), cal)).toBe(HOUR);
    expect(businessMsBetween(toronto("2026-10-30", "16:00"), toronto("2026-11-02", "09:00"), cal)).toBe(HOUR);
    // Christmas break 2026: Thu 24 16:00 → Tue 29 09:00.
    expect(businessMsBetween(toronto("2026-12-24", "16:00"), toronto("2026-12-29", "09:00"), cal)).toBe(HOUR);
  });

  it("pushes a due time later by business time, across DST and holidays", () => {
    expect(addBusinessMs(toronto("2026-10-30", "16:00"), HOUR, cal)).toEqual(toronto("2026-11-02", "09:00"));
    expect(addBusinessMs(toronto("2026-03-06", "16:30"), 8 * HOUR, cal)).toEqual(toronto("2026-03-09", "16:30"));
    expect(addBusinessMs(toronto("2026-12-24", "20:00"), 30 * MINUTE, cal)).toEqual(toronto("2026-12-29", "09:00"));
  });

  it("starts accruing at the next opening and stops exactly at closing", () => {
    expect(addBusinessMs(toronto("2026-11-23", "06:00"), MINUTE, cal)).toEqual(toronto("2026-11-23", "08:31"));
    expect(addBusinessMs(toronto("2026-11-23", "16:00"), 30 * MINUTE, cal)).toEqual(toronto("2026-11-23", "16:30"));
    expect(addBusinessMs(toronto("2026-11-21", "12:00"), 0, cal)).toEqual(toronto("2026-11-21", "12:00"));
  });
});

describe("businessDaysLeft", () => {
  const due = toronto("2026-11-25", "16:30"); // Wednesday

  it("counts business days until the due day, 0 on the day itself", () => {
    expect(businessDaysLeft(toronto("2026-11-23", "09:00"), due, cal)).toBe(2);
    expect(businessDaysLeft(toronto("2026-11-25", "09:00"), due, cal)).toBe(0);
    expect(businessDaysLeft(toronto("2026-11-25", "18:00"), due, cal)).toBe(0); // past due, same day
  });

  it("goes negative by business days after the due day", () => {
    expect(businessDaysLeft(toronto("2026-11-26", "09:00"), due, cal)).toBe(-1);
    expect(businessDaysLeft(toronto("2026-11-30", "09:00"), due, cal)).toBe(-3);
  });

  it("treats a weekend or holiday as the next business day", () => {
    const mondayDue = toronto("2026-11-23", "16:30");
    expect(businessDaysLeft(toronto("2026-11-21", "12:00"), mondayDue, cal)).toBe(0);
    expect(businessDaysLeft(toronto("2026-11-21", "12:00"), due, cal)).toBe(2);
    const fridayDue = toronto("2026-11-20", "16:30");
    expect(businessDaysLeft(toronto("2026-11-21", "12:00"), fridayDue, cal)).toBe(0);
    expect(businessDaysLeft(toronto("2026-11-23", "12:00"), fridayDue, cal)).toBe(-1);
    expect(businessDaysLeft(toronto("2026-12-26", "12:00"), toronto("2026-12-31", "16:30"), cal)).toBe(2);
  });
});

describe("properties", () => {
  const calendars: BusinessCalendar[] = [
    DEFAULT_CALENDAR,
    {
      timeZone: "America/Winnipeg",
      opensAtMinutes: 9 * 60,
      closesAtMinutes: 17 * 60,
      optionalClosures: ["civic_holiday", "easter_monday", "truth_and_reconciliation"],
      extraClosures: ["2026-11-24", "2027-01-04", "2030-06-14"],
    },
    // Cairo changes clocks at midnight on a Thursday or Friday, inside these hours.
    { ...DEFAULT_CALENDAR, timeZone: "Africa/Cairo", opensAtMinutes: 0, closesAtMinutes: 23 * 60 + 30 },
  ];
  const anyCalendar = fc.constantFrom(...calendars);
  const T0 = Date.UTC(2024, 0, 1);
  const T1 = Date.UTC(2032, 11, 31);
  // Half of the instants land on a round quarter hour, to hit opening and closing exactly.
  const anyInstant = fc
    .oneof(
      fc.integer({ min: T0, max: T1 }),
      fc.integer({ min: T0 / (15 * MINUTE), max: T1 / (15 * MINUTE) }).map((q) => q * 15 * MINUTE),
    )
    .map((ms) => new Date(ms));
  const anyBusinessMs = fc.oneof(
    fc.integer({ min: 0, max: 15 * 8 * HOUR }),
    fc.integer({ min: 0, max: 15 * 8 * 4 }).map((q) => q * 15 * MINUTE),
  );
  const runs = { numRuns: 200 };

  it("a due time is closing time, local, on a business day", () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, fc.integer({ min: 0, max: 30 }), (c, received, n) => {
        const due = dueAt(received, n, c);
        const day = localDateOf(due, c.timeZone);
        expect(isBusinessDay(day, c)).toBe(true);
        expect(due).toEqual(instantAt(day, c.closesAtMinutes, c.timeZone));
        if (c.timeZone === "America/Toronto") expect(localTimeOf(due, c.timeZone).minutes).toBe(990);
        expect(due.getTime()).toBeGreaterThan(received.getTime());
      }),
      runs,
    );
  });

  it("N + 1 business days is never before N", () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, fc.integer({ min: 0, max: 30 }), (c, received, n) => {
        expect(dueAt(received, n + 1, c).getTime()).toBeGreaterThan(dueAt(received, n, c).getTime());
      }),
      runs,
    );
  });

  it("addBusinessMs never goes back in time and is monotonic in ms", () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, anyBusinessMs, anyBusinessMs, (c, from, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const early = addBusinessMs(from, small, c);
        expect(early.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(addBusinessMs(from, large, c).getTime()).toBeGreaterThanOrEqual(early.getTime());
      }),
      runs,
    );
  });

  it("businessMsBetween(from, addBusinessMs(from, ms)) === ms, and no earlier instant does it", () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, anyBusinessMs, (c, from, ms) => {
        const to = addBusinessMs(from, ms, c);
        expect(businessMsBetween(from, to, c)).toBe(ms);
        if (ms > 0) expect(businessMsBetween(from, new Date(to.getTime() - 1), c)).toBe(ms - 1);
      }),
      runs,
    );
  });

  it("businessDaysLeft never increases as now advances", () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyInstant,
        fc.integer({ min: -60 * 24 * HOUR, max: 60 * 24 * HOUR }),
        fc.integer({ min: 0, max: 20 * 24 * HOUR }),
        (c, due, offset, step) => {
          const now = new Date(due.getTime() + offset);
          const later = new Date(now.getTime() + step);
          expect(businessDaysLeft(later, due, c)).toBeLessThanOrEqual(businessDaysLeft(now, due, c));
        },
      ),
      runs,
    );
  });
});

describe("a calendar whose settings change after use", () => {
  it("answers from the new settings, not from what it remembered", () => {
    // An office that adds a storm-day closure after the calendar was already used must see it at once.
    const cal: BusinessCalendar = { ...DEFAULT_CALENDAR, extraClosures: [] };
    const received = new Date("2026-11-23T15:00:00Z"); // Mon 10:00 Toronto
    expect(localDateOf(dueAt(received, 2, cal), cal.timeZone)).toBe("2026-11-25");
    expect(isBusinessDay("2026-11-24", cal)).toBe(true);
    cal.extraClosures = ["2026-11-24"];
    expect(isBusinessDay("2026-11-24", cal)).toBe(false);
    expect(localDateOf(dueAt(received, 2, cal), cal.timeZone)).toBe("2026-11-26");
    cal.closesAtMinutes = 15 * 60;
    expect(localTimeOf(dueAt(received, 2, cal), cal.timeZone)).toEqual({ date: "2026-11-26", minutes: 900 });
  });
});
