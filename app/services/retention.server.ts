import { rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { writeTransaction, type DB } from "../../db/client";
import { deleteAttachmentChunks } from "../../db/repositories/attachment-chunks";
import { findAreaWithSsm } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import {
  listAreasWithSurveyComments,
  listCasesToPurge,
  listFilesOfPurgedCases,
  listQuartersWithSurveyComments,
  purgeCases,
  removeSurveyComments,
} from "../../db/repositories/retention";
import { FINISHED_STATUSES } from "../domain/case-workflow";
import { parseQuarterId, quarterBounds } from "../domain/fiscal-quarter";

// Retention (issue 7): the personal information of a case ended more than N years ago is removed;
// what the report figures count stays, so every figure, live or submitted, is unchanged. Why the
// client-group answers stay: docs/decisions/005-retention.md.

const BATCH = 200;

export interface PurgeCounts {
  cases: number;
  events: number;
  eventData: number;
  attachments: number;
  emails: number;
  filerSessions: number;
  surveyInvitations: number;
  surveyComments: number;
  /** Attachment files deleted from ATTACHMENTS_DIR (or, in a dry run, that would be). */
  files: number;
}

export interface PurgeResult extends PurgeCounts {
  cutoff: string;
  olderThanYears: number;
  dryRun: boolean;
}

/** The same instant `years` calendar years before `now` (29 February falls back to 1 March). */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

function noCounts(): PurgeCounts {
  return {
    cases: 0,
    events: 0,
    eventData: 0,
    attachments: 0,
    emails: 0,
    filerSessions: 0,
    surveyInvitations: 0,
    surveyComments: 0,
    files: 0,
  };
}

class DryRunRollback extends Error {}

async function removeFiles(dir: string, storedNames: readonly string[], dryRun: boolean): Promise<number> {
  let removed = 0;
  for (const name of storedNames) {
    const path = join(dir, name);
    const present = await stat(path).then(
      () => true,
      () => false,
    );
    if (!present) continue;
    if (!dryRun) await rm(path, { force: true });
    removed++;
  }
  return removed;
}

/**
 * Removes the personal information of every case closed, withdrawn, referred out or referred to the
 * ministry more than `olderThanYears` before `now`: the filer's name, contacts, access code and
 * texts, the timeline's texts, attachment files and names, the case's emails, filer sessions and
 * survey invitation, and the survey comments of quarters that ended before then. Each SSM's cases
 * are purged in batches, each in one write transaction with an audit entry of counts (no personal
 * data); files are deleted after their transaction commits. A dry run does the same work, counts
 * it and rolls it back. Running it again changes nothing.
 */
export async function purgeExpiredPersonalInformation(input: {
  db: DB;
  now: Date;
  olderThanYears: number;
  attachmentsDir: string;
  dryRun: boolean;
}): Promise<PurgeResult> {
  const { db, now, dryRun } = input;
  const nowIso = now.toISOString();
  const cutoff = retentionCutoff(now, input.olderThanYears).toISOString();
  const total = noCounts();

  // Files of cases purged by an earlier run that stopped between its commit and its deletions.
  total.files += await removeFiles(input.attachmentsDir, await listFilesOfPurgedCases(db), dryRun);

  const due = await listCasesToPurge(db, { statuses: FINISHED_STATUSES, cutoff });
  const areas = new Set([...due.map((c) => c.areaSlug), ...(await listAreasWithSurveyComments(db))]);
  for (const areaSlug of [...areas].sort()) {
    const ids = due.filter((c) => c.areaSlug === areaSlug).map((c) => c.id);
    const batches: number[][] = [];
    for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
    if (batches.length === 0) batches.push([]); // survey comments only

    for (const [index, batch] of batches.entries()) {
      const counts = noCounts();
      let storedNames: string[] = [];
      try {
        await writeTransaction(db, async (trx) => {
          const area = await findAreaWithSsm(trx, areaSlug);
          if (!area) throw new Error(`Cases of unknown area ${areaSlug}`);
          // Re-checked under the write lock: a case reopened since it was listed is left alone.
          const eligible = batch.length
            ? (await listCasesToPurge(trx, { statuses: FINISHED_STATUSES, cutoff, ids: batch })).map((c) => c.id)
            : [];
          const purged = await purgeCases(trx, eligible, nowIso);
          storedNames = purged.storedNames;
          // Files kept in the database (ATTACHMENTS_STORE=database) go in the same transaction.
          counts.files = await deleteAttachmentChunks(trx, storedNames);
          Object.assign(counts, {
            cases: purged.caseIds.length,
            events: purged.events,
            eventData: purged.eventData,
            attachments: purged.attachments,
            emails: purged.emails,
            filerSessions: purged.filerSessions,
            surveyInvitations: purged.surveyInvitations,
          });
          if (index === 0) {
            const expired = (await listQuartersWithSurveyComments(trx, areaSlug)).filter((q) => {
              const quarter = parseQuarterId(q);
              return quarter !== null && quarterBounds(quarter, area.time_zone).end.toISOString() <= cutoff;
            });
            counts.surveyComments = await removeSurveyComments(trx, areaSlug, expired);
          }
          if (counts.cases === 0 && counts.surveyComments === 0) return;
          const { files: _files, ...recorded } = counts;
          await appendAuditEntry(trx, {
            at: nowIso,
            actorUserId: null,
            actorLabel: "retention",
            organizationId: area.ssm.id,
            action: "retention.purged",
            targetType: "area",
            targetId: areaSlug,
            details: { olderThanYears: input.olderThanYears, cutoff, ...recorded },
          });
          if (dryRun) throw new DryRunRollback();
        });
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
      }
      counts.files += await removeFiles(input.attachmentsDir, storedNames, dryRun);
      for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += counts[key];
    }
  }
  return { ...total, cutoff, olderThanYears: input.olderThanYears, dryRun };
}
