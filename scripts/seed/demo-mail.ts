import type { Kysely } from "kysely";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import type { Database } from "../../db/schema";
import type { MailTransport } from "../../emails/transport";

/** Where the demo's past emails go: the server's own transport, or nowhere (tests of the seed). */
export interface DemoMail {
  transport: MailTransport;
  from: string;
}

const NOWHERE: DemoMail = { transport: { send: async () => {} }, from: "Recourse demo <demo@recourse.invalid>" };

/**
 * The demo's history happened in the past, so its emails are taken by the mail server at the moment
 * of the step that queued them, as they would have been then: an acknowledgement meets its clock
 * when accepted (issue #18), and a server started days later must not make it late. An email the
 * transport refuses stays queued for the server's worker.
 */
export async function deliverDemoMail(db: Kysely<Database>, at: Date, mail: DemoMail = NOWHERE): Promise<void> {
  const batch = 100;
  for (;;) {
    const { sent, failed } = await deliverDueEmails({ db, ...mail, now: at, acceptedAt: () => at, limit: batch });
    // A refusal is the worker's to retry, as for any email: the demo is seeded all the same.
    if (sent + failed < batch) return;
  }
}
