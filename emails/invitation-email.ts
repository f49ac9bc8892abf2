import type { Language } from "../app/domain/vocabulary";
import { translator } from "../app/i18n";
import { formatDateTime } from "../app/utils/format-date";
import { renderEmail, type RenderedEmail } from "./layout";

/**
 * The invitation to set a password, in the invitee's language. The link holds the only copy of the
 * token: it is never stored, so this email cannot be sent again, only replaced by a new invitation.
 */
export function invitationEmail(input: {
  language: Language;
  name: string;
  invitedBy: string;
  ssmName: string;
  organizationName: string;
  roleLabel: string;
  link: string;
  expiresAt: string;
}): RenderedEmail {
  const t = translator(input.language);
  return renderEmail(input.language, t("email.invitation.subject", { name: input.name }), [
    t("email.staff.greeting", { name: input.name }),
    t("email.invitation.body", {
      person: input.invitedBy,
      ssm: input.ssmName,
      role: input.roleLabel,
      organization: input.organizationName,
    }),
    t("email.invitation.action", { link: input.link, date: formatDateTime(input.expiresAt, input.language) }),
    t("email.invitation.ignore"),
  ]);
}
