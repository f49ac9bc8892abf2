import type { Kysely } from "kysely";
import {
  caseReportFacts,
  figuresFromFacts,
  openChangesByQuarter,
  REPORTED_EVENT_TYPES,
  type CaseFacts,
  type EventFact,
  type EventFactName,
  type FactCase,
  type FactClock,
  type FactEvent,
} from "../../app/domain/report-facts";
import { REPORTED_CLOCK_KINDS, type QuarterFigures } from "../../app/domain/report-figures";
import type { Database } from "../schema";

// The report facts of issue #21 (migration 0022): each case's contribution to the quarterly figures,
// rewritten inside the transaction of every change to the case, and the per-quarter open counters.
// A quarter's figures then read its own facts and at most a few dozen counters, never the history.

type DB = Kysely<Database>;

const CASE_COLUMNS = [
  "id",
  "area_slug",
  "received_at",
  "kind",
  "channel",
  "program",
  "category",
  "respondent_org_id",
  "self_identification_json",
  "status",
  "merged_into_case_id",
] as const;

export interface CaseColumns {
  id: number;
  area_slug: string;
  received_at: string;
  kind: string;
  channel: string;
  program: string | null;
  category: string | null;
  respondent_org_id: number | null;
  self_identification_json: string | null;
  status: string;
  merged_into_case_id: number | null;
}

function factCase(row: CaseColumns): FactCase {
  return {
    areaSlug: row.area_slug,
    receivedAt: row.received_at,
    kind: row.kind,
    channel: row.channel,
    program: row.program,
    category: row.category,
    providerId: row.respondent_org_id,
    selfIdentificationJson: row.self_identification_json,
    referredOut: row.status === "referred_out",
    merged: row.merged_into_case_id !== null,
  };
}

interface EventColumns {
  id: number;
  case_id: number;
  type: string;
  level: number;
  created_at: string;
  data_json: string | null;
}
export interface ClockColumns {
  case_id: number;
  kind: string;
  level: number;
  due_at: string;
  met_at: string | null;
  breached_at: string | null;
  taken_business_days: number | null;
  paused_business_days: number | null;
}

const factEvent = (e: EventColumns): FactEvent => ({
  id: Number(e.id),
  type: e.type,
  level: Number(e.level),
  createdAt: e.created_at,
  dataJson: e.data_json,
});
const factClock = (k: ClockColumns): FactClock => ({
  kind: k.kind,
  level: Number(k.level),
  dueAt: k.due_at,
  metAt: k.met_at,
  breachedAt: k.breached_at,
  takenBusinessDays: k.taken_business_days === null ? null : Number(k.taken_business_days),
  pausedBusinessDays: k.paused_business_days === null ? null : Number(k.paused_business_days),
});

function eventRows(caseId: number, areaSlug: string, facts: readonly EventFact[]) {
  return facts.map((f) => ({
    case_id: caseId,
    area_slug: areaSlug,
    at: f.at,
    fact: f.fact,
    key: f.key,
    level: f.level,
    value: f.value,
    value2: f.value2,
    settled_at: f.settledAt,
  }));
}

function receivedRow(caseId: number, areaSlug: string, facts: CaseFacts) {
  const r = facts.received;
  return r === null
    ? null
    : {
        case_id: caseId,
        area_slug: areaSlug,
        received_at: r.receivedAt,
        kind: r.kind,
        channel: r.channel,
        program: r.program,
        category: r.category,
        provider_id: r.providerId,
        groups: r.groups,
        referred_out: r.referredOut ? 1 : 0,
      };
}

/** Adds each quarter's net change of an SSM's open count (an upsert per quarter that moved). */
async function addOpenChanges(db: DB, areaSlug: string, changes: ReadonlyMap<string, number>): Promise<void> {
  for (const [quarter, change] of changes) {
    if (change === 0) continue;
    await db
      .insertInto("report_open_counts")
      .values({ area_slug: areaSlug, quarter, net_change: change })
      .onConflict((oc) =>
        oc.columns(["area_slug", "quarter"]).doUpdateSet({
          net_change: (eb) => eb("report_open_counts.net_change", "+", change),
        }),
      )
      .execute();
  }
}

