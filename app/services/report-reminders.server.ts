import type { DB } from "../../db/client";
import { listAreasWithSsm } from "../../db/repositories/areas";
import { enqueueEmail } from "../../db/repositories/email-outbox";
import { latestVersionNumber } from "../../db/repositories/quarter-reports";
import { listActiveUsersWithRoles } from "../../db/repositories/users";
import { rolesWith } from "../domain/access";
import { reportReminderEmail } from "../../emails/report-emails";
import { lastClosedQuarterId, reportDueAt, reportLink } from "./quarter-reports.server";
import { nameIn } from "../i18n/localized";

/**
 * Reminds each SSM's managers about the quarter that closed most recently, while its report is
 * not submitted: once when the quarter has closed, once more when the report is late. Each email's
 * dedupe key names the SSM, quarter, occasion and manager, so running this every minute, from
 * several processes, sends each reminder once.
 */
export async function sendReportReminders(input: { db: DB; now: Date; dueDays: number }): Promise<number> {
  const quarter = lastClosedQuarterId(input.now);
  const dueAt = reportDueAt(quarter, input.dueDays);
  const occasions: ("closed" | "late")[] = input.now.getTime() > dueAt.getTime() ? ["closed", "late"] : ["closed"];
  let queued = 0;
  for (const area of await listAreasWithSsm(input.db)) {
    if ((await latestVersionNumber(input.db, area.slug, quarter)) > 0) continue;
    for (const manager of await listActiveUsersWithRoles(input.db, area.ssm.id, rolesWith("report.submit"))) {
      for (const which of occasions) {
        const email = reportReminderEmail({
          language: manager.language,
          name: manager.display_name,
          which,
          ssmName: nameIn(area.ssm, manager.language),
          quarter,
          dueAt: dueAt.toISOString(),
          link: reportLink(area.slug, quarter),
        });
        await enqueueEmail(
          input.db,
          {
            dedupeKey: `report:${area.slug}:${quarter}:${which}:user:${manager.id}`,
            caseId: null,
            recipient: manager.email,
            language: manager.language,
            template: `report_${which}`,
            ...email,
          },
          input.now.toISOString(),
        );
        queued += 1;
      }
    }
  }
  return queued;
}
