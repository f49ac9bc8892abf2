import type { Language } from "../app/domain/vocabulary";
import { translator } from "../app/i18n";
import { formatDateTime } from "../app/utils/format-date";
import { ssmContactLine } from "./case-emails";
import { renderEmail, type RenderedEmail } from "./layout";

/**
 * The invitation to the satisfaction survey, sent once when a case closes, in the filer's
 * language. It names the case by its reference only: nothing of the complaint or the decision.
 * The link holds the only copy of the token (its hash is stored), so it cannot be sent again.
 */
export function surveyInvitationEmail(input: {
  language: Language;
  filerName: string;
  reference: string;
  ssmName: string;
  ssmPhone: string | null;
  link: string;
  expiresAt: string;
}): RenderedEmail {
  const t = translator(input.language);
  return renderEmail(input.language, t("email.survey.subject", { reference: input.reference }), [
    t("email.greeting", { name: input.filerName }),
    t("email.survey.body", { ssm: input.ssmName, reference: input.reference }),
    t("email.survey.questions"),
    t("email.survey.anonymous"),
    t("email.survey.action", { link: input.link, date: formatDateTime(input.expiresAt, input.language) }),
    t("email.survey.once"),
    t("email.signoff", { ssm: input.ssmName }),
    ssmContactLine(input.language, input.ssmName, input.ssmPhone),
    t("email.survey.footer"),
  ]);
}
