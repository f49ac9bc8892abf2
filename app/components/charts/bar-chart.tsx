import { useId, type ReactNode } from "react";
import { formatNumber, type NumberFormat } from "../../utils/format-number";

/**
 * Server-rendered SVG charts for the quarterly reports. No chart library and no measuring in the
 * browser: every coordinate is computed from the props with plain arithmetic, so the server's
 * markup and the client's first render are identical (clean hydration). The data table that
 * ChartWithTable puts beside each chart is the accessible equivalent; the SVG itself is one image
 * named by its <title> and <desc>.
 *
 * This file also holds what the line chart shares (scale, axes, series styles).
 */

export type ChartFormat = NumberFormat;
export type ChartLanguage = "en" | "fr";

export interface ChartSeries {
  name: string;
  /** One per category; null = not shown (suppressed or not applicable): no bar, a "–" marker. */
  values: (number | null)[];
}

export interface ChartReference {
  value: number;
  /** Shown as given in the legend (beside a dashed swatch) and under the table's caption, so it
   * should state the value: "Standard: 90%". */
  label: string;
}

export interface ChartProps {
  title: string;
  /** What the chart shows, in a sentence or two: the image's accessible description. */
  description: string;
  categories: string[];
  /** Shorter names for the axis, one per category ("Q3 2026–27"); the table keeps the full ones. */
  axisLabels?: string[];
  series: ChartSeries[];
  reference?: ChartReference;
  format: ChartFormat;
  language: ChartLanguage;
  /** Shown instead of the plot when there is no category or every value is null. */
  noDataText: string;
}

/** 0 and round steps (1, 2, 2.5, 5 × 10ⁿ) up to at least max; whole steps for counts. */
export function niceTicks(max: number, format: ChartFormat): number[] {
  const top = Math.max(max, 1); // a share's axis always reaches 100%; a count's at least 1
  const raw = top / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const steps = format === "count" && magnitude < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = (steps.find((s) => raw <= s * magnitude) ?? 10) * magnitude;
  if (format === "count") step = Math.max(1, Math.round(step));
  const count = Math.ceil(top / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Each series keeps its colour (≥ 3:1 on white, WCAG 1.4.11) and a fill pattern or marker shape, so
 * nothing depends on colour alone. */
export const SERIES_STYLES = [
  { colour: "#103a63", pattern: "solid", marker: "circle" },
  { colour: "#b3541e", pattern: "diagonal", marker: "square" },
  { colour: "#2e7d32", pattern: "dots", marker: "triangle" },
  { colour: "#6b2c91", pattern: "cross", marker: "diamond" },
] as const;
export type SeriesStyle = (typeof SERIES_STYLES)[number];
export const seriesStyle = (index: number): SeriesStyle => SERIES_STYLES[index % SERIES_STYLES.length]!;

export const INK = "#1a1a1a";
export const MUTED = "#4a4a4a";
export const FONT_SIZE = 13;
/** A generous guess at a label's width; SVG text cannot be measured on the server. */
export const textWidth = (text: string) => text.length * FONT_SIZE * 0.62;
/** One decimal is plenty in a 560-unit box and keeps the markup short. */
export const r = (n: number) => Math.round(n * 10) / 10;

/** Category labels: level and wrapped onto up to 3 lines when they fit their slot, else slanted
 * (long provider or SSM names), shortened to MAX_SLANTED characters and, if still crowded, thinned. */
export type CategoryLabels =
  { kind: "level"; lines: string[][] } | { kind: "slanted"; labels: { text: string; full: string }[]; every: number };

const LINE_HEIGHT = 16;
const MAX_SLANTED = 24;
const SIN45 = Math.SQRT1_2;

export function wrapLabel(text: string, width: number): string[] | null {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate) <= width) line = candidate;
    else if (line && textWidth(word) <= width) {
      lines.push(line);
      line = word;
    } else return null;
  }
  if (line) lines.push(line);
  return lines.length <= 3 ? lines : null;
}

