/**
 * A case's whole life in one set of rules (issue #13). Every transition — filing, each staff,
 * filer and provider action, the sweep's breach and escalation — is a pure function of the case,
 * its clocks, its policy version (whose calendar it carries), the actor, the command and `now`. It
 * returns the whole change (case patch, clock changes, new clocks, timeline events, notices to send)
 * or a refusal with a reason. Services load, call one of these, render the notices as emails and
 * commit; they decide nothing about a case.
 *
 * Split by who acts: case-lifecycle-staff.ts, -filer.ts, -sweep.ts (breach, escalation, reminders),
 * -pause.ts (waiting for the filer). This file holds the shared shapes and the read-only questions
 * the pages ask ("what may staff do now?", "may the filer ask for a review?").
 */
import { initialClocks, isOutstanding, nextDueAt, openClock, type Clock, type ClockKind } from "./case-clocks";
import { FINISHED_STATUSES, type DecisionOutcome, type RefusalReason } from "./case-workflow";
import { checkRecourseRequest, levelAbove, type EscalationCause, type RecourseRefusal } from "./escalation";
import { providerStageOf, type DisputePolicy } from "./policy";
import type { CaseStatus, EventVisibility } from "./vocabulary";

export interface LifecycleCase {
  status: CaseStatus;
  level: number;
  decidedAt: string | null;
  recourseDeadlineAt: string | null;
  /** The tasks that head the queue (#20): a message after closing, a filer to call. */
  messageAfterCloseAt?: string | null;
  /**
   * Whether the filer gave an email address (issue #18). Absent means yes. Without one, nothing the
   * case owes them can go by email: each step raises a call task instead, and only a contact that
   * reached them (a call, a letter) meets the acknowledgement clock.
   */
  filerHasEmail?: boolean;
  /** Since when staff have been asked to call the filer (a bounced email, a case without email). */
  callFilerSince?: string | null;
  /** The staff member the case is assigned to, told of each message the filer sends (#20). */
  assigneeId?: number | null;
  /**
   * When staff took the acknowledge step (issue #18): done once. The clock may still wait for a
   * contact that reaches the person (the email accepted, a call, a letter).
   */
  acknowledgedAt?: string | null;
}

/** The case's fields a transition may change; absent means unchanged. */
export interface CasePatch {
  status?: CaseStatus;
  level?: number;
  assigneeId?: number | null;
  decidedAt?: string | null;
  outcome?: DecisionOutcome | null;
  closedAt?: string | null;
  recourseDeadlineAt?: string | null;
  /** Set when the complaint is referred to its provider at level 1 (issue #17). */
  providerReferredAt?: string | null;
  /** A duplicate merged into its original (case-lifecycle-merge.ts). */
  mergedIntoCaseId?: number;
  /** A message came after the case was finished: staff see it at the top of the queue (#20). */
  messageAfterCloseAt?: string | null;
  /** The "call the filer" task: raised (a time) or cleared (null) (issue #18, #20). */
  callFilerSince?: string | null;
  acknowledgedAt?: string | null;
}

export interface LifecycleEvent {
  type: string;
  visibility: EventVisibility;
  /** Who the timeline names: the acting person (staff, filer) or the system. */
  actor: "actor" | "system";
  body?: string | null;
  data?: Record<string, unknown> | null;
  /** Defaults to the case's level after the change. */
  level?: number;
}

/** What someone must be told; the service renders each as an email in the recipient's language. */
export type Notice<C extends Clock = Clock> =
  | { to: "filer"; kind: "acknowledged"; firstResponseDueAt: string }
  | { to: "filer"; kind: "public_reply"; message: string }
  | { to: "filer"; kind: "information_request"; message: string }
  | { to: "filer"; kind: "decision"; outcome: DecisionOutcome; reasons: string; recourseDeadlineAt: string | null }
  | { to: "filer"; kind: "escalated"; level: number; cause: EscalationCause; decisionDueAt: string }
  | { to: "filer"; kind: "referred_to_ministry"; level: number }
  | { to: "filer"; kind: "survey_invitation" }
  /** The provider stage (issue #17): referred (answer due), answer ready (review by), closed on silence (recourse by). */
  | { to: "filer"; kind: "provider_stage"; step: "referred" | "answer_ready" | "review_closed"; dueAt: string }
  | { to: "filer"; kind: "deadline_extended"; reason: string; businessDays: number; dueAt: string }
  | { to: "filer"; kind: "merged"; intoReference: string }
  | { to: "managers"; kind: "escalation_notice"; level: number; cause: EscalationCause }
  | { to: "managers"; kind: "overdue_alert"; clock: C }
  /** A message from the filer (#20): on /status, from the provider portal, or by an email reply. */
  | { to: "assignee"; kind: "new_message"; assigneeId: number; via: "portal" | "email"; afterClose: boolean };

