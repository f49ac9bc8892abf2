import type { DB } from "../../db/client";
import type { OutgoingEmail } from "../../db/repositories/email-outbox";
import { findUserById, listActiveUsersWithRoles } from "../../db/repositories/users";
import { rolesWith } from "../domain/access";
import type { CaseRow, Language } from "../../db/schema";
import type { RenderedEmail } from "../../emails/layout";
import { escalationNoticeEmail, newMessageEmail, overdueAlertEmail } from "../../emails/staff-emails";
import type { EscalationCause } from "../domain/escalation";
import type { AreaWithSsm } from "../../db/repositories/areas";
import { publicUrl, repliesReachCases } from "../utils/env.server";
import type { StoredClock } from "../../db/repositories/case-clocks";
import { nameIn } from "../i18n/localized";

export function statusLink(reference: string): string {
  return `${publicUrl()}/status?reference=${encodeURIComponent(reference)}`;
}

/** Where the filer follows a case: providers sign in to their disputes page, clients use /status. */
export function followLink(row: Pick<CaseRow, "kind" | "reference">): string {
  return row.kind === "provider_dispute"
    ? `${publicUrl()}/disputes/${encodeURIComponent(row.reference)}`
    : statusLink(row.reference);
}

export function caseLink(reference: string): string {
  return `${publicUrl()}/cases/${encodeURIComponent(reference)}`;
}

/** What every email to the filer needs: their language, name, the SSM's name and the status link. */
export function filerEmailBasics(row: CaseRow, area: AreaWithSsm) {
  return {
    language: row.language,
    filerName: row.filer_name,
    reference: row.reference,
    ssmName: nameIn(area.ssm, row.language),
    statusLink: followLink(row),
    signedIn: row.kind === "provider_dispute",
    ssmPhone: area.ssm.contact_phone,
    replyable: repliesReachCases(),
  };
}

/**
 * An email to the filer, if they gave an address. `key` names the occasion; with the case id it
 * makes the outbox row unique, so the same occasion never sends twice.
 */
export function emailToFiler(row: CaseRow, key: string, template: string, email: RenderedEmail): OutgoingEmail[] {
  if (!row.filer_email) return [];
  return [
    {
      dedupeKey: `case:${row.id}:${key}`,
      caseId: row.id,
      recipient: row.filer_email,
      language: row.language,
      template,
      replyable: true,
      ...email,
    },
  ];
}

function staffEmail(
  row: CaseRow,
  key: string,
  template: string,
  to: { id: number; email: string; language: Language },
  email: RenderedEmail,
): OutgoingEmail {
  return {
    dedupeKey: `case:${row.id}:${key}:user:${to.id}`,
    caseId: row.id,
    recipient: to.email,
    language: to.language,
    template,
    ...email,
  };
}

export type Manager = Awaited<ReturnType<typeof listActiveUsersWithRoles>>[number];
/** Who gets an SSM's alerts; the sweep passes one that reads each SSM's once per commit group. */
export type ManagersOf = (trx: DB, ssmId: number) => Promise<Manager[]>;

// Alerts and escalation notices go to the SSM's people who may escalate by hand: they can act on them.
export const managersToAlert: ManagersOf = (trx, ssmId) =>
  listActiveUsersWithRoles(trx, ssmId, rolesWith("case.escalate"));

export async function overdueAlertsToManagers(
  trx: DB,
  row: CaseRow,
  area: AreaWithSsm,
  clock: StoredClock,
  managersOf: ManagersOf = managersToAlert,
): Promise<OutgoingEmail[]> {
  const managers = await managersOf(trx, area.ssm.id);
  return managers.map((m) =>
    staffEmail(
      row,
      `clock:${clock.id}:overdue`,
      "overdue_alert",
      m,
      overdueAlertEmail({
        language: m.language,
        staffName: m.display_name,
        reference: row.reference,
        caseLink: caseLink(row.reference),
        clockKind: clock.kind,
        level: clock.level,
        dueAt: clock.dueAt,
      }),
    ),
  );
}

export async function escalationNoticesToManagers(
  trx: DB,
  row: CaseRow,
  area: AreaWithSsm,
  level: number,
  cause: EscalationCause,
  managersOf: ManagersOf = managersToAlert,
): Promise<OutgoingEmail[]> {
  const managers = await managersOf(trx, area.ssm.id);
  return managers.map((m) =>
    staffEmail(
      row,
      `escalated:${level}`,
      "escalation_notice",
      m,
      escalationNoticeEmail({
        language: m.language,
        staffName: m.display_name,
        reference: row.reference,
        caseLink: caseLink(row.reference),
        level,
        cause,
      }),
    ),
  );
}

/** The assigned officer, told of a filer's message in their language; nobody if they left or were disabled. */
export async function newMessageToAssignee(
  trx: DB,
  row: CaseRow,
  key: string,
  notice: { assigneeId: number; via: "portal" | "email"; afterClose: boolean },
): Promise<OutgoingEmail[]> {
  const officer = await findUserById(trx, notice.assigneeId);
  if (!officer || officer.disabled_at !== null) return [];
  return [
    staffEmail(
      row,
      key,
      "new_message",
      officer,
      newMessageEmail({
        language: officer.language,
        staffName: officer.display_name,
        reference: row.reference,
        caseLink: caseLink(row.reference),
        via: notice.via,
        afterClose: notice.afterClose,
      }),
    ),
  ];
}

export { staffEmail };
