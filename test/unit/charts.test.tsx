import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, niceTicks, type ChartProps } from "../../app/components/charts/bar-chart";
import { formatNumber } from "../../app/utils/format-number";
import { ChartWithTable } from "../../app/components/charts/chart-with-table";
import { LineChart } from "../../app/components/charts/line-chart";

const NBSP = "\u00A0";
const NNBSP = "\u202F";

const volume: ChartProps = {
  title: "Complaints received by quarter",
  description: "Complaints received rose from 120 in 2026-Q1 to 1,234 in 2026-Q4.",
  categories: ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"],
  series: [
    { name: "Complaints", values: [120, 340, null, 1234] },
    { name: "Disputes", values: [3, null, 0, 12] },
  ],
  format: "count",
  language: "en",
  noDataText: "No data",
};

const onTime: ChartProps = {
  title: "Decisions on time",
  description: "Share of decisions made on time, against the 90% standard.",
  categories: ["2026-Q1", "2026-Q2", "2026-Q3"],
  series: [{ name: "Level 1", values: [0.905, 0.87, null] }],
  reference: { value: 0.9, label: "Standard: 90%" },
  format: "percent",
  language: "en",
  noDataText: "No data",
};

const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern.source, "g"))?.length ?? 0;
/** Text inside the svg image only (the legend and table sit outside it). */
const svgOf = (html: string) => /<svg class="chart__svg"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";

describe("formatNumber", () => {
  it("formats counts with the language's grouping", () => {
    expect(formatNumber(1234567, "count", "en")).toBe("1,234,567");
    expect(formatNumber(1234567, "count", "fr")).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber(0, "count", "fr")).toBe("0");
  });

  it("formats shares as percentages, French with a narrow no-break space before %", () => {
    expect(formatNumber(0.905, "percent", "en")).toBe("90.5%");
    expect(formatNumber(0.905, "percent", "fr")).toBe(`90,5${NNBSP}%`);
    expect(formatNumber(1, "percent", "fr")).toBe(`100${NNBSP}%`);
    expect(formatNumber(0.07, "percent", "en")).toBe("7%");
  });
});

describe("niceTicks", () => {
  it.each([
    [0, "count", [0, 1]],
    [1, "count", [0, 1]],
    [7, "count", [0, 2, 4, 6, 8]],
    [1234, "count", [0, 250, 500, 750, 1000, 1250]],
    [0.93, "percent", [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, "percent", [0, 0.2, 0.4, 0.6, 0.8, 1]],
  ] as const)("max %s (%s) gives %j", (max, format, ticks) => {
    expect(niceTicks(max, format)).toEqual(ticks);
  });

  it("starts at 0, reaches the maximum, and never steps by a fraction of a count", () => {
    for (let max = 0; max <= 5000; max += 37) {
      const ticks = niceTicks(max, "count");
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.length).toBeLessThanOrEqual(11);
    }
  });
});

