import { dueAt } from "./business-calendar";
import { openClock, type Clock } from "./case-clocks";
import type { DisputePolicy, PolicyLevel } from "./policy";

/**
 * The recourse protocol: a case climbs the SSM's ladder one level at a time, because a decision
 * clock was breached, because the filer asked for recourse after a decision, or because a manager
 * escalated it by hand. A level without a decision time (the ministry, by default) is a referral:
 * the case leaves the SSM's hands and no clock runs.
 */
export type EscalationCause =
  | "breach"
  | "recourse"
  | "manual"
  /** The provider stage (issue #17): late, answer refused, or no reply where policy sends it on. */
  | "provider_late"
  | "client_not_satisfied"
  | "client_no_reply";

export function levelAbove(policy: DisputePolicy, level: number): PolicyLevel | null {
  return policy.levels.filter((l) => l.level > level).sort((a, b) => a.level - b.level)[0] ?? null;
}

export interface EscalationPlan {
  level: number;
  /** The new level's decision clock; null for a referral level. */
  decisionClock: Clock | null;
  referral: boolean;
}

export function planEscalation(policy: DisputePolicy, currentLevel: number, now: Date): EscalationPlan | null {
  const next = levelAbove(policy, currentLevel);
  if (!next) return null;
  if (next.decisionDays === null) return { level: next.level, decisionClock: null, referral: true };
  return {
    level: next.level,
    decisionClock: openClock("decision", next.level, now, next.decisionDays, policy.calendar),
    referral: false,
  };
}

/** The last moment a filer may ask for recourse after a decision made at `decidedAt`. */
export function recourseDeadline(policy: DisputePolicy, decidedAt: Date): Date {
  return dueAt(decidedAt, policy.recourseWindowDays, policy.calendar);
}

export type RecourseRefusal = "not_decided" | "window_closed" | "top_level";

export function checkRecourseRequest(input: {
  policy: DisputePolicy;
  status: string;
  level: number;
  recourseDeadlineAt: string | null;
  now: Date;
}): { ok: true } | { ok: false; reason: RecourseRefusal } {
  // A closed case keeps the window its decision opened: staff closing the file does not take the
  // filer's right to a review away (shared/domain.md: recourse within 15 business days).
  if ((input.status !== "decided" && input.status !== "closed") || !input.recourseDeadlineAt)
    return { ok: false, reason: "not_decided" };
  if (input.now.getTime() > Date.parse(input.recourseDeadlineAt)) return { ok: false, reason: "window_closed" };
  if (!levelAbove(input.policy, input.level)) return { ok: false, reason: "top_level" };
  return { ok: true };
}
