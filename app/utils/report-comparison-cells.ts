import type { ComparisonColumn } from "../domain/report-comparison";
import type { ShownFigures } from "../domain/report-suppression";
import type { Language } from "../domain/vocabulary";
import { translator } from "../i18n";
import { formatCount, formatDays, formatShare } from "./format-figures";
import { formatNumber } from "./format-number";

// One cell of the ministry's comparison, as the page writes it and as the table-shaped CSV writes
// it: the same words where a figure is not shown ("<5", "hidden", "too few to show"), and in the
// CSV a plain number (no grouping, a dot for decimals, shares in percent) where it is.

export interface CellContext {
  threshold: number;
  language: Language;
  /** Ontario's row: a median is per SSM only. */
  province: boolean;
}

/** What the cell says when it shows no number; null when it shows one. */
function wordFor(column: ComparisonColumn, f: ShownFigures, ctx: CellContext): string | null {
  const t = translator(ctx.language);
  if (ctx.province && column.perSsmOnly) return t("reports.ministry.perSsmOnly");
  const value = column.cell(f)?.value ?? null;
  if (value === "small" || value === "hidden") return formatCount(value, ctx.threshold, ctx.language);
  if (typeof value !== "number") return t("figures.tooFew");
  return null;
}

/** The cell as the page shows it. */
export function comparisonCellText(column: ComparisonColumn, f: ShownFigures, ctx: CellContext): string {
  const word = wordFor(column, f, ctx);
  if (word !== null) return word;
  const value = column.cell(f)!.value as number;
  if (column.measure === "share") return formatShare(value, ctx.language);
  if (column.measure === "days") return formatDays(value, ctx.language);
  return formatCount(value, ctx.threshold, ctx.language);
}

/** The cell in the table-shaped CSV: the page's number, unformatted, or the page's word; never blank. */
export function comparisonCsvCell(column: ComparisonColumn, f: ShownFigures, ctx: CellContext): string | number {
  const word = wordFor(column, f, ctx);
  if (word !== null) return word;
  const value = column.cell(f)!.value as number;
  // Rounded as the page rounds it, so the file says no more than the screen.
  const shown = formatNumber(value, column.measure === "share" ? "percent" : "count", "en");
  return Number(shown.replace(/[,%]/g, ""));
}

/** The CSV's header: the page's column headers, shares marked as percentages. */
export function comparisonCsvHeader(columns: readonly ComparisonColumn[], language: Language): string[] {
  const t = translator(language);
  return [
    t("reports.col.ssm"),
    t("reports.csv.col.version"),
    ...columns.map((c) =>
      c.measure === "share" ? t("reports.csv.col.percent", { column: t(c.header) }) : t(c.header),
    ),
  ];
}
