import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  businessDaysTouched,
  businessMsBetween,
  DEFAULT_CALENDAR,
  isClosingOfBusinessDay,
  moveDueByBusinessDays,
  type BusinessCalendar,
} from "../../app/domain/business-calendar";
import {
  breachClock,
  initialClocks,
  isBreachedAt,
  isOpen,
  isOutstanding,
  meetClock,
  metOnTime,
  nextDueAt,
  openClock,
  pauseClock,
  readClock,
  resumeClock,
  stopClock,
  type Clock,
} from "../../app/domain/case-clocks";
import { DEFAULT_POLICY, type DisputePolicy } from "../../app/domain/policy";
import { instantAt } from "../../app/domain/time-zone";

const cal = DEFAULT_CALENDAR;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An instant from a Toronto wall time, 'YYYY-MM-DD', 'HH:MM'. */
const toronto = (date: string, hhmm: string) =>
  instantAt(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), "America/Toronto");
const iso = (date: string, hhmm: string) => toronto(date, hhmm).toISOString();

// Received Monday 2026-11-23 10:00 Toronto; 2 business days → Wednesday 25 16:30 EST.
const RECEIVED = toronto("2026-11-23", "10:00");
const DUE_WED = "2026-11-25T21:30:00.000Z";

const ack = () => openClock("acknowledge", 1, RECEIVED, 2, cal);
const decision = (days = 2, level = 1) => openClock("decision", level, RECEIVED, days, cal);

describe("openClock", () => {
  it("runs from receipt to closing time of the Nth business day", () => {
    expect(ack()).toEqual({
      kind: "acknowledge",
      level: 1,
      startedAt: RECEIVED.toISOString(),
      dueAt: DUE_WED,
      state: "running",
      pausedAt: null,
      pausedBusinessMs: 0,
      metAt: null,
      breachedAt: null,
      pauses: [],
    });
  });

  it("a filing received after closing on Friday is due counting from Monday", () => {
    // Fri 2026-11-27 17:00 → starts Mon 30 → Tue 1 (1) → Wed 2 (2).
    expect(openClock("acknowledge", 1, toronto("2026-11-27", "17:00"), 2, cal).dueAt).toBe(iso("2026-12-02", "16:30"));
  });

  it("a filing received on Christmas Eve after closing is due Thu 2026-12-31 16:30", () => {
    expect(openClock("acknowledge", 1, toronto("2026-12-24", "17:00"), 2, cal).dueAt).toBe(iso("2026-12-31", "16:30"));
  });
});

describe("meetClock", () => {
  it("marks a running clock met and records when", () => {
    const now = toronto("2026-11-24", "11:00");
    const met = meetClock(ack(), now, cal);
    expect(met.state).toBe("met");
    expect(met.metAt).toBe(now.toISOString());
    expect(isOpen(met)).toBe(false);
    expect(isOutstanding(met)).toBe(false);
  });

  it("a breached clock stays breached (it was late) but records when it was done", () => {
    const breachedAt = toronto("2026-11-25", "16:35");
    const breached = breachClock(ack(), breachedAt);
    expect(isOutstanding(breached)).toBe(true);
    const done = toronto("2026-11-27", "09:00");
    const late = meetClock(breached, done, cal);
    expect(late.state).toBe("breached");
    expect(late.metAt).toBe(done.toISOString());
    expect(late.breachedAt).toBe(DUE_WED); // dated at its deadline, not when the sweep ran
    expect(isOutstanding(late)).toBe(false);
    expect(metOnTime(late)).toBe(false);
  });

  it("is idempotent once met: meeting again keeps the first time", () => {
    const first = meetClock(ack(), toronto("2026-11-24", "11:00"), cal);
    const again = meetClock(first, toronto("2026-11-26", "11:00"), cal);
    expect(again).toBe(first);
    expect(again.metAt).toBe(iso("2026-11-24", "11:00"));
    const lateOnce = meetClock(breachClock(ack(), toronto("2026-11-26", "09:00")), toronto("2026-11-26", "10:00"), cal);
    expect(meetClock(lateOnce, toronto("2026-11-27", "10:00"), cal)).toBe(lateOnce);
  });

  it("meeting a paused decision clock closes it and clears the pause", () => {
    const paused = pauseClock(decision(), toronto("2026-11-24", "10:00"));
    const met = meetClock(paused, toronto("2026-11-24", "15:00"), cal);
    expect(met.state).toBe("met");
    expect(met.pausedAt).toBeNull();
    expect(met.metAt).toBe(iso("2026-11-24", "15:00"));
  });

  // Staff may decide while the case waits for the filer: only 8 business hours ran (Mon 10:00 to
  // Tue 10:00) of a 2-day clock, so the decision is on time.
  it("a decision made while paused does not count the paused time against the SSM", () => {
    const paused = pauseClock(decision(), toronto("2026-11-24", "10:00"));
    const met = meetClock(paused, toronto("2026-11-26", "10:00"), cal);
    expect(met.state).toBe("met");
    expect(metOnTime(met)).toBe(true);
  });
});

