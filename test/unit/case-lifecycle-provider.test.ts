import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOpen, isOutstanding, type Clock } from "../../app/domain/case-clocks";
import { fileCase, isFinished, type LifecycleCase, type Transition } from "../../app/domain/case-lifecycle";
import { filerTransition, type FilerLifecycleCommand } from "../../app/domain/case-lifecycle-filer";
import {
  providerStageStaffActions,
  providerStageTransition,
  providerStep,
  sweepDueClock,
  type ProviderStageCommand,
  type ProviderStageInput,
} from "../../app/domain/case-lifecycle-provider";
import { staffTransition, type StaffLifecycleCommand } from "../../app/domain/case-lifecycle-staff";
import { DEFAULT_POLICY, type DisputePolicy } from "../../app/domain/policy";
import { respondentView, type ProviderStagePolicy } from "../../app/domain/provider-stage";
import { instantAt } from "../../app/domain/time-zone";

// The provider stage alone (issue #17): no database, no services.

const toronto = (date: string, hhmm: string) =>
  instantAt(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), "America/Toronto");
const RECEIVED = toronto("2026-11-23", "10:00");
const stagePolicy = (over: Partial<ProviderStagePolicy> = {}): DisputePolicy => ({
  ...DEFAULT_POLICY,
  providerStage: {
    referral: "always",
    responseDays: 10,
    reviewWindowDays: 10,
    silence: "close_resolved",
    staffCheck: false,
    ...over,
  },
});

interface Life {
  case: LifecycleCase & { providerReferredAt: string | null };
  clocks: Clock[];
  policy: DisputePolicy;
}
function filedWithProvider(policy: DisputePolicy): Life {
  const filed = fileCase(policy, RECEIVED, false, RECEIVED, true);
  return {
    case: {
      status: filed.status,
      level: 1,
      decidedAt: null,
      recourseDeadlineAt: null,
      providerReferredAt: filed.providerReferredAt,
    },
    clocks: filed.clocks,
    policy,
  };
}
function input(life: Life, now: Date): ProviderStageInput {
  return {
    case: life.case,
    clocks: life.clocks,
    policy: life.policy,
    now,
    complaint: {
      kind: "client_complaint",
      respondentOrgId: 7,
      level: life.case.level,
      providerReferredAt: life.case.providerReferredAt,
    },
  };
}
function apply(life: Life, change: Transition): Life {
  const clocks = life.clocks
    .map((c) => change.clockChanges.find((x) => x.clock === c)?.next ?? c)
    .concat(change.newClocks);
  const p = change.casePatch ?? {};
  return {
    ...life,
    case: {
      status: p.status ?? life.case.status,
      level: p.level ?? life.case.level,
      decidedAt: p.decidedAt !== undefined ? p.decidedAt : life.case.decidedAt,
      recourseDeadlineAt: p.recourseDeadlineAt !== undefined ? p.recourseDeadlineAt : life.case.recourseDeadlineAt,
      providerReferredAt: p.providerReferredAt !== undefined ? p.providerReferredAt : life.case.providerReferredAt,
    },
    clocks,
  };
}
function act(life: Life, command: ProviderStageCommand, now: Date): Life {
  const result = providerStageTransition(input(life, now), command);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return apply(life, result.change);
}
function sweep(life: Life, now: Date): Life {
  for (const clock of life.clocks) {
    const result = sweepDueClock(input(life, now), clock);
    if (result) return sweep(apply(life, result.change), now);
  }
  return life;
}
const answer = {
  by: "provider",
  action: "answer",
  answer: "We are sorry.",
  proposedResolution: "A new appointment",
} as const;

