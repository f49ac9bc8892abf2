import type { Language } from "../app/domain/vocabulary";
import { translator } from "../app/i18n";
import { formatDateTime } from "../app/utils/format-date";
import { renderEmail, type RenderedEmail } from "./layout";

/**
 * Tells the account's owner that its password was just changed through a reset link, so that a
 * change they did not make does not go unnoticed (ASVS 6.3.7). Holds no link and no secret.
 */
export function passwordChangedEmail(input: {
  language: Language;
  name: string;
  changedAt: string;
  signInLink: string;
}): RenderedEmail {
  const t = translator(input.language);
  return renderEmail(input.language, t("email.passwordChanged.subject"), [
    t("email.staff.greeting", { name: input.name }),
    t("email.passwordChanged.body", { date: formatDateTime(input.changedAt, input.language) }),
    t("email.passwordChanged.signIn", { link: input.signInLink }),
    t("email.passwordChanged.notYou"),
  ]);
}
