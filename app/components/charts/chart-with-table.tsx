import type { ReactNode } from "react";
import { DataTable } from "../data-table";
import { formatNumber } from "../../utils/format-number";
import { BarChart, valueAt, type ChartProps } from "./bar-chart";
import { HorizontalBarChart } from "./horizontal-bar-chart";
import { LineChart } from "./line-chart";

export interface ChartWithTableProps extends ChartProps {
  /** hbar: horizontal bars, for long category names (SSMs) written in full. */
  kind: "bar" | "hbar" | "line";
  /** Header of the first column, naming the categories ("Quarter"). */
  categoryHeader: string;
  /** What a null cell says ("not shown"), unless renderCell says otherwise. */
  emptyText: string;
  /** Overrides a cell (e.g. "<5" for a suppressed count); return undefined to keep the default. */
  renderCell?: (value: number | null, seriesIndex: number, categoryIndex: number) => ReactNode;
}

/**
 * A chart and its data table side by side (stacked on narrow screens). The table carries every
 * figure the chart draws, so it is the accessible equivalent and the one to read exact values from.
 */
export function ChartWithTable({ kind, categoryHeader, emptyText, renderCell, ...chart }: ChartWithTableProps) {
  const { title, categories, series, reference, format, language } = chart;
  return (
    <div className="chart-with-table">
      <div className="chart-with-table__chart">
        {kind === "bar" ? (
          <BarChart {...chart} />
        ) : kind === "hbar" ? (
          <HorizontalBarChart {...chart} />
        ) : (
          <LineChart {...chart} />
        )}
      </div>
      <DataTable
        regionClassName="chart-with-table__table"
        caption={
          <>
            {title}
            {reference ? (
              <>
                {" "}
                <span className="data-table__note">{reference.label}</span>
              </>
            ) : null}
          </>
        }
        rows={categories}
        rowKey={(category, ci) => `${ci}-${category}`}
        columns={[
          { id: "category", header: categoryHeader, rowHeader: true, cell: (category) => category },
          ...series.map((s, si) => ({
            id: `${si}-${s.name}`,
            header: s.name,
            numeric: true,
            cell: (_category: string, ci: number) => {
              const value = valueAt(s, ci);
              const custom = renderCell?.(value, si, ci);
              return custom !== undefined ? custom : value === null ? emptyText : formatNumber(value, format, language);
            },
          })),
        ]}
      />
    </div>
  );
}
