import { formatNumber } from "../../utils/format-number";
import {
  Axes,
  ChartFigure,
  chartLayout,
  pointLabel,
  r,
  ReferenceLine,
  seriesStyle,
  textWidth,
  useChartIds,
  valueAt,
  ValueLabel,
  type ChartProps,
  type SeriesStyle,
} from "./bar-chart";

/** A series' marker centred on (x, y): the shape tells series apart where colour cannot. */
function Marker({ style, x, y, title }: { style: SeriesStyle; x: number; y: number; title?: string }) {
  const common = { className: "chart__marker", fill: style.colour, stroke: "#fff", strokeWidth: 1 };
  const tooltip = title ? <title>{title}</title> : null;
  switch (style.marker) {
    case "circle":
      return (
        <circle cx={x} cy={y} r={4.5} {...common}>
          {tooltip}
        </circle>
      );
    case "square":
      return (
        <rect x={r(x - 4)} y={r(y - 4)} width={8} height={8} {...common}>
          {tooltip}
        </rect>
      );
    case "triangle":
      return (
        <path d={`M${x} ${r(y - 5.5)}L${r(x + 5)} ${r(y + 3.5)}L${r(x - 5)} ${r(y + 3.5)}Z`} {...common}>
          {tooltip}
        </path>
      );
    case "diamond":
      return (
        <path d={`M${x} ${r(y - 5.5)}L${r(x + 5.5)} ${y}L${x} ${r(y + 5.5)}L${r(x - 5.5)} ${y}Z`} {...common}>
          {tooltip}
        </path>
      );
  }
}

/** The path of one series: a null ends a segment, so a missing quarter shows as a gap. */
function linePath(points: ({ x: number; y: number } | null)[]): string {
  let d = "";
  let drawing = false;
  for (const p of points) {
    if (!p) {
      drawing = false;
      continue;
    }
    d += `${drawing ? "L" : "M"}${p.x} ${p.y}`;
    drawing = true;
  }
  return d;
}

/** Trends across quarters: one line per series, a marker shape per series, gaps for nulls. */
export function LineChart(props: ChartProps) {
  const ids = useChartIds();
  const layout = chartLayout(props);
  const { categories, series, format, language } = props;
  const lines = series.map((s, si) => ({
    style: seriesStyle(si),
    points: categories.map((_, ci) => {
      const value = valueAt(s, ci);
      return value === null ? null : { x: layout.x(ci), y: layout.y(value), value };
    }),
  }));
  return (
    <ChartFigure
      chart={props}
      ids={ids}
      layout={layout}
      swatch={(s) => (
        <>
          <line x1={0} x2={24} y1={8} y2={8} stroke={seriesStyle(s).colour} strokeWidth={2.5} />
          <Marker style={seriesStyle(s)} x={12} y={8} />
        </>
      )}
    >
      <Axes layout={layout} format={format} language={language} />
      {/* Under the lines: a series running along the standard stays visible. */}
      {props.reference ? <ReferenceLine layout={layout} reference={props.reference} /> : null}
      {lines.map(({ style, points }, si) => {
        const d = linePath(points);
        return (
          <g key={si} className="chart__series">
            {d.includes("L") ? (
              <path
                className="chart__line"
                d={d}
                fill="none"
                stroke={style.colour}
                strokeWidth={2.5}
                strokeLinejoin="round"
              />
            ) : null}
            {points.map((p, ci) =>
              p ? <Marker key={ci} style={style} x={p.x} y={p.y} title={pointLabel(props, si, ci, p.value)} /> : null,
            )}
          </g>
        );
      })}
      {/* Value labels only on a single line: with several they would sit on top of each other. */}
      {lines.length === 1
        ? lines[0]?.points.map((p, ci) => {
            if (!p) return null;
            const label = formatNumber(p.value, format, language);
            return textWidth(label) <= layout.band - 4 ? (
              <ValueLabel key={ci} x={p.x} y={r(p.y - 10)}>
                {label}
              </ValueLabel>
            ) : null;
          })
        : null}
    </ChartFigure>
  );
}