describe("pauseClock", () => {
  it("pauses a running decision clock and records when", () => {
    const now = toronto("2026-11-24", "10:00");
    const paused = pauseClock(decision(), now);
    expect(paused.state).toBe("paused");
    expect(paused.pausedAt).toBe(now.toISOString());
    expect(paused.dueAt).toBe(DUE_WED);
    expect(isOpen(paused)).toBe(true);
  });

  it("leaves acknowledgement and first-response clocks running", () => {
    const now = toronto("2026-11-24", "10:00");
    const a = ack();
    expect(pauseClock(a, now)).toBe(a);
    const fr = openClock("first_response", 1, RECEIVED, 5, cal);
    expect(pauseClock(fr, now)).toBe(fr);
  });

  it("does nothing to a decision clock that is not running", () => {
    const now = toronto("2026-11-24", "10:00");
    const paused = pauseClock(decision(), now);
    expect(pauseClock(paused, toronto("2026-11-24", "12:00"))).toBe(paused); // keeps the first pausedAt
    const met = meetClock(decision(), now, cal);
    expect(pauseClock(met, now)).toBe(met);
    const breached = breachClock(decision(), toronto("2026-11-26", "09:00"));
    expect(pauseClock(breached, now)).toBe(breached);
    const stopped = stopClock(decision());
    expect(pauseClock(stopped, now)).toBe(stopped);
  });
});

describe("resumeClock", () => {
  it("paused Tue 10:00, resumed Thu 10:00: 16 business hours over three days touched, due moves three business days later", () => {
    const paused = pauseClock(decision(), toronto("2026-11-24", "10:00"));
    const resumed = resumeClock(paused, toronto("2026-11-26", "10:00"), cal);
    expect(resumed.state).toBe("running");
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.pausedBusinessMs).toBe(2 * 8 * HOUR);
    expect(resumed.dueAt).toBe(iso("2026-11-30", "16:30")); // Wed 25 → Mon 30
    expect(resumed.pauses).toEqual([
      {
        pausedAt: iso("2026-11-24", "10:00"),
        resumedAt: iso("2026-11-26", "10:00"),
        businessDays: 3,
        dueBefore: DUE_WED,
        dueAfter: iso("2026-11-30", "16:30"),
      },
    ]);
  });

  it("a pause over a weekend only counts the business hours in it", () => {
    // Fri 16:00 → Mon 09:00: 30 minutes on Friday and 30 on Monday.
    const clock = openClock("decision", 1, RECEIVED, 20, cal); // due Mon 2026-12-21 16:30
    const paused = pauseClock(clock, toronto("2026-11-27", "16:00"));
    const resumed = resumeClock(paused, toronto("2026-11-30", "09:00"), cal);
    expect(resumed.pausedBusinessMs).toBe(HOUR);
    // Friday and Monday touched: Mon 21 → Wed 23, still at closing time.
    expect(resumed.dueAt).toBe(iso("2026-12-23", "16:30"));
  });

  it("a pause entirely outside opening hours leaves the due time alone", () => {
    const paused = pauseClock(decision(), toronto("2026-11-24", "17:00"));
    const resumed = resumeClock(paused, toronto("2026-11-25", "08:00"), cal);
    expect(resumed.pausedBusinessMs).toBe(0);
    expect(resumed.dueAt).toBe(DUE_WED);
  });

  it("accumulates business time over several pauses", () => {
    let clock = decision(20);
    const due0 = clock.dueAt;
    clock = resumeClock(pauseClock(clock, toronto("2026-11-24", "10:00")), toronto("2026-11-24", "12:00"), cal);
    clock = resumeClock(pauseClock(clock, toronto("2026-11-25", "09:00")), toronto("2026-11-25", "15:00"), cal);
    expect(clock.pausedBusinessMs).toBe(8 * HOUR);
    expect(due0).toBe(iso("2026-12-21", "16:30"));
    expect(clock.dueAt).toBe(iso("2026-12-23", "16:30")); // one business day per pause
    expect(clock.pauses?.map((p) => p.businessDays)).toEqual([1, 1]);
  });

  it("does nothing to a clock that is not paused", () => {
    const now = toronto("2026-11-26", "10:00");
    const running = decision();
    expect(resumeClock(running, now, cal)).toBe(running);
    const met = meetClock(running, now, cal);
    expect(resumeClock(met, now, cal)).toBe(met);
  });
});

