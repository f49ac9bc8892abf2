import { useId, type ReactNode } from "react";
import { formatNumber } from "../../utils/format-number";
import { BarChart, valueAt, type ChartProps } from "./bar-chart";
import { LineChart } from "./line-chart";

export interface ChartWithTableProps extends ChartProps {
  kind: "bar" | "line";
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
  const captionId = `table${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const { title, categories, series, reference, format, language } = chart;
  return (
    <div className="chart-with-table">
      <div className="chart-with-table__chart">
        {kind === "bar" ? <BarChart {...chart} /> : <LineChart {...chart} />}
      </div>
      <div className="table-scroll chart-with-table__table" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="data-table">
          <caption id={captionId}>
            {title}
            {reference ? (
              <>
                {" "}
                <span className="data-table__note">{reference.label}</span>
              </>
            ) : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              {series.map((s, si) => (
                <th key={`${si}-${s.name}`} scope="col" className="num">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, ci) => (
              <tr key={`${ci}-${category}`}>
                <th scope="row">{category}</th>
                {series.map((s, si) => {
                  const value = valueAt(s, ci);
                  const custom = renderCell?.(value, si, ci);
                  return (
                    <td key={si} className="num">
                      {custom !== undefined
                        ? custom
                        : value === null
                          ? emptyText
                          : formatNumber(value, format, language)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
