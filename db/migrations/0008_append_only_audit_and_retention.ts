import { type Kysely, PostgresAdapter, sql } from "kysely";

// Tamper-evident records and retention (issue 7). Frozen once released.
// - The audit log refuses UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) at the database, so no
//   code path, however wrong, can rewrite history; the hash chain (db/repositories/audit-log.ts,
//   `npm run audit:verify`) shows it if someone with the file goes around the triggers.
// - Each entry's prev_hash is unique: two entries can never chain to the same one (a fork), whatever
//   writes them.
// - cases.purged_at: when `npm run purge` removed the case's personal information.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  if (pg) {
    // What SQLite gets from the application at connect time: the chain hash, so one INSERT appends.
    await sql`
      create function audit_chain_hash(prev text, canonical text) returns text
      language sql immutable as $$ select encode(sha256(convert_to(prev || E'\\n' || canonical, 'UTF8')), 'hex') $$`.execute(
      db,
    );
    await sql`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % refused', tg_op;
      end
      $$`.execute(db);
    await sql`
      create trigger audit_log_no_update_or_delete before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`
      create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`
      create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only: UPDATE refused'); end`.execute(db);
    await sql`
      create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only: DELETE refused'); end`.execute(db);
  }

  await db.schema.createIndex("audit_log_prev_hash").on("audit_log").column("prev_hash").unique().execute();

  await db.schema.alterTable("cases").addColumn("purged_at", "text").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