describe("stopClock", () => {
  it("stops running and paused clocks, which then count as neither met nor missed", () => {
    const stopped = stopClock(ack());
    expect(stopped.state).toBe("stopped");
    expect(isOpen(stopped)).toBe(false);
    expect(isOutstanding(stopped)).toBe(false);
    expect(metOnTime(stopped)).toBe(false);
    expect(isBreachedAt(stopped, toronto("2027-01-01", "12:00"))).toBe(false);

    const stoppedPaused = stopClock(pauseClock(decision(), toronto("2026-11-24", "10:00")));
    expect(stoppedPaused.state).toBe("stopped");
    expect(stoppedPaused.pausedAt).toBeNull();
  });

  it("leaves met clocks, and breached ones done late, as they are", () => {
    const met = meetClock(ack(), toronto("2026-11-24", "10:00"), cal);
    expect(stopClock(met)).toBe(met);
    const doneLate = meetClock(breachClock(ack(), toronto("2026-11-26", "10:00")), toronto("2026-11-26", "11:00"), cal);
    expect(stopClock(doneLate)).toBe(doneLate);
  });

  it("stops a missed clock never done, keeping its breach for the reports", () => {
    const missed = breachClock(ack(), toronto("2026-11-26", "10:00"));
    const stopped = stopClock(missed);
    expect([stopped.state, stopped.breachedAt, isOutstanding(stopped)]).toEqual(["stopped", DUE_WED, false]);
  });
});

describe("isBreachedAt and breachClock", () => {
  it("a running clock is breached only after its due instant", () => {
    const clock = ack();
    const due = Date.parse(DUE_WED);
    expect(isBreachedAt(clock, new Date(due - 1))).toBe(false);
    expect(isBreachedAt(clock, new Date(due))).toBe(false);
    expect(isBreachedAt(clock, new Date(due + 1))).toBe(true);
  });

  it("a paused clock is never reported breached, however long it waits", () => {
    const paused = pauseClock(decision(), toronto("2026-11-24", "10:00"));
    expect(isBreachedAt(paused, toronto("2026-11-26", "10:00"))).toBe(false);
    expect(isBreachedAt(paused, toronto("2027-06-01", "10:00"))).toBe(false);
  });

  it("met and already-breached clocks are not breached again", () => {
    const late = toronto("2026-12-01", "10:00");
    expect(isBreachedAt(meetClock(ack(), toronto("2026-11-24", "10:00"), cal), late)).toBe(false);
    const breached = breachClock(ack(), toronto("2026-11-26", "10:00"));
    expect(isBreachedAt(breached, late)).toBe(false);
    expect(breachClock(breached, late)).toBe(breached);
    expect(breached.breachedAt).toBe(DUE_WED);
  });
});

