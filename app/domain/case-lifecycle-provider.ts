import { breachClock, isOpen, isOutstanding, meetClock, openClock, stopClock, type Clock } from "./case-clocks";
import {
  emptyTransition,
  mergeTransitions,
  refuse,
  stopOwedClocks,
  type LifecycleInput,
  type LifecycleResult,
  type Transition,
} from "./case-lifecycle";
import { breach, escalation } from "./case-lifecycle-sweep";
import { recourseDeadline } from "./escalation";
import { decisionDaysAt, providerStageOf } from "./policy";
import { mayReferToProvider, type ProviderStep, type ReferralFacts } from "./provider-stage";

/**
 * The provider stage at level 1 (issue #17, decision record 013). The SSM refers a client's
 * complaint to the provider it is about (at filing when its policy says "always", or staff decide);
 * the provider answers on its own clock; where policy asks, staff check the answer before the
 * client reads it; the client accepts it (closed as resolved at level 1) or is not satisfied (level
 * 2 with the SSM, the answer on file) within a review window; silence and lateness are the sweep's.
 * Staff may step in at any time and take the case from the provider.
 *
 * Invariants (test/unit/case-lifecycle-provider.test.ts): a case "with the provider" has exactly
 * one open clock of the stage while the provider or the client owes something (the provider's
 * answer, or the client's review), none while staff check the answer, and none once it has left.
 */

export interface ProviderStageInput<C extends Clock = Clock> extends LifecycleInput<C> {
  complaint: ReferralFacts;
}

/** The provider's answer as it was given, for its release to the client after a check. */
export interface ProviderAnswer {
  answer: string;
  proposedResolution: string | null;
}

export type ProviderStageCommand =
  | { by: "staff"; action: "refer" }
  | { by: "staff"; action: "step_in"; reason: string }
  | { by: "staff"; action: "release_answer"; held: ProviderAnswer }
  | ({ by: "provider"; action: "answer" } & ProviderAnswer)
  | { by: "client"; action: "accept" }
  | { by: "client"; action: "refuse"; reasons: string };

const STAGE_KINDS: readonly Clock["kind"][] = ["provider_response", "client_review"];

function openStageClock<C extends Clock>(clocks: readonly C[], kind: Clock["kind"]): C | undefined {
  return clocks.find((c) => c.kind === kind && isOpen(c));
}

/** Where a case with the provider stands, read from its clocks; null when it is not with the provider. */
export function providerStep(input: Pick<LifecycleInput, "case" | "clocks">): ProviderStep | null {
  if (input.case.status !== "with_provider") return null;
  if (openStageClock(input.clocks, "provider_response")) return "awaiting_answer";
  if (openStageClock(input.clocks, "client_review")) return "awaiting_client";
  return "in_check";
}

/** The provider-stage steps staff may take now, for the case page. */
export function providerStageStaffActions(input: ProviderStageInput): ("refer" | "step_in" | "release_answer")[] {
  const out: ("refer" | "step_in" | "release_answer")[] = [];
  if (referable(input)) out.push("refer");
  const step = providerStep(input);
  if (step) out.push("step_in");
  if (step === "in_check") out.push("release_answer");
  return out;
}

function referable(input: ProviderStageInput): boolean {
  const policy = providerStageOf(input.policy);
  return (
    mayReferToProvider(policy, input.complaint) &&
    (input.case.status === "received" || input.case.status === "acknowledged" || input.case.status === "in_review")
  );
}

/** The answer the client may now read: its window opens, and the client is told. */
function releaseToClient<C extends Clock>(input: ProviderStageInput<C>, answer: ProviderAnswer): Transition<C> {
  const { policy, now } = input;
  const change = emptyTransition<C>();
  const review = openClock("client_review", 1, now, providerStageOf(policy).reviewWindowDays, policy.calendar);
  change.newClocks.push(review);
  change.events.push({
    type: "provider_answer_released",
    visibility: "public",
    actor: "actor",
    body: answer.answer,
    data: { proposedResolution: answer.proposedResolution, reviewBy: review.dueAt },
  });
  change.notices.push({ to: "filer", kind: "provider_stage", step: "answer_ready", dueAt: review.dueAt });
  return change;
}