describe("the provider answers, the client reviews", () => {
  it("filing by an 'always' policy puts the case with the provider on its own clock, the SSM still acknowledging", () => {
    const life = filedWithProvider(stagePolicy());
    expect(life.case.status).toBe("with_provider");
    expect(life.clocks.map((c) => c.kind)).toEqual(["acknowledge", "provider_response"]);
    expect(providerStep(life)).toBe("awaiting_answer");
  });

  it("accepting the answer closes the case as resolved at level 1, with no clock owed", () => {
    let life = act(filedWithProvider(stagePolicy()), answer, toronto("2026-11-25", "10:00"));
    expect(providerStep(life)).toBe("awaiting_client");
    life = act(life, { by: "client", action: "accept" }, toronto("2026-11-26", "10:00"));
    expect([life.case.status, life.case.level]).toEqual(["closed", 1]);
    expect(life.clocks.filter(isOutstanding)).toEqual([]);
  });

  it("'I am not satisfied' moves the case to the SSM at level 2 with its decision clock", () => {
    let life = act(filedWithProvider(stagePolicy()), answer, toronto("2026-11-25", "10:00"));
    const refused = providerStageTransition(input(life, toronto("2026-11-26", "10:00")), {
      by: "client",
      action: "refuse",
      reasons: "Still no appointment",
    });
    expect(refused.ok && refused.change.events.map((e) => e.type)).toEqual(["client_refused_answer", "escalated"]);
    life = act(life, { by: "client", action: "refuse", reasons: "No" }, toronto("2026-11-26", "10:00"));
    expect([life.case.status, life.case.level]).toEqual(["in_review", 2]);
    expect(life.clocks.filter((c) => c.kind === "decision" && c.level === 2 && isOpen(c))).toHaveLength(1);
  });

  it("with a staff check, the client reads nothing until staff release the answer", () => {
    const result = providerStageTransition(
      input(filedWithProvider(stagePolicy({ staffCheck: true })), RECEIVED),
      answer,
    );
    expect(result.ok && result.change.events.map((e) => e.visibility)).toEqual(["internal"]);
    expect(result.ok && result.change.notices).toEqual([]);
    let life = act(filedWithProvider(stagePolicy({ staffCheck: true })), answer, toronto("2026-11-24", "10:00"));
    expect(providerStep(life)).toBe("in_check");
    expect(providerStageTransition(input(life, RECEIVED), { by: "client", action: "accept" })).toEqual({
      ok: false,
      reason: "no_review_open",
    });
    life = act(life, { by: "staff", action: "release_answer", held: answer }, toronto("2026-11-24", "11:00"));
    expect(providerStep(life)).toBe("awaiting_client");
  });

  it("a provider late on its clock hands the case to the SSM at level 2 in the sweep", () => {
    const life = sweep(filedWithProvider(stagePolicy()), toronto("2026-12-08", "10:00"));
    expect([life.case.status, life.case.level]).toEqual(["in_review", 2]);
    expect(life.clocks.find((c) => c.kind === "provider_response")!.breachedAt).not.toBeNull();
  });

  it("silence past the window closes as resolved with the recourse window open, or goes to the SSM by policy", () => {
    const answered = (p: DisputePolicy) => act(filedWithProvider(p), answer, toronto("2026-11-24", "10:00"));
    const closed = sweep(answered(stagePolicy()), toronto("2026-12-10", "10:00"));
    expect([closed.case.status, closed.case.level]).toEqual(["closed", 1]);
    expect(closed.case.recourseDeadlineAt).not.toBeNull();
    const moved = sweep(answered(stagePolicy({ silence: "to_ssm" })), toronto("2026-12-10", "10:00"));
    expect([moved.case.status, moved.case.level]).toEqual(["in_review", 2]);
  });

  it("staff step in at any time: the provider's clock ends and the SSM owes the level's decision", () => {
    const life = act(filedWithProvider(stagePolicy()), { by: "staff", action: "step_in", reason: "r" }, RECEIVED);
    expect(life.case.status).toBe("in_review");
    expect(life.clocks.filter(isOpen).map((c) => c.kind)).toEqual(["acknowledge", "decision"]);
  });

  it("staff may not decide while the provider has the case: stepping in comes first", () => {
    const life = filedWithProvider(stagePolicy());
    expect(staffTransition(input(life, RECEIVED), { action: "decide", outcome: "upheld", reasons: "r" })).toEqual({
      ok: false,
      reason: "with_provider",
    });
  });

  it("a 'never' policy refers nothing; 'staff decide' refers only when staff do", () => {
    const fresh: Life = {
      case: { status: "received", level: 1, decidedAt: null, recourseDeadlineAt: null, providerReferredAt: null },
      clocks: fileCase(DEFAULT_POLICY, RECEIVED, false, RECEIVED).clocks,
      policy: DEFAULT_POLICY,
    };
    expect(providerStageStaffActions(input(fresh, RECEIVED))).toEqual([]);
    const perCase = { ...fresh, policy: stagePolicy({ referral: "per_case" }) };
    expect(providerStageStaffActions(input(perCase, RECEIVED))).toEqual(["refer"]);
    const referred = act(perCase, { by: "staff", action: "refer" }, RECEIVED);
    expect(referred.clocks.filter(isOpen).map((c) => c.kind)).toEqual(["acknowledge", "provider_response"]);
  });
});

