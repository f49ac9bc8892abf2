import type { DB } from "../../db/client";
import type { StoredClock } from "../../db/repositories/case-clocks";
import type { OutgoingEmail } from "../../db/repositories/email-outbox";
import type { CaseRow } from "../../db/schema";
import {
  acknowledgedEmail,
  deadlineExtendedEmail,
  decisionEmail,
  escalatedEmail,
  informationRequestEmail,
  providerStageEmail,
  mergedEmail,
  publicReplyEmail,
  referredToMinistryEmail,
} from "../../emails/case-emails";
import type { Notice, Transition } from "../domain/case-lifecycle";
import { clockMetByDelivery } from "../domain/case-lifecycle-delivery";
import { callInsteadOfEmail } from "../domain/case-lifecycle-staff";
import type { ActorKind } from "../domain/vocabulary";
import { caseChangeOf, lifecycleInput, type CaseChange, type CaseContext } from "./case-records.server";
import type { AreaWithSsm } from "../../db/repositories/areas";
import {
  emailToFiler,
  escalationNoticesToManagers,
  filerEmailBasics,
  newMessageToAssignee,
  overdueAlertsToManagers,
  type ManagersOf,
} from "./case-notifications.server";
import { surveyInvitationFor } from "./satisfaction-survey.server";

/**
 * Turns the notices a lifecycle transition asks for into outbox rows, in each recipient's
 * language. `key` names the occasion (e.g. the case version the change makes), so the same notice
 * is never queued twice; escalations and breaches carry keys of their own (their level, the clock).
 */
export async function noticeEmails(input: {
  trx: DB;
  row: CaseRow;
  area: AreaWithSsm;
  notices: readonly Notice<StoredClock>[];
  key: string;
  now: Date;
  managersOf?: ManagersOf;
}): Promise<OutgoingEmail[]> {
  const { trx, row, area, key } = input;
  const basics = filerEmailBasics(row, area);
  const emails: OutgoingEmail[] = [];
  for (const n of input.notices) {
    switch (n.kind) {
      case "acknowledged":
        emails.push(
          ...emailToFiler(
            row,
            `${key}:acknowledge`,
            "acknowledged",
            acknowledgedEmail({ ...basics, firstResponseDueAt: n.firstResponseDueAt }),
          ).map((email) => ({ ...email, meetsClock: clockMetByDelivery(n) })),
        );
        break;
      case "public_reply":
        emails.push(
          ...emailToFiler(row, `${key}:reply`, "public_reply", publicReplyEmail({ ...basics, message: n.message })),
        );
        break;
      case "information_request":
        emails.push(
          ...emailToFiler(
            row,
            `${key}:request_info`,
            "information_request",
            informationRequestEmail({ ...basics, message: n.message }),
          ),
        );
        break;
      case "decision":
        emails.push(
          ...emailToFiler(
            row,
            `${key}:decide`,
            "decision",
            decisionEmail({
              ...basics,
              outcome: n.outcome,
              reasons: n.reasons,
              recourseDeadlineAt: n.recourseDeadlineAt,
            }),
          ),
        );
        break;
      case "escalated":
        emails.push(
          ...emailToFiler(
            row,
            `escalated:${n.level}`,
            "escalated",
            escalatedEmail({
              ...basics,
              level: n.level,
              cause: n.cause,
              decisionDueAt: n.decisionDueAt,
            }),
          ),
        );
        break;
      case "referred_to_ministry":
        emails.push(
          ...emailToFiler(row, `referred:${n.level}`, "referred_to_ministry", referredToMinistryEmail(basics)),
        );
        break;
      case "provider_stage":
        emails.push(
          ...emailToFiler(
            row,
            `${key}:provider_stage:${n.step}`,
            `provider_stage_${n.step}`,
            providerStageEmail({ ...basics, step: n.step, dueAt: n.dueAt }),
          ),
        );
        break;
      case "deadline_extended":
        emails.push(
          ...emailToFiler(
            row,
            `${key}:extended`,
            "deadline_extended",
            deadlineExtendedEmail({ ...basics, businessDays: n.businessDays, dueAt: n.dueAt, reason: n.reason }),
          ),
        );
        break;
      case "merged":
        emails.push(...emailToFiler(row, "merged", "merged", mergedEmail(basics)));
        break;
      case "survey_invitation":
        // Written through `trx`, so the invitation is kept only if the change is (issue #6).
        emails.push(...(await surveyInvitationFor(trx, row, input.now)));
        break;
      case "escalation_notice":
        emails.push(...(await escalationNoticesToManagers(trx, row, area, n.level, n.cause, input.managersOf)));
        break;
      case "overdue_alert":
        emails.push(...(await overdueAlertsToManagers(trx, row, area, n.clock, input.managersOf)));
        break;
      case "new_message":
        emails.push(...(await newMessageToAssignee(trx, row, `${key}:new_message`, n)));
        break;
    }
  }
  return emails;
}

/**
 * A lifecycle change made ready to commit: without email, what would go to the filer becomes a
 * call task (issue #18); the rest becomes outbox rows keyed to the version the change makes.
 */
export async function changeWithNotices(input: {
  trx: DB;
  row: CaseRow;
  context: CaseContext;
  change: Transition<StoredClock>;
  actor: { kind: ActorKind; userId: number | null };
  now: Date;
  managersOf?: ManagersOf;
}): Promise<CaseChange> {
  const { trx, row, context, now } = input;
  const transition = callInsteadOfEmail(lifecycleInput(row, context, now), input.change);
  const emails = await noticeEmails({
    trx,
    row,
    area: context.area,
    notices: transition.notices,
    key: `v${row.version + 1}`,
    now,
    managersOf: input.managersOf,
  });
  return caseChangeOf(transition, input.actor, emails);
}
