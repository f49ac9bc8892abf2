import { sql, type Kysely } from "kysely";
import type { QueueCriteria } from "../../app/domain/queue-criteria";
import type { CaseRow, Database } from "../schema";

export interface CaseExportQuery extends QueueCriteria {
  /** One SSM's cases, or null for every SSM's (an operator's export, never a staff member's). */
  areaSlug: string | null;
}

/** One case as the CSV export lists it: what the queue shows, and no text the filer wrote. */
export interface CaseExportRow {
  id: number;
  reference: string;
  kind: CaseRow["kind"];
  status: CaseRow["status"];
  level: number;
  program: string | null;
  category: string | null;
  received_at: string;
  next_due_at: string | null;
  closed_at: string | null;
  filer_name: string;
  respondent_name_en: string | null;
  respondent_name_fr: string | null;
  assignee_name: string | null;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The queue's filters (db/repositories/cases.ts, listQueue), read the same way, so the export lists
 * exactly the cases the queue does. The text search lower-cases both sides because SQLite's LIKE
 * ignores (ASCII) case and PostgreSQL's does not: with lower() it ignores case on both.
 */
function casesMatching(db: Kysely<Database>, q: CaseExportQuery) {
  let query = db.selectFrom("cases as c");
  if (q.areaSlug !== null) query = query.where("c.area_slug", "=", q.areaSlug);
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
    // Kysely's builder has no ESCAPE clause: this fragment adds only that (the pattern is bound).
    // Standard SQL, the same on SQLite and PostgreSQL, so % and _ are searched literally. The
    // database lower-cases both sides, so they are folded alike.
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref("c.reference")}) like lower(${pattern}) escape '\\'`,
        sql<boolean>`lower(${eb.ref("c.filer_name")}) like lower(${pattern}) escape '\\'`,
      ]),
    );
  }
  return query;
}

/**
 * One page of the export, in id order, starting strictly after `afterId` (keyset pagination): each
 * page is its own short query, so a long export never keeps the database to itself, and a case
 * filed meanwhile never shifts or repeats rows already written.
 */
export async function listCasesForExport(
  db: Kysely<Database>,
  q: CaseExportQuery & { afterId: number; limit: number },
): Promise<CaseExportRow[]> {
  return casesMatching(db, q)
    .leftJoin("organizations as r", "r.id", "c.respondent_org_id")
    .leftJoin("users as u", "u.id", "c.assignee_id")
    .select([
      "c.id",
      "c.reference",
      "c.kind",
      "c.status",
      "c.level",
      "c.program",
      "c.category",
      "c.received_at",
      "c.next_due_at",
      "c.closed_at",
      "c.filer_name",
      "r.name_en as respondent_name_en",
      "r.name_fr as respondent_name_fr",
      "u.display_name as assignee_name",
    ])
    .where("c.id", ">", q.afterId)
    .orderBy("c.id")
    .limit(q.limit)
    .execute();
}

/** How many cases the export will list, for its audit entry. */
export async function countCasesForExport(db: Kysely<Database>, q: CaseExportQuery): Promise<number> {
  const row = await casesMatching(db, q)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
