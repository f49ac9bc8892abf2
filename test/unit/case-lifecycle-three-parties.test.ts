import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initialClocks, isOutstanding, readClock, type Clock } from "../../app/domain/case-clocks";
import type { LifecycleInput, Transition } from "../../app/domain/case-lifecycle";
import { extendDeadline } from "../../app/domain/case-lifecycle-extension";
import { countsInReports, mergeIntoOriginal, mergeRefusal } from "../../app/domain/case-lifecycle-merge";
import { breach } from "../../app/domain/case-lifecycle-sweep";
import { formPanel, panelConflict, type PanelMember, type PanelParties } from "../../app/domain/panel";
import { DEFAULT_POLICY, type DisputePolicy } from "../../app/domain/policy";
import { instantAt } from "../../app/domain/time-zone";

// Issue #17's invariants on the lifecycle rules alone: extensions, merges and panels.

const toronto = (date: string, hhmm: string) =>
  instantAt(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), "America/Toronto");
const RECEIVED = toronto("2026-11-23", "10:00");
const HOUR = 3_600_000;

function inputAt(now: Date, clocks?: Clock[], policy: DisputePolicy = DEFAULT_POLICY): LifecycleInput {
  return {
    case: { status: "in_review", level: 1, decidedAt: null, recourseDeadlineAt: null },
    clocks: clocks ?? initialClocks(policy, RECEIVED),
    policy,
    now,
  };
}

function applied(input: LifecycleInput, change: Transition): Clock[] {
  return input.clocks.map((c) => change.clockChanges.find((x) => x.clock === c)?.next ?? c);
}

/** Up to 27 calendar days after filing: inside the first decision deadline (20 business days). */
const beforeDue = fc.integer({ min: 1, max: 27 * 24 }).map((h) => new Date(RECEIVED.getTime() + h * HOUR));
const limit = fc.integer({ min: 1, max: 30 });

describe("extensions with notice", () => {
  it("an extended clock is never overdue, nor breached by the sweep, before its extended due time", () => {
    fc.assert(
      fc.property(
        beforeDue,
        limit,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2000 }),
        (at, max, want, later) => {
          const policy = { ...DEFAULT_POLICY, extensionMaxDays: max };
          const input = inputAt(at, undefined, policy);
          const days = Math.min(want, max);
          const result = extendDeadline(input, { businessDays: days, reason: "Waiting on the provider's records" });
          if (!result.ok) return result.reason === "extension_overdue";
          const extended = result.next;
          expect(extended.dueAt > result.clock.dueAt).toBe(true);
          // Any moment up to the extended due time: not overdue, and the sweep finds nothing to do.
          const span = Date.parse(extended.dueAt) - at.getTime();
          const when = new Date(at.getTime() + Math.floor((span * later) / 2000));
          const reading = readClock(extended, when, policy.calendar);
          expect(reading.overdue).toBe(false);
          expect(reading.extended).toBe(true);
          const clocks = applied(input, result.change);
          const swept = breach({ ...input, clocks, now: when }, extended);
          expect(swept).toBeNull();
          // One millisecond past it, the extended clock is overdue like any other.
          const after = new Date(Date.parse(extended.dueAt) + 1);
          expect(readClock(extended, after, policy.calendar).overdue).toBe(true);
          return true;
        },
      ),
    );
  });

  it("extends once per level and never by more than the policy's limit", () => {
    fc.assert(
      fc.property(beforeDue, limit, fc.integer({ min: -5, max: 60 }), (at, max, days) => {
        const policy = { ...DEFAULT_POLICY, extensionMaxDays: max };
        const input = inputAt(at, undefined, policy);
        const first = extendDeadline(input, { businessDays: days, reason: "More time" });
        if (days < 1 || days > max) {
          expect(first).toEqual({ ok: false, reason: "extension_too_long" });
          return;
        }
        if (!first.ok) return;
        const again = extendDeadline(
          { ...input, clocks: applied(input, first.change) },
          { businessDays: 1, reason: "x" },
        );
        expect(again).toEqual({ ok: false, reason: "extension_used" });
        // The filer is told the reason and the new due time, and the public timeline says so.
        expect(first.change.notices).toEqual([
          { to: "filer", kind: "deadline_extended", reason: "More time", businessDays: days, dueAt: first.next.dueAt },
        ]);
        expect(first.change.events[0]).toMatchObject({ type: "deadline_extended", visibility: "public" });
      }),
    );
  });

  it("refuses a deadline already past, and a finished case", () => {
    const late = inputAt(toronto("2027-01-29", "12:00"));
    expect(extendDeadline(late, { businessDays: 2, reason: "r" })).toEqual({ ok: false, reason: "extension_overdue" });
    const closed = { ...inputAt(RECEIVED), case: { ...inputAt(RECEIVED).case, status: "closed" as const } };
    expect(extendDeadline(closed, { businessDays: 2, reason: "r" })).toEqual({ ok: false, reason: "finished" });
  });
});

