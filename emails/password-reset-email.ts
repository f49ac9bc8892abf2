import type { Language } from "../app/domain/vocabulary";
import { translator } from "../app/i18n";
import { formatDateTime } from "../app/utils/format-date";
import { renderEmail, type RenderedEmail } from "./layout";

/**
 * The link to choose a new password, in the account's language. The link holds the only copy of
 * the token (its hash is stored): it works once, for an hour, and cannot be sent again.
 */
export function passwordResetEmail(input: {
  language: Language;
  name: string;
  link: string;
  expiresAt: string;
}): RenderedEmail {
  const t = translator(input.language);
  return renderEmail(input.language, t("email.passwordReset.subject"), [
    t("email.staff.greeting", { name: input.name }),
    t("email.passwordReset.body"),
    t("email.passwordReset.action", { link: input.link, date: formatDateTime(input.expiresAt, input.language) }),
    t("email.passwordReset.ignore"),
  ]);
}
