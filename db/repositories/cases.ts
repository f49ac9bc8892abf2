import { sql, type Kysely } from "kysely";
import type { CaseRow, CaseUpdate, Database, NewCase } from "../schema";

/** Next number in an area's yearly sequence; atomic because it is one upsert statement. */
export async function nextReferenceSequence(
  db: Kysely<Database>,
  areaSlug: string,
  year: number,
): Promise<number> {
  const row = await db
    .insertInto("reference_counters")
    .values({ area_slug: areaSlug, year, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(["area_slug", "year"]).doUpdateSet({
        last_value: (eb) => eb("reference_counters.last_value", "+", 1),
      }),
    )
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export async function insertCase(db: Kysely<Database>, values: NewCase): Promise<CaseRow> {
  return db.insertInto("cases").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findCaseByReference(db: Kysely<Database>, reference: string): Promise<CaseRow | null> {
  return (await db.selectFrom("cases").selectAll().where("reference", "=", reference).executeTakeFirst()) ?? null;
}

export async function findCaseById(db: Kysely<Database>, id: number): Promise<CaseRow | null> {
  return (await db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function findCaseBySubmissionKey(
  db: Kysely<Database>,
  submissionKey: string,
): Promise<Pick<CaseRow, "id" | "reference"> | null> {
  return (
    (await db
      .selectFrom("cases")
      .select(["id", "reference"])
      .where("submission_key", "=", submissionKey)
      .executeTakeFirst()) ?? null
  );
}

/**
 * Applies a change only if nobody changed the case since `expectedVersion` was read, and bumps
 * the version. False means someone else got there first: the caller must not overwrite.
 */
export async function updateCaseIfUnchanged(
  db: Kysely<Database>,
  caseId: number,
  expectedVersion: number,
  patch: CaseUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable("cases")
    .set({ ...patch, version: expectedVersion + 1 })
    .where("id", "=", caseId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface QueueRow {
  reference: string;
  kind: CaseRow["kind"];
  status: CaseRow["status"];
  level: number;
  received_at: string;
  next_due_at: string | null;
  respondent_name_en: string | null;
  respondent_name_fr: string | null;
  assignee_name: string | null;
}

/** One SSM's cases, next deadline first; cases with no open deadline last. */
export async function listQueueForArea(
  db: Kysely<Database>,
  areaSlug: string,
  limit: number,
): Promise<QueueRow[]> {
  return db
    .selectFrom("cases as c")
    .leftJoin("organizations as r", "r.id", "c.respondent_org_id")
    .leftJoin("users as u", "u.id", "c.assignee_id")
    .where("c.area_slug", "=", areaSlug)
    .select([
      "c.reference",
      "c.kind",
      "c.status",
      "c.level",
      "c.received_at",
      "c.next_due_at",
      "r.name_en as respondent_name_en",
      "r.name_fr as respondent_name_fr",
      "u.display_name as assignee_name",
    ])
    .orderBy(sql`c.next_due_at is null`)
    .orderBy("c.next_due_at")
    .orderBy("c.id")
    .limit(limit)
    .execute();
}

export interface AreaQuarterCounts {
  area_slug: string;
  received: number;
  decided: number;
}

/** Received and decided counts per area in [start, end): aggregated in SQL, not in JavaScript. */
export async function countReceivedAndDecidedByArea(
  db: Kysely<Database>,
  start: string,
  end: string,
): Promise<AreaQuarterCounts[]> {
  const rows = await db
    .selectFrom("areas as a")
    .leftJoin("cases as c", "c.area_slug", "a.slug")
    .select((eb) => [
      "a.slug as area_slug",
      eb.fn
        .sum<number>(
          eb.case().when(eb.and([eb("c.received_at", ">=", start), eb("c.received_at", "<", end)])).then(1).else(0).end(),
        )
        .as("received"),
      eb.fn
        .sum<number>(
          eb.case().when(eb.and([eb("c.decided_at", ">=", start), eb("c.decided_at", "<", end)])).then(1).else(0).end(),
        )
        .as("decided"),
    ])
    .groupBy("a.slug")
    .execute();
  return rows.map((r) => ({ area_slug: r.area_slug, received: Number(r.received ?? 0), decided: Number(r.decided ?? 0) }));
}

/** A provider organization's own disputes, newest first: never another organization's. */
export async function listCasesFiledByOrganization(
  db: Kysely<Database>,
  organizationId: number,
  limit: number,
): Promise<Pick<CaseRow, "reference" | "status" | "level" | "category" | "received_at" | "next_due_at" | "area_slug">[]> {
  return db
    .selectFrom("cases")
    .select(["reference", "status", "level", "category", "received_at", "next_due_at", "area_slug"])
    .where("filer_org_id", "=", organizationId)
    .orderBy("received_at", "desc")
    .limit(limit)
    .execute();
}
