import { type Kysely, PostgresAdapter } from "kysely";
import { rebuildReportFacts } from "../repositories/report-facts";

// Report figures kept as the cases change (issue #21): what each case adds to the quarterly figures
// (its received row, its dated facts) and each SSM's net change of open cases per quarter, so that a
// quarter's draft reads a few thousand rows instead of the whole history. Filled here for the cases
// already written, in batches of 5,000 cases, with progress on the console.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const float = pg ? "double precision" : "real";
  await db.schema
    .createTable("case_report_facts")
    .addColumn("case_id", "integer", (c) => c.primaryKey().references("cases.id"))
    .addColumn("area_slug", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("program", "text")
    .addColumn("category", "text")
    .addColumn("provider_id", "integer")
    .addColumn("groups", "text", (c) => c.notNull())
    .addColumn("referred_out", "integer", (c) => c.notNull())
    .execute();
  // Covering: a quarter's received figures never read the table itself.
  await db.schema
    .createIndex("case_report_facts_quarter")
    .on("case_report_facts")
    .columns([
      "area_slug",
      "received_at",
      "kind",
      "channel",
      "program",
      "category",
      "provider_id",
      "groups",
      "referred_out",
    ])
    .execute();
  await db.schema
    .createTable("report_fact_events")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("area_slug", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("fact", "text", (c) => c.notNull())
    .addColumn("key", "text")
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("value", float, (c) => c.notNull())
    .addColumn("value2", float, (c) => c.notNull())
    .addColumn("settled_at", "text")
    .execute();
  await db.schema.createIndex("report_fact_events_case").on("report_fact_events").column("case_id").execute();
  await db.schema
    .createIndex("report_fact_events_quarter")
    .on("report_fact_events")
    .columns(["area_slug", "at", "fact", "key", "level", "value", "value2", "settled_at"])
    .execute();
  await db.schema
    .createTable("report_open_counts")
    .addColumn("area_slug", "text", (c) => c.notNull())
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("net_change", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_open_counts_pk", ["area_slug", "quarter"])
    .execute();

  const started = Date.now();
  let lastPrinted = 0;
  await rebuildReportFacts(db, {
    batchSize: 5000,
    onProgress: (done, total) => {
      if (total < 20_000 || (done < total && Date.now() - lastPrinted < 2000)) return;
      lastPrinted = Date.now();
      console.log(
        `0022 report facts: ${done.toLocaleString("en-CA")} of ${total.toLocaleString("en-CA")} cases (${Math.round(
          (100 * done) / total,
        )} %, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    },
  });
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
