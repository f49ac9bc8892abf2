import { type Kysely, PostgresAdapter, sql } from "kysely";
import { businessMsBetween, dueAt, type BusinessCalendar } from "../../app/domain/business-calendar";
import type { PolicyLevel } from "../../app/domain/policy";

// Clocks become a history (issue #13). Frozen once released.
// - One clock per (case, kind, level) made a reopened level overwrite its earlier decision clock:
//   the first start was kept (66 business days "taken" for a one-day decision), reminded_at stayed
//   set, and the earlier met clock vanished from the quarter it was met in. A clock started again is
//   now a new row; the unique constraint goes (SQLite cannot drop one: the table is rebuilt).
// - pauses_json: how each pause moved the clock's due time, for the case page.
// Data the old rules left wrong, where it can be derived from the timeline, is put right:
// - a breach is dated at its deadline, not when the sweep ran;
// - a finished case (closed, withdrawn, referred) owes no clock and has no next deadline;
// - a decision clock reused by a reopening starts at the (last) reopening, and each earlier
//   decision of that level becomes a met clock of its own again.

const FINISHED = ["closed", "withdrawn", "referred_out", "referred_to_ministry"];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`alter table case_clocks drop constraint case_clocks_one_per_level`.execute(db);
    await db.schema.alterTable("case_clocks").addColumn("pauses_json", "text").execute();
  } else {
    await rebuildSqliteTable(db);
  }
  await db.schema
    .createIndex("case_clocks_case_kind_level")
    .on("case_clocks")
    .columns(["case_id", "kind", "level"])
    .execute();

  await db
    .updateTable("case_clocks")
    .set({ breached_at: sql`due_at` })
    .where("breached_at", "is not", null)
    .execute();

  const finished = db.selectFrom("cases").select("id").where("status", "in", FINISHED);
  await db
    .updateTable("case_clocks")
    .set({ state: "stopped", paused_at: null })
    .where("case_id", "in", finished)
    .where((w) =>
      w.or([w("state", "in", ["running", "paused"]), w.and([w("state", "=", "breached"), w("met_at", "is", null)])]),
    )
    .execute();
  await db.updateTable("cases").set({ next_due_at: null }).where("status", "in", FINISHED).execute();

  await splitReopenedClocks(db);
}

async function rebuildSqliteTable(db: Kysely<any>): Promise<void> {
  await sql`create table case_clocks_history (
    id integer primary key autoincrement,
    case_id integer not null references cases(id),
    kind text not null,
    level integer not null,
    started_at text not null,
    due_at text not null,
    state text not null,
    paused_at text,
    paused_business_ms integer not null default 0,
    met_at text,
    breached_at text,
    reminded_at text,
    taken_business_days real,
    paused_business_days real,
    sweep_lease_until text,
    pauses_json text
  )`.execute(db);
  await sql`insert into case_clocks_history (id, case_id, kind, level, started_at, due_at, state, paused_at, paused_business_ms,
      met_at, breached_at, reminded_at, taken_business_days, paused_business_days, sweep_lease_until)
    select id, case_id, kind, level, started_at, due_at, state, paused_at, paused_business_ms,
      met_at, breached_at, reminded_at, taken_business_days, paused_business_days, sweep_lease_until
    from case_clocks`.execute(db);
  await sql`drop table case_clocks`.execute(db);
  await sql`alter table case_clocks_history rename to case_clocks`.execute(db);
  await db.schema.createIndex("case_clocks_state_due").on("case_clocks").columns(["state", "due_at"]).execute();
  await db.schema.createIndex("case_clocks_case").on("case_clocks").column("case_id").execute();
}

function takenDays(startedAt: string, metAt: string, pausedMs: number, cal: BusinessCalendar) {
  const dayMs = (cal.closesAtMinutes - cal.opensAtMinutes) * 60_000;
  return Math.max(0, businessMsBetween(new Date(startedAt), new Date(metAt), cal) - pausedMs) / dayMs;
}

async function splitReopenedClocks(db: Kysely<any>): Promise<void> {
  const reopenings: { case_id: number; level: number; created_at: string }[] = await db
    .selectFrom("case_events")
    .select(["case_id", "level", "created_at"])
    .where("type", "=", "reopened")
    .orderBy("case_id")
    .orderBy("created_at")
    .execute();
  const byClock = new Map<string, string[]>();
  for (const r of reopenings) {
    const key = `${r.case_id}:${r.level}`;
    byClock.set(key, [...(byClock.get(key) ?? []), r.created_at]);
  }
  for (const [key, times] of byClock) {
    const [caseId, level] = key.split(":").map(Number) as [number, number];
    const clock = await db
      .selectFrom("case_clocks")
      .innerJoin("cases", "cases.id", "case_clocks.case_id")
      .innerJoin("policies", "policies.id", "cases.policy_id")
      .select([
        "case_clocks.id",
        "case_clocks.started_at",
        "case_clocks.met_at",
        "case_clocks.state",
        "case_clocks.paused_business_ms",
        "policies.calendar_json",
        "policies.levels_json",
      ])
      .where("case_clocks.case_id", "=", caseId)
      .where("case_clocks.kind", "=", "decision")
      .where("case_clocks.level", "=", level)
      .executeTakeFirst();
    if (!clock) continue;
    const starts = [clock.started_at, ...times.filter((t) => t > clock.started_at)];
    if (starts.length < 2) continue;
    const cal = JSON.parse(clock.calendar_json) as BusinessCalendar;
    const days = (JSON.parse(clock.levels_json) as PolicyLevel[]).find((l) => l.level === level)?.decisionDays ?? null;
    const decided: { created_at: string }[] = await db
      .selectFrom("case_events")
      .select("created_at")
      .where("case_id", "=", caseId)
      .where("type", "=", "decided")
      .where("level", "=", level)
      .orderBy("created_at")
      .execute();
    for (let i = 0; i + 1 < starts.length; i++) {
      const from = starts[i]!;
      const metAt = decided.filter((d) => d.created_at >= from && d.created_at < starts[i + 1]!).at(-1)?.created_at;
      if (!metAt || days === null) continue;
      const due = dueAt(new Date(from), days, cal).toISOString();
      await db
        .insertInto("case_clocks")
        .values({
          case_id: caseId,
          kind: "decision",
          level,
          started_at: from,
          due_at: due,
          state: metAt <= due ? "met" : "breached",
          paused_at: null,
          paused_business_ms: 0,
          met_at: metAt,
          breached_at: metAt <= due ? null : due,
          reminded_at: null,
          taken_business_days: takenDays(from, metAt, 0, cal),
          paused_business_days: 0,
        })
        .execute();
    }
    const lastStart = starts.at(-1)!;
    await db
      .updateTable("case_clocks")
      .set({
        started_at: lastStart,
        reminded_at: clock.state === "running" ? null : sql`reminded_at`,
        taken_business_days: clock.met_at
          ? takenDays(lastStart, clock.met_at, Number(clock.paused_business_ms), cal)
          : null,
      })
      .where("id", "=", clock.id)
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
