import type { Language } from "../domain/vocabulary";
import type { ShownCount } from "../domain/report-suppression";
import { formatNumber } from "./format-number";
import { translator } from "../i18n";

// How report figures read on pages, in emails and in exports: a suppressed count never shows its
// value, only "<5" (small) or "hidden" (hidden so a small one cannot be worked out).

export function formatCount(count: ShownCount, threshold: number, language: Language): string {
  if (count === "small") return `<${threshold}`;
  if (count === "hidden") return translator(language)("figures.hidden");
  return formatNumber(count, "count", language);
}

// Numbers go through the hand-made formatter the charts use too: browsers and Node disagree on French spaces,
// and a page must render the same on both.

/** 0.873 → "87.3%" / "87,3 %"; null (too few clocks to say) → "too few to show". */
export function formatShare(share: number | null, language: Language): string {
  if (share === null) return translator(language)("figures.tooFew");
  return formatNumber(share, "percent", language);
}

/** Business days to one decimal at most: "4.5" / "4,5". */
export function formatDays(days: number | null, language: Language): string {
  if (days === null) return translator(language)("figures.tooFew");
  return formatNumber(days, "count", language);
}

/** A survey mean on 1–5 with one decimal. */
export function formatMean(mean: number | null, language: Language): string {
  return formatDays(mean, language);
}

/** For CSV: a number, "<5" for a small count, "suppressed" for one hidden to protect it. */
export function csvCount(count: ShownCount, threshold: number): string | number {
  return count === "small" ? `<${threshold}` : count === "hidden" ? "suppressed" : count;
}

/** Any cell of a flattened report (report-labels.ts flattenShown), formatted by what its path measures. */
export function formatFigureValue(
  path: string,
  value: number | string | null,
  threshold: number,
  language: Language,
): string {
  if (value === "small" || value === "hidden") return formatCount(value, threshold, language);
  if (typeof value === "string") return value;
  if (/share$/i.test(path)) return formatShare(value, language);
  if (/(days|clear|fair|timely)$/i.test(path)) return formatDays(value, language);
  return value === null ? translator(language)("figures.tooFew") : formatCount(value, threshold, language);
}
