import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ChartWithTable } from "../components/charts/chart-with-table";
import { VolumeChart } from "../components/volume-chart";
import { ON_TIME_TARGET } from "../domain/report-figures";
import type { ShownCount, ShownFigures } from "../domain/report-suppression";
import { useLanguage, useT } from "../hooks/use-translation";
import {
  lastClosedQuarterId,
  quarterComparison,
  quarterTrend,
  quartersEndingWith,
} from "../services/quarter-reports.server";
import { ownArea } from "../domain/access";
import { authorize } from "../services/access.server";
import { env } from "../utils/env.server";
import { formatDate, formatDateTime } from "../utils/format-date";
import { formatCount, formatShare } from "../utils/format-figures";
import { comparisonCellText } from "../utils/report-comparison-cells";
import { COMPARISON_COLUMNS } from "../domain/report-comparison";
import { FigureKey, ReportPrintHeader, reportStyles } from "../components/report-print";
import { pageTitle } from "../utils/meta";
import { nameIn } from "../i18n/localized";
import { requirePermission } from "../auth/require-permission.server";
import { quarterIdSchema } from "../forms/reports-index.server";
import { quarterName } from "../i18n/quarter-name";

export const links = reportStyles;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, ["report.read_province", "report.read"]);
  const db = context.db;
  // An SSM's people work on their own reports; the comparison of every SSM is the ministry's.
  if (!authorize(actor, "report.read_province")) {
    const area = ownArea(actor);
    throw redirect(area ? `/reports/${area}` : "/");
  }
  const config = env();
  const now = new Date();
  const latestClosed = lastClosedQuarterId(now);
  const choices = quartersEndingWith(latestClosed, 8).reverse();
  const asked = quarterIdSchema.safeParse(new URL(request.url).searchParams.get("quarter") ?? latestClosed);
  const quarter = asked.success && choices.includes(asked.data) ? asked.data : latestClosed;
  const [comparison, trend] = await Promise.all([
    quarterComparison(db, quarter, config.SUPPRESSION_THRESHOLD, config.REPORT_DUE_DAYS, now),
    quarterTrend(db, null, quartersEndingWith(latestClosed, 8), config.SUPPRESSION_THRESHOLD),
  ]);
  return { ...comparison, choices, trend, threshold: config.SUPPRESSION_THRESHOLD, now: now.toISOString() };
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

const asNumber = (c: ShownCount | undefined) => (typeof c === "number" ? c : null);
const acknowledgeOf = (f: ShownFigures) => f.clocks.find((c) => c.kind === "acknowledge");
const decisionOf = (f: ShownFigures, level: number) => f.clocks.find((c) => c.kind === "decision" && c.level === level);
const levelCount = (rows: ShownFigures["escalations"]["byLevel"], level: number): ShownCount =>
  rows.find((r) => r.key === String(level))?.count ?? 0;

