import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartWithTable } from "../components/charts/chart-with-table";
import { VolumeChart } from "../components/volume-chart";
import { ON_TIME_TARGET } from "../domain/report-figures";
import { useLanguage, useT } from "../hooks/use-translation";
import { areaReportsView } from "../services/report-pages.server";
import { env } from "../utils/env.server";
import { formatDate } from "../utils/format-date";
import { formatShare } from "../utils/format-figures";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { localized } from "../i18n/localized";
import { DataTable } from "../components/data-table";
import { quarterName, quarterShortName } from "../i18n/quarter-name";
import { ReportPrintHeader, reportStyles } from "../components/report-print";

export const links = reportStyles;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.area.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, ["report.read_province", "report.read"]);
  const config = env();
  const view = await areaReportsView({
    db: context.db,
    user,
    areaSlug: params.area ?? "",
    settings: { threshold: config.SUPPRESSION_THRESHOLD, dueDays: config.REPORT_DUE_DAYS },
    now: new Date(),
  });
  if (!view) throw notFound();
  return view;
}

export default function AreaReportsPage() {
  const view = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const ssm = localized(view.area, "ssm", language);
  const decisionShare = (f: (typeof view.trend)[number]["figures"]) =>
    f?.clocks.find((c) => c.kind === "decision" && c.level === 1)?.onTimeShare ?? null;
  return (
    <>
      {view.kind === "ministry" ? (
        <p className="breadcrumb">
          <Link to="/reports">{t("reports.area.backToAll")}</Link>
        </p>
      ) : null}
      <ReportPrintHeader title={t("reports.area.heading", { ssm })} />
      <h1>{t("reports.area.heading", { ssm })}</h1>
      <p className="lead">
        {view.kind === "ssm"
          ? t("reports.area.introSsm")
          : t("reports.area.introMinistry", { threshold: view.threshold })}
      </p>
      <DataTable
        caption={t("reports.area.quarters")}
        testId="quarter-list"
        rows={view.quarters}
        rowKey={(q) => q.quarter}
        columns={[
          {
            id: "quarter",
            header: t("reports.chart.quarter"),
            rowHeader: true,
            cell: (q) =>
              view.kind === "ssm" || q.version > 0 ? (
                <Link to={`/reports/${view.area.slug}/${q.quarter}`}>{quarterName(q.quarter, language)}</Link>
              ) : (
                quarterName(q.quarter, language)
              ),
          },
          {
            id: "status",
            header: t("reports.area.col.status"),
            cell: (q) =>
              q.version > 0
                ? t("reports.area.submitted", { version: q.version, date: formatDate(q.submittedAt!, language) })
                : !q.ended
                  ? t("reports.area.inProgress")
                  : q.late
                    ? t("reports.area.late")
                    : t("reports.area.draft"),
          },
          { id: "due", header: t("reports.area.col.due"), cell: (q) => formatDate(q.dueAt, language) },
        ]}
      />
      <VolumeChart
        kind="bar"
        title={t("reports.area.chart.volume", { ssm })}
        trend={view.trend}
        threshold={view.threshold}
      />
      <ChartWithTable
        kind="line"
        title={t("reports.area.chart.onTime")}
        description={t("reports.area.chart.onTime.description", { target: formatShare(ON_TIME_TARGET, language) })}
        categoryHeader={t("reports.chart.quarter")}
        categories={view.trend.map((p) => quarterName(p.quarter, language))}
        axisLabels={view.trend.map((p) => quarterShortName(p.quarter, language))}
        series={[
          { name: ssm, values: view.trend.map((p) => decisionShare(p.figures)) },
          { name: t("reports.ministry.province"), values: view.province.map((p) => decisionShare(p.figures)) },
        ]}
        reference={{
          value: ON_TIME_TARGET,
          label: t("reports.chart.target", { target: formatShare(ON_TIME_TARGET, language) }),
        }}
        format="percent"
        language={language}
        noDataText={t("reports.chart.noData")}
        emptyText={t("figures.tooFew")}
      />
      <p className="no-print">
        <a href={`/reports/export.csv?view=trend&area=${view.area.slug}`} download>
          {t("reports.csv.areaTrend")}
        </a>
      </p>
    </>
  );
}