describe("metOnTime", () => {
  it("done no later than the due instant counts as on time", () => {
    const due = Date.parse(DUE_WED);
    expect(metOnTime(meetClock(ack(), new Date(due), cal))).toBe(true);
    expect(metOnTime(meetClock(ack(), toronto("2026-11-23", "10:05"), cal))).toBe(true);
    expect(metOnTime(meetClock(ack(), new Date(due + 1), cal))).toBe(false);
    expect(metOnTime(ack())).toBe(false);
  });

  it("a resumed clock is judged against its extended due time", () => {
    const resumed = resumeClock(
      pauseClock(decision(), toronto("2026-11-24", "10:00")),
      toronto("2026-11-26", "10:00"),
      cal,
    );
    expect(metOnTime(meetClock(resumed, toronto("2026-11-27", "16:00"), cal))).toBe(true);
    expect(metOnTime(meetClock(resumed, toronto("2026-11-30", "16:30"), cal))).toBe(true);
    expect(metOnTime(meetClock(resumed, toronto("2026-12-01", "09:00"), cal))).toBe(false);
  });
});

describe("nextDueAt", () => {
  const acknowledge = ack(); // Wed 25
  const firstResponse = openClock("first_response", 1, RECEIVED, 5, cal); // Mon 30
  const decide = openClock("decision", 1, RECEIVED, 20, cal); // Mon Dec 21

  it("is the earliest running due time", () => {
    expect(nextDueAt([decide, firstResponse, acknowledge])).toBe(DUE_WED);
    const acked = meetClock(acknowledge, toronto("2026-11-24", "10:00"), cal);
    expect(nextDueAt([decide, firstResponse, acked])).toBe(iso("2026-11-30", "16:30"));
  });

  it("is null when nothing is owed", () => {
    expect(nextDueAt([])).toBeNull();
    const now = toronto("2026-11-24", "10:00");
    expect(
      nextDueAt([meetClock(acknowledge, now, cal), meetClock(firstResponse, now, cal), stopClock(decide)]),
    ).toBeNull();
  });

  it("a missed acknowledgement or first response still counts until done", () => {
    const missedAck = breachClock(acknowledge, toronto("2026-11-26", "09:00"));
    expect(nextDueAt([decide, firstResponse, missedAck])).toBe(DUE_WED);
    const missedFirst = breachClock(firstResponse, toronto("2026-12-01", "09:00"));
    expect(nextDueAt([decide, missedFirst])).toBe(iso("2026-11-30", "16:30"));
    // Once done (late), it no longer holds the case at the top.
    const doneLate = meetClock(missedAck, toronto("2026-11-27", "09:00"), cal);
    expect(nextDueAt([decide, firstResponse, doneLate])).toBe(iso("2026-11-30", "16:30"));
  });

  it("a missed decision does not count: the next level’s clock is the one owed", () => {
    const missed = breachClock(decision(2, 1), toronto("2026-11-26", "09:00"));
    const level2 = openClock("decision", 2, toronto("2026-11-26", "09:00"), 20, cal);
    expect(nextDueAt([missed, level2])).toBe(level2.dueAt);
    expect(nextDueAt([missed])).toBeNull();
  });

  it("a paused decision clock is not owed while waiting for the filer", () => {
    const paused = pauseClock(decide, toronto("2026-11-24", "10:00"));
    expect(nextDueAt([paused])).toBeNull();
  });
});