describe("merging a duplicate", () => {
  it("a merged case counts once: it is closed as merged, owes no clock and leaves the reports' counts", () => {
    fc.assert(
      fc.property(beforeDue, (at) => {
        const input = inputAt(at);
        const change = mergeIntoOriginal(input, { id: 7, reference: "HAM-2026-00007" });
        expect(change.casePatch).toMatchObject({ mergedIntoCaseId: 7, status: "closed" });
        expect(applied(input, change).some(isOutstanding)).toBe(false);
        expect(countsInReports({ mergedIntoCaseId: change.casePatch!.mergedIntoCaseId! })).toBe(false);
        expect(countsInReports({ mergedIntoCaseId: null })).toBe(true);
        // The filer is told, and the public timeline says it was joined, never to whose case.
        expect(change.events.filter((e) => e.visibility === "public").map((e) => e.body ?? null)).toEqual([null]);
      }),
    );
  });

  it("merges only a case linked as a duplicate, and never a case already merged", () => {
    const a = { id: 1, mergedIntoCaseId: null };
    const b = { id: 2, mergedIntoCaseId: null };
    expect(mergeRefusal(a, b, { kind: "duplicate" })).toBeNull();
    expect(mergeRefusal(a, b, { kind: "same_matter" })).toBe("not_duplicate");
    expect(mergeRefusal(a, b, undefined)).toBe("not_duplicate");
    expect(mergeRefusal(a, { ...b, mergedIntoCaseId: 1 }, { kind: "duplicate" })).toBe("merged");
    expect(mergeRefusal(a, a, { kind: "duplicate" })).toBe("same_case");
  });
});

describe("independent panels", () => {
  const org = fc.integer({ min: 1, max: 6 });
  const memberArb = (id: number) =>
    fc.record({
      id: fc.constant(id),
      name: fc.constant(`Member ${id}`),
      affiliationOrgId: fc.option(org, { nil: null }),
      userId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      conflictOrgIds: fc.uniqueArray(org, { maxLength: 3 }),
    });
  const rosterArb = fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => memberArb(i + 1))));
  const partiesArb = fc.record({
    respondentOrgId: fc.option(org, { nil: null }),
    filerOrgId: fc.option(org, { nil: null }),
    handlerUserIds: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
  });

  it("a panel never holds a conflicted member, and a refusal names every conflicted one", () => {
    fc.assert(
      fc.property(
        rosterArb,
        partiesArb,
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 6 }),
        (roster, parties, chosen) => {
          const result = formPanel({ level: 3, roster, chosenIds: chosen, parties });
          if (result.ok) {
            for (const m of result.members) {
              expect(panelConflict(m, parties)).toBeNull();
              expect(m.affiliationOrgId === null || m.affiliationOrgId !== parties.respondentOrgId).toBe(true);
              expect(m.userId === null || !parties.handlerUserIds.includes(m.userId)).toBe(true);
            }
          } else if (result.refusal.reason === "conflicted") {
            const conflicted = roster.filter((m) => chosen.includes(m.id) && panelConflict(m, parties) !== null);
            expect(result.refusal.conflicts.map((c) => c.member.id).sort()).toEqual(conflicted.map((m) => m.id).sort());
          }
        },
      ),
    );
  });

  it("says why each member is refused", () => {
    const parties: PanelParties = { respondentOrgId: 10, filerOrgId: null, handlerUserIds: [4] };
    const m = (over: Partial<PanelMember>): PanelMember => ({
      id: 1,
      name: "A",
      affiliationOrgId: null,
      userId: null,
      conflictOrgIds: [],
      ...over,
    });
    expect(panelConflict(m({ affiliationOrgId: 10 }), parties)).toBe("respondent");
    expect(panelConflict(m({ userId: 4 }), parties)).toBe("handled");
    expect(panelConflict(m({ conflictOrgIds: [10] }), parties)).toBe("declared");
    expect(panelConflict(m({ affiliationOrgId: 11, conflictOrgIds: [12] }), parties)).toBeNull();
    expect(formPanel({ level: 2, roster: [m({})], chosenIds: [1], parties })).toEqual({
      ok: false,
      refusal: { reason: "not_panel_level" },
    });
  });
});
