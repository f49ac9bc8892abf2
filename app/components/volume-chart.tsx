import type { ShownCount, ShownFigures } from "../domain/report-suppression";
import { useLanguage, useT } from "../hooks/use-translation";
import { formatCount } from "../utils/format-figures";
import { ChartWithTable } from "./charts/chart-with-table";
import { quarterName, quarterShortName } from "../i18n/quarter-name";

/** Cases received and decided per quarter, from submitted reports (null: no report that quarter). */
export function VolumeChart(props: {
  title: string;
  kind: "bar" | "line";
  trend: { quarter: string; figures: ShownFigures | null }[];
  threshold: number;
}) {
  const t = useT();
  const language = useLanguage();
  const asNumber = (c: ShownCount | undefined) => (typeof c === "number" ? c : null);
  return (
    <ChartWithTable
      kind={props.kind}
      title={props.title}
      description={t("reports.chart.volume.description")}
      categoryHeader={t("reports.chart.quarter")}
      categories={props.trend.map((p) => quarterName(p.quarter, language))}
      axisLabels={props.trend.map((p) => quarterShortName(p.quarter, language))}
      series={[
        { name: t("reports.col.received"), values: props.trend.map((p) => asNumber(p.figures?.received.total)) },
        { name: t("reports.col.decided"), values: props.trend.map((p) => asNumber(p.figures?.decided.total)) },
      ]}
      format="count"
      language={language}
      noDataText={t("reports.chart.noData")}
      emptyText={t("reports.chart.noReports")}
      renderCell={(_, series, category) => {
        const f = props.trend[category]!.figures;
        if (!f) return t("reports.chart.noReports");
        return formatCount(series === 0 ? f.received.total : f.decided.total, props.threshold, language);
      }}
    />
  );
}
