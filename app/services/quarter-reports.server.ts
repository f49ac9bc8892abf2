import { writeTransaction, type DB } from "../../db/client";
import { findAreaWithSsm, listAreasWithSsm, type AreaWithSsm } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { enqueueEmail } from "../../db/repositories/email-outbox";
import {
  findDraft,
  latestSubmittedQuarterOf,
  insertReportVersion,
  latestVersionNumber,
  listActiveAnalysts,
  listLatestReports,
  listReportVersions,
  saveDraft,
} from "../../db/repositories/quarter-reports";
import { computeQuarterFigures, type QuarterPeriod } from "../../db/repositories/report-figures";
import type { QuarterReportRow } from "../../db/schema";
import { reportSubmittedEmail } from "../../emails/report-emails";
import {
  fiscalQuarterOf,
  formatQuarterId,
  nextQuarter,
  parseQuarterId,
  previousQuarter,
  quarterBounds,
} from "../domain/fiscal-quarter";
import type { QuarterFigures } from "../domain/report-figures";
import type { Narrative } from "../domain/vocabulary";
import type { ShownFigures } from "../domain/report-suppression";
import { addDays, instantAt, localDateOf } from "../domain/time-zone";
import { fieldRefused, refused, type Result } from "../domain/result";
import { publicUrl } from "../utils/env.server";
import { recordReleases, releasedQuarter } from "./report-releases.server";
import type { SessionUser } from "./auth.server";
import { actorOf, authorize } from "./access.server";
import { nameIn } from "../i18n/localized";

/** Fiscal quarters are the province's: their bounds are Toronto midnights for every SSM. */
// One definition with the report facts, which file each open-count change under its quarter.
export { REPORTING_TIME_ZONE } from "../domain/report-facts";
import { REPORTING_TIME_ZONE } from "../domain/report-facts";

export function periodOf(areaSlug: string, quarterId: string): QuarterPeriod | null {
  const q = parseQuarterId(quarterId);
  if (!q) return null;
  const { start, end } = quarterBounds(q, REPORTING_TIME_ZONE);
  return { areaSlug, quarter: quarterId, start: start.toISOString(), end: end.toISOString() };
}

export function currentQuarterId(now: Date): string {
  return formatQuarterId(fiscalQuarterOf(now, REPORTING_TIME_ZONE));
}

/** The quarter that closed most recently: the one reports are being written for. */
export function lastClosedQuarterId(now: Date): string {
  return formatQuarterId(previousQuarter(fiscalQuarterOf(now, REPORTING_TIME_ZONE)));
}

/** The `count` quarters up to and including `last`, oldest first. */
export function quartersEndingWith(last: string, count: number): string[] {
  let q = parseQuarterId(last);
  if (!q) return [];
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    out.unshift(formatQuarterId(q));
    q = previousQuarter(q);
  }
  return out;
}

export function quarterHasEnded(quarterId: string, now: Date): boolean {
  const q = parseQuarterId(quarterId);
  return q !== null && quarterBounds(q, REPORTING_TIME_ZONE).end.getTime() <= now.getTime();
}

/**
 * A report is due by the end of the `dueDays`th calendar day after its quarter ends: 30 days after
 * a quarter ending September 30 is the end of October 30 (Toronto). The last instant of that day.
 */
export function reportDueAt(quarterId: string, dueDays: number): Date {
  const q = parseQuarterId(quarterId);
  if (!q) throw new RangeError(`Not a quarter: ${quarterId}`);
  const nextStart = quarterBounds(nextQuarter(q), REPORTING_TIME_ZONE).start;
  const lateFrom = instantAt(addDays(localDateOf(nextStart, REPORTING_TIME_ZONE), dueDays), 0, REPORTING_TIME_ZONE);
  return new Date(lateFrom.getTime() - 1);
}

export function reportLink(areaSlug: string, quarterId: string): string {
  return `${publicUrl()}/reports/${areaSlug}/${quarterId}`;
}

export type ReportAccess =
  { kind: "ssm"; area: AreaWithSsm; canSubmit: boolean } | { kind: "ministry"; area: AreaWithSsm };

/**
 * Who may see an SSM's report, and how: its own staff see the live draft and every version in full
 * (they hold the cases); managers also write and submit; the ministry sees submitted versions,
 * suppressed. Anyone else gets null (shown as 404).
 */
export async function reportAccessFor(db: DB, user: SessionUser, areaSlug: string): Promise<ReportAccess | null> {
  const area = await findAreaWithSsm(db, areaSlug);
  if (!area) return null;
  const actor = await actorOf(db, user);
  const resource = { type: "area", areaSlug: area.slug } as const;
  if (authorize(actor, "report.read_province", resource)) return { kind: "ministry", area };
  if (!authorize(actor, "report.read", resource)) return null;
  return { kind: "ssm", area, canSubmit: authorize(actor, "report.submit", resource) };
}

