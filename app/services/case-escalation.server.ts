import type { DB } from "../../db/client";
import type { CaseRow } from "../../db/schema";
import { escalatedEmail, referredToMinistryEmail } from "../../emails/case-emails";
import { isOpen, isOutstanding, stopClock } from "../domain/case-clocks";
import { planEscalation, type EscalationCause } from "../domain/escalation";
import { translator, type MessageKey } from "../i18n";
import { emptyChange, type CaseChange, type CaseContext } from "./case-records.server";
import { emailToFiler, escalationNoticesToManagers, filerEmailBasics } from "./case-notifications.server";

/**
 * What moving a case up one level writes: the new level and its decision clock (or, at a referral
 * level, the end of every clock), a public timeline entry, and emails to the filer and to the
 * SSM's managers. Null when the case is already at the top of the ladder.
 */
export async function escalationChange(input: {
  trx: DB;
  row: CaseRow;
  context: CaseContext;
  cause: EscalationCause;
  actorUserId: number | null;
  now: Date;
}): Promise<CaseChange | null> {
  const { trx, row, context, cause, now } = input;
  const plan = planEscalation(context.policy.policy, row.level, now);
  if (!plan) return null;

  const change = emptyChange();
  // The level being left: its open decision clock ends here (a breached one was already marked).
  // At a referral the case leaves the SSM's hands: every clock still owed ends, a missed one included.
  const leaving = context.clocks.filter((c) => (plan.referral ? isOutstanding(c) : isOpen(c) && c.kind === "decision" && c.level === row.level));
  change.clockUpdates = leaving.map((stored) => ({ stored, next: stopClock(stored) }));
  change.events.push({
    type: "escalated",
    visibility: "public",
    actorKind: input.actorUserId ? "staff" : "system",
    actorUserId: input.actorUserId,
    data: { from: row.level, to: plan.level, cause },
    level: plan.level,
  });

  const basics = filerEmailBasics(row, context.area);
  const t = translator(row.language);
  if (plan.referral) {
    change.patch = { level: plan.level, status: "referred_to_ministry", recourse_deadline_at: null };
    change.events.push({ type: "referred_to_ministry", visibility: "public", actorKind: "system", actorUserId: null, level: plan.level });
    change.emails.push(...emailToFiler(row, `referred:${plan.level}`, "referred_to_ministry", referredToMinistryEmail(basics)));
  } else {
    // A review asked for after the case was closed opens it again.
    change.patch = { level: plan.level, status: "in_review", recourse_deadline_at: null, closed_at: null };
    change.newClocks.push(plan.decisionClock!);
    change.emails.push(
      ...emailToFiler(
        row,
        `escalated:${plan.level}`,
        "escalated",
        escalatedEmail({
          ...basics,
          levelLabel: t(`level.${plan.level}` as MessageKey),
          causeLabel: t(`escalationCause.${cause}`),
          decisionDueAt: plan.decisionClock!.dueAt,
        }),
      ),
    );
  }
  change.emails.push(...(await escalationNoticesToManagers(trx, row, context.area, plan.level, cause)));
  return change;
}
