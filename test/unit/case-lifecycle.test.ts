import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isClosingOfBusinessDay } from "../../app/domain/business-calendar";
import { initialClocks, isOutstanding, type Clock } from "../../app/domain/case-clocks";
import {
  filerChoices,
  isFinished,
  type LifecycleCase,
  type LifecycleInput,
  type Transition,
} from "../../app/domain/case-lifecycle";
import { filerTransition, type FilerLifecycleCommand } from "../../app/domain/case-lifecycle-filer";
import {
  allowedStaffActions,
  staffTransition,
  type StaffLifecycleCommand,
} from "../../app/domain/case-lifecycle-staff";
import { breach } from "../../app/domain/case-lifecycle-sweep";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import { instantAt } from "../../app/domain/time-zone";
import type { CaseStatus } from "../../app/domain/vocabulary";

// The lifecycle rules alone: no database, no services. Whole lives on a database are driven by
// test/integration/case-lifecycle-model.test.ts.

const policy = DEFAULT_POLICY;
const cal = policy.calendar;
const toronto = (date: string, hhmm: string) =>
  instantAt(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), "America/Toronto");
const RECEIVED = toronto("2026-11-23", "10:00");

/** A case and its clocks as a service would hand them over, changes applied like a commit. */
interface Life {
  case: LifecycleCase;
  clocks: Clock[];
}
function newLife(): Life {
  return {
    case: { status: "received", level: 1, decidedAt: null, recourseDeadlineAt: null },
    clocks: initialClocks(policy, RECEIVED),
  };
}
function input(life: Life, now: Date): LifecycleInput {
  return { case: life.case, clocks: life.clocks, policy, now };
}
function apply(life: Life, change: Transition): Life {
  const clocks = life.clocks
    .map((c) => change.clockChanges.find((x) => x.clock === c)?.next ?? c)
    .concat(change.newClocks);
  const p = change.casePatch ?? {};
  return {
    case: {
      status: p.status ?? life.case.status,
      level: p.level ?? life.case.level,
      decidedAt: p.decidedAt !== undefined ? p.decidedAt : life.case.decidedAt,
      recourseDeadlineAt: p.recourseDeadlineAt !== undefined ? p.recourseDeadlineAt : life.case.recourseDeadlineAt,
      acknowledgedAt: p.acknowledgedAt !== undefined ? p.acknowledgedAt : life.case.acknowledgedAt,
    },
    clocks,
  };
}
function staff(life: Life, command: StaffLifecycleCommand, now: Date): Life {
  const result = staffTransition(input(life, now), command);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return apply(life, result.change);
}
function sweep(life: Life, now: Date): Life {
  for (const clock of life.clocks) {
    const result = breach(input(life, now), clock);
    if (result) return sweep(apply(life, result.change), now);
  }
  return life;
}

describe("acknowledging (finding 2)", () => {
  it("is allowed while the acknowledgement is owed, even after the case escalated, and only once", () => {
    const escalated = sweep(newLife(), toronto("2026-12-22", "10:00"));
    expect([escalated.case.level, escalated.case.status]).toEqual([2, "in_review"]);
    const result = staffTransition(input(escalated, toronto("2026-12-22", "11:00")), { action: "acknowledge" });
    expect(result.ok).toBe(true);
    const acked = staff(escalated, { action: "acknowledge" }, toronto("2026-12-22", "11:00"));
    expect(acked.case.status).toBe("in_review");
    expect(staffTransition(input(acked, toronto("2026-12-22", "12:00")), { action: "acknowledge" })).toEqual({
      ok: false,
      reason: "already_acknowledged",
    });
  });
});

describe("closing and the recourse window (findings 1 and 3)", () => {
  const decided = () => {
    let life = staff(newLife(), { action: "acknowledge" }, toronto("2026-11-23", "11:00"));
    life = staff(life, { action: "decide", outcome: "not_upheld", reasons: "r" }, toronto("2026-11-25", "10:00"));
    return staff(life, { action: "close" }, toronto("2026-11-25", "10:01"));
  };

  it("a closed case owes no clock and keeps the window its decision opened", () => {
    const closed = decided();
    expect(closed.clocks.filter(isOutstanding)).toEqual([]);
    expect(closed.case.recourseDeadlineAt).toBe(toronto("2026-12-16", "16:30").toISOString());
    expect(filerChoices(input(closed, toronto("2026-12-16", "16:30")))).toEqual({
      canAct: false,
      canAddInformation: true,
      canAskRecourse: true,
    });
    const asked = filerTransition(input(closed, toronto("2026-12-16", "16:00")), {
      action: "request_recourse",
      reasons: "no",
    });
    expect(asked.ok && asked.change.casePatch).toMatchObject({ level: 2, status: "in_review", closedAt: null });
    expect(
      filerTransition(input(closed, toronto("2026-12-16", "16:31")), { action: "request_recourse", reasons: "no" }),
    ).toEqual({ ok: false, reason: "window_closed" });
  });

  it("other filer actions on a closed case are refused as finished", () => {
    expect(filerTransition(input(decided(), toronto("2026-11-26", "10:00")), { action: "withdraw" })).toEqual({
      ok: false,
      reason: "finished",
    });
  });
});

