import type { Kysely } from "kysely";

// Work that must run in one place at a time when several app instances share a database: the row
// names the job (the clock sweep on SQLite), who holds it and until when. A holder that dies leaves
// its lease to expire. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("work_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
