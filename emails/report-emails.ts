import type { Language } from "../app/domain/vocabulary";
import type { ShownFigures } from "../app/domain/report-suppression";
import { translator } from "../app/i18n";
import { formatDate } from "../app/utils/format-date";
import { quarterName } from "../app/i18n/quarter-name";
import { formatCount, formatShare } from "../app/utils/format-figures";
import { renderEmail, type RenderedEmail } from "./layout";

// Emails about quarterly reports. Analysts get the headline figures as the ministry sees them
// (suppressed) and a link; never a name, a contact or the manager's free text.

interface Greeting {
  language: Language;
  name: string;
}

export function reportSubmittedEmail(
  input: Greeting & {
    ssmName: string;
    areaName: string;
    quarter: string;
    version: number;
    figures: ShownFigures;
    threshold: number;
    link: string;
  },
): RenderedEmail {
  const t = translator(input.language);
  const vars = {
    ssm: input.ssmName,
    area: input.areaName,
    // "fiscal 2026–27, Q2 (July–September 2026)", never the bare id "2026-Q2" (#19).
    quarter: quarterName(input.quarter, input.language),
    version: input.version,
  };
  const amended = input.version > 1;
  const f = input.figures;
  const count = (c: ShownFigures["received"]["total"]) => formatCount(c, input.threshold, input.language);
  const acknowledge = f.clocks.find((c) => c.kind === "acknowledge");
  return renderEmail(
    input.language,
    t(amended ? "email.report.amended.subject" : "email.report.submitted.subject", vars),
    [
      t("email.staff.greeting", { name: input.name }),
      t(amended ? "email.report.amended.body" : "email.report.submitted.body", vars),
      t("email.report.figures", {
        received: count(f.received.total),
        decided: count(f.decided.total),
        open: count(f.openAtEnd),
        ackShare: formatShare(acknowledge?.onTimeShare ?? null, input.language),
      }),
      t("email.report.suppression", { threshold: input.threshold }),
      t("email.report.link", { link: input.link }),
    ],
  );
}

/** To an SSM's managers: the quarter has closed (report due), or the due date has passed. */
export function reportReminderEmail(
  input: Greeting & { which: "closed" | "late"; ssmName: string; quarter: string; dueAt: string; link: string },
): RenderedEmail {
  const t = translator(input.language);
  const vars = {
    ssm: input.ssmName,
    quarter: quarterName(input.quarter, input.language),
    date: formatDate(input.dueAt, input.language),
  };
  return renderEmail(input.language, t(`email.report.${input.which}.subject`, vars), [
    t("email.staff.greeting", { name: input.name }),
    t(`email.report.${input.which}.body`, vars),
    t("email.report.open", { link: input.link }),
  ]);
}
