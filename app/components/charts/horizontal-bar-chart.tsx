import { formatNumber } from "../../utils/format-number";
import {
  ChartFigure,
  FONT_SIZE,
  INK,
  MUTED,
  niceTicks,
  pointLabel,
  r,
  SeriesPatterns,
  seriesStyle,
  textWidth,
  useChartIds,
  valueAt,
  ValueLabel,
  wrapLabel,
  type ChartProps,
} from "./bar-chart";

/**
 * Grouped horizontal bars, one group per category, for categories with long names (SSMs): each
 * name is written in full, level, on up to three lines to the left of its bars, never slanted or
 * shortened (issue #19). Values are assumed to be ≥ 0.
 */
export function HorizontalBarChart(props: ChartProps) {
  const ids = useChartIds();
  const { categories, series, format, language, reference } = props;
  const width = 560;
  const labelWidth = 210;
  const left = labelWidth + 8;
  const right = width - 40; // room for the last value label
  const top = 8;
  const lineHeight = 16;
  const barHeight = 12;
  const gap = 2;
  const names = categories.map((c, i) => wrapLabel(props.axisLabels?.[i] ?? c, labelWidth) ?? hardWrap(c, labelWidth));
  const bars = series.length * barHeight + (series.length - 1) * gap;
  const rowHeights = names.map((lines) => Math.max(bars, lines.length * lineHeight) + 14);
  const rowTops = rowHeights.map((_, i) => top + rowHeights.slice(0, i).reduce((a, b) => a + b, 0));
  const plotBottom = top + rowHeights.reduce((a, b) => a + b, 0);
  const values = series.flatMap((s) => categories.map((_, i) => valueAt(s, i) ?? 0));
  const ticks = niceTicks(Math.max(0, ...values, reference?.value ?? 0), format);
  const max = ticks[ticks.length - 1] ?? 1;
  const x = (value: number) => r(left + (Math.max(0, Math.min(value, max)) / max) * (right - left));
  const height = Math.ceil(plotBottom + 24);
  return (
    <ChartFigure
      chart={props}
      ids={ids}
      layout={{ width, height }}
      swatch={(s) => (
        <rect
          x={2}
          y={1}
          width={20}
          height={14}
          fill={`url(#${ids.pattern(s)})`}
          stroke={seriesStyle(s).colour}
          strokeWidth={1.5}
        />
      )}
    >
      <SeriesPatterns count={series.length} id={ids.pattern} />
      <g className="chart__axes" fontSize={FONT_SIZE}>
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={top}
              y2={plotBottom}
              stroke={t === 0 ? INK : "#d0d0d0"}
              strokeWidth={t === 0 ? 1.5 : 1}
            />
            <text x={x(t)} y={plotBottom + 16} textAnchor="middle" fill={MUTED}>
              {formatNumber(t, format, language)}
            </text>
          </g>
        ))}
        {names.map((lines, i) => {
          const middle = rowTops[i]! + rowHeights[i]! / 2;
          const first = middle - ((lines.length - 1) * lineHeight) / 2;
          return (
            <text
              key={i}
              className="chart__category"
              x={labelWidth}
              y={r(first)}
              dy="0.35em"
              textAnchor="end"
              fill={INK}
            >
              {lines.map((line, n) => (
                <tspan key={n} x={labelWidth} dy={n === 0 ? undefined : lineHeight}>
                  {n === 0 ? line : ` ${line}`}
                </tspan>
              ))}
            </text>
          );
        })}
      </g>
      {series.map((s, si) => (
        <g key={si} className="chart__series">
          {categories.map((_, ci) => {
            const value = valueAt(s, ci);
            const y = r(rowTops[ci]! + (rowHeights[ci]! - bars) / 2 + si * (barHeight + gap));
            return value === null ? (
              <text
                key={ci}
                className="chart__null"
                x={left + 6}
                y={r(y + barHeight / 2)}
                dy="0.35em"
                fontSize={16}
                fontWeight={700}
                fill={MUTED}
              >
                –
              </text>
            ) : (
              <g key={ci}>
                <rect
                  className="chart__bar"
                  x={left}
                  y={y}
                  width={r(x(value) - left)}
                  height={barHeight}
                  fill={`url(#${ids.pattern(si)})`}
                  stroke={seriesStyle(si).colour}
                  strokeWidth={1.5}
                >
                  <title>{pointLabel(props, si, ci, value)}</title>
                </rect>
                <ValueLabel
                  x={r(x(value) + 4 + textWidth(formatNumber(value, format, language)) / 2)}
                  y={r(y + barHeight - 1)}
                >
                  {formatNumber(value, format, language)}
                </ValueLabel>
              </g>
            );
          })}
        </g>
      ))}
      {reference ? (
        <line
          className="chart__reference"
          x1={x(reference.value)}
          x2={x(reference.value)}
          y1={top}
          y2={plotBottom}
          stroke={INK}
          strokeWidth={2}
          strokeDasharray="6 4"
        />
      ) : null}
    </ChartFigure>
  );
}

/** A single word longer than the label column: split it, so a name is never cut off. */
function hardWrap(text: string, width: number): string[] {
  const perLine = Math.max(1, Math.floor(width / textWidth("m")));
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += perLine) lines.push(text.slice(i, i + perLine));
  return lines;
}