export async function liveFigures(db: DB, areaSlug: string, quarterId: string, now: Date): Promise<QuarterFigures> {
  const period = periodOf(areaSlug, quarterId);
  if (!period) throw new RangeError(`Not a quarter: ${quarterId}`);
  // A quarter still under way is counted up to now; its end would count events yet to happen.
  return computeQuarterFigures(db, period, now.toISOString());
}

export function figuresOf(row: Pick<QuarterReportRow, "figures_json">): QuarterFigures {
  return JSON.parse(row.figures_json) as QuarterFigures;
}

export function narrativeOf(
  row: Pick<QuarterReportRow, "actions_taken" | "lessons_learned" | "systemic_issues">,
): Narrative {
  return { actionsTaken: row.actions_taken, lessonsLearned: row.lessons_learned, systemicIssues: row.systemic_issues };
}

/** The narrative the manager is writing: the saved draft, else the last submitted version's. */
export async function currentNarrative(db: DB, areaSlug: string, quarterId: string): Promise<Narrative> {
  const draft = await findDraft(db, areaSlug, quarterId);
  if (draft) return narrativeOf(draft);
  const versions = await listReportVersions(db, areaSlug, quarterId);
  const last = versions.at(-1);
  return last ? narrativeOf(last) : { actionsTaken: "", lessonsLearned: "", systemicIssues: "" };
}

export async function saveNarrativeDraft(input: {
  db: DB;
  user: SessionUser;
  areaSlug: string;
  quarter: string;
  narrative: Narrative;
  now: Date;
}): Promise<void> {
  await writeTransaction(input.db, async (trx) => {
    await saveDraft(trx, input.areaSlug, input.quarter, input.narrative, input.user.id, input.now.toISOString());
    await appendAuditEntry(trx, {
      at: input.now.toISOString(),
      actorUserId: input.user.id,
      actorLabel: input.user.email,
      organizationId: input.user.organization_id,
      action: "report.draft_saved",
      targetType: "quarter_report",
      targetId: `${input.areaSlug}/${input.quarter}`,
      details: null,
    });
  });
}

export type SubmitResult = Result<{ version: number }>;

/**
 * Freezes the quarter's figures, computed inside the write transaction, with the narrative, who
 * and when. A second submission is an amendment and needs a reason. `expectedVersion` is the
 * newest version the manager saw: a double click or a colleague's submission in between is
 * refused instead of filing an amendment nobody meant.
 */
export async function submitQuarterReport(input: {
  db: DB;
  user: SessionUser;
  areaSlug: string;
  quarter: string;
  narrative: Narrative;
  amendmentReason: string | null;
  expectedVersion: number;
  threshold: number;
  now: Date;
}): Promise<SubmitResult> {
  const { db, user, areaSlug, quarter, now } = input;
  if (!quarterHasEnded(quarter, now)) return refused("conflict", "reports.form.notEndedRefusal");
  const reason = input.amendmentReason?.trim() || null;
  return writeTransaction(db, async (trx): Promise<SubmitResult> => {
    const latest = await latestVersionNumber(trx, areaSlug, quarter);
    if (latest !== input.expectedVersion) return refused("conflict", "reports.form.stale");
    if (latest > 0 && !reason) return fieldRefused("amendmentReason", "error.amendmentReason");
    const version = latest + 1;
    const figures = await computeQuarterFigures(trx, periodOf(areaSlug, quarter)!, now.toISOString());
    await insertReportVersion(trx, {
      areaSlug,
      quarter,
      version,
      figuresJson: JSON.stringify(figures),
      narrative: input.narrative,
      amendmentReason: latest > 0 ? reason : null,
      submittedBy: user.id,
      submittedAt: now.toISOString(),
    });
    await saveDraft(trx, areaSlug, quarter, input.narrative, user.id, now.toISOString());
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: version === 1 ? "report.submitted" : "report.amended",
      targetType: "quarter_report",
      targetId: `${areaSlug}/${quarter}`,
      details: { version, received: figures.received.total, decided: figures.decided.total },
    });
    // The submission is a release to the ministry: recorded, suppressed knowing every release
    // before it, and the analysts' email carries the figures exactly as released.
    const shown = (await recordReleases(trx, quarter, input.threshold, now))!.byArea.get(areaSlug)!;
    const area = (await findAreaWithSsm(trx, areaSlug))!;
    for (const analyst of await listActiveAnalysts(trx)) {
      const email = reportSubmittedEmail({
        language: analyst.language,
        name: analyst.display_name,
        ssmName: nameIn(area.ssm, analyst.language),
        areaName: nameIn(area, analyst.language),
        quarter,
        version,
        figures: shown,
        threshold: input.threshold,
        link: reportLink(areaSlug, quarter),
      });
      await enqueueEmail(
        trx,
        {
          dedupeKey: `report:${areaSlug}:${quarter}:v${version}:user:${analyst.id}`,
          caseId: null,
          recipient: analyst.email,
          language: analyst.language,
          template: version === 1 ? "report_submitted" : "report_amended",
          ...email,
        },
        now.toISOString(),
      );
    }
    return { ok: true, version };
  });
}