describe("reopening (finding 4)", () => {
  it("starts a new decision clock now and leaves the met one as it was", () => {
    let life = staff(newLife(), { action: "acknowledge" }, toronto("2026-11-23", "11:00"));
    life = staff(life, { action: "decide", outcome: "upheld", reasons: "r" }, toronto("2026-11-24", "10:00"));
    const before = life.clocks.find((c) => c.kind === "decision")!;
    const reopenedAt = toronto("2027-02-01", "10:00");
    life = staff(life, { action: "reopen", reason: "new facts" }, reopenedAt);
    const decisions = life.clocks.filter((c) => c.kind === "decision");
    expect(decisions[0]).toBe(before);
    expect([decisions[1]!.startedAt, decisions[1]!.state]).toEqual([reopenedAt.toISOString(), "running"]);
  });
});

describe("breach (finding 6)", () => {
  it("is dated at the deadline, however late the sweep runs", () => {
    const life = sweep(newLife(), toronto("2026-12-01", "10:00"));
    const ack = life.clocks.find((c) => c.kind === "acknowledge")!;
    expect(ack.breachedAt).toBe(ack.dueAt);
  });

  it("a missed decision at the last SSM level refers the case and ends every owed clock", () => {
    let life = newLife();
    for (const day of ["2026-12-22", "2027-01-25", "2027-02-25", "2027-03-30"])
      life = sweep(life, toronto(day, "10:00"));
    expect([life.case.level, life.case.status]).toEqual([4, "referred_to_ministry"]);
    expect(life.clocks.filter(isOutstanding)).toEqual([]);
  });
});

describe("random sequences of commands", () => {
  const STATUS_COMMANDS: StaffLifecycleCommand[] = [
    { action: "acknowledge" },
    { action: "reply", message: "m" },
    { action: "request_info", message: "m" },
    { action: "resume", reason: "r" },
    { action: "decide", outcome: "upheld", reasons: "r", panel: "A, B, C" },
    { action: "escalate", reason: "r" },
    { action: "close" },
    { action: "reopen", reason: "r" },
  ];
  const FILER_COMMANDS: FilerLifecycleCommand[] = [
    { action: "add_information", message: "m" },
    { action: "request_recourse", reasons: "r" },
    { action: "withdraw" },
  ];
  const step = fc.record({
    who: fc.constantFrom("staff", "filer", "sweep"),
    staff: fc.constantFrom(...STATUS_COMMANDS),
    filer: fc.constantFrom(...FILER_COMMANDS),
    // Up to about three weeks, in quarter hours.
    after: fc.integer({ min: 1, max: 2000 }).map((q) => q * 15 * 60_000),
  });

  it("keep every invariant of a case whatever happens, in whatever order", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let life = newLife();
        let now = RECEIVED;
        let level = 1;
        for (const s of steps) {
          now = new Date(now.getTime() + s.after);
          if (s.who === "sweep") life = sweep(life, now);
          else {
            const result =
              s.who === "staff"
                ? staffTransition(input(life, now), s.staff)
                : filerTransition(input(life, now), s.filer);
            if (result.ok) life = apply(life, result.change);
          }
          if (isFinished(life.case.status)) expect(life.clocks.filter(isOutstanding)).toEqual([]);
          for (const c of life.clocks) {
            expect(isClosingOfBusinessDay(new Date(c.dueAt), cal)).toBe(true);
            if (c.breachedAt) expect(c.breachedAt).toBe(c.dueAt);
          }
          for (const kind of ["acknowledge", "first_response", "decision"] as const) {
            expect(life.clocks.filter((c) => c.kind === kind && isOutstanding(c)).length).toBeLessThanOrEqual(1);
          }
          expect(life.case.level).toBeGreaterThanOrEqual(level);
          expect(life.case.level).toBeLessThanOrEqual(4);
          level = life.case.level;
          // The page offers exactly the staff commands the rules accept.
          const offered = allowedStaffActions(input(life, now));
          for (const command of STATUS_COMMANDS) {
            expect(offered.includes(command.action)).toBe(staffTransition(input(life, now), command).ok);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("only these statuses are finished", () => {
    const finished: CaseStatus[] = ["closed", "withdrawn", "referred_out", "referred_to_ministry"];
    for (const s of finished) expect(isFinished(s)).toBe(true);
    expect(isFinished("decided")).toBe(false);
  });
});