const sameFact = (a: EventFact, b: EventFact) =>
  a.at === b.at &&
  a.fact === b.fact &&
  a.key === b.key &&
  a.level === b.level &&
  a.value === b.value &&
  a.value2 === b.value2 &&
  a.settledAt === b.settledAt;

/**
 * Rewrites one case's facts from its row, reported events and clocks, inside the caller's
 * transaction (every path that changes a case calls it before committing). Nothing is written when
 * the facts did not move (a note, a reminder, a pause).
 */
export async function refreshCaseReportFacts(
  db: DB,
  caseId: number,
  known: {
    /** The case's columns as this transaction leaves them, when the caller has them. */
    row?: CaseColumns;
    /** Its clocks as this transaction leaves them. */
    clocks?: readonly ClockColumns[];
    /** False when the change touched none of the case's own columns the figures read (status, merge). */
    receivedMayChange?: boolean;
  } = {},
): Promise<void> {
  const receivedMayChange = known.receivedMayChange ?? true;
  const [row, events, clocks, oldEvents, oldReceived] = await Promise.all([
    known.row ?? db.selectFrom("cases").select(CASE_COLUMNS).where("id", "=", caseId).executeTakeFirst(),
    db
      .selectFrom("case_events")
      .select(["id", "case_id", "type", "level", "created_at", "data_json"])
      .where("case_id", "=", caseId)
      .where("type", "in", [...REPORTED_EVENT_TYPES])
      .execute(),
    known.clocks ??
      db
        .selectFrom("case_clocks")
        .select([
          "case_id",
          "kind",
          "level",
          "due_at",
          "met_at",
          "breached_at",
          "taken_business_days",
          "paused_business_days",
        ])
        .where("case_id", "=", caseId)
        .where("kind", "in", [...REPORTED_CLOCK_KINDS])
        .execute(),
    db.selectFrom("report_fact_events").selectAll().where("case_id", "=", caseId).orderBy("id").execute(),
    receivedMayChange
      ? db.selectFrom("case_report_facts").selectAll().where("case_id", "=", caseId).executeTakeFirst()
      : undefined,
  ]);
  if (!row) return;
  const facts = caseReportFacts(
    factCase(row),
    events.map(factEvent),
    clocks.filter((k) => (REPORTED_CLOCK_KINDS as readonly string[]).includes(k.kind)).map(factClock),
  );
  const before: EventFact[] = oldEvents.map((f) => ({
    at: f.at,
    fact: f.fact as EventFactName,
    key: f.key,
    level: Number(f.level),
    value: Number(f.value),
    value2: Number(f.value2),
    settledAt: f.settled_at,
  }));
  const eventsSame = before.length === facts.events.length && before.every((f, i) => sameFact(f, facts.events[i]!));
  if (!eventsSame) {
    const moved = openChangesByQuarter(facts.events);
    for (const [quarter, change] of openChangesByQuarter(before))
      moved.set(quarter, (moved.get(quarter) ?? 0) - change);
    await addOpenChanges(db, row.area_slug, moved);
    await db.deleteFrom("report_fact_events").where("case_id", "=", caseId).execute();
    const rows = eventRows(caseId, row.area_slug, facts.events);
    if (rows.length) await db.insertInto("report_fact_events").values(rows).execute();
  }
  if (!receivedMayChange) return;
  const received = receivedRow(caseId, row.area_slug, facts);
  const receivedSame =
    (received === null && oldReceived === undefined) ||
    (received !== null &&
      oldReceived !== undefined &&
      (Object.keys(received) as (keyof typeof received)[]).every((k) => received[k] === oldReceived[k]));
  if (!receivedSame) {
    await db.deleteFrom("case_report_facts").where("case_id", "=", caseId).execute();
    if (received) await db.insertInto("case_report_facts").values(received).execute();
  }
}

