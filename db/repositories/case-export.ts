import type { Kysely } from "kysely";
import type { QueueCriteria } from "../../app/domain/queue-criteria";
import type { CaseRow, Database } from "../schema";
import { casesMatching, listedCasesMatching } from "./case-filters";

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

/**
 * One page of the export, in id order, starting strictly after `afterId` (keyset pagination): each
 * page is its own short query, so a long export never keeps the database to itself, and a case
 * filed meanwhile never shifts or repeats rows already written.
 */
export async function listCasesForExport(
  db: Kysely<Database>,
  q: CaseExportQuery & { afterId: number; limit: number },
): Promise<CaseExportRow[]> {
  return listedCasesMatching(db, q)
    .select(["c.program", "c.category", "c.closed_at"])
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
