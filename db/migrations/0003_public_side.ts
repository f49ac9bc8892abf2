import type { Kysely } from "kysely";

// Self-identification on complaints, a category for provider disputes already exists; and a log
// of attempts for rate limits that hold across several server instances. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cases").addColumn("self_identification_json", "text").execute();

  await db.schema
    .createTable("rate_limit_events")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rate_limit_events_bucket_at")
    .on("rate_limit_events")
    .columns(["bucket", "at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
