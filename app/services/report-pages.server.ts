import type { DB } from "../../db/client";
import { listReportVersions, listSubmittedQuarters } from "../../db/repositories/quarter-reports";
import { parseQuarterId, quarterBounds } from "../domain/fiscal-quarter";
import { figureChanges } from "../domain/report-labels";
import { asShown } from "../domain/report-shown";
import type { ShownFigures } from "../domain/report-suppression";
import type { SessionUser } from "./auth.server";
import {
  currentNarrative,
  currentQuarterId,
  figuresOf,
  lastClosedQuarterId,
  liveFigures,
  narrativeOf,
  quarterHasEnded,
  quarterTrend,
  quartersEndingWith,
  reportAccessFor,
  reportDueAt,
  REPORTING_TIME_ZONE,
  versionsForMinistry,
} from "./quarter-reports.server";

export interface ReportSettings {
  threshold: number;
  dueDays: number;
}

function areaNames(access: {
  area: { slug: string; code: string; name_en: string; name_fr: string; ssm: { name_en: string; name_fr: string } };
}) {
  const { area } = access;
  return {
    slug: area.slug,
    code: area.code,
    name_en: area.name_en,
    name_fr: area.name_fr,
    ssm_en: area.ssm.name_en,
    ssm_fr: area.ssm.name_fr,
  };
}

/**
 * Everything the report page shows one person. SSM staff: the live draft, the narrative being
 * written and every frozen version, in full. The ministry: submitted versions only, suppressed,
 * each with what changed from the one before. Null when the person may not see it (404).
 */
export async function reportPageView(input: {
  db: DB;
  user: SessionUser;
  areaSlug: string;
  quarter: string;
  version: number | null;
  settings: ReportSettings;
  now: Date;
}) {
  const { db, user, quarter, settings, now } = input;
  const q = parseQuarterId(quarter);
  if (!q || quarterBounds(q, REPORTING_TIME_ZONE).start.getTime() > now.getTime()) return null;
  const access = await reportAccessFor(db, user, input.areaSlug);
  if (!access) return null;
  const common = {
    area: areaNames(access),
    quarter,
    ended: quarterHasEnded(quarter, now),
    dueAt: reportDueAt(quarter, settings.dueDays).toISOString(),
    threshold: settings.threshold,
  };

  if (access.kind === "ministry") {
    const versions = await versionsForMinistry(db, access.area.slug, quarter, settings.threshold);
    const shown = versions.map((v, i) => ({
      ...v,
      changes: i === 0 ? [] : figureChanges(versions[i - 1]!.figures, v.figures),
    }));
    const selected = shown.find((v) => v.version === input.version) ?? shown.at(-1) ?? null;
    if (input.version !== null && selected?.version !== input.version) return null;
    return { ...common, kind: "ministry" as const, versions: shown.map(({ figures: _, ...rest }) => rest), selected };
  }

  const rows = await listReportVersions(db, access.area.slug, quarter);
  const versions = rows.map((v) => ({
    version: v.version,
    submittedAt: v.submitted_at,
    submittedBy: v.submitted_by_name,
    amendmentReason: v.amendment_reason,
    narrative: narrativeOf(v),
    figures: asShown(figuresOf(v)),
  }));
  const frozen = input.version === null ? null : (versions.find((v) => v.version === input.version) ?? null);
  if (input.version !== null && !frozen) return null;
  const figures: ShownFigures = frozen
    ? frozen.figures
    : asShown(await liveFigures(db, access.area.slug, quarter, now));
  return {
    ...common,
    kind: "ssm" as const,
    canSubmit: access.canSubmit,
    latestVersion: versions.length,
    narrative: await currentNarrative(db, access.area.slug, quarter),
    versions: versions.map(({ figures: _, ...rest }) => rest),
    selected: frozen,
    figures,
    computedAt: now.toISOString(),
  };
}

/** An SSM's quarters (the last eight), each with its status, and its trend across them. */
export async function areaReportsView(input: {
  db: DB;
  user: SessionUser;
  areaSlug: string;
  settings: ReportSettings;
  now: Date;
}) {
  const access = await reportAccessFor(input.db, input.user, input.areaSlug);
  if (!access) return null;
  const current = currentQuarterId(input.now);
  const quarters = quartersEndingWith(current, 8);
  const submitted = await listSubmittedQuarters(input.db, access.area.slug);
  const status = quarters
    .map((quarter) => {
      const s = submitted.find((x) => x.quarter === quarter);
      const dueAt = reportDueAt(quarter, input.settings.dueDays);
      return {
        quarter,
        ended: quarterHasEnded(quarter, input.now),
        dueAt: dueAt.toISOString(),
        version: s?.version ?? 0,
        submittedAt: s?.submitted_at ?? null,
        late: !s && input.now.getTime() > dueAt.getTime(),
      };
    })
    .reverse();
  const closed = quartersEndingWith(lastClosedQuarterId(input.now), 8);
  const [trend, province] = await Promise.all([
    quarterTrend(input.db, access.area.slug, closed, input.settings.threshold),
    quarterTrend(input.db, null, closed, input.settings.threshold),
  ]);
  return {
    kind: access.kind,
    area: areaNames(access),
    quarters: status,
    trend,
    province,
    threshold: input.settings.threshold,
  };
}
