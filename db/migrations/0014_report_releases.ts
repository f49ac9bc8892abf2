import { type Kysely, PostgresAdapter } from "kysely";

// Every release of a quarter's reports to the ministry (issue #14): what each SSM's newest version
// and Ontario's row showed at the moment a submission or amendment landed, each hidden count and
// why. Suppression of the next release reads them as known, so no release undoes an earlier one,
// and every view (pages, CSV, analysts' emails, the public process page) shows a stored release.
// Reports submitted before this table existed get their releases when a view first reads their
// quarter (app/services/report-releases.server.ts), in submission order.
// Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("report_releases")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("sequence", "integer", (c) => c.notNull())
    .addColumn("area_slug", "text", (c) => c.notNull().references("areas.slug"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("threshold", "integer", (c) => c.notNull())
    .addColumn("release_json", "text", (c) => c.notNull())
    .addColumn("released_at", "text", (c) => c.notNull())
    .addUniqueConstraint("report_releases_sequence", ["quarter", "sequence"])
    .addUniqueConstraint("report_releases_version", ["quarter", "area_slug", "version"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
