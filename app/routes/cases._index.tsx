import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { staffQueue } from "../services/case-queue.server";
import { getDb } from "../utils/db.server";
import { formatDate, formatDateTime } from "../utils/format-date";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requireUser } from "../utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "cases.title", { org: data?.organization.name_en ?? "" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["ssm_staff", "ssm_manager"]);
  const queue = await staffQueue({ db: getDb(), user });
  if (!queue) throw notFound();
  return queue;
}

export default function CaseQueue() {
  const { organization, rows, timeZone } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("cases.title", { org: language === "fr" ? organization.name_fr : organization.name_en })}</h1>
      {rows.length === 0 ? (
        <p>{t("cases.empty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("nav.cases")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("cases.col.reference")}</th>
                <th scope="col">{t("cases.col.nextDue")}</th>
                <th scope="col">{t("cases.col.status")}</th>
                <th scope="col">{t("cases.col.level")}</th>
                <th scope="col">{t("cases.col.provider")}</th>
                <th scope="col">{t("cases.col.received")}</th>
                <th scope="col">{t("cases.col.assignee")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                return (
                  <tr key={r.reference} className={r.overdue ? "row--overdue" : undefined}>
                    <th scope="row">
                      <Link to={`/cases/${r.reference}`}>{r.reference}</Link>
                    </th>
                    <td>
                      {r.next_due_at ? (
                        <time dateTime={r.next_due_at} suppressHydrationWarning>
                          {formatDateTime(r.next_due_at, language, timeZone)}
                        </time>
                      ) : (
                        "—"
                      )}
                      {r.overdue ? <strong className="badge badge--overdue"> {t("cases.overdue")}</strong> : null}
                      {r.dueSoon ? <strong className="badge badge--soon"> {t("cases.dueSoon")}</strong> : null}
                    </td>
                    <td>{t(`caseStatus.${r.status}`)}</td>
                    <td>{r.level}</td>
                    <td>{(language === "fr" ? r.respondent_name_fr : r.respondent_name_en) ?? t("case.providerUnknown")}</td>
                    <td>
                      <time dateTime={r.received_at} suppressHydrationWarning>
                        {formatDate(r.received_at, language)}
                      </time>
                    </td>
                    <td>{r.assignee_name ?? t("cases.unassigned")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
