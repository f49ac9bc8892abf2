import { type Kysely, PostgresAdapter } from "kysely";

// Several app instances on one database (issue 8). Frozen once released.
// - work_leases: a job that must run in one place at a time on a shared SQLite file (the clock
//   sweep): the row names the job, who holds it and until when; a holder that dies lets it expire.
// - case_clocks.sweep_lease_until: on PostgreSQL each instance's sweep claims a batch of due clocks
//   (FOR UPDATE SKIP LOCKED) until then, so instances share the work instead of queueing on it.
// - PostgreSQL's "real" is single precision (SQLite's is double): business days taken would lose
//   their minutes, so those columns become double precision there; and its "integer" is 32 bits
//   (SQLite's grows to 64): a clock paused for 75 business days overflows paused_business_ms, so
//   that becomes bigint.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("work_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("case_clocks").addColumn("sweep_lease_until", "text").execute();
  if (pg) {
    await db.schema
      .alterTable("case_clocks")
      .alterColumn("taken_business_days", (c) => c.setDataType("double precision"))
      .execute();
    await db.schema
      .alterTable("case_clocks")
      .alterColumn("paused_business_days", (c) => c.setDataType("double precision"))
      .execute();
    await db.schema
      .alterTable("case_clocks")
      .alterColumn("paused_business_ms", (c) => c.setDataType("bigint"))
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
