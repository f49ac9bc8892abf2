import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { listProviderDisputes } from "../services/provider-disputes.server";
import { formatDate } from "../utils/format-date";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { nameIn } from "../i18n/localized";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.disputes");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "dispute.read");
  const list = await listProviderDisputes({ db: context.db, user });
  if (!list) throw notFound();
  return list;
}

export default function DisputesPage() {
  const { provider, disputes } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("disputes.title", { org: nameIn(provider, language) })}</h1>
      <p>{t("disputes.intro")}</p>
      <p>
        <Link className="button" to="/disputes/new">
          {t("disputes.new")}
        </Link>
      </p>
      {disputes.length === 0 ? (
        <p>{t("disputes.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("cases.col.reference")}</th>
              <th scope="col">{t("disputes.col.category")}</th>
              <th scope="col">{t("cases.col.status")}</th>
              <th scope="col">{t("cases.col.level")}</th>
              <th scope="col">{t("cases.col.received")}</th>
            </tr>
          </thead>
          <tbody>
            {disputes.map((d) => (
              <tr key={d.reference}>
                <th scope="row">
                  <Link to={`/disputes/${d.reference}`}>{d.reference}</Link>
                </th>
                <td>{d.category ? codeText(t, "category", d.category) : "—"}</td>
                <td>{t(`caseStatus.${d.status}`)}</td>
                <td>{d.level}</td>
                <td>
                  <time dateTime={d.received_at} suppressHydrationWarning>
                    {formatDate(d.received_at, language)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
