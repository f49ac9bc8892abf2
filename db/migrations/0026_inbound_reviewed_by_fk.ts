import { type Kysely, PostgresAdapter, sql } from "kysely";

// inbound_messages.reviewed_by references users (issue #20). 0018 left the reference off after an
// SQLite foreign-key failure: its test marked mail reviewed by a made-up user id. Every row is
// kept; a "reviewed by" that names no user (only such a test could write one) is cleared, its
// "reviewed at" kept. SQLite cannot add a constraint to a table, so it is rebuilt as 0013 does.
// Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update inbound_messages set reviewed_by = null
    where reviewed_by is not null and reviewed_by not in (select id from users)`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table inbound_messages add constraint inbound_messages_reviewed_by_fkey
      foreign key (reviewed_by) references users(id)`.execute(db);
    return;
  }
  await sql`create table inbound_messages_new (
    id integer primary key autoincrement,
    message_id text not null unique,
    received_at text not null,
    channel text not null,
    outcome text not null,
    reason text,
    case_id integer references cases(id),
    organization_id integer references organizations(id),
    outbox_id integer references email_outbox(id),
    from_address text not null,
    subject text not null,
    body_text text not null,
    reviewed_at text,
    reviewed_by integer references users(id)
  )`.execute(db);
  await sql`insert into inbound_messages_new (id, message_id, received_at, channel, outcome, reason, case_id,
      organization_id, outbox_id, from_address, subject, body_text, reviewed_at, reviewed_by)
    select id, message_id, received_at, channel, outcome, reason, case_id,
      organization_id, outbox_id, from_address, subject, body_text, reviewed_at, reviewed_by
    from inbound_messages`.execute(db);
  await sql`drop table inbound_messages`.execute(db);
  await sql`alter table inbound_messages_new rename to inbound_messages`.execute(db);
  await db.schema
    .createIndex("inbound_messages_review")
    .on("inbound_messages")
    .columns(["organization_id", "outcome", "reviewed_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