function categoryLabels(categories: string[], band: number): CategoryLabels {
  const wrapped = categories.map((c) => wrapLabel(c, band - 2));
  if (wrapped.every((w): w is string[] => w !== null)) return { kind: "level", lines: wrapped };
  const labels = categories.map((c) => ({
    text: c.length > MAX_SLANTED ? `${c.slice(0, MAX_SLANTED - 1).trimEnd()}…` : c,
    full: c,
  }));
  return { kind: "slanted", labels, every: slantedEvery(band) };
}

/** Slanted labels need about 1.5 lines of height between them, measured across the axis. */
const slantedEvery = (band: number) => Math.max(1, Math.ceil((FONT_SIZE * 1.5) / SIN45 / band));

export interface ChartLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  plotHeight: number;
  /** Width of one category's slot along the x axis. */
  band: number;
  ticks: number[];
  categoryLabels: CategoryLabels;
  /** Value → y coordinate. */
  y: (value: number) => number;
  /** Centre of category i. */
  x: (index: number) => number;
  baseline: number;
}

export function chartLayout({ categories, axisLabels, series, reference, format, language }: ChartProps): ChartLayout {
  // About the width of the chart's column on a desktop, so text is drawn near its nominal size.
  const width = 560;
  const top = 24;
  const plotHeight = 236;
  const values = series.flatMap((s) => categories.map((_, i) => valueAt(s, i) ?? 0));
  const ticks = niceTicks(Math.max(0, ...values, reference?.value ?? 0), format);
  const tickRoom = Math.max(40, ...ticks.map((t) => textWidth(formatNumber(t, format, language)) + 14));
  const bandFor = (left: number) => (width - left - 16) / Math.max(1, categories.length);
  let labels = categoryLabels(axisLabels ?? categories, bandFor(tickRoom));
  let left = tickRoom;
  if (labels.kind === "slanted") {
    // The first label runs down and left from its slot: make room for it.
    const first = labels.labels[0]?.text ?? "";
    left = Math.max(tickRoom, r(textWidth(first) * SIN45 - bandFor(tickRoom) / 2 + 8));
    labels = { ...labels, every: slantedEvery(bandFor(left)) };
  }
  const band = bandFor(left);
  const bottom =
    labels.kind === "level"
      ? 14 + LINE_HEIGHT * Math.max(1, ...labels.lines.map((l) => l.length))
      : 20 + Math.max(0, ...labels.labels.map((l) => textWidth(l.text))) * SIN45;
  const max = ticks[ticks.length - 1] ?? 1;
  const baseline = top + plotHeight;
  return {
    width,
    height: Math.ceil(baseline + bottom),
    left,
    top,
    plotHeight,
    band,
    ticks,
    categoryLabels: labels,
    y: (value) => r(baseline - (Math.max(0, Math.min(value, max)) / max) * plotHeight),
    x: (index) => r(left + band * (index + 0.5)),
    baseline,
  };
}

