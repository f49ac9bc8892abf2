import type { Kysely } from "kysely";

// The case-list CSV export reads one SSM's cases in id order, a page at a time (keyset). Without
// this index SQLite reads them through cases_area_received and sorts the whole SSM for every page,
// so a large export slows down with the square of its size; with it each page is a range read.
// Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("cases_area_id").on("cases").columns(["area_slug", "id"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
