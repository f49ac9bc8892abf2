import type { CaseStatus } from "./vocabulary";

export type StaffAction =
  | "take"
  | "acknowledge"
  | "reply"
  | "note"
  | "request_info"
  | "resume"
  | "decide"
  | "escalate"
  | "close"
  | "reopen"
  /** A call or letter to the filer, kept on the record (issue #18): like a note, never blocked. */
  | "record_contact";

export const DECISION_OUTCOMES = ["upheld", "partly_upheld", "not_upheld", "resolved_informally"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export type RefusalReason =
  | "not_yet_acknowledged"
  | "already_acknowledged"
  | "case_finished"
  | "already_decided"
  | "not_waiting"
  | "already_waiting"
  | "managers_only"
  | "top_level"
  | "not_decided"
  | "not_finished"
  /** The provider holds the case at level 1: staff step in first (case-lifecycle-provider.ts). */
  | "with_provider";

export type TransitionResult = { ok: true; next: CaseStatus } | { ok: false; reason: RefusalReason };

/** States in which the SSM no longer handles the case: only notes may be added. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ["closed", "withdrawn", "referred_out", "referred_to_ministry"];

/** What the clocks say about a case, for the rules that depend on more than its status. */
export interface CaseFacts {
  /** The acknowledgement clock is still owed (running, or missed and not yet done). */
  acknowledgeOwed: boolean;
}

/**
 * What a staff action does to a case's status, or why it is refused. Internal notes are always
 * allowed: keeping the record must never be blocked by the state of the case. Escalation by hand
 * is checked here for state; who may do it (managers) and whether a level is left is checked by
 * the caller with the policy.
 */
export function applyStaffAction(
  status: CaseStatus,
  action: StaffAction,
  facts: CaseFacts = { acknowledgeOwed: status === "received" },
): TransitionResult {
  if (action === "note" || action === "record_contact") return { ok: true, next: status };
  // Reopening is how a finished case comes back (new information, a decision set aside).
  if (action === "reopen") {
    return status === "closed" || status === "withdrawn" || status === "decided"
      ? { ok: true, next: "in_review" }
      : { ok: false, reason: "not_finished" };
  }
  if (FINISHED_STATUSES.includes(status)) return { ok: false, reason: "case_finished" };
  if (status === "with_provider") return withProvider(action, facts);
  switch (action) {
    case "take":
      return { ok: true, next: status };
    case "acknowledge":
      // Owed whatever the level: a case the sweep escalated before anyone acknowledged it still
      // owes its filer the acknowledgement, late.
      if (!facts.acknowledgeOwed) return { ok: false, reason: "already_acknowledged" };
      return { ok: true, next: status === "received" ? "acknowledged" : status };
    case "reply":
      if (status === "received") return { ok: false, reason: "not_yet_acknowledged" };
      return { ok: true, next: status === "decided" || status === "waiting_for_filer" ? status : "in_review" };
    case "request_info":
      if (status === "received") return { ok: false, reason: "not_yet_acknowledged" };
      if (status === "waiting_for_filer") return { ok: false, reason: "already_waiting" };
      if (status === "decided") return { ok: false, reason: "already_decided" };
      return { ok: true, next: "waiting_for_filer" };
    case "resume":
      return status === "waiting_for_filer" ? { ok: true, next: "in_review" } : { ok: false, reason: "not_waiting" };
    case "decide":
      if (status === "received") return { ok: false, reason: "not_yet_acknowledged" };
      if (status === "decided") return { ok: false, reason: "already_decided" };
      return { ok: true, next: "decided" };
    case "escalate":
      if (status === "received") return { ok: false, reason: "not_yet_acknowledged" };
      return { ok: true, next: "in_review" };
    case "close":
      return status === "decided" ? { ok: true, next: "closed" } : { ok: false, reason: "not_decided" };
  }
}

/**
 * While the provider holds the case (issue #17), staff may keep the record, acknowledge, write to
 * the client and assign it, and a manager may escalate it; deciding or asking the client for more
 * is the SSM taking the case over, which is its own step ("step in") that stops the provider's clock.
 */
function withProvider(action: StaffAction, facts: CaseFacts): TransitionResult {
  switch (action) {
    case "take":
    case "reply":
      return { ok: true, next: "with_provider" };
    case "acknowledge":
      return facts.acknowledgeOwed
        ? { ok: true, next: "with_provider" }
        : { ok: false, reason: "already_acknowledged" };
    case "escalate":
      return { ok: true, next: "in_review" };
    case "close":
      return { ok: false, reason: "not_decided" };
    default:
      return { ok: false, reason: "with_provider" };
  }
}