/** The value drawn for a category: a missing entry or a non-finite number counts as not shown. */
export function valueAt(series: ChartSeries, categoryIndex: number): number | null {
  const value = series.values[categoryIndex];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function hasData({ categories, series }: Pick<ChartProps, "categories" | "series">): boolean {
  return series.some((s) => categories.some((_, i) => valueAt(s, i) !== null));
}

/** Ids for the title, description and patterns; useId matches between server and client. */
export function useChartIds() {
  const base = `chart${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  return { title: `${base}-title`, desc: `${base}-desc`, pattern: (s: number) => `${base}-p${s}` };
}

/** Gridlines, y tick labels, the baseline and the category labels. */
export function Axes({
  layout,
  format,
  language,
}: {
  layout: ChartLayout;
  format: ChartFormat;
  language: ChartLanguage;
}) {
  const { left, width, baseline, categoryLabels: labels } = layout;
  return (
    <g className="chart__axes" fontSize={FONT_SIZE}>
      {layout.ticks.map((t) => (
        <g key={t}>
          <line
            x1={r(left)}
            x2={width - 16}
            y1={layout.y(t)}
            y2={layout.y(t)}
            stroke={t === 0 ? INK : "#d0d0d0"}
            strokeWidth={t === 0 ? 1.5 : 1}
          />
          <text x={r(left - 8)} y={layout.y(t)} dy="0.35em" textAnchor="end" fill={MUTED}>
            {formatNumber(t, format, language)}
          </text>
        </g>
      ))}
      {labels.kind === "level"
        ? labels.lines.map((lines, i) => (
            <text
              key={i}
              className="chart__category"
              x={layout.x(i)}
              y={r(baseline + 20)}
              textAnchor="middle"
              fill={INK}
            >
              {lines.map((line, n) => (
                <tspan key={n} x={layout.x(i)} dy={n === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
          ))
        : labels.labels.map(({ text, full }, i) => {
            if (i % labels.every !== 0) return null;
            const x = r(layout.x(i) + 4);
            const y = r(baseline + 14);
            return (
              <text
                key={i}
                className="chart__category"
                x={x}
                y={y}
                transform={`rotate(-45 ${x} ${y})`}
                textAnchor="end"
                fill={INK}
              >
                {text !== full ? <title>{full}</title> : null}
                {text}
              </text>
            );
          })}
    </g>
  );
}

/** Drawn over the bars; its label is in the legend, since inside the plot it would collide with
 * the value labels of bars and points near the standard, which is where they cluster. */
export function ReferenceLine({ layout, reference }: { layout: ChartLayout; reference: ChartReference }) {
  const y = layout.y(reference.value);
  return (
    <g className="chart__reference">
      <line
        x1={r(layout.left)}
        x2={layout.width - 16}
        y1={y}
        y2={y}
        stroke={INK}
        strokeWidth={2}
        strokeDasharray="6 4"
      />
    </g>
  );
}

/** A value drawn above its bar or point; the white halo keeps it legible over the reference line. */
export function ValueLabel({ x, y, children }: { x: number; y: number; children: string }) {
  return (
    <text
      className="chart__value"
      x={x}
      y={y}
      textAnchor="middle"
      fontSize={FONT_SIZE}
      fill={INK}
      stroke="#fff"
      strokeWidth={3}
      paintOrder="stroke"
    >
      {children}
    </text>
  );
}

/** Fill patterns: solid, white diagonal stripes, white dots, white cross-hatch over the colour. */
export function SeriesPatterns({ count, id }: { count: number; id: (s: number) => string }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, s) => {
        const { colour, pattern } = seriesStyle(s);
        return (
          <pattern
            key={s}
            id={id(s)}
            patternUnits="userSpaceOnUse"
            width={6}
            height={6}
            patternTransform={pattern === "diagonal" ? "rotate(45)" : undefined}
          >
            <rect width={6} height={6} fill={colour} />
            {pattern === "diagonal" ? <line x1={1.5} y1={0} x2={1.5} y2={6} stroke="#fff" strokeWidth={1.5} /> : null}
            {pattern === "dots" ? <circle cx={3} cy={3} r={1.2} fill="#fff" /> : null}
            {pattern === "cross" ? <path d="M0 3H6M3 0V6" stroke="#fff" strokeWidth={1} /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** The figure around every chart: caption, the SVG image with its title and description, a legend
 * using the same swatches as the plot, or the "no data" text. */
export function ChartFigure(props: {
  chart: ChartProps;
  ids: ReturnType<typeof useChartIds>;
  layout: Pick<ChartLayout, "width" | "height">;
  swatch: (seriesIndex: number) => ReactNode;
  children: ReactNode;
}) {
  const { chart, ids, layout, swatch, children } = props;
  const empty = !hasData(chart);
  const showLegend = !empty && (chart.series.length > 1 || chart.reference !== undefined);
  return (
    <figure className="chart">
      <figcaption className="chart__caption">{chart.title}</figcaption>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${layout.width} ${empty ? 80 : layout.height}`}
        role="img"
        aria-labelledby={`${ids.title} ${ids.desc}`}
        focusable="false"
      >
        <title id={ids.title}>{chart.title}</title>
        <desc id={ids.desc}>{empty ? `${chart.description} ${chart.noDataText}` : chart.description}</desc>
        {empty ? (
          <text className="chart__no-data" x={layout.width / 2} y={44} textAnchor="middle" fontSize={16} fill={MUTED}>
            {chart.noDataText}
          </text>
        ) : (
          children
        )}
      </svg>
      {showLegend ? (
        <ul className="chart-legend">
          {chart.series.map((s, i) => (
            <li key={`${i}-${s.name}`}>
              <svg width={24} height={16} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
                {swatch(i)}
              </svg>
              {s.name}
            </li>
          ))}
          {chart.reference ? (
            <li>
              <svg width={24} height={16} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
                <line x1={0} x2={24} y1={8} y2={8} stroke={INK} strokeWidth={2} strokeDasharray="6 4" />
              </svg>
              {chart.reference.label}
            </li>
          ) : null}
        </ul>
      ) : null}
    </figure>
  );
}

