import { sql, type Kysely } from "kysely";
import type { QueueCriteria } from "../../app/domain/queue-criteria";
import { FINISHED_STATUSES } from "../../app/domain/case-workflow";
import type { CaseRow, Database } from "../schema";

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One SSM's cases (or, for an operator's export, every SSM's) that the queue's filters select: the
 * queue page and the CSV export both start here, so they list the same cases. The text search
 * lower-cases both sides because SQLite's LIKE ignores (ASCII) case and PostgreSQL's does not: with
 * lower() it ignores case on both.
 */
export function casesMatching(db: Kysely<Database>, q: QueueCriteria & { areaSlug: string | null }) {
  let query = db.selectFrom("cases as c");
  if (q.areaSlug !== null) query = query.where("c.area_slug", "=", q.areaSlug);
  if (q.status) query = query.where("c.status", "=", q.status as CaseRow["status"]);
  if (q.finished === true) query = query.where("c.status", "in", [...FINISHED_STATUSES]);
  if (q.finished === false) query = query.where("c.status", "not in", [...FINISHED_STATUSES]);
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
 * The matching cases with what a list shows beside each: the columns the queue and its export both
 * list, with the provider's names and the assignee's; callers add their own columns and order.
 */
export function listedCasesMatching(db: Kysely<Database>, q: QueueCriteria & { areaSlug: string | null }) {
  return casesMatching(db, q)
    .leftJoin("organizations as r", "r.id", "c.respondent_org_id")
    .leftJoin("users as u", "u.id", "c.assignee_id")
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
}
