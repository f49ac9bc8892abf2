import { type Kysely, PostgresAdapter } from "kysely";

// Evidence files kept in the database (issue #21), for instances on several machines that cannot
// share ATTACHMENTS_DIR: ATTACHMENTS_STORE=database writes each file as numbered chunks of at most
// 256 KiB, read back one chunk at a time for a download (never the whole file in memory).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("attachment_chunks")
    .addColumn("stored_name", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("data", pg ? "bytea" : "blob", (c) => c.notNull())
    .addPrimaryKeyConstraint("attachment_chunks_pk", ["stored_name", "seq"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
