import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { complaintsAboutOwnProvider } from "../services/provider-stage.server";
import { formatDate } from "../utils/format-date";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "respond.title");

// The complaints about the provider user's own organization that the SSM referred to it (issue
// #17), apart from the disputes the provider raised itself (/disputes).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "complaint.respond");
  const complaints = await complaintsAboutOwnProvider({ db: context.db, user, now: new Date() });
  if (!complaints) throw notFound();
  return { complaints };
}

export default function RespondPage() {
  const { complaints } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("respond.title")}</h1>
      <p>{t("respond.intro")}</p>
      {complaints.length === 0 ? (
        <p>{t("respond.none")}</p>
      ) : (
        <table className="data-table" data-testid="respond-list">
          <thead>
            <tr>
              <th scope="col">{t("respond.col.reference")}</th>
              <th scope="col">{t("respond.program")}</th>
              <th scope="col">{t("respond.col.received")}</th>
              <th scope="col">{t("respond.col.stage")}</th>
              <th scope="col">{t("respond.col.answerBy")}</th>
            </tr>
          </thead>
          <tbody>
            {complaints.map((c) => (
              <tr key={c.reference} className={c.late ? "row--overdue" : undefined}>
                <th scope="row">
                  <Link to={`/respond/${c.reference}`}>{c.reference}</Link>
                </th>
                <td>{c.program ? codeText(t, "program", c.program) : "—"}</td>
                <td>
                  <time dateTime={c.receivedAt} suppressHydrationWarning>
                    {formatDate(c.receivedAt, language)}
                  </time>
                </td>
                <td>{t(`respond.step.${c.step}`)}</td>
                <td>
                  {c.answerBy ? (
                    <time dateTime={c.answerBy} suppressHydrationWarning>
                      {formatDate(c.answerBy, language)}
                    </time>
                  ) : (
                    "—"
                  )}
                  {c.late ? <> · {t("respond.late")}</> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
