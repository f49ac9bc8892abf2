import { type Kysely, PostgresAdapter } from "kysely";

// Links that open a case for its filer without typing the access code (issue #18): sent in the
// acknowledgement email and on "I lost my code", only ever to the address on the case. Single use,
// expiring, only the sha256 of the token stored. Existing cases and their access codes are untouched:
// a code is checked against cases.secret_hash as before, whatever its length. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("case_access_links")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("case_access_links_case").on("case_access_links").column("case_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
