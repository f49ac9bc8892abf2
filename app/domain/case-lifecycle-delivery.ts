import { meetClock, reopenClock, type Clock, type ClockKind } from "./case-clocks";
import {
  emptyTransition,
  isFinished,
  owedClock,
  type LifecycleInput,
  type Notice,
  type Transition,
} from "./case-lifecycle";

// An acknowledgement is met by a contact that reached the person (issue #18). For a case with
// email, that contact is the mail server accepting the acknowledgement: the click queues it, the
// acceptance meets the clock, and a bounce reported later undoes the meeting.

/** The clock an email meets once the mail server accepts it; null for an email that meets none. */
export function clockMetByDelivery(notice: Pick<Notice, "kind">): ClockKind | null {
  return notice.kind === "acknowledged" ? "acknowledge" : null;
}

/**
 * The mail server accepted an email that meets a clock: the clock still owed is met at the moment
 * of acceptance (`input.now`). Null when nothing is owed (a call reached the person first).
 */
export function deliveryAccepted<C extends Clock>(
  input: LifecycleInput<C>,
  email: { outboxId: number | null; meets: ClockKind },
): Transition<C> | null {
  const owed = owedClock(input.clocks, email.meets);
  if (!owed) return null;
  const change = emptyTransition<C>();
  change.clockChanges.push({ clock: owed, next: meetClock(owed, input.now, input.policy.calendar) });
  change.events.push({
    type: "acknowledgement_delivered",
    visibility: "internal",
    actor: "system",
    data: { outboxId: email.outboxId, clock: email.meets },
  });
  return change;
}

/**
 * The clock an accepted email met, reopened because it bounced after all: the one of its kind met
 * at the very moment the email was accepted (a call that met it later stands). A finished case is
 * left as it is: nothing is owed on it any more.
 */
export function undoDelivery<C extends Clock>(
  input: LifecycleInput<C>,
  email: { meets: ClockKind | null; acceptedAt: string | null },
): { clock: C; next: Clock } | null {
  if (!email.meets || !email.acceptedAt || isFinished(input.case.status)) return null;
  const met = input.clocks.find((c) => c.kind === email.meets && c.metAt === email.acceptedAt);
  return met ? { clock: met, next: reopenClock(met, input.now) } : null;
}

/**
 * Staff acknowledged, and the email has not reached the mail server yet (an outage, a retry): the
 * clock is still owed, and the case page says why, so nobody looks for a button that is gone. A
 * bounce or a case without email asks for a call instead.
 */
export function acknowledgementAwaitsServer(input: LifecycleInput): boolean {
  const c = input.case;
  return (
    Boolean(c.acknowledgedAt) &&
    c.filerHasEmail !== false &&
    !c.callFilerSince &&
    owedClock(input.clocks, "acknowledge") !== undefined
  );
}
