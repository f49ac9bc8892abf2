// The running outbox worker's "look now" hook, apart from the worker so that what queues an email
// (case-records.server.ts) does not import the worker, which imports the bounce handling (#20).

type Wake = () => void;
let wake: Wake | undefined;

/** Asks a running worker to look now rather than at its next tick (a new email was queued). */
export function wakeOutboxWorker(): void {
  wake?.();
}

/** Set by the worker when it starts, cleared when it stops. */
export function setOutboxWake(next: Wake | undefined): void {
  wake = next;
}
