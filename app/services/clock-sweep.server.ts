import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { withSavepoint, writeTransaction, type DB } from "../../db/client";
import { isPostgres } from "../../db/dialect";
import {
  claimRunningClocksDueBy,
  listRunningClocksDueBy,
  listUnremindedAssignedClocksDueBy,
  markClockReminded,
  releaseClockClaims,
  type StoredClock,
} from "../../db/repositories/case-clocks";
import { releaseWorkLease, takeWorkLease } from "../../db/repositories/work-leases";
import { findCaseById } from "../../db/repositories/cases";
import { enqueueEmail } from "../../db/repositories/email-outbox";
import { findUserById } from "../../db/repositories/users";
import { dueSoonReminderEmail } from "../../emails/staff-emails";
import { sweepDueClock } from "../domain/case-lifecycle-provider";
import { observeSweep } from "../utils/metrics.server";
import { reminderDue } from "../domain/case-lifecycle-sweep";
import { caseLink, managersToAlert, staffEmail } from "./case-notifications.server";
import { changeWithNotices } from "./case-notices.server";
import { commitCaseChange, lifecycleInput, loadCaseContext, sharedReads, StaleCaseError } from "./case-records.server";

type GroupReads = ReturnType<typeof sharedReads<Awaited<ReturnType<typeof managersToAlert>>[number]>>;
import { wakeOutboxWorker } from "./outbox-worker.server";
import { logError } from "../utils/log.server";

const BATCH = 200;
// Clocks handled per write transaction: few enough that a request waiting for the connection waits
// a few tens of milliseconds, many enough that commits no longer dominate a round.
const CLOCKS_PER_COMMIT = 50;
const MAX_BATCHES = 50;
// Far enough ahead to cover a long weekend; the business-day test below decides.
const REMINDER_LOOKAHEAD_MS = 6 * 24 * 60 * 60 * 1000;

export interface SweepResult {
  breached: number;
  escalated: number;
  reminded: number;
}

/** Who holds a lease or a claim: this process, wherever it runs. */
const INSTANCE = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const SQLITE_LEASE = "clock-sweep";
// Real time, not the sweep's `now` (which a command may set): a lease is about live processes.
const LEASE_MS = 5 * 60 * 1000;

/**
 * Evaluates the clocks that are due, and only those (through the (state, due_at) index). A breached
 * clock is marked, the SSM's managers are alerted, and a breached decision clock escalates the case.
 * Each clock is handled in its own write transaction and re-checked inside it, so two sweeps running
 * at once (several instances, or the server's and a cron `npm run sweep`) never act on the same
 * clock twice; emails carry unique keys, so none is queued twice either.
 */
export async function sweepClocks(input: { db: DB; now: Date }): Promise<SweepResult> {
  const { db } = input;
  // Several instances on one SQLite file: one sweeps at a time (a lease row), the others skip the
  // round. On PostgreSQL they sweep together, each on the clocks it claimed (claimDueClocks).
  if (!isPostgres(db)) {
    const realNow = Date.now();
    const lease = { name: SQLITE_LEASE, holder: INSTANCE };
    const taken = await takeWorkLease(db, {
      ...lease,
      now: new Date(realNow).toISOString(),
      until: new Date(realNow + LEASE_MS).toISOString(),
    });
    if (!taken) return { breached: 0, escalated: 0, reminded: 0 };
    try {
      return await sweepRound(input);
    } finally {
      await releaseWorkLease(db, lease);
    }
  }
  return sweepRound(input);
}

/** The next batch of due clocks: on PostgreSQL claimed for this instance alone. */
async function nextDueClocks(
  db: DB,
  now: Date,
): Promise<{ clocks: StoredClock[]; release: (ids: number[]) => Promise<void> }> {
  if (!isPostgres(db))
    return { clocks: await listRunningClocksDueBy(db, now.toISOString(), BATCH), release: async () => undefined };
  const realNow = Date.now();
  const leaseUntil = new Date(realNow + LEASE_MS).toISOString();
  const clocks = await claimRunningClocksDueBy(db, {
    now: now.toISOString(),
    realNow: new Date(realNow).toISOString(),
    leaseUntil,
    limit: BATCH,
  });
  return { clocks, release: (ids) => releaseClockClaims(db, ids, leaseUntil) };
}

async function sweepRound(input: { db: DB; now: Date }): Promise<SweepResult> {
  const { db, now } = input;
  const result: SweepResult = { breached: 0, escalated: 0, reminded: 0 };

  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { clocks: due, release } = await nextDueClocks(db, now);
    const untouched: number[] = [];
    for (const outcome of await inCommitGroups(db, due, (trx, clock, reads) => breachIfDue(trx, clock, now, reads))) {
      const clock = outcome.item;
      if (!outcome.ok) {
        untouched.push(clock.id);
        if (!(outcome.error instanceof StaleCaseError))
          logError(`sweep: clock ${clock.id} of case ${clock.caseId} failed`, outcome.error);
      } else if (outcome.value === null) {
        untouched.push(clock.id);
      } else {
        result.breached++;
        if (outcome.value) result.escalated++;
      }
    }
    await release(untouched);
    if (due.length < BATCH) break;
  }

  result.reminded = await sendDueSoonReminders(db, now);
  if (result.breached || result.reminded) wakeOutboxWorker();
  return result;
}

