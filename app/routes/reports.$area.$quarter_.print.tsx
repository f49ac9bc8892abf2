import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportFigures } from "../components/report-figures";
import { ReportNarrative } from "../components/report-versions";
import { useLanguage, useT } from "../hooks/use-translation";
import { formatDateTime } from "../utils/format-date";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { loadReportPage } from "../loaders/report-page.server";
import { localized } from "../i18n/localized";
import { quarterName } from "../i18n/quarter-name";
import { ReportPrintHeader, reportStyles } from "../components/report-print";

export const links = reportStyles;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.print.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await loadReportPage(request, params);
  // The ministry prints what was submitted; there is nothing to print before that.
  if (view.kind === "ministry" && !view.selected) throw notFound();
  return view;
}

/** One report on paper: no navigation, no forms, every figure and the narrative. */
export default function PrintableReport() {
  const view = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const ssm = localized(view.area, "ssm", language);
  const selected = view.selected;
  const figures = view.kind === "ministry" ? selected!.figures : view.figures;
  const back = `/reports/${view.area.slug}/${view.quarter}${selected ? `?version=${selected.version}` : ""}`;
  return (
    <article className="printable-report">
      <ReportPrintHeader
        title={t("reports.print.header.report", { ssm, quarter: quarterName(view.quarter, language) })}
      />
      <p className="no-print">
        <Link to={back}>{t("reports.print.back")}</Link>{" "}
        <button type="button" onClick={() => window.print()}>
          {t("reports.print.button")}
        </button>
      </p>
      <h1>{t("reports.page.heading", { quarter: quarterName(view.quarter, language), ssm })}</h1>
      <p className="lead" data-testid="print-status">
        {selected
          ? t("reports.print.version", {
              version: selected.version,
              date: formatDateTime(selected.submittedAt, language),
            })
          : t("reports.print.draft", {
              date: formatDateTime(view.kind === "ssm" ? view.computedAt : new Date().toISOString(), language),
            })}
      </p>
      <ReportFigures figures={figures} threshold={view.threshold} />
      {selected ? <ReportNarrative narrative={selected.narrative} amendmentReason={selected.amendmentReason} /> : null}
    </article>
  );
}
