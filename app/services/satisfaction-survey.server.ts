import { createHash, randomBytes } from "node:crypto";
import { writeTransaction, type DB } from "../../db/client";
import { findAreaWithSsm } from "../../db/repositories/areas";
import type { OutgoingEmail } from "../../db/repositories/email-outbox";
import {
  findUsableSurveyInvitation,
  insertSurveyInvitation,
  insertSurveyResponse,
  insertSurveyReviewTask,
  listOpenSurveyReviewTasks,
  type SurveyReviewTaskRow,
  markSurveyInvitationUsed,
  surveyInvitationCaseId,
  closeSurveyReviewTask,
} from "../../db/repositories/survey";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import type { CaseRow, Language } from "../../db/schema";
import { surveyInvitationEmail } from "../../emails/survey-email";
import { fiscalQuarterOf, formatQuarterId } from "../domain/fiscal-quarter";
import { needsManagerReview, SURVEY_VALID_DAYS, type SurveyInput } from "../domain/survey-input";
import { publicUrl } from "../utils/env.server";
import { ownArea } from "../domain/access";
import { actorOf, authorize } from "./access.server";
import type { SessionUser } from "./auth.server";
import { emailToFiler, filerEmailBasics } from "./case-notifications.server";

// Quarters are reported to the ministry in Ontario time, as in quarter-figures.server.ts.
const REPORTING_TIME_ZONE = "America/Toronto";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Inside the transaction that closes a case: creates the case's one survey invitation and returns
 * its email to queue with the rest of the change. Nothing when the filer gave no email address
 * (the link could reach nobody) or when the case already had an invitation (closed before).
 */
export async function surveyInvitationFor(trx: DB, row: CaseRow, now: Date): Promise<OutgoingEmail[]> {
  if (!row.filer_email) return [];
  const area = await findAreaWithSsm(trx, row.area_slug);
  if (!area) throw new Error(`Case ${row.reference} lost its area`);
  // 256 random bits; only the hash is kept, so the email holds the one usable copy.
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SURVEY_VALID_DAYS * 24 * 3_600_000).toISOString();
  const created = await insertSurveyInvitation(trx, {
    caseId: row.id,
    tokenHash: hashToken(token),
    areaSlug: row.area_slug,
    // The quarter the case closed in: the answer counts there, whenever it is given.
    quarter: formatQuarterId(fiscalQuarterOf(now, REPORTING_TIME_ZONE)),
    language: row.language,
    expiresAt,
  });
  if (!created) return [];
  const basics = filerEmailBasics(row, area);
  const email = surveyInvitationEmail({
    language: row.language,
    filerName: basics.filerName,
    reference: row.reference,
    ssmName: basics.ssmName,
    ssmPhone: basics.ssmPhone,
    link: `${publicUrl()}/survey/${token}`,
    expiresAt,
  });
  return emailToFiler(row, "survey", "satisfaction_survey", email);
}

export type SurveyView = { state: "open"; language: Language } | { state: "expired_or_used" };

/** Whether a survey link can still be answered, and in which language it was sent. */
export async function surveyView(input: { db: DB; token: string; now: Date }): Promise<SurveyView> {
  const invitation = await findUsableSurveyInvitation(input.db, hashToken(input.token), input.now.toISOString());
  return invitation ? { state: "open", language: invitation.language } : { state: "expired_or_used" };
}

export type AnswerSurveyResult = { ok: true } | { ok: false; reason: "expired_or_used" };

/**
 * Records one answer per invitation: the invitation is marked used and the answer stored in the
 * same transaction, and the answer keeps only the SSM and the quarter, so it cannot be traced
 * back to the case. Of two submissions at once, only the first is kept.
 */
export async function answerSurvey(input: {
  db: DB;
  token: string;
  /** `contact`: the filer ticked "you may contact me about this" (absent means no). */
  answers: Omit<SurveyInput, "contact"> & { contact?: boolean };
  now: Date;
}): Promise<AnswerSurveyResult> {
  const tokenHash = hashToken(input.token);
  return writeTransaction(input.db, async (trx): Promise<AnswerSurveyResult> => {
    const invitation = await findUsableSurveyInvitation(trx, tokenHash, input.now.toISOString());
    if (!invitation || !(await markSurveyInvitationUsed(trx, invitation.id)))
      return { ok: false, reason: "expired_or_used" };
    const { clear, fair, timely, comment } = input.answers;
    await insertSurveyResponse(trx, {
      areaSlug: invitation.areaSlug,
      quarter: invitation.quarter,
      answers: { clear, fair, timely, comment },
    });
    // A low rating on fairness or timeliness is a manager's task (#20); it names the case only when
    // the filer said they may be contacted, so the answer stays anonymous otherwise.
    if (needsManagerReview({ fair, timely })) {
      await insertSurveyReviewTask(trx, {
        areaSlug: invitation.areaSlug,
        quarter: invitation.quarter,
        fair,
        timely,
        caseId: input.answers.contact ? await surveyInvitationCaseId(trx, invitation.id) : null,
      });
    }
    return { ok: true };
  });
}

/**
 * The open review tasks low survey answers raised (#20), for a manager of the SSM (who signs its
 * quarterly report): the quarter and the ratings, and the case only where the filer agreed to be
 * contacted. Empty for anyone else.
 */
export async function openSurveyReviews(input: { db: DB; user: SessionUser }): Promise<SurveyReviewTaskRow[]> {
  const actor = await actorOf(input.db, input.user);
  const area = authorize(actor, "report.submit") ? ownArea(actor) : null;
  return area ? listOpenSurveyReviewTasks(input.db, area) : [];
}

/**
 * A manager of the SSM marks a review task done (#20), audited with who and when. Not found for
 * anyone else, for another SSM's task, and for one already done.
 */
export async function markSurveyReviewDone(input: {
  db: DB;
  user: SessionUser;
  taskId: number;
  now: Date;
}): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  const actor = await actorOf(input.db, input.user);
  const area = authorize(actor, "report.submit") ? ownArea(actor) : null;
  if (!area) return { ok: false, reason: "not_found" };
  const at = input.now.toISOString();
  const done = await writeTransaction(input.db, async (trx) => {
    const quarter = await closeSurveyReviewTask(trx, {
      id: input.taskId,
      areaSlug: area,
      doneAt: at,
      doneBy: input.user.id,
    });
    if (quarter === null) return false;
    await appendAuditEntry(trx, {
      at,
      actorUserId: input.user.id,
      actorLabel: input.user.email,
      organizationId: input.user.organization_id,
      action: "survey_review.done",
      targetType: "survey_review_task",
      targetId: String(input.taskId),
      details: { taskId: input.taskId, quarter },
    });
    return true;
  });
  return done ? { ok: true } : { ok: false, reason: "not_found" };
}
