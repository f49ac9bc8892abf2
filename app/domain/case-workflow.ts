import type { CaseStatus } from "../../db/schema";

export type StaffAction = "acknowledge" | "reply" | "note" | "decide";

export const DECISION_OUTCOMES = [
  "upheld",
  "partly_upheld",
  "not_upheld",
  "resolved_informally",
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export type RefusalReason =
  | "not_yet_acknowledged"
  | "already_acknowledged"
  | "case_finished"
  | "already_decided";

export type TransitionResult =
  | { ok: true; next: CaseStatus }
  | { ok: false; reason: RefusalReason };

const FINISHED: readonly CaseStatus[] = ["closed", "withdrawn", "referred_out"];

/**
 * What a staff action does to a case's status, or why it is refused. Internal notes are always
 * allowed: keeping the record must never be blocked by the state of the case.
 */
export function applyStaffAction(status: CaseStatus, action: StaffAction): TransitionResult {
  if (action === "note") return { ok: true, next: status };
  if (FINISHED.includes(status)) return { ok: false, reason: "case_finished" };
  switch (action) {
    case "acknowledge":
      return status === "received"
        ? { ok: true, next: "acknowledged" }
        : { ok: false, reason: "already_acknowledged" };
    case "reply":
      if (status === "received") return { ok: false, reason: "not_yet_acknowledged" };
      return { ok: true, next: status === "decided" ? "decided" : "in_review" };
    case "decide":
      if (status === "received") return { ok: false, reason: "not_yet_acknowledged" };
      if (status === "decided") return { ok: false, reason: "already_decided" };
      return { ok: true, next: "decided" };
  }
}

export function allowedStaffActions(status: CaseStatus): StaffAction[] {
  const all: StaffAction[] = ["acknowledge", "reply", "decide", "note"];
  return all.filter((a) => applyStaffAction(status, a).ok);
}