/** "Series, 2026-Q1: 90%": the hover tooltip of one bar or point. */
export function pointLabel(chart: ChartProps, seriesIndex: number, categoryIndex: number, value: number): string {
  const colon = chart.language === "fr" ? "\u00A0: " : ": ";
  return `${chart.series[seriesIndex]?.name ?? ""}, ${chart.categories[categoryIndex] ?? ""}${colon}${formatNumber(value, chart.format, chart.language)}`;
}

/** Grouped vertical bars, one group per category; values are assumed to be ≥ 0. */
export function BarChart(props: ChartProps) {
  const ids = useChartIds();
  const layout = chartLayout(props);
  const { categories, series, format, language } = props;
  const groupWidth = layout.band * 0.8;
  const gap = series.length > 1 ? 2 : 0;
  const barWidth = Math.min(56, (groupWidth - gap * (series.length - 1)) / Math.max(1, series.length));
  const groupStart = (i: number) => layout.x(i) - (barWidth * series.length + gap * (series.length - 1)) / 2;
  const bars = series.map((s, si) =>
    categories.map((_, ci) => {
      const value = valueAt(s, ci);
      const x = r(groupStart(ci) + si * (barWidth + gap));
      return { value, x, centre: r(x + barWidth / 2), top: value === null ? layout.baseline : layout.y(value) };
    }),
  );
  return (
    <ChartFigure
      chart={props}
      ids={ids}
      layout={layout}
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
      <Axes layout={layout} format={format} language={language} />
      {bars.map((row, si) => (
        <g key={si} className="chart__series">
          {row.map(({ value, x, centre, top }, ci) =>
            value === null ? (
              <text
                key={ci}
                className="chart__null"
                x={centre}
                y={r(layout.baseline - 5)}
                textAnchor="middle"
                fontSize={16}
                fontWeight={700}
                fill={MUTED}
              >
                –
              </text>
            ) : (
              <rect
                key={ci}
                className="chart__bar"
                x={x}
                y={top}
                width={r(barWidth)}
                height={r(layout.baseline - top)}
                fill={`url(#${ids.pattern(si)})`}
                stroke={seriesStyle(si).colour}
                strokeWidth={1.5}
              >
                <title>{pointLabel(props, si, ci, value)}</title>
              </rect>
            ),
          )}
        </g>
      ))}
      {props.reference ? <ReferenceLine layout={layout} reference={props.reference} /> : null}
      {/* Labels last, so nothing is drawn over them. */}
      {bars.flatMap((row, si) =>
        row.map(({ value, centre, top }, ci) => {
          if (value === null) return null;
          const label = formatNumber(value, format, language);
          // Bars thinner than two digits get no labels: a row of crammed figures reads worse than none.
          return barWidth >= 18 && textWidth(label) <= barWidth + gap ? (
            <ValueLabel key={`${si}-${ci}`} x={centre} y={r(top - 5)}>
              {label}
            </ValueLabel>
          ) : null;
        }),
      )}
    </ChartFigure>
  );
}
