import { type Kysely, sql } from "kysely";

// Indexes `npm run bench` showed missing at a million cases (bench/RESULTS.md). Frozen once released.
// - The staff queue sorts by "no deadline last, then deadline, then id" (db/repositories/cases.ts,
//   listQueue). cases_area_next_due cannot give that order, so SQLite sorted every case of the SSM
//   for each page (160 ms for 126,000 cases); in the queue's own order it reads 51 rows and stops.
//   The expression is the query's, word for word: both SQLite and PostgreSQL match it to ORDER BY.
// - The counts above the queue group one SSM's cases by status: from this index alone, without
//   reading the cases (150 ms before).
// - A case page lists the case's emails: email_outbox had no index on case_id, so every case page
//   scanned the whole outbox (600 ms at 830,000 emails).
// - A quarterly report counts the cases open at the quarter's start and end from each case's latest
//   ending or reopening event before then (db/repositories/report-figures.ts, countOpenAt): with
//   the event's type and time in the index that lookup never reads the timeline rows (12 s → 0.7 s
//   for the busiest SSM).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("cases_area_queue_order")
    .on("cases")
    .column("area_slug")
    .expression(sql`(next_due_at is null)`)
    .columns(["next_due_at", "id"])
    .execute();
  await db.schema.createIndex("cases_area_status").on("cases").columns(["area_slug", "status"]).execute();
  await db.schema.createIndex("email_outbox_case").on("email_outbox").columns(["case_id", "id"]).execute();
  await db.schema
    .createIndex("case_events_case_type_at")
    .on("case_events")
    .columns(["case_id", "type", "created_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