export default function ReportsPage() {
  const view = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const submitted = view.rows.filter((r) => r.report !== null);
  const missing = view.rows.filter((r) => r.report === null);
  // Several SSMs serve more than one area: the area names the row, the SSM follows.
  const ssmName = (r: Loaded["rows"][number]) => `${nameIn(r.area, language)} (${nameIn(r.area.ssm, language)})`;
  const count = (c: ShownCount | undefined) => formatCount(c ?? 0, view.threshold, language);
  const quarterLabel = quarterName(view.quarter, language);
  return (
    <div className="report-wide">
      <ReportPrintHeader title={t("reports.print.header.comparison", { quarter: quarterLabel })} />
      <h1>{t("reports.title")}</h1>
      <p className="lead">{t("reports.ministry.intro", { threshold: view.threshold, below: view.threshold - 1 })}</p>
      <Form method="get" className="inline-form no-print">
        <label htmlFor="quarter">{t("reports.ministry.quarter")}</label>
        <select id="quarter" name="quarter" defaultValue={view.quarter}>
          {view.choices.map((q) => (
            <option key={q} value={q}>
              {quarterName(q, language)}
            </option>
          ))}
        </select>
        <button type="submit">{t("reports.ministry.show")}</button>
      </Form>

      <h2>{t("reports.ministry.statusHeading", { quarter: quarterLabel })}</h2>
      <p data-testid="submitted-count">
        {t("reports.ministry.submittedCount", {
          submitted: view.submitted,
          expected: view.expected,
          date: formatDate(view.rows[0]?.dueAt ?? view.now, language),
        })}
      </p>
      {missing.length ? (
        <>
          <h3>{t("reports.ministry.missingHeading")}</h3>
          <ul data-testid="missing-list">
            {missing.map((r) => (
              <li key={r.area.slug}>
                {ssmName(r)} {r.late ? <strong className="tag tag--late">{t("reports.ministry.late")}</strong> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {submitted.length ? (
        <div className="table-scroll comparison-scroll" tabIndex={0} role="region" aria-labelledby="comparison-caption">
          <table className="data-table comparison-table" data-testid="comparison-table">
            <caption id="comparison-caption">{t("reports.ministry.tableCaption", { quarter: quarterLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.col.ssm")}</th>
                {COMPARISON_COLUMNS.map((c) => (
                  <th scope="col" className="num" key={c.id}>
                    {t(c.header)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {submitted.map((r) => {
                const f = r.report!.figures;
                return (
                  <tr key={r.area.slug} data-testid={`row-${r.area.slug}`}>
                    <th scope="row">
                      <Link to={`/reports/${r.area.slug}/${view.quarter}`}>{ssmName(r)}</Link>
                      {r.report!.version > 1 ? (
                        <span className="hint"> {t("reports.ministry.amended", { version: r.report!.version })}</span>
                      ) : null}
                    </th>
                    <FigureCells f={f} threshold={view.threshold} />
                  </tr>
                );
              })}
            </tbody>
            {view.province ? (
              <tfoot>
                <tr>
                  <th scope="row">{t("reports.ministry.province")}</th>
                  <FigureCells f={view.province} threshold={view.threshold} province />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      ) : (
        <p>{t("reports.ministry.noneSubmitted")}</p>
      )}
      {submitted.length ? <FigureKey threshold={view.threshold} /> : null}

      {submitted.length ? (
        <>
          <ChartWithTable
            kind="hbar"
            title={t("reports.chart.onTime.title", { quarter: quarterLabel })}
            description={t("reports.chart.onTime.description", { target: formatShare(ON_TIME_TARGET, language) })}
            categoryHeader={t("reports.col.ssm")}
            categories={submitted.map(ssmName)}
            series={[
              {
                name: t("reports.col.ackOnTime"),
                values: submitted.map((r) => acknowledgeOf(r.report!.figures)?.onTimeShare ?? null),
              },
              {
                name: t("reports.col.decisionOnTime"),
                values: submitted.map((r) => decisionOf(r.report!.figures, 1)?.onTimeShare ?? null),
              },
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
          <ChartWithTable
            kind="hbar"
            title={t("reports.chart.escalations.title", { quarter: quarterLabel })}
            description={t("reports.chart.escalations.description")}
            categoryHeader={t("reports.col.ssm")}
            categories={submitted.map(ssmName)}
            series={[2, 3, 4].map((level) => ({
              name: t("reports.chart.toLevel", { level }),
              values: submitted.map((r) => asNumber(levelCount(r.report!.figures.escalations.byLevel, level))),
            }))}
            format="count"
            language={language}
            noDataText={t("reports.chart.noData")}
            emptyText={t("figures.hidden")}
            renderCell={(_, s, c) => count(levelCount(submitted[c]!.report!.figures.escalations.byLevel, s + 2))}
          />
        </>
      ) : null}
      <VolumeChart kind="line" title={t("reports.chart.volume.title")} trend={view.trend} threshold={view.threshold} />

      <section aria-labelledby="downloads-heading" className="no-print">
        <h2 id="downloads-heading">{t("reports.downloads")}</h2>
        <ul>
          <li>
            <a href={`/reports/export.csv?view=table&quarter=${view.quarter}`} download>
              {t("reports.csv.table", { quarter: quarterLabel })}
            </a>
          </li>
          <li>
            <a href={`/reports/export.csv?view=comparison&quarter=${view.quarter}`} download>
              {t("reports.csv.comparison", { quarter: quarterLabel })}
            </a>
          </li>
          <li>
            <a href="/reports/export.csv?view=trend" download>
              {t("reports.csv.provinceTrend")}
            </a>
          </li>
          <li>
            <a href="/reports/export.csv?view=all" download>
              {t("reports.csv.all")}
            </a>
          </li>
        </ul>
        <p className="hint">{t("reports.ministry.updated", { date: formatDateTime(view.now, language) })}</p>
      </section>
    </div>
  );
}

function FigureCells({ f, threshold, province }: { f: ShownFigures; threshold: number; province?: boolean }) {
  const language = useLanguage();
  return (
    <>
      {COMPARISON_COLUMNS.map((c) => (
        <td className="num" key={c.id}>
          {comparisonCellText(c, f, { threshold, language, province: province ?? false })}
        </td>
      ))}
    </>
  );
}
