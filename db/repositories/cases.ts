import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";
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
  id: number;
  reference: string;
  kind: CaseRow["kind"];
  status: CaseRow["status"];
  level: number;
  received_at: string;
  next_due_at: string | null;
  filer_name: string;
  respondent_name_en: string | null;
  respondent_name_fr: string | null;
  assignee_name: string | null;
}

export interface QueueQuery {
  areaSlug: string;
  status?: string;
  level?: number;
  kind?: string;
  program?: string;
  category?: string;
  respondentOrgId?: number;
  /** A user id, or null for "nobody"; undefined for anyone. */
  assigneeId?: number | null;
  dueBefore?: string;
  dueFrom?: string;
  receivedFrom?: string;
  receivedBefore?: string;
  /** Part of a reference or of the filer's name. */
  text?: string;
  after?: { dueAt: string | null; id: number } | null;
  limit: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One SSM's cases, next deadline first and cases with no open deadline last, filtered, one page at
 * a time. Keyset pagination: a page starts strictly after the last row of the previous one, so a
 * case filed meanwhile never shifts or repeats rows.
 */
export async function listQueue(db: Kysely<Database>, q: QueueQuery): Promise<QueueRow[]> {
  let query = db
    .selectFrom("cases as c")
    .leftJoin("organizations as r", "r.id", "c.respondent_org_id")
    .leftJoin("users as u", "u.id", "c.assignee_id")
    .where("c.area_slug", "=", q.areaSlug)
    .select([
      "c.id",
      "c.reference",
      "c.kind",
      "c.status",
      "c.level",
      "c.received_at",
      "c.next_due_at",
      "c.filer_name",
      "r.name_en as respondent_name_en",
      "r.name_fr as respondent_name_fr",
      "u.display_name as assignee_name",
    ]);
  if (q.status) query = query.where("c.status", "=", q.status as CaseRow["status"]);
  if (q.level) query = query.where("c.level", "=", q.level);
  if (q.kind) query = query.where("c.kind", "=", q.kind as CaseRow["kind"]);
  if (q.program) query = query.where("c.program", "=", q.program);
  if (q.category) query = query.where("c.category", "=", q.category);
  if (q.respondentOrgId) query = query.where("c.respondent_org_id", "=", q.respondentOrgId);
  if (q.assigneeId === null) query = query.where("c.assignee_id", "is", null);
  else if (q.assigneeId !== undefined) query = query.where("c.assignee_id", "=", q.assigneeId);
  if (q.dueBefore) query = query.where("c.next_due_at", "<", q.dueBefore);
  if (q.dueFrom) query = query.where("c.next_due_at", ">=", q.dueFrom);
  if (q.receivedFrom) query = query.where("c.received_at", ">=", q.receivedFrom);
  if (q.receivedBefore) query = query.where("c.received_at", "<", q.receivedBefore);
  if (q.text) {
    const pattern = likePattern(q.text);
    // SQLite's LIKE ignores case; PostgreSQL's needs ILIKE to do the same.
    const like = isPostgres(db) ? sql`ilike` : sql`like`;
    query = query.where((eb) =>
      eb.or([sql<boolean>`c.reference ${like} ${pattern} escape '\\'`, sql<boolean>`c.filer_name ${like} ${pattern} escape '\\'`]),
    );
  }
  const after = q.after;
  if (after) {
    query = query.where((eb) =>
      after.dueAt === null
        ? eb.and([eb("c.next_due_at", "is", null), eb("c.id", ">", after.id)])
        : eb.or([
            eb("c.next_due_at", ">", after.dueAt),
            eb.and([eb("c.next_due_at", "=", after.dueAt), eb("c.id", ">", after.id)]),
            eb("c.next_due_at", "is", null),
          ]),
    );
  }
  return query
    .orderBy(sql`c.next_due_at is null`)
    .orderBy("c.next_due_at")
    .orderBy("c.id")
    .limit(q.limit)
    .execute();
}

/** How many of one SSM's cases are in each status: the counts above the queue. */
export async function countCasesByStatus(db: Kysely<Database>, areaSlug: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("cases")
    .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
    .where("area_slug", "=", areaSlug)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
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
