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
import { DataTable } from "../components/data-table";

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
      <h1 id="disputes-title">{t("disputes.title", { org: nameIn(provider, language) })}</h1>
      <p>{t("disputes.intro")}</p>
      <p>
        <Link className="button" to="/disputes/new">
          {t("disputes.new")}
        </Link>
      </p>
      <DataTable
        labelledBy="disputes-title"
        empty={t("disputes.empty")}
        rows={disputes}
        rowKey={(d) => d.reference}
        columns={[
          {
            id: "reference",
            header: t("cases.col.reference"),
            rowHeader: true,
            cell: (d) => <Link to={`/disputes/${d.reference}`}>{d.reference}</Link>,
          },
          {
            id: "category",
            header: t("disputes.col.category"),
            cell: (d) => (d.category ? codeText(t, "category", d.category) : "—"),
          },
          { id: "status", header: t("cases.col.status"), cell: (d) => t(`caseStatus.${d.status}`) },
          { id: "level", header: t("cases.col.level"), cell: (d) => d.level },
          {
            id: "received",
            header: t("cases.col.received"),
            cell: (d) => (
              <time dateTime={d.received_at} suppressHydrationWarning>
                {formatDate(d.received_at, language)}
              </time>
            ),
          },
        ]}
      />
    </>
  );
}
