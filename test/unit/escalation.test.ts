import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { DEFAULT_CALENDAR } from "../../app/domain/business-calendar";
import { checkRecourseRequest, levelAbove, planEscalation, recourseDeadline } from "../../app/domain/escalation";
import { DEFAULT_POLICY, type DisputePolicy } from "../../app/domain/policy";
import { instantAt } from "../../app/domain/time-zone";

const policy = DEFAULT_POLICY;
/** An instant from a Toronto wall time, 'YYYY-MM-DD', 'HH:MM'. */
const toronto = (date: string, hhmm: string) =>
  instantAt(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), "America/Toronto");

describe("levelAbove", () => {
  it("climbs the default ladder one level at a time, ending at the ministry", () => {
    expect(levelAbove(policy, 0)?.key).toBe("provider");
    expect(levelAbove(policy, 1)).toEqual({ level: 2, key: "formal_review", decisionDays: 20 });
    expect(levelAbove(policy, 2)?.key).toBe("independent_panel");
    expect(levelAbove(policy, 3)).toEqual({ level: 4, key: "ministry", decisionDays: null });
    expect(levelAbove(policy, 4)).toBeNull();
    expect(levelAbove(policy, 9)).toBeNull();
  });

  it("finds the next level up however the ladder is listed, skipping gaps", () => {
    const shuffled: DisputePolicy = {
      ...policy,
      levels: [
        { level: 4, key: "ministry", decisionDays: null },
        { level: 1, key: "provider", decisionDays: 10 },
        { level: 3, key: "independent_panel", decisionDays: 30 },
      ],
    };
    expect(levelAbove(shuffled, 1)?.level).toBe(3);
    expect(levelAbove(shuffled, 3)?.level).toBe(4);
    expect(levelAbove(shuffled, 4)).toBeNull();
  });
});

describe("planEscalation", () => {
  const now = toronto("2026-11-23", "10:00"); // Monday

  it("from level 1: level 2 with a decision clock due 20 business days after now", () => {
    const plan = planEscalation(policy, 1, now);
    expect(plan).not.toBeNull();
    expect(plan!.level).toBe(2);
    expect(plan!.referral).toBe(false);
    expect(plan!.decisionClock).toMatchObject({
      kind: "decision",
      level: 2,
      state: "running",
      startedAt: now.toISOString(),
      // Mon 23 + 20 business days → Mon 2026-12-21 16:30 EST.
      dueAt: "2026-12-21T21:30:00.000Z",
      pausedBusinessMs: 0,
      metAt: null,
    });
  });

  it("from level 2: level 3, counted from the escalation, not from receipt", () => {
    const later = toronto("2026-12-22", "11:00"); // Tue; the Christmas break adds Dec 25, 28 and Jan 1
    const plan = planEscalation(policy, 2, later);
    expect(plan?.level).toBe(3);
    // Business days after Dec 22: 23, 24, 29, 30, 31 (5), Jan 4–8 (10), 11–15 (15), 18–22 (20).
    expect(plan?.decisionClock?.dueAt).toBe(toronto("2027-01-22", "16:30").toISOString());
  });

  it("from level 3: a referral to level 4 with no clock", () => {
    expect(planEscalation(policy, 3, now)).toEqual({ level: 4, decisionClock: null, referral: true });
  });

  it("from level 4: nowhere to go", () => {
    expect(planEscalation(policy, 4, now)).toBeNull();
  });
});

describe("recourseDeadline", () => {
  it("decided Fri 2026-11-27 10:00: 15 business days → Fri 2026-12-18 16:30 Toronto", () => {
    const deadline = recourseDeadline(policy, toronto("2026-11-27", "10:00"));
    expect(deadline).toEqual(toronto("2026-12-18", "16:30"));
    expect(deadline.toISOString()).toBe("2026-12-18T21:30:00.000Z");
  });

  it("a decision made after closing counts from the next business day", () => {
    // Fri 17:00 → starts Mon 30 → 15 business days → Mon 2026-12-21.
    expect(recourseDeadline(policy, toronto("2026-11-27", "17:00"))).toEqual(toronto("2026-12-21", "16:30"));
  });

  it("uses the policy’s window and calendar", () => {
    const custom: DisputePolicy = {
      ...policy,
      recourseWindowDays: 1,
      calendar: { ...DEFAULT_CALENDAR, extraClosures: ["2026-11-30"] },
    };
    expect(recourseDeadline(custom, toronto("2026-11-27", "10:00"))).toEqual(toronto("2026-12-01", "16:30"));
  });
});

describe("checkRecourseRequest", () => {
  const decidedAt = toronto("2026-11-27", "10:00");
  const deadline = recourseDeadline(policy, decidedAt);
  const base = {
    policy,
    status: "decided",
    level: 1,
    recourseDeadlineAt: deadline.toISOString(),
    now: toronto("2026-12-01", "10:00"),
  };

  it("accepts a request on a decided case within the window, up to the deadline itself", () => {
    expect(checkRecourseRequest(base)).toEqual({ ok: true });
    expect(checkRecourseRequest({ ...base, now: deadline })).toEqual({ ok: true });
    expect(checkRecourseRequest({ ...base, level: 3 })).toEqual({ ok: true }); // on to the ministry
  });

  it("refuses a case that is not decided", () => {
    for (const status of ["new", "in_review", "waiting_for_filer", "escalated", "withdrawn"]) {
      expect(checkRecourseRequest({ ...base, status })).toEqual({ ok: false, reason: "not_decided" });
    }
    expect(checkRecourseRequest({ ...base, recourseDeadlineAt: null })).toEqual({ ok: false, reason: "not_decided" });
  });

  it("refuses one millisecond after the deadline", () => {
    expect(checkRecourseRequest({ ...base, now: new Date(deadline.getTime() + 1) })).toEqual({
      ok: false,
      reason: "window_closed",
    });
  });

  it("refuses at the top of the ladder", () => {
    expect(checkRecourseRequest({ ...base, level: 4 })).toEqual({ ok: false, reason: "top_level" });
  });

  it("property: never ok after the deadline, and ok whenever every condition holds", () => {
    const T0 = Date.UTC(2024, 0, 1);
    const T1 = Date.UTC(2032, 11, 31);
    fc.assert(
      fc.property(
        fc.integer({ min: T0, max: T1 }),
        fc.oneof(fc.integer({ min: -60 * 86_400_000, max: 60 * 86_400_000 }), fc.integer({ min: -2, max: 2 })),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom("decided", "in_review", "waiting_for_filer"),
        (deadlineMs, offset, level, status) => {
          const now = new Date(deadlineMs + offset);
          const result = checkRecourseRequest({
            policy,
            status,
            level,
            recourseDeadlineAt: new Date(deadlineMs).toISOString(),
            now,
          });
          if (result.ok) expect(now.getTime()).toBeLessThanOrEqual(deadlineMs);
          expect(result.ok).toBe(status === "decided" && offset <= 0 && level < 4);
        },
      ),
      { numRuns: 200 },
    );
  });
});