export interface Transition<C extends Clock = Clock> {
  casePatch: CasePatch | null;
  clockChanges: { clock: C; next: Clock }[];
  newClocks: Clock[];
  events: LifecycleEvent[];
  notices: Notice<C>[];
}

export type LifecycleRefusal =
  | RefusalReason
  | RecourseRefusal
  | "finished"
  | "panel_required"
  /** The provider stage (case-lifecycle-provider.ts). */
  | ProviderStageRefusal;

export type ProviderStageRefusal =
  "not_referable" | "not_with_provider" | "no_answer_owed" | "nothing_to_release" | "no_review_open";
export type LifecycleResult<C extends Clock = Clock> =
  { ok: true; change: Transition<C> } | { ok: false; reason: LifecycleRefusal };

/** Everything a transition reads. `clocks` is the case's whole clock history, oldest first. */
export interface LifecycleInput<C extends Clock = Clock> {
  case: LifecycleCase;
  clocks: readonly C[];
  policy: DisputePolicy;
  now: Date;
}

export function emptyTransition<C extends Clock>(): Transition<C> {
  return { casePatch: null, clockChanges: [], newClocks: [], events: [], notices: [] };
}

export function mergeTransitions<C extends Clock>(a: Transition<C>, b: Transition<C>): Transition<C> {
  return {
    casePatch: a.casePatch || b.casePatch ? { ...a.casePatch, ...b.casePatch } : null,
    clockChanges: [...a.clockChanges, ...b.clockChanges],
    newClocks: [...a.newClocks, ...b.newClocks],
    events: [...a.events, ...b.events],
    notices: [...a.notices, ...b.notices],
  };
}

export function refuse(reason: LifecycleRefusal): { ok: false; reason: LifecycleRefusal } {
  return { ok: false, reason };
}

export function isFinished(status: CaseStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/** The one clock of this kind (and level) still owed, if any: a history holds at most one. */
export function owedClock<C extends Clock>(clocks: readonly C[], kind: ClockKind, level?: number): C | undefined {
  return clocks.find((c) => c.kind === kind && (level === undefined || c.level === level) && isOutstanding(c));
}

/** Ends every clock still owed: the case left the SSM's hands (closed, withdrawn, referred). */
export function stopOwedClocks<C extends Clock>(
  clocks: readonly C[],
  stop: (c: Clock) => Clock,
): { clock: C; next: Clock }[] {
  return clocks.filter(isOutstanding).map((clock) => ({ clock, next: stop(clock) }));
}

/** Level 3 is the SSM's independent panel: its decisions must say who sat (shared/domain.md). */
export const PANEL_LEVEL = 3;
export function panelRequired(level: number): boolean {
  return level === PANEL_LEVEL;
}

/** Whether a case may still climb the ladder: a level above exists in its policy. */
export function mayEscalate(policy: DisputePolicy, level: number): boolean {
  return levelAbove(policy, level) !== null;
}

/**
 * What the filer's page offers: acting on an open case, a message at any time (after closing it flags
 * the case for staff, #20), and asking for a review in the window.
 */
export function filerChoices(input: LifecycleInput): {
  canAct: boolean;
  canAddInformation: boolean;
  canAskRecourse: boolean;
} {
  const recourse = checkRecourseRequest({
    policy: input.policy,
    status: input.case.status,
    level: input.case.level,
    recourseDeadlineAt: input.case.recourseDeadlineAt,
    now: input.now,
  });
  return { canAct: !isFinished(input.case.status), canAddInformation: true, canAskRecourse: recourse.ok };
}

/**
 * A new case: received with its clocks running, or (a program the ministry keeps) referred out, or
 * (the SSM's policy says "always", issue #17) referred at once to the provider it is about: the
 * SSM still acknowledges it, and the provider's clock replaces the SSM's first response and decision.
 */
export function fileCase(policy: DisputePolicy, receivedAt: Date, referredOut: boolean, now: Date, toProvider = false) {
  if (toProvider && !referredOut) {
    const stage = providerStageOf(policy);
    const clocks = [
      openClock("acknowledge", 1, receivedAt, policy.acknowledgeDays, policy.calendar),
      openClock("provider_response", 1, receivedAt, stage.responseDays, policy.calendar),
    ];
    return {
      status: "with_provider" as CaseStatus,
      level: 1,
      closedAt: null,
      providerReferredAt: receivedAt.toISOString(),
      clocks,
      nextDueAt: nextDueAt(clocks),
      events: ["filed", "referred_to_provider"],
    };
  }
  const clocks = referredOut ? [] : initialClocks(policy, receivedAt);
  return {
    status: (referredOut ? "referred_out" : "received") as CaseStatus,
    level: 1,
    closedAt: referredOut ? now.toISOString() : null,
    providerReferredAt: null,
    clocks,
    nextDueAt: nextDueAt(clocks),
    events: referredOut ? ["filed", "referred_out"] : ["filed"],
  };
}