describe("random lives at the provider stage", () => {
  const STAGE: ProviderStageCommand[] = [
    answer,
    { by: "staff", action: "release_answer", held: answer },
    { by: "staff", action: "step_in", reason: "r" },
    { by: "client", action: "accept" },
    { by: "client", action: "refuse", reasons: "r" },
  ];
  const STAFF: StaffLifecycleCommand[] = [
    { action: "acknowledge" },
    { action: "reply", message: "m" },
    { action: "escalate", reason: "r" },
    { action: "decide", outcome: "upheld", reasons: "r", panel: "A" },
    { action: "request_info", message: "m" },
  ];
  const FILER: FilerLifecycleCommand[] = [{ action: "add_information", message: "m" }, { action: "withdraw" }];
  const step = fc.oneof(
    fc.record({ who: fc.constant("stage" as const), command: fc.constantFrom(...STAGE) }),
    fc.record({ who: fc.constant("staff" as const), command: fc.constantFrom(...STAFF) }),
    fc.record({ who: fc.constant("filer" as const), command: fc.constantFrom(...FILER) }),
    fc.record({ who: fc.constant("sweep" as const) }),
  );
  const timed = fc.record({ step, after: fc.integer({ min: 1, max: 1500 }).map((q) => q * 15 * 60_000) });

  it("a case with the provider has exactly one open stage clock while someone owes something, none after", () => {
    fc.assert(
      fc.property(
        fc.array(timed, { maxLength: 20 }),
        fc.boolean(),
        fc.constantFrom("close_resolved", "to_ssm") as fc.Arbitrary<"close_resolved" | "to_ssm">,
        (steps, staffCheck, silence) => {
          let life = filedWithProvider(stagePolicy({ staffCheck, silence }));
          let now = RECEIVED;
          for (const { step: s, after } of steps) {
            now = new Date(now.getTime() + after);
            if (s.who === "sweep") life = sweep(life, now);
            else {
              const result =
                s.who === "stage"
                  ? providerStageTransition(input(life, now), s.command)
                  : s.who === "staff"
                    ? staffTransition(input(life, now), s.command)
                    : filerTransition(input(life, now), s.command);
              if (result.ok) life = apply(life, result.change);
            }
            const open = life.clocks.filter(
              (c) => isOpen(c) && (c.kind === "provider_response" || c.kind === "client_review"),
            );
            const where = providerStep(life);
            if (where === "in_check" || where === null) expect(open).toEqual([]);
            else
              expect(open.map((c) => c.kind)).toEqual([
                where === "awaiting_answer" ? "provider_response" : "client_review",
              ]);
            if (life.case.status === "with_provider") expect(life.case.level).toBe(1);
            if (isFinished(life.case.status)) expect(life.clocks.filter(isOutstanding)).toEqual([]);
            for (const kind of ["acknowledge", "first_response", "decision"] as const)
              expect(life.clocks.filter((c) => c.kind === kind && isOutstanding(c)).length).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("what the provider reads (facts only without consent)", () => {
  const text = fc.string({ minLength: 6, maxLength: 30 }).filter((s) => s.trim().length >= 6);
  it("never holds the client's name or contact unless the client agreed to share them", () => {
    fc.assert(
      fc.property(fc.boolean(), text, fc.emailAddress(), text, (shared, name, email, phone) => {
        const view = respondentView({
          reference: "HAM-2026-000001",
          receivedAt: RECEIVED.toISOString(),
          program: null,
          description: "What happened",
          outcomeWanted: "An apology",
          identityShared: shared,
          filerName: name,
          filerEmail: email,
          filerPhone: phone,
        });
        const json = JSON.stringify(view);
        for (const secret of [name, email, phone])
          expect(json.includes(JSON.stringify(secret).slice(1, -1))).toBe(shared);
      }),
    );
  });
});
