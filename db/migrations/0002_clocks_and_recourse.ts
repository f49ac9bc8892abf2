import { type Kysely, PostgresAdapter } from "kysely";

// Clocks per case and level, the filer's short-lived access to their case, and the recourse
// window. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("case_clocks")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("paused_at", "text")
    .addColumn("paused_business_ms", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("met_at", "text")
    .addColumn("breached_at", "text")
    .addColumn("reminded_at", "text")
    .addUniqueConstraint("case_clocks_one_per_level", ["case_id", "kind", "level"])
    .execute();
  // The sweep reads running clocks whose due time has come: this index serves exactly that.
  await db.schema.createIndex("case_clocks_state_due").on("case_clocks").columns(["state", "due_at"]).execute();

  await db.schema
    .createTable("filer_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema.alterTable("cases").addColumn("recourse_deadline_at", "text").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
