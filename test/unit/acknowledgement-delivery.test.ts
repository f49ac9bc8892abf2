import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initialClocks, isOutstanding, meetClock, reopenClock } from "../../app/domain/case-clocks";
import type { Transition } from "../../app/domain/case-lifecycle";
import { raiseCallTask } from "../../app/domain/case-lifecycle-attention";
import { clockMetByDelivery, deliveryAccepted } from "../../app/domain/case-lifecycle-delivery";
import { contactReached, staffTransition, type StaffLifecycleCommand } from "../../app/domain/case-lifecycle-staff";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import { applyTransition, lifeInput, type Life } from "../fixtures/lifecycle-life";
import { instantAt } from "../../app/domain/time-zone";

// Issue #18: an acknowledgement clock is met only by a contact that reached the person. With email,
// that is the mail server accepting the acknowledgement (met at that moment); a bounce reported
// later undoes it. Never the click alone.

const policy = DEFAULT_POLICY;
const cal = policy.calendar;
const RECEIVED = instantAt("2026-11-23", 10 * 60, "America/Toronto");
const HOUR = 3_600_000;

const newLife = (): Life => ({
  case: { status: "received", level: 1, decidedAt: null, recourseDeadlineAt: null, filerHasEmail: true },
  clocks: initialClocks(policy, RECEIVED),
});
const input = (life: Life, now: Date) => lifeInput(life, policy, now);
const apply = applyTransition;
const ack = (life: Life) => life.clocks.find((c) => c.kind === "acknowledge")!;

describe("the acknowledgement by email (issue #18)", () => {
  it("the click queues the email and meets nothing; the server's acceptance meets it at that moment", () => {
    const clicked = instantAt("2026-11-23", 11 * 60, "America/Toronto");
    const result = staffTransition(input(newLife(), clicked), { action: "acknowledge" });
    if (!result.ok) throw new Error(result.reason);
    expect(result.change.clockChanges).toEqual([]);
    expect(result.change.notices.map(clockMetByDelivery)).toEqual(["acknowledge"]);
    let life = apply(newLife(), result.change);
    expect(life.case.acknowledgedAt).toBe(clicked.toISOString());
    // Done once: a second click is refused while the email is on its way.
    expect(staffTransition(input(life, clicked), { action: "acknowledge" })).toEqual({
      ok: false,
      reason: "already_acknowledged",
    });

    const accepted = new Date(clicked.getTime() + 5_000);
    const delivered = deliveryAccepted(input(life, accepted), { outboxId: 7, meets: "acknowledge" });
    life = apply(life, delivered!);
    expect([ack(life).state, ack(life).metAt]).toEqual(["met", accepted.toISOString()]);
    // A second acceptance (a retried send) changes nothing more.
    expect(deliveryAccepted(input(life, accepted), { outboxId: 7, meets: "acknowledge" })).toBeNull();
  });

  it("a bounce undoes only what the email met, not a call that met the clock at another moment", () => {
    const clicked = new Date(RECEIVED.getTime() + HOUR);
    let life = apply(
      newLife(),
      (staffTransition(input(newLife(), clicked), { action: "acknowledge" }) as { change: Transition }).change,
    );
    const called = new Date(RECEIVED.getTime() + 2 * HOUR);
    const call: StaffLifecycleCommand = {
      action: "record_contact",
      contact: { channel: "call", who: "Jordan", at: called.toISOString(), summary: "s", outcome: "reached" },
    };
    life = apply(life, (staffTransition(input(life, called), call) as { change: Transition }).change);
    // The email was accepted after the call: nothing left to meet, so the bounce has nothing to undo.
    const accepted = new Date(RECEIVED.getTime() + 3 * HOUR);
    expect(deliveryAccepted(input(life, accepted), { outboxId: 1, meets: "acknowledge" })).toBeNull();
    const bounce = raiseCallTask(input(life, new Date(RECEIVED.getTime() + 4 * HOUR)), {
      outboxId: 1,
      subject: "s",
      detail: "550",
      meets: "acknowledge",
      acceptedAt: accepted.toISOString(),
    });
    expect(bounce.clockChanges).toEqual([]);
    expect(ack(apply(life, bounce)).metAt).toBe(called.toISOString());
  });

  it("whatever the order of steps and acceptances, the clock is met only after a contact reached the person", () => {
    const step = fc.oneof(
      fc.constant<StaffLifecycleCommand | "accept">("accept"),
      fc.constant<StaffLifecycleCommand>({ action: "acknowledge" }),
      fc.constant<StaffLifecycleCommand>({ action: "reply", message: "m" }),
      fc.constant<StaffLifecycleCommand>({ action: "request_info", message: "q" }),
      fc.constant<StaffLifecycleCommand>({ action: "note", message: "n" }),
      fc.constant<StaffLifecycleCommand>({ action: "decide", outcome: "upheld", reasons: "r" }),
      fc.constant<StaffLifecycleCommand>({ action: "close" }),
      fc.constant<StaffLifecycleCommand>({ action: "reopen", reason: "r" }),
      fc.constantFrom("reached", "not_reached", "left_message").map((outcome): StaffLifecycleCommand => ({
        action: "record_contact",
        contact: { channel: "call", who: "w", at: RECEIVED.toISOString(), summary: "s", outcome },
      })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 14 }), (steps) => {
        let life = newLife();
        let queued = 0;
        let reached = false;
        steps.forEach((s, i) => {
          const now = new Date(RECEIVED.getTime() + (i + 1) * HOUR);
          if (s === "accept") {
            // The server takes what was queued; only an acknowledgement email meets a clock.
            if (queued === 0) return;
            queued--;
            const delivered = deliveryAccepted(input(life, now), { outboxId: i, meets: "acknowledge" });
            reached = true;
            if (delivered) life = apply(life, delivered);
            return;
          }
          const result = staffTransition(input(life, now), s);
          if (!result.ok) return;
          queued += result.change.notices.filter((n) => clockMetByDelivery(n) === "acknowledge").length;
          if (s.action === "record_contact" && contactReached(s.contact)) reached = true;
          life = apply(life, result.change);
          expect(queued).toBeLessThanOrEqual(1);
        });
        if (!reached) expect(ack(life).metAt).toBeNull();
      }),
    );
  });

  it("reopening an accepted acknowledgement owes it again: overdue from its deadline if the bounce came after it", () => {
    const start = initialClocks(policy, RECEIVED).find((c) => c.kind === "acknowledge")!;
    const dueMs = Date.parse(start.dueAt);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 * 24 }),
        fc.integer({ min: 0, max: 20 * 24 }),
        (acceptedHours, bounceAfterHours) => {
          const accepted = new Date(RECEIVED.getTime() + acceptedHours * HOUR);
          const bounced = new Date(accepted.getTime() + bounceAfterHours * HOUR);
          const met = meetClock(start, accepted, cal);
          const reopened = reopenClock(met, bounced);
          expect(reopened.metAt).toBeNull();
          expect(reopened.takenBusinessDays ?? null).toBeNull();
          expect(isOutstanding(reopened)).toBe(true);
          if (bounced.getTime() > dueMs) {
            expect([reopened.state, reopened.breachedAt]).toEqual(["breached", start.dueAt]);
          } else {
            expect(reopened).toEqual({ ...start, takenBusinessDays: null, pausedBusinessDays: null });
          }
        },
      ),
    );
  });
});
