import type { DB } from "../../db/client";
import { leaseDueEmails, markEmailFailed } from "../../db/repositories/email-outbox";
import type { MailTransport } from "../../emails/transport";
import { isTransientSendFailure, nextEmailAttempt, type SendFailure } from "../domain/email-retry";
import { recordAcceptances, type Accepted } from "./mail-acceptance.server";
import { markUndeliverable } from "./mail-bounces.server";
import { setOutboxWake } from "./outbox-wake.server";
import { logError } from "../utils/log.server";
import { observeOutboxFailure } from "../utils/metrics.server";
import { signToken, tokenAddress } from "../utils/reply-token.server";
import type { OutboxRow } from "../../db/schema";

/** How answers come back (issue #20): absent, emails carry no reply or bounce address. */
export interface ReplyAddressing {
  secret: string;
  domain: string;
  days: number;
}

/** The reply-to and envelope sender of one email: a reply names its case, a bounce its email. */
export function answerAddresses(
  email: Pick<OutboxRow, "id" | "case_id" | "replyable" | "created_at">,
  replies: ReplyAddressing | undefined,
): { replyTo?: string; envelopeFrom?: string } {
  if (!replies) return {};
  const expiresAt = new Date(Date.parse(email.created_at) + replies.days * 86_400_000);
  const sign = (purpose: "reply" | "bounce", id: number) =>
    tokenAddress(purpose, signToken({ secret: replies.secret, purpose, id, expiresAt }), replies.domain);
  return {
    envelopeFrom: sign("bounce", email.id),
    ...(email.replyable && email.case_id !== null ? { replyTo: sign("reply", email.case_id) } : {}),
  };
}

const LEASE_MS = 2 * 60 * 1000;

/**
 * Sends what the outbox holds that is due. Each email was written in the transaction of the change
 * that caused it, so a crash before sending loses nothing: the row is still there to be sent.
 */
export async function deliverDueEmails(input: {
  db: DB;
  transport: MailTransport;
  from: string;
  now: Date;
  limit?: number;
  replies?: ReplyAddressing;
  /** When the server accepted a message: the clock's time by default (the demo's history passes its own). */
  acceptedAt?: () => Date;
}): Promise<{ sent: number; failed: number }> {
  const { db, transport, now } = input;
  const leased = await leaseDueEmails(db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
    limit: input.limit ?? 25,
  });
  let sent = 0;
  let failed = 0;
  const acceptedAt = input.acceptedAt ?? (() => new Date());
  const accepted: Accepted[] = [];
  for (const email of leased) {
    try {
      await transport.send({
        from: input.from,
        to: email.recipient,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        messageId: `<${email.dedupe_key.replace(/[^A-Za-z0-9.-]/g, ".")}@recourse>`,
        language: email.language,
        ...answerAddresses(email, input.replies),
      });
    } catch (error) {
      const failure = (error ?? {}) as SendFailure & { message?: string };
      const next = nextEmailAttempt(failure, email.attempts + 1, now);
      await markEmailFailed(db, email.id, {
        error: String(failure.message ?? error),
        nextAttemptAt: next.nextAttemptAt.toISOString(),
        dead: next.dead,
      });
      observeOutboxFailure(!isTransientSendFailure(failure));
      // A permanent refusal (5xx) is a bounce told at once, and an email given up after its last
      // retry will never arrive either: staff are asked to call the filer.
      if (!isTransientSendFailure(failure) || next.dead)
        await markUndeliverable({ db, outboxId: email.id, detail: String(failure.message ?? error), now });
      failed++;
      continue;
    }
    accepted.push({ email, acceptedAt: acceptedAt() });
  }
  // One commit for the round's acceptances (each at its own time); what is not recorded goes again.
  const unrecorded = await recordAcceptances(db, accepted);
  sent += accepted.length - unrecorded.length;
  failed += unrecorded.length;
  return { sent, failed };
}

export { wakeOutboxWorker } from "./outbox-wake.server";

export function startOutboxWorker(input: {
  db: DB;
  transport: MailTransport;
  from: string;
  intervalMs: number;
  replies?: ReplyAddressing;
}): {
  stop: () => void;
} {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const { sent, failed } = await deliverDueEmails({ ...input, now: new Date() });
        if (sent + failed === 25) again = true;
      } while (again);
    } catch (error) {
      logError("outbox worker: delivery round failed", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), input.intervalMs);
  timer.unref();
  setOutboxWake(() => void run());
  void run();
  return {
    stop() {
      clearInterval(timer);
      setOutboxWake(undefined);
    },
  };
}
