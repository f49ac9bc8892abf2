import { sql, type Kysely } from "kysely";
import type { QueueCriteria } from "../../app/domain/queue-criteria";
import type { CaseRow, CaseUpdate, Database, NewCase } from "../schema";
import { listedCasesMatching } from "./case-filters";

/** Next number in an area's yearly sequence; atomic because it is one upsert statement. */
export async function nextReferenceSequence(db: Kysely<Database>, areaSlug: string, year: number): Promise<number> {
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
 * `keepVersion`: a change staff need not know of before acting (the mail server taking an
 * acknowledgement, #18) leaves the version as it was.
 */
export async function updateCaseIfUnchanged(
  db: Kysely<Database>,
  caseId: number,
  expectedVersion: number,
  patch: CaseUpdate,
  options: { keepVersion?: boolean } = {},
): Promise<boolean> {
  const result = await db
    .updateTable("cases")
    .set(options.keepVersion ? patch : { ...patch, version: expectedVersion + 1 })
    .where("id", "=", caseId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new access code for the case: the old one no longer hashes to what is stored. */
export async function replaceCaseSecretHash(
  db: Kysely<Database>,
  caseId: number,
  secretHash: string,
  now: string,
): Promise<void> {
  await db.updateTable("cases").set({ secret_hash: secretHash, updated_at: now }).where("id", "=", caseId).execute();
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

export interface QueueQuery extends QueueCriteria {
  areaSlug: string;
  after?: { dueAt: string | null; id: number } | null;
  limit: number;
}

/**
 * One SSM's cases, next deadline first and cases with no open deadline last, filtered, one page at
 * a time. Keyset pagination: a page starts strictly after the last row of the previous one, so a
 * case filed meanwhile never shifts or repeats rows.
 */
export async function listQueue(db: Kysely<Database>, q: QueueQuery): Promise<QueueRow[]> {
  return queueQuery(db, q).execute();
}

/** listQueue's query, for its plan to be checked (test/integration/queue-query-plans.test.ts). */
export function queueQuery(db: Kysely<Database>, q: QueueQuery) {
  let query = listedCasesMatching(db, q);
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
    .limit(q.limit);
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
): Promise<
  Pick<CaseRow, "reference" | "status" | "level" | "category" | "received_at" | "next_due_at" | "area_slug">[]
> {
  return db
    .selectFrom("cases")
    .select(["reference", "status", "level", "category", "received_at", "next_due_at", "area_slug"])
    .where("filer_org_id", "=", organizationId)
    .orderBy("received_at", "desc")
    .limit(limit)
    .execute();
}

export interface AttentionRow {
  reference: string;
  filer_name: string;
  message_after_close_at: string | null;
  call_filer_since: string | null;
}

/**
 * The attention list's query. Its condition is the partial index cases_attention's (0028), word for
 * word, so only flagged cases are read; test/integration/queue-query-plans.test.ts holds the plan.
 */
export function casesNeedingAttentionQuery(db: Kysely<Database>, areaSlug: string) {
  return db
    .selectFrom("cases")
    .select(["reference", "filer_name", "message_after_close_at", "call_filer_since"])
    .where("area_slug", "=", areaSlug)
    .where((eb) => eb.or([eb("message_after_close_at", "is not", null), eb("call_filer_since", "is not", null)]))
    .orderBy(sql`coalesce(message_after_close_at, call_filer_since)`, "desc")
    .limit(50);
}

/** Cases staff must look at before the deadlines (#20): a message after closing, a filer to call. */
export async function listCasesNeedingAttention(db: Kysely<Database>, areaSlug: string): Promise<AttentionRow[]> {
  return casesNeedingAttentionQuery(db, areaSlug).execute();
}