type Outcome<T, R> = { item: T; ok: true; value: R } | { item: T; ok: false; error: unknown };

/**
 * Does `work` for each item, CLOCKS_PER_COMMIT items per write transaction, each item in a savepoint
 * of its own. One commit per group, not per clock: every commit waits for the disk (synchronous
 * FULL), which made a round of 484 breaches take 3 s at a million cases (bench/RESULTS.md); a stale
 * or failing item is still undone alone, and the rest of its group kept.
 */
async function inCommitGroups<T, R>(
  db: DB,
  items: T[],
  work: (trx: DB, item: T, reads: GroupReads) => Promise<R>,
): Promise<Outcome<T, R>[]> {
  const outcomes: Outcome<T, R>[] = [];
  for (let from = 0; from < items.length; from += CLOCKS_PER_COMMIT) {
    const group = items.slice(from, from + CLOCKS_PER_COMMIT);
    // Each area, policy version and SSM's managers read once per group, not once per clock.
    const reads = sharedReads(managersToAlert);
    try {
      const settled = await writeTransaction(db, async (groupTrx) => {
        const inGroup: Outcome<T, R>[] = [];
        for (const item of group) {
          try {
            inGroup.push({ item, ok: true, value: await withSavepoint(groupTrx, (trx) => work(trx, item, reads)) });
          } catch (error) {
            inGroup.push({ item, ok: false, error });
          }
        }
        return inGroup;
      });
      outcomes.push(...settled);
    } catch (error) {
      // The commit itself failed (the disk, a lock held too long): nothing of the group was kept.
      outcomes.push(...group.map((item) => ({ item, ok: false as const, error })));
    }
  }
  return outcomes;
}

/**
 * Asks the lifecycle rules what one due clock's breach changes (the mark, dated at the deadline; the
 * managers' alert; the escalation of a missed decision) and commits it. Null when there was nothing
 * to do: another sweep or an action got there first (re-checked here, inside the write transaction).
 */
async function breachIfDue(trx: DB, clock: StoredClock, now: Date, reads: GroupReads): Promise<boolean | null> {
  const row = await findCaseById(trx, clock.caseId);
  if (!row) return null;
  const context = await loadCaseContext(trx, row, reads);
  const stored = context.clocks.find((c) => c.id === clock.id);
  if (!stored) return null;
  const result = sweepDueClock(lifecycleInput(row, context, now), stored);
  if (!result) return null;
  const change = await changeWithNotices({
    trx,
    row,
    context,
    change: result.change,
    actor: { kind: "system", userId: null },
    now,
    managersOf: reads.managersOf,
  });
  change.audit = {
    actorUserId: null,
    actorLabel: "sweep",
    organizationId: context.area.ssm.id,
    action: "clock.breached",
    details: { kind: stored.kind, level: stored.level },
  };
  await commitCaseChange(trx, row, change, now);
  return result.escalated;
}

/** One reminder to the assignee when a clock is due within one business day. */
async function sendDueSoonReminders(db: DB, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const candidates = await listUnremindedAssignedClocksDueBy(
    db,
    nowIso,
    new Date(now.getTime() + REMINDER_LOOKAHEAD_MS).toISOString(),
    BATCH,
  );
  let sent = 0;
  for (const outcome of await inCommitGroups(db, candidates, (trx, clock, reads) =>
    remindIfDueSoon(trx, clock, now, reads),
  )) {
    if (!outcome.ok) logError(`sweep: reminder for clock ${outcome.item.id} failed`, outcome.error);
    else if (outcome.value) sent++;
  }
  return sent;
}

async function remindIfDueSoon(
  trx: DB,
  clock: StoredClock & { assigneeId: number },
  now: Date,
  reads: GroupReads,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const row = await findCaseById(trx, clock.caseId);
  if (!row) return false;
  const context = await loadCaseContext(trx, row, reads);
  if (!reminderDue(clock, { policy: context.policy.policy, now })) return false;
  const assignee = await findUserById(trx, clock.assigneeId);
  if (!assignee || assignee.disabled_at) return false;
  if (!(await markClockReminded(trx, clock.id, nowIso))) return false;
  const email = dueSoonReminderEmail({
    language: assignee.language,
    staffName: assignee.display_name,
    reference: row.reference,
    caseLink: caseLink(row.reference),
    clockKind: clock.kind,
    level: clock.level,
    dueAt: clock.dueAt,
  });
  await enqueueEmail(trx, staffEmail(row, `clock:${clock.id}:reminder`, "due_soon_reminder", assignee, email), nowIso);
  return true;
}

/** Runs the sweep every `intervalMs` inside the server; a slow round is never overlapped. */
export function startClockSweeper(input: {
  db: DB;
  intervalMs: number;
  /** Other time-driven work that shares the sweep's rhythm (report reminders). */
  alsoEachRound?: (now: Date) => Promise<unknown>;
}): { stop: () => void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      const startedAt = performance.now();
      const { breached } = await sweepClocks({ db: input.db, now });
      observeSweep({ seconds: (performance.now() - startedAt) / 1000, breached });
      await input.alsoEachRound?.(now);
    } catch (error) {
      logError("sweep: round failed", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), input.intervalMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
