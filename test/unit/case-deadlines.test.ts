// The deadlines a new case runs against. The brief named app/domain/case-deadlines.ts and
// nextOpenDeadline; that module does not exist: the code lives in app/domain/case-clocks.ts
// (initialClocks, nextDueAt), tested here.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isBusinessDay } from "../../app/domain/business-calendar";
import {
  breachClock,
  initialClocks,
  meetClock,
  nextDueAt,
  pauseClock,
  type Clock,
  type ClockKind,
} from "../../app/domain/case-clocks";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import { instantAt, localTimeOf } from "../../app/domain/time-zone";

const TZ = "America/Toronto";
/** An instant from a Toronto wall time, 'YYYY-MM-DD', 'HH:MM'. */
const toronto = (date: string, hhmm: string) =>
  instantAt(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), TZ);

function dueOf(clocks: readonly Clock[], kind: ClockKind): string {
  const clock = clocks.find((c) => c.kind === kind);
  if (!clock) throw new Error(`no ${kind} clock`);
  return clock.dueAt;
}

describe("initialClocks with DEFAULT_POLICY", () => {
  it("starts acknowledge, first response and level-1 decision clocks, running from receipt", () => {
    const receivedAt = toronto("2026-11-23", "10:00");
    const clocks = initialClocks(DEFAULT_POLICY, receivedAt);
    expect(clocks.map((c) => [c.kind, c.level, c.state])).toEqual([
      ["acknowledge", 1, "running"],
      ["first_response", 1, "running"],
      ["decision", 1, "running"],
    ]);
    for (const c of clocks) {
      expect(c.startedAt).toBe(receivedAt.toISOString());
      expect(c.metAt).toBeNull();
      expect(c.pausedAt).toBeNull();
    }
  });

  it("received Monday 2026-11-23 10:00: acknowledge Wed 25, first response Mon 30, decision Mon Dec 21, all 16:30", () => {
    const clocks = initialClocks(DEFAULT_POLICY, toronto("2026-11-23", "10:00"));
    expect(dueOf(clocks, "acknowledge")).toBe(toronto("2026-11-25", "16:30").toISOString());
    expect(dueOf(clocks, "first_response")).toBe(toronto("2026-11-30", "16:30").toISOString());
    // 20 business days after Mon 23 Nov (no holidays in between): Mon 21 Dec.
    expect(dueOf(clocks, "decision")).toBe(toronto("2026-12-21", "16:30").toISOString());
    // 16:30 EST is 21:30 UTC.
    expect(dueOf(clocks, "acknowledge")).toBe("2026-11-25T21:30:00.000Z");
  });

  it("received on Christmas Eve after closing: the clocks start Tue Dec 29, after Christmas and Boxing Day (observed Mon 28)", () => {
    const clocks = initialClocks(DEFAULT_POLICY, toronto("2026-12-24", "17:00"));
    expect(dueOf(clocks, "acknowledge")).toBe(toronto("2026-12-31", "16:30").toISOString());
    // Dec 30, Dec 31, (Jan 1 New Year's Day), Jan 4, 5, 6.
    expect(dueOf(clocks, "first_response")).toBe(toronto("2027-01-06", "16:30").toISOString());
    expect(dueOf(clocks, "decision")).toBe(toronto("2027-01-27", "16:30").toISOString());
  });

  it("received on Christmas Eve just before closing counts from Christmas Eve itself", () => {
    const clocks = initialClocks(DEFAULT_POLICY, toronto("2026-12-24", "16:29"));
    // Thu 24 → Tue 29 (1) → Wed 30 (2).
    expect(dueOf(clocks, "acknowledge")).toBe(toronto("2026-12-30", "16:30").toISOString());
  });

  it("has no decision clock when level 1 has no decision time", () => {
    const policy = {
      ...DEFAULT_POLICY,
      levels: [{ level: 1, key: "ministry" as const, decisionDays: null }],
    };
    expect(initialClocks(policy, toronto("2026-11-23", "10:00")).map((c) => c.kind)).toEqual([
      "acknowledge",
      "first_response",
    ]);
  });

  it("orders acknowledge ≤ first response ≤ decision, each due at 16:30 on a business day after receipt (2024–2032)", () => {
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2032, 11, 31, 23, 59);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const receivedAt = new Date(ms);
        const clocks = initialClocks(DEFAULT_POLICY, receivedAt);
        const ack = Date.parse(dueOf(clocks, "acknowledge"));
        const first = Date.parse(dueOf(clocks, "first_response"));
        const decision = Date.parse(dueOf(clocks, "decision"));
        expect(ack).toBeGreaterThan(ms);
        expect(ack).toBeLessThanOrEqual(first);
        expect(first).toBeLessThanOrEqual(decision);
        for (const due of [ack, first, decision]) {
          const local = localTimeOf(new Date(due), TZ);
          expect(local.minutes).toBe(16 * 60 + 30);
          expect(isBusinessDay(local.date, DEFAULT_POLICY.calendar)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("nextDueAt (the earliest deadline still running)", () => {
  const receivedAt = toronto("2026-11-23", "10:00");
  const clocks = initialClocks(DEFAULT_POLICY, receivedAt);
  const meet = (cs: Clock[], kind: ClockKind, at: Date) =>
    cs.map((c) => (c.kind === kind ? meetClock(c, at, DEFAULT_POLICY.calendar) : c));

  it("is the acknowledgement deadline for a new case", () => {
    expect(nextDueAt(clocks)).toBe(dueOf(clocks, "acknowledge"));
  });

  it("does not depend on the order of the clocks", () => {
    expect(nextDueAt([...clocks].reverse())).toBe(dueOf(clocks, "acknowledge"));
  });

  it("moves to the first response once the case is acknowledged, then to the decision", () => {
    const acknowledged = meet(clocks, "acknowledge", toronto("2026-11-24", "09:00"));
    expect(nextDueAt(acknowledged)).toBe(dueOf(clocks, "first_response"));
    const replied = meet(acknowledged, "first_response", toronto("2026-11-26", "09:00"));
    expect(nextDueAt(replied)).toBe(dueOf(clocks, "decision"));
  });

  it("is null once every deadline is met, and for no clocks at all", () => {
    let all = clocks;
    for (const kind of ["acknowledge", "first_response", "decision"] as const)
      all = meet(all, kind, toronto("2026-11-24", "09:00"));
    expect(all.every((c) => c.state === "met")).toBe(true);
    expect(nextDueAt(all)).toBeNull();
    expect(nextDueAt([])).toBeNull();
  });

  it("ignores a decision clock paused while waiting for the filer", () => {
    const done = meet(meet(clocks, "acknowledge", receivedAt), "first_response", receivedAt);
    const paused = done.map((c) => (c.kind === "decision" ? pauseClock(c, toronto("2026-11-24", "09:00")) : c));
    expect(paused.find((c) => c.kind === "decision")?.state).toBe("paused");
    expect(nextDueAt(paused)).toBeNull();
  });

  it("a clock met late stays breached but is no longer waited for", () => {
    const late = clocks.map((c) => (c.kind === "acknowledge" ? breachClock(c, toronto("2026-11-26", "09:00")) : c));
    const metLate = meet(late, "acknowledge", toronto("2026-11-26", "10:00"));
    const ack = metLate.find((c) => c.kind === "acknowledge");
    expect(ack?.state).toBe("breached");
    expect(ack?.metAt).toBe(toronto("2026-11-26", "10:00").toISOString());
    expect(nextDueAt(metLate)).toBe(dueOf(clocks, "first_response"));
  });
});
