import { dueAt } from "./business-calendar";
import { decisionDaysAt, type DisputePolicy } from "./policy";

export interface InitialDeadlines {
  acknowledgeDueAt: Date;
  firstResponseDueAt: Date;
  decisionDueAt: Date | null;
}

/** The clocks a new case starts with, all counted from the time it was received. */
export function initialDeadlines(policy: DisputePolicy, receivedAt: Date): InitialDeadlines {
  const decisionDays = decisionDaysAt(policy, 1);
  return {
    acknowledgeDueAt: dueAt(receivedAt, policy.acknowledgeDays, policy.calendar),
    firstResponseDueAt: dueAt(receivedAt, policy.firstResponseDays, policy.calendar),
    decisionDueAt: decisionDays === null ? null : dueAt(receivedAt, decisionDays, policy.calendar),
  };
}

export interface DeadlineState {
  acknowledge_due_at: string;
  acknowledged_at: string | null;
  first_response_due_at: string;
  first_response_at: string | null;
  decision_due_at: string | null;
  decided_at: string | null;
}

/** The earliest deadline not yet met: what the queue sorts by. Null once every clock is met. */
export function nextOpenDeadline(c: DeadlineState): string | null {
  const open = [
    c.acknowledged_at ? null : c.acknowledge_due_at,
    c.first_response_at ? null : c.first_response_due_at,
    c.decided_at ? null : c.decision_due_at,
  ].filter((d): d is string => d !== null);
  return open.length ? open.reduce((a, b) => (a < b ? a : b)) : null;
}