describe("BarChart", () => {
  const html = renderToStaticMarkup(<BarChart {...volume} />);

  it("is a figure whose caption is the title", () => {
    expect(html).toMatch(/^<figure class="chart"><figcaption[^>]*>Complaints received by quarter<\/figcaption>/);
  });

  it("is an image named by its own <title> and <desc>", () => {
    const svg = /<svg class="chart__svg"[^>]*>/.exec(html)?.[0] ?? "";
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    const [titleId, descId] = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(" ") ?? [];
    expect(titleId).toBeTruthy();
    expect(descId).toBeTruthy();
    expect(html).toContain(`<title id="${titleId}">Complaints received by quarter</title>`);
    expect(html).toContain(`<desc id="${descId}">${volume.description}</desc>`);
  });

  it("draws one bar per value shown and a dash for each value not shown", () => {
    expect(count(html, /class="chart__bar"/)).toBe(6);
    expect(count(html, /class="chart__null"[^>]*>–</)).toBe(2);
  });

  it("draws a zero as a bar of no height, not as a missing value", () => {
    expect(html).toMatch(/class="chart__bar"[^>]*height="0"/);
  });

  it("labels bars with their values and the axis with round counts", () => {
    expect(html).toContain(">1,234</text>");
    expect(svgOf(html)).toContain(">1,250</text>");
    expect(svgOf(html)).toContain(">0</text>");
    expect(html).toContain("<title>Complaints, 2026-Q4: 1,234</title>");
  });

  it("tells series apart by fill pattern, shown again in the legend", () => {
    const fills = [...svgOf(html).matchAll(/class="chart__bar"[^>]*fill="url\(#([^)]+)\)"/g)].map((m) => m[1]);
    expect(new Set(fills).size).toBe(2);
    for (const id of new Set(fills)) expect(html).toContain(`<pattern id="${id}"`);
    expect(html).toMatch(/<ul class="chart-legend">.*Complaints.*Disputes.*<\/ul>/);
    expect(html).toMatch(/<ul class="chart-legend"><li><svg[^>]*aria-hidden="true"/);
  });

  it("draws the standard as a dashed reference line with its label", () => {
    const percent = renderToStaticMarkup(<BarChart {...onTime} />);
    expect(percent).toMatch(/<g class="chart__reference"><line[^>]*stroke-dasharray="6 4"/);
    // Labelled in the legend, beside a dashed swatch, rather than over the bars.
    expect(percent).toMatch(
      /<ul class="chart-legend">.*<li><svg[^>]*><line[^>]*stroke-dasharray="6 4"[^>]*><\/line><\/svg>Standard: 90%<\/li><\/ul>/,
    );
    expect(svgOf(percent)).toContain(">100%</text>");
    expect(svgOf(percent)).toContain(">90.5%</text>");
    expect(count(percent, /class="chart__bar"/)).toBe(2);
    expect(count(percent, /class="chart__null"/)).toBe(1);
  });

  it("has no reference line without a reference", () => {
    expect(html).not.toContain("chart__reference");
  });

  it("formats French percentages and counts for French readers", () => {
    const fr = renderToStaticMarkup(<BarChart {...onTime} language="fr" />);
    expect(svgOf(fr)).toContain(`>90,5${NNBSP}%</text>`);
    expect(svgOf(fr)).toContain(`>100${NNBSP}%</text>`);
    const frCounts = renderToStaticMarkup(<BarChart {...volume} language="fr" />);
    expect(svgOf(frCounts)).toContain(`>1${NBSP}234</text>`);
  });

  it("puts the same figure in the same place every time (nothing random to upset hydration)", () => {
    expect(renderToStaticMarkup(<BarChart {...volume} />)).toBe(html);
  });

  it("says so when there is nothing to draw", () => {
    for (const props of [
      { ...volume, categories: [], series: [] },
      { ...volume, series: [] },
      { ...volume, series: [{ name: "Complaints", values: [null, null, null, null] }] },
    ]) {
      const empty = renderToStaticMarkup(<BarChart {...props} />);
      expect(empty).toContain('class="chart__no-data"');
      expect(empty).toContain(">No data</text>");
      expect(empty).toContain('role="img"');
      expect(empty).not.toContain("chart__bar");
      expect(empty).not.toContain("chart-legend");
      expect(empty).not.toMatch(/NaN|Infinity/);
    }
  });

  it("treats a non-finite value or a missing entry as not shown", () => {
    const odd = renderToStaticMarkup(
      <BarChart {...volume} series={[{ name: "Complaints", values: [Number.NaN, Number.POSITIVE_INFINITY, 5] }]} />,
    );
    expect(count(odd, /class="chart__bar"/)).toBe(1);
    expect(count(odd, /class="chart__null"/)).toBe(3);
    expect(odd).not.toMatch(/NaN|Infinity/);
  });

  it("keeps every coordinate finite when all values are 0", () => {
    const zeros = renderToStaticMarkup(
      <BarChart {...volume} series={[{ name: "Complaints", values: [0, 0, 0, 0] }]} />,
    );
    expect(count(zeros, /class="chart__bar"/)).toBe(4);
    expect(zeros).not.toMatch(/NaN|Infinity/);
  });

  it("wraps category labels of several words that fit their slot", () => {
    const wrapped = renderToStaticMarkup(
      <BarChart {...volume} categories={["North York Centre", "Peel", "Hamilton Niagara", "London"]} />,
    );
    expect(wrapped).toMatch(
      /<text class="chart__category"[^>]*><tspan[^>]*>North York<\/tspan><tspan[^>]*dy="16">Centre<\/tspan><\/text>/,
    );
    expect(wrapped).not.toContain("rotate(-45");
  });

  it("slants and shortens long category labels, keeping the full name as a tooltip", () => {
    const names = Array.from({ length: 15 }, (_, i) => `Employment Services Provider Number ${i + 1}`);
    const slanted = renderToStaticMarkup(
      <BarChart {...volume} categories={names} series={[{ name: "Complaints", values: names.map(() => 10) }]} />,
    );
    expect(count(slanted, /class="chart__category"[^>]*transform="rotate\(-45 /)).toBe(15);
    expect(slanted).toContain("<title>Employment Services Provider Number 1</title>Employment Services Pro…</text>");
    const height = Number(/viewBox="0 0 560 (\d+)"/.exec(slanted)?.[1]);
    expect(height).toBeGreaterThan(300); // room below the axis for the slanted names
  });

  it("drops value labels that would not fit and thins crowded category labels", () => {
    const categories = Array.from({ length: 40 }, (_, i) => `${2000 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    const crowded = renderToStaticMarkup(
      <BarChart
        {...volume}
        categories={categories}
        series={[{ name: "Complaints", values: categories.map(() => 123456) }]}
      />,
    );
    expect(count(crowded, /class="chart__bar"/)).toBe(40);
    expect(crowded).not.toContain("chart__value");
    const shown = categories.filter((c) => svgOf(crowded).includes(`>${c}</text>`));
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(40);
  });
});

describe("LineChart", () => {
  const trend: ChartProps = {
    ...onTime,
    categories: ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"],
    series: [
      { name: "Acknowledged on time", values: [0.95, 0.97, null, 0.92, 0.93] },
      { name: "Decided on time", values: [0.8, 0.85, 0.88, 0.91, null] },
    ],
  };
  const html = renderToStaticMarkup(<LineChart {...trend} />);

  it("is an image named by its own <title> and <desc>", () => {
    const ids =
      /<svg class="chart__svg"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1]?.split(" ") ?? [];
    expect(ids).toHaveLength(2);
    expect(html).toContain(`<title id="${ids[0]}">${trend.title}</title>`);
    expect(html).toContain(`<desc id="${ids[1]}">${trend.description}</desc>`);
  });

  it("marks each value shown, with a different shape per series", () => {
    expect(count(html, /class="chart__marker"/)).toBe(4 + 4 + 2); // + the two legend swatches
    expect(html).toMatch(/<circle[^>]*class="chart__marker"/);
    expect(html).toMatch(/<rect[^>]*class="chart__marker"/);
  });

  it("breaks a line at a null", () => {
    const paths = [...html.matchAll(/class="chart__line" d="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(paths).toHaveLength(2);
    expect(count(paths[0] ?? "", /M/)).toBe(2); // gap in 2026-Q1
    expect(count(paths[1] ?? "", /M/)).toBe(1); // only the end is missing
  });

  it("draws the reference line", () => {
    expect(html).toContain('class="chart__reference"');
  });

  it("has no line for a lone point between gaps, but still marks it", () => {
    const lone = renderToStaticMarkup(
      <LineChart {...trend} series={[{ name: "One", values: [null, 0.5, null, null, null] }]} />,
    );
    expect(lone).not.toContain("chart__line");
    expect(count(svgOf(lone), /class="chart__marker"/)).toBe(1);
    expect(svgOf(lone)).toContain(">50%</text>");
  });
});

describe("ChartWithTable", () => {
  const html = renderToStaticMarkup(
    <ChartWithTable
      {...volume}
      kind="bar"
      categoryHeader="Quarter"
      emptyText="not shown"
      renderCell={(value, seriesIndex, categoryIndex) =>
        seriesIndex === 1 && categoryIndex === 1 ? <abbr title="fewer than 5">&lt;5</abbr> : undefined
      }
    />,
  );
  const table = /<table class="data-table">[\s\S]*<\/table>/.exec(html)?.[0] ?? "";

  it("puts the chart and its table side by side", () => {
    expect(html).toMatch(/^<div class="chart-with-table"><div class="chart-with-table__chart"><figure class="chart">/);
    expect(html).toContain('class="chart__bar"');
  });

  it("captions the table with the chart's title and labels the scrolling region with it", () => {
    const captionId = /<caption id="([^"]+)">Complaints received by quarter<\/caption>/.exec(table)?.[1];
    expect(captionId).toBeTruthy();
    expect(html).toContain(`role="region" aria-labelledby="${captionId}"`);
  });

  it("heads columns by series and rows by category", () => {
    expect(table).toContain('<th scope="col">Quarter</th>');
    expect(count(table, /<th scope="col"/)).toBe(3);
    expect(table).toContain('<th scope="col" class="num">Disputes</th>');
    expect(count(table, /<th scope="row">/)).toBe(4);
    expect(table).toContain('<th scope="row">2026-Q3</th>');
  });

  it("shows formatted figures, the caller's cell where given, and the empty text otherwise", () => {
    expect(table).toContain('<td class="num">1,234</td>');
    expect(table).toContain('<td class="num"><abbr title="fewer than 5">&lt;5</abbr></td>');
    expect(table).toContain('<td class="num">not shown</td>'); // Complaints, 2026-Q3: no override
    expect(table).toContain('<td class="num">0</td>');
  });

  it("draws a line chart when asked, and states the reference under the caption", () => {
    const line = renderToStaticMarkup(
      <ChartWithTable {...onTime} kind="line" categoryHeader="Quarter" emptyText="not shown" />,
    );
    expect(line).toContain('class="chart__line"');
    expect(line).not.toContain('class="chart__bar"');
    expect(line).toMatch(
      /<caption[^>]*>Decisions on time <span class="data-table__note">Standard: 90%<\/span><\/caption>/,
    );
    expect(line).toContain('<td class="num">90.5%</td>');
    expect(line).toContain('<td class="num">not shown</td>');
  });

  it("gives every id on the page once, with two charts on it", () => {
    const page = renderToStaticMarkup(
      <>
        <ChartWithTable {...volume} kind="bar" categoryHeader="Quarter" emptyText="–" />
        <ChartWithTable {...onTime} kind="line" categoryHeader="Quarter" emptyText="–" />
      </>,
    );
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
