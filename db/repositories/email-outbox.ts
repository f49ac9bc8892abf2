import type { Kysely } from "kysely";
import { isPostgres } from "../dialect";
import type { ClockKind } from "../../app/domain/case-clocks";
import type { Database, Language, OutboxRow } from "../schema";

export interface OutgoingEmail {
  /** Same key, same email: a retried request or sweep can never queue it twice. */
  dedupeKey: string;
  caseId: number | null;
  recipient: string;
  language: Language;
  template: string;
  subject: string;
  text: string;
  html: string;
  /** The filer may answer it: it is sent with a reply address naming the case (issue #20). */
  replyable?: boolean;
  /** The clock this email meets once the mail server accepts it (issue #18). */
  meetsClock?: ClockKind | null;
}

export async function enqueueEmail(db: Kysely<Database>, email: OutgoingEmail, now: string): Promise<void> {
  await db
    .insertInto("email_outbox")
    .values({
      dedupe_key: email.dedupeKey,
      case_id: email.caseId,
      recipient: email.recipient,
      language: email.language,
      template: email.template,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html,
      replyable: email.replyable ? 1 : 0,
      meets_clock: email.meetsClock ?? null,
      status: "pending",
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

/**
 * Takes a lease on up to `limit` emails due now, in one statement, so two workers never take the
 * same row; a worker that dies leaves its lease to expire and the email is taken again. SQLite runs
 * the statement alone; on PostgreSQL, rows another instance is leasing at that moment are skipped
 * (FOR UPDATE SKIP LOCKED) rather than taken twice after a wait.
 */
export async function leaseDueEmails(
  db: Kysely<Database>,
  input: { now: string; leaseUntil: string; limit: number },
): Promise<OutboxRow[]> {
  const pg = isPostgres(db);
  return db
    .updateTable("email_outbox")
    .set({ lease_until: input.leaseUntil })
    .where("id", "in", (eb) => {
      const due = eb
        .selectFrom("email_outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", input.now)
        .where((w) => w.or([w("lease_until", "is", null), w("lease_until", "<", input.now)]))
        .orderBy("next_attempt_at")
        .limit(input.limit);
      return pg ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
}

export async function markEmailSent(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db
    .updateTable("email_outbox")
    .set((eb) => ({ status: "sent", sent_at: now, lease_until: null, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

export async function markEmailFailed(
  db: Kysely<Database>,
  id: number,
  failure: { error: string; nextAttemptAt: string; dead: boolean },
): Promise<void> {
  await db
    .updateTable("email_outbox")
    .set((eb) => ({
      status: failure.dead ? "dead" : "pending",
      last_error: failure.error.slice(0, 1000),
      next_attempt_at: failure.nextAttemptAt,
      lease_until: null,
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "=", id)
    .execute();
}

export async function listEmailsForCase(
  db: Kysely<Database>,
  caseId: number,
): Promise<
  Pick<OutboxRow, "id" | "template" | "recipient" | "status" | "attempts" | "last_error" | "created_at" | "sent_at">[]
> {
  return db
    .selectFrom("email_outbox")
    .select(["id", "template", "recipient", "status", "attempts", "last_error", "created_at", "sent_at"])
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

export async function findOutboxEmail(db: Kysely<Database>, id: number): Promise<OutboxRow | null> {
  return (await db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Marks an email as never delivered (a bounce, a permanent refusal); false if it was marked already. */
export async function markEmailBounced(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("email_outbox")
    .set({ bounced_at: now })
    .where("id", "=", id)
    .where("bounced_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Emails still to send and emails given up on, counted by status (for /metrics). */
export async function countOutboxBacklog(db: Kysely<Database>): Promise<{ status: string; count: number }[]> {
  const rows = await db
    .selectFrom("email_outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "in", ["pending", "dead"])
    .groupBy("status")
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}