describe("readClock", () => {
  it("counts business days left on a running clock", () => {
    const r = readClock(ack(), toronto("2026-11-23", "11:00"), cal);
    expect(r).toEqual({
      kind: "acknowledge",
      countsFrom: "2026-11-23",
      level: 1,
      state: "running",
      dueAt: DUE_WED,
      metAt: null,
      businessDaysLeft: 2,
      overdue: false,
      pauses: [],
      extended: false,
      extension: null,
    });
    expect(readClock(ack(), toronto("2026-11-25", "16:30"), cal)).toMatchObject({
      businessDaysLeft: 0,
      overdue: false,
    });
  });

  it("reads overdue (and breached) once past due, even before the sweep marks it", () => {
    const r = readClock(ack(), toronto("2026-11-25", "16:31"), cal);
    expect(r.overdue).toBe(true);
    expect(r.state).toBe("breached");
    expect(r.businessDaysLeft).toBe(0);
  });

  it("a missed acknowledgement keeps counting days overdue", () => {
    const missed = breachClock(ack(), toronto("2026-11-25", "17:00"));
    // Business days after Wed 25 up to Mon 30: Thu 26, Fri 27, Mon 30.
    expect(readClock(missed, toronto("2026-11-30", "10:00"), cal)).toMatchObject({
      state: "breached",
      businessDaysLeft: -3,
      overdue: true,
    });
    expect(readClock(missed, toronto("2026-12-01", "10:00"), cal).businessDaysLeft).toBe(-4);
  });

  it("a met clock has no days left and is not overdue, even read long after", () => {
    const met = meetClock(ack(), toronto("2026-11-24", "10:00"), cal);
    expect(readClock(met, toronto("2027-02-01", "10:00"), cal)).toMatchObject({
      state: "met",
      metAt: iso("2026-11-24", "10:00"),
      businessDaysLeft: null,
      overdue: false,
    });
    const doneLate = meetClock(breachClock(ack(), toronto("2026-11-26", "09:00")), toronto("2026-11-27", "09:00"), cal);
    expect(readClock(doneLate, toronto("2026-12-10", "10:00"), cal)).toMatchObject({
      state: "breached",
      businessDaysLeft: null,
      overdue: false,
    });
  });

  it("a missed decision is not read as still overdue", () => {
    const missed = breachClock(decision(), toronto("2026-11-26", "09:00"));
    expect(readClock(missed, toronto("2026-12-10", "10:00"), cal)).toMatchObject({
      state: "breached",
      businessDaysLeft: null,
      overdue: false,
    });
  });
});

describe("initialClocks", () => {
  it("starts acknowledge, first response and the level-1 decision, in that order, from receipt", () => {
    const clocks = initialClocks(DEFAULT_POLICY, RECEIVED);
    expect(clocks.map((c) => [c.kind, c.level, c.dueAt])).toEqual([
      ["acknowledge", 1, DUE_WED],
      ["first_response", 1, iso("2026-11-30", "16:30")],
      ["decision", 1, iso("2026-12-21", "16:30")],
    ]);
    for (const c of clocks) {
      expect(c.startedAt).toBe(RECEIVED.toISOString());
      expect(c.state).toBe("running");
    }
  });

  it("a level 1 without a decision time starts no decision clock", () => {
    const policy: DisputePolicy = {
      ...DEFAULT_POLICY,
      levels: [{ level: 1, key: "provider", decisionDays: null }, ...DEFAULT_POLICY.levels.slice(1)],
    };
    expect(initialClocks(policy, RECEIVED).map((c) => c.kind)).toEqual(["acknowledge", "first_response"]);
  });

  it("follows the policy’s own calendar", () => {
    const winnipeg: BusinessCalendar = { ...cal, timeZone: "America/Winnipeg", extraClosures: ["2026-11-24"] };
    const policy: DisputePolicy = { ...DEFAULT_POLICY, calendar: winnipeg };
    const [first] = initialClocks(policy, RECEIVED);
    // Mon 23 → (Tue 24 closed) → Wed 25 (1) → Thu 26 (2), 16:30 CST = 22:30Z.
    expect(first?.dueAt).toBe("2026-11-26T22:30:00.000Z");
  });
});

