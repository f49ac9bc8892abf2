import { type Kysely, sql } from "kysely";

// An acknowledgement by email is met when the mail server accepts it, not when staff click (issue
// #18). Two facts the click and the delivery leave apart:
// - cases.acknowledged_at: when staff took the acknowledge step (done once; the clock may still wait
//   for a contact that reaches the person). Existing cases take it from their first "acknowledged"
//   timeline entry, so none can be acknowledged twice after the upgrade.
// - email_outbox.meets_clock: the clock an email meets once the server accepts it. Emails queued
//   before this migration met their clock at the click already and stay unmarked.
// Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cases").addColumn("acknowledged_at", "text").execute();
  await sql`update cases set acknowledged_at = (
      select min(e.created_at) from case_events e where e.case_id = cases.id and e.type = 'acknowledged')`.execute(db);
  await db.schema.alterTable("email_outbox").addColumn("meets_clock", "text").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
