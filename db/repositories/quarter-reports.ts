import type { Kysely } from "kysely";
import type { Narrative } from "../../app/domain/vocabulary";
import type { Database, QuarterReportRow, ReportDraftRow } from "../schema";

type DB = Kysely<Database>;

export async function findDraft(db: DB, areaSlug: string, quarter: string): Promise<ReportDraftRow | null> {
  const row = await db
    .selectFrom("report_drafts")
    .selectAll()
    .where("area_slug", "=", areaSlug)
    .where("quarter", "=", quarter)
    .executeTakeFirst();
  return row ?? null;
}

export async function saveDraft(
  db: DB,
  areaSlug: string,
  quarter: string,
  narrative: Narrative,
  userId: number,
  now: string,
): Promise<void> {
  const values = {
    actions_taken: narrative.actionsTaken,
    lessons_learned: narrative.lessonsLearned,
    systemic_issues: narrative.systemicIssues,
    updated_by: userId,
    updated_at: now,
  };
  await db
    .insertInto("report_drafts")
    .values({ area_slug: areaSlug, quarter, ...values })
    .onConflict((oc) => oc.columns(["area_slug", "quarter"]).doUpdateSet(values))
    .execute();
}

export async function latestVersionNumber(db: DB, areaSlug: string, quarter: string): Promise<number> {
  const row = await db
    .selectFrom("quarter_reports")
    .select((eb) => eb.fn.max<number | null>("version").as("v"))
    .where("area_slug", "=", areaSlug)
    .where("quarter", "=", quarter)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertReportVersion(
  db: DB,
  input: {
    areaSlug: string;
    quarter: string;
    version: number;
    figuresJson: string;
    narrative: Narrative;
    amendmentReason: string | null;
    submittedBy: number;
    submittedAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("quarter_reports")
    .values({
      area_slug: input.areaSlug,
      quarter: input.quarter,
      version: input.version,
      figures_json: input.figuresJson,
      actions_taken: input.narrative.actionsTaken,
      lessons_learned: input.narrative.lessonsLearned,
      systemic_issues: input.narrative.systemicIssues,
      amendment_reason: input.amendmentReason,
      submitted_by: input.submittedBy,
      submitted_at: input.submittedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every version of one SSM's quarter, oldest first. */
export async function listReportVersions(
  db: DB,
  areaSlug: string,
  quarter: string,
): Promise<(QuarterReportRow & { submitted_by_name: string })[]> {
  return db
    .selectFrom("quarter_reports as r")
    .innerJoin("users as u", "u.id", "r.submitted_by")
    .selectAll("r")
    .select("u.display_name as submitted_by_name")
    .where("r.area_slug", "=", areaSlug)
    .where("r.quarter", "=", quarter)
    .orderBy("r.version")
    .execute();
}

/** The newest version of every SSM's report for the given quarters. */
export async function listLatestReports(db: DB, quarters: readonly string[]): Promise<QuarterReportRow[]> {
  if (quarters.length === 0) return [];
  return db
    .selectFrom("quarter_reports as r")
    .selectAll("r")
    .where("r.quarter", "in", quarters)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("quarter_reports as newer")
            .select("newer.id")
            .whereRef("newer.area_slug", "=", "r.area_slug")
            .whereRef("newer.quarter", "=", "r.quarter")
            .whereRef("newer.version", ">", "r.version"),
        ),
      ),
    )
    .orderBy("r.quarter")
    .orderBy("r.area_slug")
    .execute();
}

/** Quarters an SSM has submitted, with their newest version number. */
export async function listSubmittedQuarters(
  db: DB,
  areaSlug: string,
): Promise<{ quarter: string; version: number; submitted_at: string }[]> {
  const rows = await db
    .selectFrom("quarter_reports")
    .select((eb) => [
      "quarter",
      eb.fn.max<number>("version").as("version"),
      eb.fn.max<string>("submitted_at").as("submitted_at"),
    ])
    .where("area_slug", "=", areaSlug)
    .groupBy("quarter")
    .orderBy("quarter", "desc")
    .execute();
  return rows.map((r) => ({ quarter: r.quarter, version: Number(r.version), submitted_at: r.submitted_at }));
}

/** The newest quarter any SSM submitted for: what the public figures default to. */
export async function latestSubmittedQuarterOf(db: DB, areaSlug: string): Promise<string | null> {
  const row = await db
    .selectFrom("quarter_reports")
    .select((eb) => eb.fn.max<string>("quarter").as("q"))
    .where("area_slug", "=", areaSlug)
    .executeTakeFirst();
  return row?.q ?? null;
}

/** Every quarter some SSM has submitted, oldest first. */
export async function listQuartersWithReports(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("quarter_reports").select("quarter").distinct().orderBy("quarter").execute();
  return rows.map((r) => r.quarter);
}

export async function listActiveAnalysts(
  db: DB,
): Promise<{ id: number; email: string; display_name: string; language: "en" | "fr" }[]> {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "language"])
    .where("role", "=", "ministry_analyst")
    .where("disabled_at", "is", null)
    .orderBy("id")
    .execute();
}
