import type { Kysely } from "kysely";
import type { Clock, ClockExtension, ClockPause, ClockState } from "../../app/domain/case-clocks";
import type { CaseClockRow, Database } from "../schema";

export interface StoredClock extends Clock {
  id: number;
  caseId: number;
  remindedAt: string | null;
}

function toClock(row: CaseClockRow): StoredClock {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    level: row.level,
    startedAt: row.started_at,
    dueAt: row.due_at,
    state: row.state,
    pausedAt: row.paused_at,
    pausedBusinessMs: row.paused_business_ms,
    metAt: row.met_at,
    breachedAt: row.breached_at,
    takenBusinessDays: row.taken_business_days,
    pausedBusinessDays: row.paused_business_days,
    remindedAt: row.reminded_at,
    pauses: row.pauses_json ? (JSON.parse(row.pauses_json) as ClockPause[]) : [],
    extension: row.extension_json ? (JSON.parse(row.extension_json) as ClockExtension) : null,
  };
}

function pausesJson(clock: Clock): string | null {
  return clock.pauses?.length ? JSON.stringify(clock.pauses) : null;
}

function extensionJson(clock: Clock): string | null {
  return clock.extension ? JSON.stringify(clock.extension) : null;
}

export async function insertClock(db: Kysely<Database>, caseId: number, clock: Clock): Promise<void> {
  await db
    .insertInto("case_clocks")
    .values({
      case_id: caseId,
      kind: clock.kind,
      level: clock.level,
      started_at: clock.startedAt,
      due_at: clock.dueAt,
      state: clock.state,
      paused_at: clock.pausedAt,
      paused_business_ms: clock.pausedBusinessMs,
      met_at: clock.metAt,
      breached_at: clock.breachedAt,
      taken_business_days: clock.takenBusinessDays ?? null,
      paused_business_days: clock.pausedBusinessDays ?? null,
      reminded_at: null,
      pauses_json: pausesJson(clock),
      extension_json: extensionJson(clock),
    })
    .execute();
}

export async function listClocksOfCase(db: Kysely<Database>, caseId: number): Promise<StoredClock[]> {
  const rows = await db.selectFrom("case_clocks").selectAll().where("case_id", "=", caseId).orderBy("id").execute();
  return rows.map(toClock);
}

/** The clocks of several cases at once (a queue page's), by case id. */
export async function listClocksOfCases(db: Kysely<Database>, caseIds: readonly number[]): Promise<StoredClock[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("case_clocks")
    .selectAll()
    .where("case_id", "in", [...caseIds])
    .orderBy("id")
    .execute();
  return rows.map(toClock);
}

/**
 * Saves a clock's new state only if it is still in the state it was read in. Two sweeps, or a sweep
 * and a staff action, racing on one clock: exactly one of them gets true.
 */
export async function saveClockIfState(
  db: Kysely<Database>,
  id: number,
  expected: ClockState,
  clock: Clock,
  expectedDueAt?: string,
): Promise<boolean> {
  const result = await db
    .updateTable("case_clocks")
    .set({
      state: clock.state,
      due_at: clock.dueAt,
      paused_at: clock.pausedAt,
      paused_business_ms: clock.pausedBusinessMs,
      met_at: clock.metAt,
      breached_at: clock.breachedAt,
      taken_business_days: clock.takenBusinessDays ?? null,
      paused_business_days: clock.pausedBusinessDays ?? null,
      pauses_json: pausesJson(clock),
      extension_json: extensionJson(clock),
    })
    .where("id", "=", id)
    .where("state", "=", expected)
    // An extension moves the due time of a clock that stays running: a sweep that read the old
    // due time must not mark it missed.
    .$if(expectedDueAt !== undefined, (q) => q.where("due_at", "=", expectedDueAt!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Running clocks whose due time has passed: through the (state, due_at) index, never a full scan. */
export async function listRunningClocksDueBy(db: Kysely<Database>, now: string, limit: number): Promise<StoredClock[]> {
  const rows = await db
    .selectFrom("case_clocks")
    .selectAll()
    .where("state", "=", "running")
    .where("due_at", "<", now)
    .orderBy("due_at")
    .limit(limit)
    .execute();
  return rows.map(toClock);
}

/**
 * PostgreSQL, several instances: claims up to `limit` running clocks due by `now` that no other
 * sweep holds, in one statement. Rows another instance is claiming at that moment are skipped
 * (FOR UPDATE SKIP LOCKED), not waited for; a claim lasts until `leaseUntil` (real time), so a
 * sweep that dies leaves its clocks to the next.
 */
export async function claimRunningClocksDueBy(
  db: Kysely<Database>,
  input: { now: string; realNow: string; leaseUntil: string; limit: number },
): Promise<StoredClock[]> {
  const rows = await db
    .updateTable("case_clocks")
    .set({ sweep_lease_until: input.leaseUntil })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("case_clocks")
        .select("id")
        .where("state", "=", "running")
        .where("due_at", "<", input.now)
        .where((w) => w.or([w("sweep_lease_until", "is", null), w("sweep_lease_until", "<", input.realNow)]))
        .orderBy("due_at")
        .limit(input.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows.map(toClock).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** Lets go of claims a sweep took and did not act on (nothing was due after all, or it failed). */
export async function releaseClockClaims(db: Kysely<Database>, ids: number[], leaseUntil: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("case_clocks")
    .set({ sweep_lease_until: null })
    .where("id", "in", ids)
    .where("sweep_lease_until", "=", leaseUntil)
    .execute();
}

/** Running clocks of assigned cases, due in [from, until), whose assignee has not been reminded. */
export async function listUnremindedAssignedClocksDueBy(
  db: Kysely<Database>,
  from: string,
  until: string,
  limit: number,
): Promise<(StoredClock & { assigneeId: number })[]> {
  const rows = await db
    .selectFrom("case_clocks as k")
    .innerJoin("cases as c", "c.id", "k.case_id")
    .selectAll("k")
    .select("c.assignee_id")
    .where("k.state", "=", "running")
    .where("k.due_at", ">=", from)
    .where("k.due_at", "<", until)
    .where("k.reminded_at", "is", null)
    .where("c.assignee_id", "is not", null)
    .orderBy("k.due_at")
    .limit(limit)
    .execute();
  return rows.map(({ assignee_id, ...row }) => ({ ...toClock(row), assigneeId: assignee_id! }));
}

export async function markClockReminded(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("case_clocks")
    .set({ reminded_at: now })
    .where("id", "=", id)
    .where("reminded_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
