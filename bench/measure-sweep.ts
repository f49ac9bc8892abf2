import { sweepClocks, type SweepResult } from "../app/services/clock-sweep.server";
import type { DB } from "../db/client";
import { BENCH_NOW } from "./lib/bench-constants";
import type { RawDriver } from "./lib/raw-driver";
import { msSince } from "./lib/stats";

// The sweep as the server runs it each minute, at the bench's "now": one minute after closing on a
// business day, when every clock due that day has just fallen due. The generated history already
// holds what earlier rounds did (breaches marked, reminders sent), so this round acts only on what
// is due now: the largest realistic round, not a backlog. It writes, so it runs once.

export interface SweepMeasurement {
  openCases: number;
  runningClocks: number;
  dueAtNow: number;
  ms: number;
  result: SweepResult;
  /** A second round straight after: nothing left to breach; the next 200 reminders (a round's cap). */
  idleMs: number;
}

export async function measureSweep(input: { db: DB; raw: RawDriver }): Promise<SweepMeasurement> {
  const { raw } = input;
  const now = BENCH_NOW.toISOString();
  const count = async (sql: string, ...params: unknown[]) =>
    Number((await raw.prepare(sql).get<{ n: number | string }>(...params))!.n);
  const openCases = await count(
    "select count(*) n from cases where status in ('received', 'acknowledged', 'in_review', 'waiting_for_filer')",
  );
  const runningClocks = await count("select count(*) n from case_clocks where state = 'running'");
  const dueAtNow = await count("select count(*) n from case_clocks where state = 'running' and due_at < ?", now);
  // The sweep logs errors to the console on purpose; the bench keeps its own output clean.
  const started = process.hrtime.bigint();
  const result = await sweepClocks({ db: input.db, now: BENCH_NOW });
  const ms = msSince(started);
  const idleStarted = process.hrtime.bigint();
  await sweepClocks({ db: input.db, now: BENCH_NOW });
  const idleMs = msSince(idleStarted);
  return { openCases, runningClocks, dueAtNow, ms, result, idleMs };
}
