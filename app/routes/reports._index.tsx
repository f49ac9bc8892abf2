import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { currentQuarterFigures } from "../services/quarter-figures.server";
import { getDb } from "../utils/db.server";
import { formatDate } from "../utils/format-date";
import { pageTitle } from "../utils/meta";
import { requireUser } from "../utils/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["ministry_analyst", "admin"]);
  return currentQuarterFigures({ db: getDb(), now: new Date() });
}

export default function ReportsPage() {
  const figures = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("reports.title")}</h1>
      <p className="lead">
        {t("reports.quarter", {
          quarter: figures.quarterId,
          start: formatDate(figures.start, language),
          end: formatDate(figures.lastDay, language),
        })}
      </p>
      <p>{t("reports.intro")}</p>
      <table className="data-table" aria-describedby="reports-caption">
        <caption id="reports-caption">{figures.quarterId}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.col.area")}</th>
            <th scope="col">{t("reports.col.ssm")}</th>
            <th scope="col" className="num">
              {t("reports.col.received")}
            </th>
            <th scope="col" className="num">
              {t("reports.col.decided")}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.rows.map((r) => (
            <tr key={r.areaSlug}>
              <th scope="row">{language === "fr" ? r.area_fr : r.area_en}</th>
              <td>{language === "fr" ? r.ssm_fr : r.ssm_en}</td>
              <td className="num">{r.received}</td>
              <td className="num">{r.decided}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("reports.total")}
            </th>
            <td className="num" data-testid="total-received">
              {figures.total.received}
            </td>
            <td className="num">{figures.total.decided}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