describe("properties", () => {
  const T0 = Date.UTC(2024, 0, 1);
  const T1 = Date.UTC(2032, 11, 31);
  const anyInstant = fc
    .oneof(
      fc.integer({ min: T0, max: T1 }),
      fc.integer({ min: T0 / (15 * MINUTE), max: T1 / (15 * MINUTE) }).map((q) => q * 15 * MINUTE),
    )
    .map((ms) => new Date(ms));
  /** Up to ~40 calendar days, half of them on quarter hours. */
  const anyDuration = fc.oneof(
    fc.integer({ min: 0, max: 40 * 24 * HOUR }),
    fc.integer({ min: 0, max: 40 * 24 * 4 }).map((q) => q * 15 * MINUTE),
  );
  const anyDays = fc.integer({ min: 0, max: 30 });
  const runs = { numRuns: 200 };

  /** A running decision clock opened at `start`, paused `pauseAfter` later. */
  const pausedClock = (start: Date, days: number, pauseAfter: number): Clock =>
    pauseClock(openClock("decision", 1, start, days, cal), new Date(start.getTime() + pauseAfter));

  it("pausing then resuming never brings a due time earlier", () => {
    fc.assert(
      fc.property(anyInstant, anyDays, anyDuration, anyDuration, (start, days, pauseAfter, pauseFor) => {
        const paused = pausedClock(start, days, pauseAfter);
        const resumed = resumeClock(paused, new Date(Date.parse(paused.pausedAt!) + pauseFor), cal);
        expect(resumed.state).toBe("running");
        expect(Date.parse(resumed.dueAt)).toBeGreaterThanOrEqual(Date.parse(paused.dueAt));
      }),
      runs,
    );
  });

  it("the longer the pause, the later (or equal) the due time", () => {
    fc.assert(
      fc.property(anyInstant, anyDays, anyDuration, anyDuration, anyDuration, (start, days, pauseAfter, a, b) => {
        const paused = pausedClock(start, days, pauseAfter);
        const at = Date.parse(paused.pausedAt!);
        const shorter = resumeClock(paused, new Date(at + Math.min(a, b)), cal);
        const longer = resumeClock(paused, new Date(at + Math.max(a, b)), cal);
        expect(Date.parse(longer.dueAt)).toBeGreaterThanOrEqual(Date.parse(shorter.dueAt));
        expect(longer.pausedBusinessMs).toBeGreaterThanOrEqual(shorter.pausedBusinessMs);
      }),
      runs,
    );
  });

  it("resume adds the business time paused to the total, and moves the due time by the whole business days touched, to closing", () => {
    fc.assert(
      fc.property(
        anyInstant,
        anyDays,
        anyDuration,
        anyDuration,
        anyDuration,
        (start, days, pauseAfter, first, pauseFor) => {
          // A clock that has already been paused once, to check the total accumulates.
          const once = resumeClock(
            pausedClock(start, days, pauseAfter),
            new Date(start.getTime() + pauseAfter + first),
            cal,
          );
          const pausedAt = new Date(start.getTime() + pauseAfter + first);
          const paused = pauseClock(once, pausedAt);
          const resumedAt = new Date(pausedAt.getTime() + pauseFor);
          const resumed = resumeClock(paused, resumedAt, cal);
          const expected = businessMsBetween(pausedAt, resumedAt, cal);
          expect(resumed.pausedBusinessMs).toBe(once.pausedBusinessMs + expected);
          const touched = businessDaysTouched(pausedAt, resumedAt, cal);
          expect(resumed.pauses?.at(-1)?.businessDays).toBe(touched);
          expect(resumed.dueAt).toBe(moveDueByBusinessDays(new Date(paused.dueAt), touched, cal).toISOString());
          expect(isClosingOfBusinessDay(new Date(resumed.dueAt), cal)).toBe(true);
          // Never less than the business time paused: the SSM never loses time to a pause.
          expect(businessMsBetween(new Date(paused.dueAt), new Date(resumed.dueAt), cal)).toBeGreaterThanOrEqual(
            expected,
          );
        },
      ),
      runs,
    );
  });

  it("a running clock is breached strictly after its due time and never at or before it", () => {
    fc.assert(
      fc.property(
        anyInstant,
        anyDays,
        fc.oneof(fc.integer({ min: -30 * 24 * HOUR, max: 30 * 24 * HOUR }), fc.integer({ min: -2, max: 2 })),
        (start, days, offset) => {
          const clock = openClock("decision", 1, start, days, cal);
          const now = new Date(Date.parse(clock.dueAt) + offset);
          expect(isBreachedAt(clock, now)).toBe(offset > 0);
          expect(isBreachedAt(pauseClock(clock, start), now)).toBe(false);
        },
      ),
      runs,
    );
  });
});
