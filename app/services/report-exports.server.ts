import type { DB } from "../../db/client";
import { listAreasWithSsm } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { listLatestReports, listQuartersWithReports } from "../../db/repositories/quarter-reports";
import type { Language } from "../../db/schema";
import type { CsvQuery } from "../domain/report-input";
import { figureLabel, flattenShown } from "../domain/report-labels";
import type { ShownFigures } from "../domain/report-suppression";
import { labelText, translator } from "../i18n";
import { csvCount } from "../utils/format-figures";
import { actorOf, authorize } from "./access.server";
import type { SessionUser } from "./auth.server";
import { reportAccessFor } from "./quarter-reports.server";
import { releasedQuarter } from "./report-releases.server";
import { reportPageView, type ReportSettings } from "./report-pages.server";
import { nameIn } from "../i18n/localized";
import { COMPARISON_COLUMNS } from "../domain/report-comparison";
import { comparisonCsvCell, comparisonCsvHeader } from "../utils/report-comparison-cells";

type Cell = string | number | null;

const HEADER = ["quarter", "area_code", "ssm", "version", "submitted_at", "figure", "category", "label", "value"];

interface Source {
  quarter: string;
  areaCode: string;
  ssm: string;
  version: number | null;
  submittedAt: string | null;
  figures: ShownFigures;
}

function* rowsOf(source: Source, threshold: number, language: Language): Generator<Cell[]> {
  const t = translator(language);
  for (const cell of flattenShown(source.figures)) {
    const value = cell.value === "small" || cell.value === "hidden" ? csvCount(cell.value, threshold) : cell.value;
    yield [
      source.quarter,
      source.areaCode,
      source.ssm,
      source.version,
      source.submittedAt,
      cell.path,
      cell.key,
      labelText(t, figureLabel(cell.path, cell.key, cell.label?.[language])),
      value,
    ];
  }
}

interface CsvRequest {
  db: DB;
  user: SessionUser;
  query: CsvQuery;
  settings: ReportSettings;
  language: Language;
  now: Date;
}

/**
 * The rows of a CSV export, produced lazily: the whole-history export reads one quarter's reports
 * at a time, so memory does not grow with the number of quarters. Null when the person may not
 * export this view (404). Every export allowed is audited (who, which view, their organization)
 * before its first row leaves.
 */
export async function reportCsvRows(input: CsvRequest): Promise<AsyncIterable<Cell[]> | null> {
  const rows = await csvRowsFor(input);
  if (!rows) return null;
  await appendAuditEntry(input.db, {
    at: input.now.toISOString(),
    actorUserId: input.user.id,
    actorLabel: input.user.email,
    organizationId: input.user.organization_id,
    action: "report.exported",
    targetType: "report_export",
    targetId: input.query.view,
    details: { ...input.query, language: input.language },
  });
  return rows;
}

async function csvRowsFor(input: CsvRequest): Promise<AsyncIterable<Cell[]> | null> {
  const { db, user, query, settings, language } = input;
  const ministry = authorize(await actorOf(db, user), "report.read_province");
  const areas = await listAreasWithSsm(db);
  const names = new Map(areas.map((a) => [a.slug, { code: a.code, ssm: nameIn(a.ssm, language) }]));
  const province = language === "fr" ? "Ontario (toutes les GSS)" : "Ontario (all SSMs)";

  async function* quarterRows(quarter: string, only: string | null): AsyncGenerator<Cell[]> {
    const latest = await listLatestReports(db, [quarter]);
    if (latest.length === 0) return;
    const released = await releasedQuarter(db, quarter, settings.threshold, input.now);
    for (const row of latest) {
      if (only !== null && row.area_slug !== only) continue;
      const name = names.get(row.area_slug);
      yield* rowsOf(
        {
          quarter,
          areaCode: name?.code ?? row.area_slug,
          ssm: name?.ssm ?? row.area_slug,
          version: row.version,
          submittedAt: row.submitted_at,
          figures: released.byArea.get(row.area_slug)!.figures,
        },
        settings.threshold,
        language,
      );
    }
    if (only === null || only === "province") {
      yield* rowsOf(
        { quarter, areaCode: "ON", ssm: province, version: null, submittedAt: null, figures: released.province! },
        settings.threshold,
        language,
      );
    }
  }

  /** The comparison as on screen: each SSM's newest report, then Ontario; the page's names and words. */
  async function comparisonTableRows(quarter: string): Promise<AsyncIterable<Cell[]>> {
    const latest = await listLatestReports(db, [quarter]);
    const released = latest.length ? await releasedQuarter(db, quarter, settings.threshold, input.now) : null;
    const versions = new Map(latest.map((row) => [row.area_slug, row.version]));
    const ctx = { threshold: settings.threshold, language };
    // In the page's order (the areas'), named as the page names them.
    const rows = areas
      .filter((a) => versions.has(a.slug))
      .map((a) => ({
        name: `${nameIn(a, language)} (${nameIn(a.ssm, language)})`,
        version: versions.get(a.slug)!,
        slug: a.slug,
      }));
    return (async function* () {
      yield comparisonCsvHeader(COMPARISON_COLUMNS, language);
      if (!released) return;
      for (const row of rows) {
        const figures = released.byArea.get(row.slug)!.figures;
        yield [
          row.name,
          row.version,
          ...COMPARISON_COLUMNS.map((c) => comparisonCsvCell(c, figures, { ...ctx, province: false })),
        ];
      }
      const t = translator(language);
      yield [
        t("reports.ministry.province"),
        "",
        ...COMPARISON_COLUMNS.map((c) => comparisonCsvCell(c, released.province!, { ...ctx, province: true })),
      ];
    })();
  }

  switch (query.view) {
    case "comparison":
      if (!ministry) return null;
      return (async function* () {
        yield HEADER;
        yield* quarterRows(query.quarter, null);
      })();
    case "table":
      if (!ministry) return null;
      return comparisonTableRows(query.quarter);
    case "all":
    case "trend": {
      const only = query.view === "all" ? null : (query.area ?? "province");
      if (!ministry) {
        // An SSM's people may export their own trend, as the ministry sees it.
        if (only === null || only === "province" || (await reportAccessFor(db, user, only))?.kind !== "ssm")
          return null;
      }
      const quarters = await listQuartersWithReports(db);
      return (async function* () {
        yield HEADER;
        for (const quarter of quarters) yield* quarterRows(quarter, only === "province" ? "province" : only);
      })();
    }
    case "report": {
      const view = await reportPageView({
        db,
        user,
        areaSlug: query.area,
        quarter: query.quarter,
        version: query.version ?? null,
        settings,
        now: input.now,
      });
      if (!view) return null;
      const figures = view.kind === "ministry" ? view.selected?.figures : view.figures;
      if (!figures) return null;
      const name = names.get(query.area)!;
      const source: Source = {
        quarter: query.quarter,
        areaCode: name.code,
        ssm: name.ssm,
        version: view.selected?.version ?? null,
        submittedAt: view.selected?.submittedAt ?? null,
        figures,
      };
      return (async function* () {
        yield HEADER;
        yield* rowsOf(source, settings.threshold, language);
      })();
    }
  }
}
