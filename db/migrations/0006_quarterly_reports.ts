import { type Kysely, PostgresAdapter } from "kysely";
import { businessMsBetween, type BusinessCalendar } from "../../app/domain/business-calendar";

// Quarterly reports: the time each clock took (so medians are computed by the database), the
// manager's draft narrative, frozen report versions, and the anonymous satisfaction survey.
// Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? "serial" : "integer";
  const primary = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  // Business days from a clock's start to when it was met, net of pauses, and the business days it
  // spent paused: set when the clock is met, in the calendar of the case's policy.
  await db.schema.alterTable("case_clocks").addColumn("taken_business_days", "real").execute();
  await db.schema.alterTable("case_clocks").addColumn("paused_business_days", "real").execute();
  await backfillTakenDays(db);

  // Reports count events of a type in a period: decisions, escalations, withdrawals, recourse.
  await db.schema.createIndex("case_events_type_at").on("case_events").columns(["type", "created_at"]).execute();
  await db.schema.createIndex("case_clocks_case").on("case_clocks").column("case_id").execute();

  await db.schema
    .createTable("report_drafts")
    .addColumn("area_slug", "text", (c) => c.notNull().references("areas.slug"))
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("actions_taken", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("lessons_learned", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("systemic_issues", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_drafts_pk", ["area_slug", "quarter"])
    .execute();

  await db.schema
    .createTable("quarter_reports")
    .addColumn("id", idType, primary)
    .addColumn("area_slug", "text", (c) => c.notNull().references("areas.slug"))
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("figures_json", "text", (c) => c.notNull())
    .addColumn("actions_taken", "text", (c) => c.notNull())
    .addColumn("lessons_learned", "text", (c) => c.notNull())
    .addColumn("systemic_issues", "text", (c) => c.notNull())
    .addColumn("amendment_reason", "text")
    .addColumn("submitted_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addUniqueConstraint("quarter_reports_version", ["area_slug", "quarter", "version"])
    .execute();
  await db.schema
    .createIndex("quarter_reports_quarter")
    .on("quarter_reports")
    .columns(["quarter", "area_slug"])
    .execute();

  // One invitation per closed case. Only the token's sha256 is kept; `used` has no time on purpose,
  // so an answer cannot be matched back to the case by when it was given.
  await db.schema
    .createTable("survey_invitations")
    .addColumn("id", idType, primary)
    .addColumn("case_id", "integer", (c) => c.notNull().unique().references("cases.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("area_slug", "text", (c) => c.notNull())
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // Answers carry no case, filer or time: only the SSM and the quarter the case closed in.
  await db.schema
    .createTable("survey_responses")
    .addColumn("id", idType, primary)
    .addColumn("area_slug", "text", (c) => c.notNull())
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("clear", "integer", (c) => c.notNull())
    .addColumn("fair", "integer", (c) => c.notNull())
    .addColumn("timely", "integer", (c) => c.notNull())
    .addColumn("comment", "text")
    .execute();
  await db.schema
    .createIndex("survey_responses_area_quarter")
    .on("survey_responses")
    .columns(["area_slug", "quarter"])
    .execute();
}

async function backfillTakenDays(db: Kysely<any>): Promise<void> {
  const rows = await db
    .selectFrom("case_clocks")
    .innerJoin("cases", "cases.id", "case_clocks.case_id")
    .innerJoin("policies", "policies.id", "cases.policy_id")
    .select([
      "case_clocks.id",
      "case_clocks.started_at",
      "case_clocks.met_at",
      "case_clocks.paused_business_ms",
      "policies.calendar_json",
    ])
    .where("case_clocks.met_at", "is not", null)
    .execute();
  for (const row of rows) {
    const cal = JSON.parse(row.calendar_json) as BusinessCalendar;
    const dayMs = (cal.closesAtMinutes - cal.opensAtMinutes) * 60_000;
    const gross = businessMsBetween(new Date(row.started_at), new Date(row.met_at), cal);
    await db
      .updateTable("case_clocks")
      .set({
        taken_business_days: Math.max(0, gross - row.paused_business_ms) / dayMs,
        paused_business_days: row.paused_business_ms / dayMs,
      })
      .where("id", "=", row.id)
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
