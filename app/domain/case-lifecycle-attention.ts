import type { Clock, ClockKind } from "./case-clocks";
import { emptyTransition, type LifecycleInput, type Transition } from "./case-lifecycle";
import { undoDelivery } from "./case-lifecycle-delivery";

// The tasks that head the queue (#20): "new message on a closed case" and "call the filer". Raised
// by what arrives (a message after closing, a bounce), marked dealt with by staff; both leave the
// case's status and clocks alone.

/**
 * An email to the filer could not be delivered: the call task, once (the first raise stays). An
 * acknowledgement the server had accepted did not reach the person after all: its clock is owed again.
 */
export function raiseCallTask<C extends Clock>(
  input: LifecycleInput<C>,
  email: { outboxId: number; subject: string; detail: string; meets?: ClockKind | null; acceptedAt?: string | null },
): Transition<C> {
  const change = emptyTransition<C>();
  const reopened = undoDelivery(input, { meets: email.meets ?? null, acceptedAt: email.acceptedAt ?? null });
  if (reopened) change.clockChanges.push(reopened);
  change.events.push({
    type: "email_undeliverable",
    visibility: "internal",
    actor: "system",
    data: {
      outboxId: email.outboxId,
      subject: email.subject,
      detail: email.detail.slice(0, 500),
      ...(reopened ? { reopened: reopened.clock.kind } : {}),
    },
  });
  if (!input.case.callFilerSince) change.casePatch = { callFilerSince: input.now.toISOString() };
  return change;
}

export type AttentionTask = "message_after_close" | "call_filer";

/** The tasks a case has open now, in the order the queue names them. */
export function openAttentionTasks(input: Pick<LifecycleInput, "case">): AttentionTask[] {
  const open: AttentionTask[] = [];
  if (input.case.messageAfterCloseAt) open.push("message_after_close");
  if (input.case.callFilerSince) open.push("call_filer");
  return open;
}

/**
 * Staff mark a task dealt with: the flag is cleared and an internal entry says which and when.
 * Null when the task is not open (nothing to do, nothing written).
 */
export function clearAttentionTask<C extends Clock>(
  input: LifecycleInput<C>,
  task: AttentionTask,
  note: string | null,
): Transition<C> | null {
  if (!openAttentionTasks(input).includes(task)) return null;
  const change = emptyTransition<C>();
  change.casePatch = task === "call_filer" ? { callFilerSince: null } : { messageAfterCloseAt: null };
  change.events.push({ type: "attention_cleared", visibility: "internal", actor: "actor", body: note, data: { task } });
  return change;
}
