import { writeTransaction, type DB } from "../../db/client";
import { insertRelease, listQuarterVersions, listReleases } from "../../db/repositories/report-releases";
import type { QuarterReportRow, ReportReleaseRow } from "../../db/schema";
import type { QuarterFigures } from "../domain/report-figures";
import {
  releaseQuarter,
  releasedSoFar,
  type QuarterRelease,
  type ReleasedReport,
  type ShownFigures,
} from "../domain/report-suppression";
import type { Suppression } from "../domain/suppression";
import { storedShown } from "../domain/report-shown";

/**
 * The quarter's reports as released to the ministry: one stored release per submission or
 * amendment, each suppressed knowing every release before it (issue #14). Every ministry view,
 * CSV export, analysts' email and the public process page shows a stored release, so no view can
 * show what another hides, and a later release cannot undo an earlier one.
 */

interface StoredRelease {
  reports: {
    areaSlug: string;
    version: number;
    cells: string[];
    hidden: Record<string, Suppression>;
    shown: ShownFigures;
  }[];
  province: ShownFigures;
}

export interface ReleasedQuarter {
  quarter: string;
  /** Each SSM's newest version as the newest release shows it. */
  byArea: Map<string, { version: number; figures: ShownFigures }>;
  province: ShownFigures | null;
  /** Every version ever released ("slug@version"), as last shown. */
  versions: Map<string, ShownFigures>;
}

function parse(row: ReportReleaseRow): StoredRelease {
  const stored = JSON.parse(row.release_json) as StoredRelease;
  return {
    reports: stored.reports.map((r) => ({ ...r, shown: storedShown(r.shown) })),
    province: storedShown(stored.province),
  };
}

function figuresOfRow(row: Pick<QuarterReportRow, "figures_json">): QuarterFigures {
  return JSON.parse(row.figures_json) as QuarterFigures;
}

/**
 * Records a release for every submitted version that has none yet, in submission order: the one
 * just submitted (inside its transaction), or reports submitted before releases were recorded.
 * Returns the newest release, or null when the quarter has no report.
 */
export async function recordReleases(
  trx: DB,
  quarter: string,
  threshold: number,
  now: Date,
): Promise<QuarterRelease | null> {
  const [rows, versions] = await Promise.all([listReleases(trx, quarter), listQuarterVersions(trx, quarter)]);
  const figures = new Map(versions.map((v) => [`${v.area_slug}@${v.version}`, figuresOfRow(v)]));
  const made: { reports: ReleasedReport[] }[] = rows.map((row) => ({
    reports: parse(row).reports.map((r) => ({
      areaSlug: r.areaSlug,
      version: r.version,
      cells: r.cells,
      hidden: r.hidden,
      figures: figures.get(`${r.areaSlug}@${r.version}`)!,
    })),
  }));
  const released = new Set(rows.map((r) => `${r.area_slug}@${r.version}`));
  const latest = new Map<string, number>();
  for (const row of rows)
    for (const r of parse(row).reports) latest.set(r.areaSlug, Math.max(latest.get(r.areaSlug) ?? 0, r.version));
  let newest: QuarterRelease | null = null;
  let sequence = rows.at(-1)?.sequence ?? 0;
  for (const v of versions) {
    if (released.has(`${v.area_slug}@${v.version}`)) continue;
    latest.set(v.area_slug, Math.max(latest.get(v.area_slug) ?? 0, v.version));
    const current = [...latest].map(([areaSlug, version]) => ({
      areaSlug,
      version,
      figures: figures.get(`${areaSlug}@${version}`)!,
    }));
    newest = releaseQuarter(current, releasedSoFar(made), threshold);
    made.push(newest);
    const stored: StoredRelease = {
      reports: newest.reports.map((r) => ({
        areaSlug: r.areaSlug,
        version: r.version,
        cells: r.cells,
        hidden: r.hidden,
        shown: newest!.byArea.get(r.areaSlug)!,
      })),
      province: newest.province,
    };
    sequence += 1;
    await insertRelease(trx, {
      quarter,
      sequence,
      areaSlug: v.area_slug,
      version: v.version,
      threshold,
      releaseJson: JSON.stringify(stored),
      releasedAt: now.toISOString(),
    });
  }
  return newest;
}

/** What the ministry's views show of a quarter: its stored releases (recorded first where missing). */
export async function releasedQuarter(
  db: DB,
  quarter: string,
  threshold: number,
  now = new Date(),
): Promise<ReleasedQuarter> {
  let rows = await listReleases(db, quarter);
  const versions = await listQuarterVersions(db, quarter);
  if (versions.length > rows.length) {
    await writeTransaction(db, (trx) => recordReleases(trx, quarter, threshold, now));
    rows = await listReleases(db, quarter);
  }
  const versionsShown = new Map<string, ShownFigures>();
  let last: StoredRelease | null = null;
  for (const row of rows) {
    last = parse(row);
    for (const r of last.reports) versionsShown.set(`${r.areaSlug}@${r.version}`, r.shown);
  }
  return {
    quarter,
    byArea: new Map((last?.reports ?? []).map((r) => [r.areaSlug, { version: r.version, figures: r.shown }])),
    province: last?.province ?? null,
    versions: versionsShown,
  };
}