/** Closed as resolved at level 1: what the client's acceptance and (by policy) silence share. */
function resolvedAtProviderStage<C extends Clock>(
  input: ProviderStageInput<C>,
  handled: C,
  handledNext: Clock,
): Transition<C> {
  const { clocks, policy, now } = input;
  const change = emptyTransition<C>();
  change.casePatch = {
    status: "closed",
    decidedAt: now.toISOString(),
    outcome: "resolved_informally",
    closedAt: now.toISOString(),
    recourseDeadlineAt: recourseDeadline(policy, now).toISOString(),
  };
  change.clockChanges = [
    { clock: handled, next: handledNext },
    ...stopOwedClocks(
      clocks.filter((k) => k !== handled),
      stopClock,
    ),
  ];
  return change;
}

export function providerStageTransition<C extends Clock>(
  input: ProviderStageInput<C>,
  command: ProviderStageCommand,
): LifecycleResult<C> {
  const { case: c, clocks, policy, now } = input;
  const stage = providerStageOf(policy);
  const cal = policy.calendar;
  let change = emptyTransition<C>();
  const step = providerStep(input);

  switch (command.action) {
    case "refer": {
      if (!referable(input)) return refuse("not_referable");
      // The provider's clock replaces the SSM's own first response and level-1 decision; the SSM's
      // acknowledgement is still owed by the SSM.
      const replaced = clocks.filter(
        (k) => isOutstanding(k) && (k.kind === "first_response" || (k.kind === "decision" && k.level === 1)),
      );
      const clock = openClock("provider_response", 1, now, stage.responseDays, cal);
      change.casePatch = { status: "with_provider", providerReferredAt: now.toISOString() };
      change.clockChanges = replaced.map((k) => ({ clock: k, next: stopClock(k) }));
      change.newClocks.push(clock);
      change.events.push({
        type: "referred_to_provider",
        visibility: "public",
        actor: "actor",
        data: { answerBy: clock.dueAt },
      });
      change.notices.push({ to: "filer", kind: "provider_stage", step: "referred", dueAt: clock.dueAt });
      return { ok: true, change };
    }
    case "answer": {
      const owed = openStageClock(clocks, "provider_response");
      if (step !== "awaiting_answer" || !owed) return refuse("no_answer_owed");
      change.clockChanges.push({ clock: owed, next: meetClock(owed, now, cal) });
      change.events.push({
        type: "provider_answered",
        // Held back from the client until staff have read it, where policy asks for a check.
        visibility: stage.staffCheck ? "internal" : "public",
        actor: "actor",
        body: command.answer,
        data: { proposedResolution: command.proposedResolution },
      });
      if (!stage.staffCheck) {
        const released = releaseToClient(input, command);
        // Without a check, the answer entry itself is what the client reads: no second copy.
        released.events = [];
        const review = released.newClocks[0]!;
        change.events[0]!.data = { proposedResolution: command.proposedResolution, reviewBy: review.dueAt };
        change = mergeTransitions(change, released);
      }
      return { ok: true, change };
    }
    case "release_answer":
      if (step !== "in_check") return refuse("nothing_to_release");
      return { ok: true, change: releaseToClient(input, command.held) };
    case "accept": {
      const review = openStageClock(clocks, "client_review");
      if (step !== "awaiting_client" || !review) return refuse("no_review_open");
      // Closed as resolved; like after any level's decision, the client may still ask for a review
      // within the recourse window (a mind changed, a promise not kept).
      change = resolvedAtProviderStage(input, review, meetClock(review, now, cal));
      change.events.push({ type: "client_accepted_answer", visibility: "public", actor: "actor" });
      change.notices.push({ to: "filer", kind: "survey_invitation" });
      return { ok: true, change };
    }
    case "refuse": {
      const review = openStageClock(clocks, "client_review");
      if (step !== "awaiting_client" || !review) return refuse("no_review_open");
      change.clockChanges.push({ clock: review, next: meetClock(review, now, cal) });
      change.events.push({
        type: "client_refused_answer",
        visibility: "public",
        actor: "actor",
        body: command.reasons,
      });
      const up = escalation({ ...input, clocks: clocks.filter((k) => k !== review) }, "client_not_satisfied", false);
      if (!up) return refuse("top_level");
      return { ok: true, change: mergeTransitions(change, up) };
    }
    case "step_in": {
      if (!step) return refuse("not_with_provider");
      // The SSM takes level 1 back: the stage's clock ends unmet and unmissed, and the SSM owes
      // the level's decision from now.
      const days = decisionDaysAt(policy, c.level);
      change.casePatch = { status: "in_review" };
      change.clockChanges = clocks
        .filter((k) => STAGE_KINDS.includes(k.kind) && isOpen(k))
        .map((k) => ({ clock: k, next: stopClock(k) }));
      if (days !== null) change.newClocks.push(openClock("decision", c.level, now, days, cal));
      change.events.push({ type: "provider_stage_taken_over", visibility: "public", actor: "actor" });
      change.events.push({ type: "internal_note", visibility: "internal", actor: "actor", body: command.reason });
      return { ok: true, change };
    }
  }
}

