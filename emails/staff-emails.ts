import type { EscalationCause } from "../app/domain/escalation";
import type { Language } from "../app/domain/vocabulary";
import { codeText, translator } from "../app/i18n";
import { formatDateTime } from "../app/utils/format-date";
import { renderEmail, type RenderedEmail } from "./layout";

// Emails to SSM staff: the case reference and a link, never the filer's personal information, so a
// forwarded or misdirected alert discloses nothing about the person.

interface StaffCommon {
  language: Language;
  staffName: string;
  reference: string;
  caseLink: string;
}

function staffFrame(input: StaffCommon, subject: string, body: string): RenderedEmail {
  const t = translator(input.language);
  return renderEmail(input.language, subject, [
    t("email.staff.greeting", { name: input.staffName }),
    body,
    t("email.staff.link", { link: input.caseLink }),
  ]);
}

function clockLabel(language: Language, kind: string, level: number): string {
  const t = translator(language);
  return kind === "decision" ? t("clock.decision", { level }) : codeText(t, "clock", kind);
}

type ClockEmailInput = StaffCommon & { clockKind: string; level: number; dueAt: string };

/** About one clock: "overdue" to managers once it is missed, "reminder" to the assignee the day before. */
function clockEmail(which: "overdue" | "reminder", input: ClockEmailInput): RenderedEmail {
  const t = translator(input.language);
  const clock = clockLabel(input.language, input.clockKind, input.level);
  return staffFrame(
    input,
    t(`email.${which}.subject`, { clock, reference: input.reference }),
    t(`email.${which}.body`, { clock, reference: input.reference, date: formatDateTime(input.dueAt, input.language) }),
  );
}

export function overdueAlertEmail(input: ClockEmailInput): RenderedEmail {
  return clockEmail("overdue", input);
}

export function dueSoonReminderEmail(input: ClockEmailInput): RenderedEmail {
  return clockEmail("reminder", input);
}

export function escalationNoticeEmail(input: StaffCommon & { level: number; cause: EscalationCause }): RenderedEmail {
  const t = translator(input.language);
  return staffFrame(
    input,
    t("email.escalatedStaff.subject", { reference: input.reference, level: input.level }),
    t("email.escalatedStaff.body", {
      reference: input.reference,
      levelName: codeText(t, "level", input.level),
      cause: t(`escalationCause.${input.cause}`),
    }),
  );
}

/** A message from the filer on a case assigned to the reader (#20): where it came from, not what it says. */
export function newMessageEmail(input: StaffCommon & { via: "portal" | "email"; afterClose: boolean }): RenderedEmail {
  const t = translator(input.language);
  return staffFrame(
    input,
    t("email.newMessage.subject", { reference: input.reference }),
    [
      t(input.via === "email" ? "email.newMessage.byEmail" : "email.newMessage.onPortal", {
        reference: input.reference,
      }),
      ...(input.afterClose ? [t("email.newMessage.afterClose")] : []),
    ].join(" "),
  );
}
