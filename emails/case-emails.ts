import type { Language } from "../db/schema";
import { translator, type MessageKey } from "../app/i18n";
import { formatDateTime, formatLongDate } from "../app/utils/format-date";
import { renderEmail, type RenderedEmail } from "./layout";

interface Common {
  language: Language;
  filerName: string;
  reference: string;
  ssmName: string;
  statusLink: string;
}

function frame(common: Common, subjectKey: MessageKey, middle: string[]): RenderedEmail {
  const t = translator(common.language);
  return renderEmail(common.language, t(subjectKey, { reference: common.reference }), [
    t("email.greeting", { name: common.filerName }),
    ...middle,
    t("email.signoff", { ssm: common.ssmName }),
    t("email.footer"),
  ]);
}

export function acknowledgementEmail(
  input: Common & { receivedAt: string; acknowledgeDays: number; firstResponseDueAt: string; accommodationNeeded: boolean },
): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.ack.subject", [
    t("email.ack.body", {
      date: formatDateTime(input.receivedAt, input.language),
      reference: input.reference,
      ackDays: input.acknowledgeDays,
      firstDue: formatLongDate(input.firstResponseDueAt, input.language),
    }),
    t("email.ack.follow", { link: input.statusLink }),
    ...(input.accommodationNeeded ? [t("email.ack.accommodation")] : []),
  ]);
}

export function publicReplyEmail(input: Common & { message: string }): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.reply.subject", [
    t("email.reply.body", { ssm: input.ssmName, reference: input.reference }),
    input.message,
    t("email.ack.follow", { link: input.statusLink }),
  ]);
}

export function decisionEmail(
  input: Common & { outcomeLabel: string; reasons: string; recourseWindowDays: number },
): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.decision.subject", [
    t("email.decision.body", { ssm: input.ssmName, reference: input.reference, outcome: input.outcomeLabel }),
    `${t("email.decision.reasons")}\n${input.reasons}`,
    t("email.decision.recourse", { n: input.recourseWindowDays, link: input.statusLink }),
  ]);
}
