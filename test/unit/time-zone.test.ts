import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  instantAt,
  isoDateOf,
  localDateOf,
  localTimeOf,
  parseIsoDate,
} from "../../app/domain/time-zone";

const TORONTO = "America/Toronto";
const HOUR = 3_600_000;

describe("localDateOf / localTimeOf", () => {
  it("reads the Toronto wall clock in winter (EST, UTC-5) and summer (EDT, UTC-4)", () => {
    expect(localTimeOf(new Date("2026-01-15T13:30:00Z"), TORONTO)).toEqual({
      date: "2026-01-15",
      minutes: 8 * 60 + 30,
    });
    expect(localTimeOf(new Date("2026-07-15T12:30:00Z"), TORONTO)).toEqual({
      date: "2026-07-15",
      minutes: 8 * 60 + 30,
    });
  });

  it("keeps the previous local date late in the evening, when UTC has moved on", () => {
    expect(localDateOf(new Date("2026-11-24T03:00:00Z"), TORONTO)).toBe("2026-11-23");
    expect(localDateOf(new Date("2026-11-24T03:00:00Z"), "UTC")).toBe("2026-11-24");
  });

  it("reports local midnight as minute 0, not 24:00", () => {
    expect(localTimeOf(new Date("2026-01-15T05:00:00Z"), TORONTO)).toEqual({ date: "2026-01-15", minutes: 0 });
  });

  it("drops seconds from minutes", () => {
    expect(localTimeOf(new Date("2026-01-15T21:29:59.999Z"), TORONTO).minutes).toBe(16 * 60 + 29);
  });

  it("rejects unknown zones and invalid dates", () => {
    expect(() => localDateOf(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => localDateOf(new Date(Number.NaN), TORONTO)).toThrow(RangeError);
  });
});

describe("instantAt", () => {
  it("converts ordinary wall times in both offsets", () => {
    expect(instantAt("2026-01-15", 8 * 60 + 30, TORONTO).toISOString()).toBe("2026-01-15T13:30:00.000Z");
    expect(instantAt("2026-07-15", 16 * 60 + 30, TORONTO).toISOString()).toBe("2026-07-15T20:30:00.000Z");
  });

  it("keeps office hours local across the spring-forward weekend (2026-03-08)", () => {
    expect(instantAt("2026-03-06", 8 * 60 + 30, TORONTO).toISOString()).toBe("2026-03-06T13:30:00.000Z");
    expect(instantAt("2026-03-09", 8 * 60 + 30, TORONTO).toISOString()).toBe("2026-03-09T12:30:00.000Z");
    // Only 23 hours between midnights on the change day.
    const day = instantAt("2026-03-09", 0, TORONTO).getTime() - instantAt("2026-03-08", 0, TORONTO).getTime();
    expect(day).toBe(23 * HOUR);
  });

  it("moves a skipped wall time (02:30 on 2026-03-08) forward to 03:30 EDT", () => {
    const t = instantAt("2026-03-08", 2 * 60 + 30, TORONTO);
    expect(t.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(localTimeOf(t, TORONTO)).toEqual({ date: "2026-03-08", minutes: 3 * 60 + 30 });
  });

  it("takes the earlier instant for a repeated wall time (01:30 on 2026-11-01)", () => {
    expect(instantAt("2026-11-01", 60 + 30, TORONTO).toISOString()).toBe("2026-11-01T05:30:00.000Z");
    const day = instantAt("2026-11-02", 0, TORONTO).getTime() - instantAt("2026-11-01", 0, TORONTO).getTime();
    expect(day).toBe(25 * HOUR);
  });

  it("treats 1440 minutes as the next midnight", () => {
    expect(instantAt("2026-12-31", 1440, TORONTO)).toEqual(instantAt("2027-01-01", 0, TORONTO));
  });

  it("rejects malformed dates", () => {
    expect(() => instantAt("2026-02-30", 0, TORONTO)).toThrow(RangeError);
    expect(() => instantAt("2026-2-3", 0, TORONTO)).toThrow(RangeError);
    expect(() => instantAt("2026-02-03", Number.NaN, TORONTO)).toThrow(RangeError);
  });

  it("round-trips with localTimeOf for every minute of 2024–2032 it is given", () => {
    const zones = [TORONTO, "America/Winnipeg", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 11, 31) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const instant = new Date(Math.floor(ms / 60_000) * 60_000);
          const { date, minutes } = localTimeOf(instant, zone);
          const back = instantAt(date, minutes, zone);
          // Equal, or the earlier of two instants with this wall time.
          expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(localTimeOf(back, zone)).toEqual({ date, minutes });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("calendar-date helpers", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  it("is unaffected by DST (dates have no zone)", () => {
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
  });

  it("gives the day of the week, 0 = Sunday", () => {
    expect(dayOfWeek("2026-11-22")).toBe(0);
    expect(dayOfWeek("2026-11-23")).toBe(1);
    expect(dayOfWeek("2026-12-25")).toBe(5);
    expect(dayOfWeek("2027-12-25")).toBe(6);
  });

  it("compares dates in calendar order", () => {
    expect(["2027-01-01", "2026-12-31", "2026-02-01"].sort(compareIsoDates)).toEqual([
      "2026-02-01",
      "2026-12-31",
      "2027-01-01",
    ]);
    expect(compareIsoDates("2026-01-01", "2026-01-01")).toBe(0);
  });

  it("builds and parses dates", () => {
    expect(isoDateOf(2026, 13, 1)).toBe("2027-01-01");
    expect(parseIsoDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(() => parseIsoDate("2027-02-29")).toThrow(RangeError);
  });
});
