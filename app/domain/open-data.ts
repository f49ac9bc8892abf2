import type { ShownCount } from "./report-suppression";

// Open data (issue #22): each SSM's published quarterly figures, one row per SSM and quarter, as
// CSV and JSON at stable addresses. The columns are the figures the process page publishes (read
// from the same stored release, so suppressed exactly as the ministry sees them); the data
// dictionary page describes each column from this list, in both languages.

export const OPEN_DATA_COLUMNS = [
  "area",
  "quarter",
  "received",
  "decisions_on_time_share",
  "decision_median_business_days",
  "provider_resolved",
  "provider_on_time_share",
] as const;
export type OpenDataColumn = (typeof OPEN_DATA_COLUMNS)[number];

/** A count as published: a number, "small" (under the threshold) or "hidden" (withheld to protect another). */
export type OpenDataCount = ShownCount;

export interface OpenDataRow {
  area: string;
  quarter: string;
  received: OpenDataCount;
  decisions_on_time_share: number | null;
  decision_median_business_days: number | null;
  provider_resolved: OpenDataCount;
  provider_on_time_share: number | null;
}

/** The process page's published figures of one quarter, as an open-data row. */
export function openDataRow(
  area: string,
  published: {
    quarter: string;
    received: ShownCount;
    onTimeShare: number | null;
    medianDays: number | null;
    providerStage: { resolved: ShownCount; onTimeShare: number | null };
  },
): OpenDataRow {
  return {
    area,
    quarter: published.quarter,
    received: published.received,
    decisions_on_time_share: published.onTimeShare,
    decision_median_business_days: published.medianDays,
    provider_resolved: published.providerStage.resolved,
    provider_on_time_share: published.providerStage.onTimeShare,
  };
}

/** The row's cells in column order, for CSV: null as an empty cell. */
export function openDataCells(row: OpenDataRow): (string | number | null)[] {
  return OPEN_DATA_COLUMNS.map((c) => row[c]);
}

/** "2026-Q2.csv" → its quarter and format; null for any other name. */
export function parseOpenDataFile(file: string): { quarter: string; format: "csv" | "json" } | null {
  const m = /^(\d{4}-Q[1-4])\.(csv|json)$/.exec(file);
  return m ? { quarter: m[1]!, format: m[2] as "csv" | "json" } : null;
}
