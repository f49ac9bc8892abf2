import type { Insertable, Kysely } from "kysely";
import type { CaseEventTable, Database, EventVisibility } from "../schema";

export async function insertCaseEvent(db: Kysely<Database>, event: Insertable<CaseEventTable>): Promise<void> {
  await db.insertInto("case_events").values(event).execute();
}

export interface TimelineEntry {
  id: number;
  type: string;
  visibility: EventVisibility;
  actor_kind: string;
  actor_name: string | null;
  level: number;
  body: string | null;
  data_json: string | null;
  created_at: string;
}

/** A case's timeline in order; the filer's view passes `publicOnly` so notes never reach them. */
export async function listCaseEvents(
  db: Kysely<Database>,
  caseId: number,
  options: { publicOnly: boolean },
): Promise<TimelineEntry[]> {
  let query = db
    .selectFrom("case_events as e")
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .where("e.case_id", "=", caseId)
    .select([
      "e.id",
      "e.type",
      "e.visibility",
      "e.actor_kind",
      "u.display_name as actor_name",
      "e.level",
      "e.body",
      "e.data_json",
      "e.created_at",
    ])
    .orderBy("e.id");
  if (options.publicOnly) query = query.where("e.visibility", "=", "public");
  return query.execute();
}