export interface ShownVersion {
  version: number;
  submittedAt: string;
  amendmentReason: string | null;
  narrative: Narrative;
  figures: ShownFigures;
}

/**
 * Every submitted version of one SSM's quarter as the ministry sees it: each as it was last
 * released, so an older version's page shows nothing its release did not.
 */
export async function versionsForMinistry(
  db: DB,
  areaSlug: string,
  quarter: string,
  threshold: number,
): Promise<ShownVersion[]> {
  const released = await releasedQuarter(db, quarter, threshold);
  const versions = await listReportVersions(db, areaSlug, quarter);
  return versions.map((v) => ({
    version: v.version,
    submittedAt: v.submitted_at,
    amendmentReason: v.amendment_reason,
    narrative: narrativeOf(v),
    figures: released.versions.get(`${areaSlug}@${v.version}`)!,
  }));
}

export interface ComparisonRow {
  area: AreaWithSsm;
  dueAt: string;
  late: boolean;
  report: { version: number; submittedAt: string; figures: ShownFigures } | null;
}

/** Every SSM for one quarter: its newest submitted report (suppressed) or when it is due. */
export async function quarterComparison(db: DB, quarter: string, threshold: number, dueDays: number, now: Date) {
  const [areas, latest] = await Promise.all([listAreasWithSsm(db), listLatestReports(db, [quarter])]);
  const released = await releasedQuarter(db, quarter, threshold, now);
  const dueAt = reportDueAt(quarter, dueDays);
  const rows: ComparisonRow[] = areas.map((area) => {
    const row = latest.find((r) => r.area_slug === area.slug);
    return {
      area,
      dueAt: dueAt.toISOString(),
      late: !row && now.getTime() > dueAt.getTime(),
      report: row
        ? { version: row.version, submittedAt: row.submitted_at, figures: released.byArea.get(area.slug)!.figures }
        : null,
    };
  });
  return {
    quarter,
    rows,
    province: latest.length ? released.province : null,
    submitted: latest.length,
    expected: areas.length,
  };
}

/** One SSM's (or, with null, the province's) suppressed figures for each quarter, oldest first. */
export async function quarterTrend(db: DB, areaSlug: string | null, quarters: readonly string[], threshold: number) {
  const latest = await listLatestReports(db, quarters);
  const out: { quarter: string; figures: ShownFigures | null }[] = [];
  for (const quarter of quarters) {
    if (!latest.some((r) => r.quarter === quarter)) {
      out.push({ quarter, figures: null });
      continue;
    }
    const released = await releasedQuarter(db, quarter, threshold);
    out.push({
      quarter,
      figures: areaSlug === null ? released.province : (released.byArea.get(areaSlug)?.figures ?? null),
    });
  }
  return out;
}

/**
 * What the process page tells the public about the SSM's last submitted quarter: cases received,
 * the share of first-level decisions on time and the median business days they took, and where
 * complaints go to the provider first, how many were resolved there and the provider's on-time
 * share; suppressed exactly as the ministry sees them.
 */
export async function publicQuarterFigures(db: DB, areaSlug: string, threshold: number) {
  const quarter = await latestSubmittedQuarterOf(db, areaSlug);
  return quarter ? publishedQuarterFigures(db, areaSlug, quarter, threshold) : null;
}

/**
 * The figures published to the public for one SSM's quarter (the process page's, and the open
 * data's of issue #22): read from the stored release the ministry sees, never computed again, so
 * every channel hides exactly what the ministry's pages hide. Null when it has no submitted report.
 */
export async function publishedQuarterFigures(db: DB, areaSlug: string, quarter: string, threshold: number) {
  const shown = (await releasedQuarter(db, quarter, threshold)).byArea.get(areaSlug)?.figures;
  if (!shown) return null;
  const decision = shown.clocks.find((c) => c.kind === "decision" && c.level === 1);
  const provider = shown.clocks.find((c) => c.kind === "provider_response");
  return {
    quarter,
    received: shown.received.total,
    onTimeShare: decision?.onTimeShare ?? null,
    medianDays: decision?.medianDays ?? null,
    // The provider stage (issue #17); the page shows it where the SSM's policy refers complaints.
    providerStage: { resolved: shown.providerStage.resolved, onTimeShare: provider?.onTimeShare ?? null },
  };
}
