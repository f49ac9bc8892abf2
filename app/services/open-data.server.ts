import type { DB } from "../../db/client";
import { findAreaWithSsm, listAreasWithSsm } from "../../db/repositories/areas";
import { listSubmittedQuarters } from "../../db/repositories/quarter-reports";
import { openDataRow, type OpenDataRow } from "../domain/open-data";
import { publishedQuarterFigures } from "./quarter-reports.server";

// Open data (issue #22): what the process pages publish, for every SSM and every quarter it has
// submitted, read from the stored releases (publishedQuarterFigures) and nothing else.

export interface OpenDataEntry {
  area: string;
  areaNameEn: string;
  areaNameFr: string;
  quarter: string;
  csv: string;
  json: string;
}

export function openDataPath(area: string, quarter: string, format: "csv" | "json"): string {
  return `/open-data/${encodeURIComponent(area)}/${quarter}.${format}`;
}

/** Every published dataset: each SSM's submitted quarters, newest first. */
export async function openDataIndex(db: DB, area?: string): Promise<OpenDataEntry[]> {
  const areas = (await listAreasWithSsm(db)).filter((a) => area === undefined || a.slug === area);
  const out: OpenDataEntry[] = [];
  for (const a of areas) {
    for (const q of await listSubmittedQuarters(db, a.slug)) {
      out.push({
        area: a.slug,
        areaNameEn: a.name_en,
        areaNameFr: a.name_fr,
        quarter: q.quarter,
        csv: openDataPath(a.slug, q.quarter, "csv"),
        json: openDataPath(a.slug, q.quarter, "json"),
      });
    }
  }
  return out;
}

/** One SSM's published figures of one quarter, or null when it has no submitted report then. */
export async function openDataQuarter(
  db: DB,
  area: string,
  quarter: string,
  threshold: number,
): Promise<OpenDataRow | null> {
  if (!(await findAreaWithSsm(db, area))) return null;
  const published = await publishedQuarterFigures(db, area, quarter, threshold);
  return published ? openDataRow(area, published) : null;
}