/**
 * The facts of a case just filed, from the rows its filing writes (no reads): the filing's
 * transaction calls it so the new case is in the figures as soon as it exists.
 */
export async function insertNewCaseReportFacts(
  db: DB,
  row: CaseColumns,
  events: readonly { type: string; level: number; createdAt: string; dataJson: string | null }[],
  clocks: readonly FactClock[],
): Promise<void> {
  const facts = caseReportFacts(
    factCase(row),
    events.map((e, i) => ({ ...e, id: i + 1 })),
    clocks,
  );
  const received = receivedRow(row.id, row.area_slug, facts);
  if (received) await db.insertInto("case_report_facts").values(received).execute();
  const rows = eventRows(row.id, row.area_slug, facts.events);
  if (rows.length) await db.insertInto("report_fact_events").values(rows).execute();
  await addOpenChanges(db, row.area_slug, openChangesByQuarter(facts.events));
}

/**
 * Builds every case's facts from scratch, in batches of cases by id (migration 0022, the bench
 * generator and the demo history call it after writing rows directly). `onProgress` hears after
 * each batch.
 */
export async function rebuildReportFacts(
  db: DB,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  await db.deleteFrom("report_fact_events").execute();
  await db.deleteFrom("case_report_facts").execute();
  await db.deleteFrom("report_open_counts").execute();
  const total = Number(
    (
      await db
        .selectFrom("cases")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const open = new Map<string, Map<string, number>>();
  let done = 0;
  let after = 0;
  for (;;) {
    const cases = await db
      .selectFrom("cases")
      .select(CASE_COLUMNS)
      .where("id", ">", after)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (cases.length === 0) break;
    const lo = cases[0]!.id;
    const hi = cases.at(-1)!.id;
    const [events, clocks] = await Promise.all([
      db
        .selectFrom("case_events")
        .select(["id", "case_id", "type", "level", "created_at", "data_json"])
        .where("case_id", ">=", lo)
        .where("case_id", "<=", hi)
        .where("type", "in", [...REPORTED_EVENT_TYPES])
        .execute(),
      db
        .selectFrom("case_clocks")
        .select([
          "case_id",
          "kind",
          "level",
          "due_at",
          "met_at",
          "breached_at",
          "taken_business_days",
          "paused_business_days",
        ])
        .where("case_id", ">=", lo)
        .where("case_id", "<=", hi)
        .where("kind", "in", [...REPORTED_CLOCK_KINDS])
        .execute(),
    ]);
    const eventsOf = groupBy(events, (e) => e.case_id);
    const clocksOf = groupBy(clocks, (k) => k.case_id);
    const received: NonNullable<ReturnType<typeof receivedRow>>[] = [];
    const dated: ReturnType<typeof eventRows> = [];
    for (const c of cases) {
      const facts = caseReportFacts(
        factCase(c),
        (eventsOf.get(c.id) ?? []).map(factEvent),
        (clocksOf.get(c.id) ?? []).map(factClock),
      );
      const r = receivedRow(c.id, c.area_slug, facts);
      if (r) received.push(r);
      dated.push(...eventRows(c.id, c.area_slug, facts.events));
      const mine = open.get(c.area_slug) ?? new Map<string, number>();
      for (const [q, n] of openChangesByQuarter(facts.events)) mine.set(q, (mine.get(q) ?? 0) + n);
      open.set(c.area_slug, mine);
    }
    for (const chunk of chunks(received, 1000)) await db.insertInto("case_report_facts").values(chunk).execute();
    for (const chunk of chunks(dated, 1000)) await db.insertInto("report_fact_events").values(chunk).execute();
    done += cases.length;
    after = hi;
    options.onProgress?.(done, total);
  }
  for (const [area, changes] of open) await addOpenChanges(db, area, changes);
  return done;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = m.get(k);
    if (list) list.push(row);
    else m.set(k, [row]);
  }
  return m;
}

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * One SSM's quarter from its facts: the received rows grouped (one index range), the dated facts
 * grouped (another), the open counters of the quarters up to it, the survey answers and the names
 * of the providers counted. Five small reads, whatever the size of the history.
 */
export async function quarterFiguresFromFacts(
  db: DB,
  p: { areaSlug: string; quarter: string; start: string; end: string },
  computedAt: string,
): Promise<QuarterFigures> {
  const [received, events, counters, survey] = await Promise.all([
    db
      .selectFrom("case_report_facts")
      .where("area_slug", "=", p.areaSlug)
      .where("received_at", ">=", p.start)
      .where("received_at", "<", p.end)
      .select((eb) => [
        "kind",
        "channel",
        "program",
        "category",
        "provider_id",
        "groups",
        "referred_out",
        eb.fn.countAll<number>().as("count"),
      ])
      .groupBy(["kind", "channel", "program", "category", "provider_id", "groups", "referred_out"])
      .execute(),
    db
      .selectFrom("report_fact_events")
      .where("area_slug", "=", p.areaSlug)
      .where("at", ">=", p.start)
      .where("at", "<", p.end)
      .where("fact", "!=", "open")
      .select((eb) => ["fact", "key", "level", "value", "value2", "settled_at", eb.fn.countAll<number>().as("count")])
      .groupBy(["fact", "key", "level", "value", "value2", "settled_at"])
      .execute(),
    db
      .selectFrom("report_open_counts")
      .where("area_slug", "=", p.areaSlug)
      .where("quarter", "<=", p.quarter)
      .select(["quarter", "net_change"])
      .execute(),
    db
      .selectFrom("survey_responses")
      .where("area_slug", "=", p.areaSlug)
      .where("quarter", "=", p.quarter)
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.avg<number | null>("clear").as("clear"),
        eb.fn.avg<number | null>("fair").as("fair"),
        eb.fn.avg<number | null>("timely").as("timely"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const providerIds = [...new Set(received.map((r) => r.provider_id).filter((id): id is number => id !== null))];
  const names = providerIds.length
    ? await db.selectFrom("organizations").select(["id", "name_en", "name_fr"]).where("id", "in", providerIds).execute()
    : [];
  const sumUpTo = (inclusive: boolean) =>
    counters
      .filter((c) => (inclusive ? c.quarter <= p.quarter : c.quarter < p.quarter))
      .reduce((s, c) => s + Number(c.net_change), 0);
  const mean = (v: number | string | null) => (v === null ? null : Number(v));
  return figuresFromFacts({
    areaSlug: p.areaSlug,
    quarter: p.quarter,
    computedAt,
    received: received.map((r) => ({
      kind: r.kind,
      channel: r.channel,
      program: r.program,
      category: r.category,
      providerId: r.provider_id === null ? null : Number(r.provider_id),
      groups: r.groups,
      referredOut: Number(r.referred_out) === 1,
      count: Number(r.count),
    })),
    events: events.map((e) => ({
      fact: e.fact as EventFactName,
      // A recourse request is answered for this quarter only when the answer came before its end.
      key: e.fact === "recourse" && (e.settled_at === null || e.settled_at >= p.end) ? "pending" : e.key,
      level: Number(e.level),
      value: Number(e.value),
      value2: Number(e.value2),
      count: Number(e.count),
    })),
    openAtStart: sumUpTo(false),
    openAtEnd: sumUpTo(true),
    providerNames: new Map(names.map((n) => [Number(n.id), { en: n.name_en, fr: n.name_fr ?? n.name_en }])),
    satisfaction: {
      responses: Number(survey.n),
      clear: mean(survey.clear),
      fair: mean(survey.fair),
      timely: mean(survey.timely),
    },
  });
}
