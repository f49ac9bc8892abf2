import type { Kysely } from "kysely";
import type { Database, Language } from "../schema";

/** What answering needs from an invitation: never the case it was sent for. */
export interface UsableSurveyInvitation {
  id: number;
  areaSlug: string;
  quarter: string;
  language: Language;
  expiresAt: string;
}

export interface SurveyAnswers {
  clear: number;
  fair: number;
  timely: number;
  comment: string | null;
}

/**
 * One invitation per case, ever: a case closed, reopened and closed again keeps its first one.
 * True when this call created it, false when the case already had one.
 */
export async function insertSurveyInvitation(
  db: Kysely<Database>,
  invitation: {
    caseId: number;
    tokenHash: string;
    areaSlug: string;
    quarter: string;
    language: Language;
    expiresAt: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto("survey_invitations")
    .values({
      case_id: invitation.caseId,
      token_hash: invitation.tokenHash,
      area_slug: invitation.areaSlug,
      quarter: invitation.quarter,
      language: invitation.language,
      expires_at: invitation.expiresAt,
      used: 0,
    })
    .onConflict((oc) => oc.column("case_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The invitation this token opens, if it was neither used nor has expired at `now`. */
export async function findUsableSurveyInvitation(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<UsableSurveyInvitation | null> {
  const row = await db
    .selectFrom("survey_invitations")
    .select(["id", "area_slug", "quarter", "language", "expires_at"])
    .where("token_hash", "=", tokenHash)
    .where("used", "=", 0)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row
    ? { id: row.id, areaSlug: row.area_slug, quarter: row.quarter, language: row.language, expiresAt: row.expires_at }
    : null;
}

/** The case an invitation was sent for: read only when the filer agreed to be contacted (#20). */
export async function surveyInvitationCaseId(db: Kysely<Database>, id: number): Promise<number | null> {
  const row = await db.selectFrom("survey_invitations").select("case_id").where("id", "=", id).executeTakeFirst();
  return row?.case_id ?? null;
}

/** Marks it used only if nobody used it first: true for the one call that wins. */
export async function markSurveyInvitationUsed(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db
    .updateTable("survey_invitations")
    .set({ used: 1 })
    .where("id", "=", id)
    .where("used", "=", 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An answer keeps the SSM and the quarter only: no case, invitation, filer or time. */
export async function insertSurveyResponse(
  db: Kysely<Database>,
  response: { areaSlug: string; quarter: string; answers: SurveyAnswers },
): Promise<void> {
  const { answers } = response;
  await db
    .insertInto("survey_responses")
    .values({
      area_slug: response.areaSlug,
      quarter: response.quarter,
      clear: answers.clear,
      fair: answers.fair,
      timely: answers.timely,
      comment: answers.comment,
    })
    .execute();
}

/** A manager's review task from a low answer (#20): the case only when the filer agreed to be contacted. */
export async function insertSurveyReviewTask(
  db: Kysely<Database>,
  task: { areaSlug: string; quarter: string; fair: number; timely: number; caseId: number | null },
): Promise<void> {
  await db
    .insertInto("survey_review_tasks")
    .values({
      area_slug: task.areaSlug,
      quarter: task.quarter,
      fair: task.fair,
      timely: task.timely,
      case_id: task.caseId,
      done_at: null,
      done_by: null,
    })
    .execute();
}

export interface SurveyReviewTaskRow {
  id: number;
  quarter: string;
  fair: number;
  timely: number;
  reference: string | null;
}

/** The open review tasks of an SSM's area, newest quarter first. */
export async function listOpenSurveyReviewTasks(
  db: Kysely<Database>,
  areaSlug: string,
): Promise<SurveyReviewTaskRow[]> {
  return db
    .selectFrom("survey_review_tasks as t")
    .leftJoin("cases as c", "c.id", "t.case_id")
    .select(["t.id", "t.quarter", "t.fair", "t.timely", "c.reference"])
    .where("t.area_slug", "=", areaSlug)
    .where("t.done_at", "is", null)
    .orderBy("t.quarter", "desc")
    .orderBy("t.id", "desc")
    .limit(50)
    .execute();
}

/** Closes an open review task of the area; the task's quarter, or null if there was none open. */
export async function closeSurveyReviewTask(
  db: Kysely<Database>,
  input: { id: number; areaSlug: string; doneAt: string; doneBy: number },
): Promise<string | null> {
  const row = await db
    .updateTable("survey_review_tasks")
    .set({ done_at: input.doneAt, done_by: input.doneBy })
    .where("id", "=", input.id)
    .where("area_slug", "=", input.areaSlug)
    .where("done_at", "is", null)
    .returning("quarter")
    .executeTakeFirst();
  return row?.quarter ?? null;
}
