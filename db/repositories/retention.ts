import { type Kysely, sql } from "kysely";
import type { CaseStatus, Database, OutboxStatus } from "../schema";

// Removing the personal information of cases past their retention period, row by row, while
// keeping everything the report figures count: statuses, kinds, channels, programs, providers,
// levels, outcomes, causes, dates, clocks and the client-group answers.

type DB = Kysely<Database>;

/** What replaces removed text where the column cannot be null. */
export const REMOVED = "[removed]";

// Event data keys that hold codes or numbers the figures group by; any other string (an assignee's
// or a panel's names, a file name) is free text and is removed.
const CODED_EVENT_DATA = new Set([
  "outcome",
  "cause",
  "kind",
  "channel",
  "reason",
  "from",
  "to",
  "level",
  "attachmentId",
]);

export interface PurgedCases {
  caseIds: number[];
  /** Timeline entries whose text was removed. */
  events: number;
  /** Timeline entries whose data lost a free-text value. */
  eventData: number;
  attachments: number;
  emails: number;
  filerSessions: number;
  surveyInvitations: number;
  /** Server-made names of the files to delete once the transaction has committed. */
  storedNames: string[];
}

function endedAt() {
  // A referral to the ministry ends a case without a closed_at: it ended with that event.
  return sql<
    string | null
  >`coalesce(c.closed_at, (select max(e.created_at) from case_events e where e.case_id = c.id and e.type = 'referred_to_ministry'))`;
}

/** Cases in `statuses` that ended before `cutoff` and still hold personal information. */
export async function listCasesToPurge(
  db: DB,
  input: { statuses: readonly CaseStatus[]; cutoff: string; ids?: readonly number[] },
): Promise<{ id: number; areaSlug: string }[]> {
  let query = db
    .selectFrom("cases as c")
    .select(["c.id", "c.area_slug"])
    .where("c.purged_at", "is", null)
    .where("c.status", "in", [...input.statuses])
    .where(endedAt(), "<", input.cutoff)
    .orderBy("c.id");
  if (input.ids) query = query.where("c.id", "in", [...input.ids]);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, areaSlug: r.area_slug }));
}

/** The event data with its free text replaced, or null when there is nothing to remove. */
function withoutFreeText(json: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return JSON.stringify(REMOVED);
  }
  if (data === REMOVED) return null;
  if (typeof data === "string" || Array.isArray(data)) return JSON.stringify(REMOVED);
  if (data === null || typeof data !== "object") return null;
  let changed = false;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const free =
      value !== REMOVED &&
      ((typeof value === "object" && value !== null) || (typeof value === "string" && !CODED_EVENT_DATA.has(key)));
    kept[key] = free ? REMOVED : value;
    changed ||= free;
  }
  return changed ? JSON.stringify(kept) : null;
}

/** Removes the personal information of these cases (already checked eligible, inside the caller's transaction). */
export async function purgeCases(db: DB, caseIds: readonly number[], now: string): Promise<PurgedCases> {
  const ids = [...caseIds];
  const result: PurgedCases = {
    caseIds: ids,
    events: 0,
    eventData: 0,
    attachments: 0,
    emails: 0,
    filerSessions: 0,
    surveyInvitations: 0,
    storedNames: [],
  };
  if (ids.length === 0) return result;

  await db
    .updateTable("cases")
    .set((eb) => ({
      filer_name: REMOVED,
      filer_email: null,
      filer_phone: null,
      description: REMOVED,
      outcome_wanted: REMOVED,
      accommodation_details: null,
      // No access code hashes to this: the filer's link to the case is gone.
      secret_hash: REMOVED,
      purged_at: now,
      version: eb("version", "+", 1),
    }))
    .where("id", "in", ids)
    .execute();

  result.filerSessions = Number(
    (await db.deleteFrom("filer_sessions").where("case_id", "in", ids).executeTakeFirst()).numDeletedRows,
  );
  // Links that would open a purged case go with it.
  await db.deleteFrom("case_access_links").where("case_id", "in", ids).execute();
  result.surveyInvitations = Number(
    (await db.deleteFrom("survey_invitations").where("case_id", "in", ids).executeTakeFirst()).numDeletedRows,
  );

  result.events = Number(
    (
      await db
        .updateTable("case_events")
        .set({ body: REMOVED })
        .where("case_id", "in", ids)
        .where("body", "is not", null)
        .where("body", "!=", REMOVED)
        .executeTakeFirst()
    ).numUpdatedRows,
  );
  const withData = await db
    .selectFrom("case_events")
    .select(["id", "data_json"])
    .where("case_id", "in", ids)
    .where("data_json", "is not", null)
    .execute();
  for (const event of withData) {
    const cleaned = withoutFreeText(event.data_json!);
    if (cleaned === null) continue;
    await db.updateTable("case_events").set({ data_json: cleaned }).where("id", "=", event.id).execute();
    result.eventData++;
  }

  const files = await db.selectFrom("attachments").select("stored_name").where("case_id", "in", ids).execute();
  result.storedNames = files.map((f) => f.stored_name);
  result.attachments = Number(
    (
      await db
        .updateTable("attachments")
        .set({ original_name: REMOVED, sha256: REMOVED })
        .where("case_id", "in", ids)
        .where("original_name", "!=", REMOVED)
        .executeTakeFirst()
    ).numUpdatedRows,
  );

  result.emails = Number(
    (
      await db
        .updateTable("email_outbox")
        .set({
          recipient: REMOVED,
          subject: REMOVED,
          text_body: REMOVED,
          html_body: REMOVED,
          last_error: sql<string | null>`case when last_error is null then null else ${REMOVED} end`,
          // Nothing may still go out to an address that is gone.
          status: sql<OutboxStatus>`case when status = 'pending' then 'dead' else status end`,
          lease_until: null,
        })
        .where("case_id", "in", ids)
        .executeTakeFirst()
    ).numUpdatedRows,
  );
  return result;
}

/** Survey comments (free text) of an SSM's quarters; the answers' numbers stay for the figures. */
export async function listQuartersWithSurveyComments(db: DB, areaSlug: string): Promise<string[]> {
  const rows = await db
    .selectFrom("survey_responses")
    .select("quarter")
    .distinct()
    .where("area_slug", "=", areaSlug)
    .where("comment", "is not", null)
    .execute();
  return rows.map((r) => r.quarter);
}

export async function removeSurveyComments(db: DB, areaSlug: string, quarters: readonly string[]): Promise<number> {
  if (quarters.length === 0) return 0;
  const result = await db
    .updateTable("survey_responses")
    .set({ comment: null })
    .where("area_slug", "=", areaSlug)
    .where("quarter", "in", [...quarters])
    .where("comment", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listAreasWithSurveyComments(db: DB): Promise<string[]> {
  const rows = await db
    .selectFrom("survey_responses")
    .select("area_slug")
    .distinct()
    .where("comment", "is not", null)
    .execute();
  return rows.map((r) => r.area_slug);
}

/** Files of cases already purged: deleted again on every run, in case a run stopped before it could. */
export async function listFilesOfPurgedCases(db: DB): Promise<string[]> {
  const rows = await db
    .selectFrom("attachments as a")
    .innerJoin("cases as c", "c.id", "a.case_id")
    .select("a.stored_name")
    .where("c.purged_at", "is not", null)
    .execute();
  return rows.map((r) => r.stored_name);
}
