import { useLanguage, useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { formatDateTime } from "../utils/format-date";

/**
 * Top of a staff case page when the person gave no email (issue #18): nothing reaches them by
 * email, so say so, and list the calls owed to them since the call task was raised.
 */
export function NoEmailBanner({
  callSince,
  callFor,
  timeZone,
}: {
  callSince: string | null;
  callFor: string[];
  timeZone: string;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="notice" aria-labelledby="no-email-title" data-testid="no-email">
      <h2 id="no-email-title">{t("case.noEmail.title")}</h2>
      <p>{t("case.noEmail.body")}</p>
      {callSince ? (
        <>
          <p>{t("case.noEmail.callOpen", { date: formatDateTime(callSince, language, timeZone) })}</p>
          <ul data-testid="call-for">
            {callFor.map((kind) => (
              <li key={kind}>{codeText(t, "callFor", kind)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
