import { type Kysely, PostgresAdapter } from "kysely";

// A survey answer of 1 or 2 on fairness or timeliness raises a review task for a manager (issue #20).
// Anonymous like the answer itself: the SSM, the quarter and the ratings, no time it was given, and
// the case only when the filer ticked "you may contact me about this". Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("survey_review_tasks")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("area_slug", "text", (c) => c.notNull())
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("fair", "integer", (c) => c.notNull())
    .addColumn("timely", "integer", (c) => c.notNull())
    // Set only with the filer's consent to be contacted.
    .addColumn("case_id", "integer", (c) => c.references("cases.id"))
    .addColumn("done_at", "text")
    .addColumn("done_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createIndex("survey_review_tasks_open")
    .on("survey_review_tasks")
    .columns(["area_slug", "done_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
