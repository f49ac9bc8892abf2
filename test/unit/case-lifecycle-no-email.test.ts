import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { initialClocks } from "../../app/domain/case-clocks";
import type { Transition } from "../../app/domain/case-lifecycle";
import {
  CONTACT_OUTCOMES,
  contactReached,
  staffTransition,
  type StaffLifecycleCommand,
} from "../../app/domain/case-lifecycle-staff";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import { applyTransition, lifeInput, type Life } from "../fixtures/lifecycle-life";
import { instantAt } from "../../app/domain/time-zone";

// Issue #18: a person who filed with a phone number only. Nothing the case owes them can go by
// email, so each step becomes a call task, and only a contact that reached them meets the
// acknowledgement clock — never the acknowledge click alone.

const policy = DEFAULT_POLICY;
const RECEIVED = instantAt("2026-11-23", 10 * 60, "America/Toronto");

const newLife = (filerHasEmail: boolean): Life => ({
  case: {
    status: "received",
    level: 1,
    decidedAt: null,
    recourseDeadlineAt: null,
    filerHasEmail,
    callFilerSince: null,
  },
  clocks: initialClocks(policy, RECEIVED),
});
const input = (life: Life, now: Date) => lifeInput(life, policy, now);
const apply = applyTransition;
const ackMet = (life: Life) => life.clocks.some((c) => c.kind === "acknowledge" && c.metAt !== null);
const call = (outcome: (typeof CONTACT_OUTCOMES)[number], at: Date): StaffLifecycleCommand => ({
  action: "record_contact",
  contact: {
    channel: "call",
    who: "Staff to the person",
    at: at.toISOString(),
    summary: "Spoke about the case",
    outcome,
  },
});

describe("a case without email (issue #18)", () => {
  it("acknowledging raises a call task, sends nothing and leaves the clock owed until a call reaches them", () => {
    const at = instantAt("2026-11-23", 11 * 60, "America/Toronto");
    const acked = staffTransition(input(newLife(false), at), { action: "acknowledge" });
    if (!acked.ok) throw new Error(acked.reason);
    expect(acked.change.notices).toEqual([]);
    expect(acked.change.casePatch).toMatchObject({ status: "acknowledged", callFilerSince: at.toISOString() });
    expect(acked.change.events.map((e) => [e.type, e.data ?? null])).toContainEqual([
      "call_task",
      { for: ["acknowledged"] },
    ]);
    let life = apply(newLife(false), acked.change);
    expect(ackMet(life)).toBe(false);

    life = apply(life, (staffTransition(input(life, at), call("left_message", at)) as { change: Transition }).change);
    expect([ackMet(life), life.case.callFilerSince]).toEqual([false, at.toISOString()]);
    const later = instantAt("2026-11-24", 9 * 60, "America/Toronto");
    const reached = staffTransition(input(life, later), call("reached", later));
    if (!reached.ok) throw new Error(reached.reason);
    expect(reached.change.events[0]).toMatchObject({ type: "call_recorded", data: { outcome: "reached" } });
    life = apply(life, reached.change);
    expect([ackMet(life), life.case.callFilerSince]).toEqual([true, null]);
  });

  it("a case with email keeps acknowledging by email: the notice goes, no call task", () => {
    const at = instantAt("2026-11-23", 11 * 60, "America/Toronto");
    const acked = staffTransition(input(newLife(true), at), { action: "acknowledge" });
    expect(acked.ok && acked.change.notices.map((n) => n.kind)).toEqual(["acknowledged"]);
    expect(acked.ok && acked.change.casePatch?.callFilerSince).toBeUndefined();
  });

  const step = fc.oneof(
    fc.constant<StaffLifecycleCommand>({ action: "acknowledge" }),
    fc.constant<StaffLifecycleCommand>({ action: "reply", message: "m" }),
    fc.constant<StaffLifecycleCommand>({ action: "request_info", message: "q" }),
    fc.constant<StaffLifecycleCommand>({ action: "resume", reason: "r" }),
    fc.constant<StaffLifecycleCommand>({ action: "note", message: "n" }),
    fc.constant<StaffLifecycleCommand>({ action: "decide", outcome: "upheld", reasons: "r" }),
    fc.constant<StaffLifecycleCommand>({ action: "close" }),
    fc.constant<StaffLifecycleCommand>({ action: "reopen", reason: "r" }),
    fc.constantFrom(...CONTACT_OUTCOMES).map((o) => call(o, RECEIVED)),
    fc.constant<StaffLifecycleCommand>({
      action: "record_contact",
      contact: { channel: "letter", who: "By post", at: RECEIVED.toISOString(), summary: "s", outcome: "reached" },
    }),
  );

  it("never meets the acknowledgement clock without a contact that reached the person, and never emails them", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (commands) => {
        let life = newLife(false);
        let reachedSoFar = false;
        commands.forEach((command, i) => {
          const now = new Date(RECEIVED.getTime() + (i + 1) * 3_600_000);
          const result = staffTransition(input(life, now), command);
          if (!result.ok) return;
          expect(result.change.notices.filter((n) => n.to === "filer")).toEqual([]);
          if (command.action === "record_contact" && contactReached(command.contact)) reachedSoFar = true;
          life = apply(life, result.change);
          if (!reachedSoFar) expect(ackMet(life)).toBe(false);
        });
      }),
    );
  });
});