/**
 * The sweep found `clock` due. A provider late on its clock hands the case to the SSM at level 2;
 * a client silent past the review window is recorded as "no reply" and, by policy, the case closes
 * as resolved (the client told how to ask for recourse within the recourse window) or goes to the
 * SSM. Every other clock is the ordinary breach (case-lifecycle-sweep.ts).
 */
export function sweepDueClock<C extends Clock>(
  input: LifecycleInput<C>,
  clock: C,
): { change: Transition<C>; escalated: boolean } | null {
  if (clock.kind !== "provider_response" && clock.kind !== "client_review") return breach(input, clock);
  const missed = breachClock(clock, input.now);
  if (missed === clock) return null;
  const rest = { ...input, clocks: input.clocks.filter((k) => k !== clock) };
  let change = emptyTransition<C>();
  if (clock.kind === "provider_response") {
    change.clockChanges.push({ clock, next: missed });
    change.events.push({
      type: "clock_breached",
      visibility: "internal",
      actor: "system",
      data: { kind: clock.kind, level: clock.level },
    });
    change.notices.push({ to: "managers", kind: "overdue_alert", clock });
    change.events.push({ type: "provider_late", visibility: "public", actor: "system" });
    const up = input.case.status === "with_provider" ? escalation(rest, "provider_late", false) : null;
    if (up) change = mergeTransitions(change, up);
    return { change, escalated: up !== null };
  }
  change.events.push({ type: "client_no_reply", visibility: "public", actor: "system" });
  if (input.case.status !== "with_provider") {
    change.clockChanges.push({ clock, next: missed });
    return { change, escalated: false };
  }
  if (providerStageOf(input.policy).silence === "to_ssm") {
    change.clockChanges.push({ clock, next: missed });
    const up = escalation(rest, "client_no_reply", false);
    if (up) change = mergeTransitions(change, up);
    return { change, escalated: up !== null };
  }
  const closed = resolvedAtProviderStage({ ...input, complaint: NO_FACTS }, clock, missed);
  closed.notices.push({
    to: "filer",
    kind: "provider_stage",
    step: "review_closed",
    dueAt: closed.casePatch!.recourseDeadlineAt!,
  });
  closed.events.push({ type: "closed", visibility: "public", actor: "system" });
  return { change: mergeTransitions(change, closed), escalated: false };
}

// resolvedAtProviderStage reads no referral facts.
const NO_FACTS: ReferralFacts = { kind: "client_complaint", respondentOrgId: null, level: 1, providerReferredAt: null };
