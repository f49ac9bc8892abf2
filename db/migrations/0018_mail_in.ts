import { type Kysely, PostgresAdapter } from "kysely";

// Mail that comes back (issue #20): replies, bounces and auto-replies, each kept once by its
// Message-ID; which outgoing emails may be answered; the "call the filer" task a bounce raises; and
// the flag a message on a closed case raises in the queue. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("inbound_messages")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    // The same message delivered twice (a retry, a replay, SMTP then IMAP) is kept once.
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    /** added | review | auto_reply | bounce */
    .addColumn("outcome", "text", (c) => c.notNull())
    /** Why it is on the review list, or what was refused: missing, forged, expired, attachment_type… */
    .addColumn("reason", "text")
    .addColumn("case_id", "integer", (c) => c.references("cases.id"))
    .addColumn("organization_id", "integer", (c) => c.references("organizations.id"))
    .addColumn("outbox_id", "integer", (c) => c.references("email_outbox.id"))
    .addColumn("from_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("reviewed_at", "text")
    .addColumn("reviewed_by", "integer")
    .execute();
  await db.schema
    .createIndex("inbound_messages_review")
    .on("inbound_messages")
    .columns(["organization_id", "outcome", "reviewed_at"])
    .execute();
  await db.schema
    .alterTable("email_outbox")
    .addColumn("replyable", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("email_outbox").addColumn("bounced_at", "text").execute();
  await db.schema.alterTable("cases").addColumn("call_filer_since", "text").execute();
  await db.schema.alterTable("cases").addColumn("message_after_close_at", "text").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
