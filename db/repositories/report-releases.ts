import type { Kysely } from "kysely";
import type { Database, QuarterReportRow, ReportReleaseRow } from "../schema";

type DB = Kysely<Database>;

/** Every release of a quarter, oldest first. */
export async function listReleases(db: DB, quarter: string): Promise<ReportReleaseRow[]> {
  return db.selectFrom("report_releases").selectAll().where("quarter", "=", quarter).orderBy("sequence").execute();
}

export async function insertRelease(
  db: DB,
  input: {
    quarter: string;
    sequence: number;
    areaSlug: string;
    version: number;
    threshold: number;
    releaseJson: string;
    releasedAt: string;
  },
): Promise<void> {
  await db
    .insertInto("report_releases")
    .values({
      quarter: input.quarter,
      sequence: input.sequence,
      area_slug: input.areaSlug,
      version: input.version,
      threshold: input.threshold,
      release_json: input.releaseJson,
      released_at: input.releasedAt,
    })
    .execute();
}

/** Every submitted version of every SSM's report for a quarter, in the order they were submitted. */
export async function listQuarterVersions(db: DB, quarter: string): Promise<QuarterReportRow[]> {
  return db
    .selectFrom("quarter_reports")
    .selectAll()
    .where("quarter", "=", quarter)
    .orderBy("submitted_at")
    .orderBy("id")
    .execute();
}
