import { type Kysely, type RawBuilder, sql } from "kysely";
import { isPostgres } from "../dialect";
import {
  byClockOrder,
  PROVIDER_STAGE_MOVES,
  type ClockFigures,
  type Count,
  type ProviderStageFigures,
  type QuarterFigures,
  type ReportedClockKind,
} from "../../app/domain/report-figures";
import type { Database } from "../schema";
import { quarterFiguresFromFacts } from "./report-facts";

// The figures of one SSM's quarter, each computed by an aggregate query: the database counts, groups
// and ranks; nothing here loads cases one by one. Periods are [start, end) as ISO instants.

export interface QuarterPeriod {
  areaSlug: string;
  /** "2026-Q3": the survey answers are filed under the quarter the case closed in. */
  quarter: string;
  start: string;
  end: string;
}

type DB = Kysely<Database>;

/** Events whose latest occurrence before a moment says whether a case was still open then. */
const ENDING_EVENTS = ["decided", "closed", "withdrawn", "referred_to_ministry"];
const REOPENING_EVENTS = ["reopened", "escalated"];

/**
 * One SSM's quarter, read from the report facts kept with each change (report-facts.ts, issue #21):
 * what drafts, submissions and releases use.
 */
export async function computeQuarterFigures(db: DB, p: QuarterPeriod, computedAt: string): Promise<QuarterFigures> {
  return quarterFiguresFromFacts(db, p, computedAt);
}

/**
 * The same figures computed afresh by aggregate queries over the whole history (cases, timelines,
 * clocks): the definition the facts must agree with, kept for the tests and the bench.
 */
export async function computeQuarterFiguresFromHistory(
  db: DB,
  p: QuarterPeriod,
  computedAt: string,
): Promise<QuarterFigures> {
  const [received, byKind, byChannel, byProgram, byCategory, byProvider, byGroup, referredOut, withdrawn, extensions] =
    await Promise.all([
      countReceived(db, p),
      receivedBy(db, p, "kind"),
      receivedBy(db, p, "channel"),
      receivedBy(db, p, "program"),
      receivedBy(db, p, "category"),
      receivedByProvider(db, p),
      receivedByGroup(db, p),
      countReferredOut(db, p),
      countEvents(db, p, "withdrawn"),
      countEvents(db, p, "deadline_extended"),
    ]);
  const [
    decidedByLevel,
    decidedByOutcome,
    openAtEnd,
    carriedOver,
    clocks,
    escalationsByLevel,
    escalationsByCause,
    recourse,
    satisfaction,
    providerStage,
  ] = await Promise.all([
    eventsByLevel(db, p, "decided"),
    eventsByData(db, p, "decided", "outcome"),
    countOpenAt(db, p.areaSlug, p.end),
    countOpenAt(db, p.areaSlug, p.start),
    clockFigures(db, p),
    eventsByLevel(db, p, "escalated"),
    eventsByData(db, p, "escalated", "cause"),
    recourseOutcomes(db, p),
    satisfactionOf(db, p),
    providerStageOf(db, p),
  ]);
  return {
    areaSlug: p.areaSlug,
    quarter: p.quarter,
    computedAt,
    received: { total: received, byKind, byChannel, byProgram, byCategory, byProvider, byGroup },
    referredOut,
    withdrawn,
    extensions,
    providerStage,
    decided: { total: sumOf(decidedByLevel), byLevel: decidedByLevel, byOutcome: decidedByOutcome },
    openAtEnd,
    carriedOver,
    clocks,
    escalations: { total: sumOf(escalationsByLevel), byLevel: escalationsByLevel, byCause: escalationsByCause },
    recourse: { total: sumOf(recourse), byOutcome: recourse },
    satisfaction,
  };
}

function sumOf(counts: readonly Count[]): number {
  return counts.reduce((s, c) => s + c.count, 0);
}

function toCounts(rows: readonly { key: unknown; count: unknown }[]): Count[] {
  return rows
    .map((r) => ({ key: r.key === null || r.key === undefined ? "none" : String(r.key), count: Number(r.count) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

// A duplicate merged into its original counts once, as the original (issue #17).
function receivedInPeriod(db: DB, p: QuarterPeriod) {
  return db
    .selectFrom("cases as c")
    .where("c.merged_into_case_id", "is", null)
    .where("c.area_slug", "=", p.areaSlug)
    .where("c.received_at", ">=", p.start)
    .where("c.received_at", "<", p.end);
}

async function countReceived(db: DB, p: QuarterPeriod): Promise<number> {
  const row = await receivedInPeriod(db, p)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function receivedBy(
  db: DB,
  p: QuarterPeriod,
  column: "kind" | "channel" | "program" | "category",
): Promise<Count[]> {
  const rows = await receivedInPeriod(db, p)
    .select((eb) => [eb.ref(`c.${column}`).as("key"), eb.fn.countAll<number>().as("count")])
    .groupBy(`c.${column}`)
    .execute();
  return toCounts(rows);
}

async function receivedByProvider(db: DB, p: QuarterPeriod): Promise<Count[]> {
  const rows = await receivedInPeriod(db, p)
    .leftJoin("organizations as o", "o.id", "c.respondent_org_id")
    .select((eb) => ["c.respondent_org_id as key", "o.name_en", "o.name_fr", eb.fn.countAll<number>().as("count")])
    .groupBy(["c.respondent_org_id", "o.name_en", "o.name_fr"])
    .execute();
  return toCounts(rows).map((c) => {
    const row = rows.find((r) => String(r.key ?? "none") === c.key);
    return row?.name_en ? { ...c, label: { en: row.name_en, fr: row.name_fr ?? row.name_en } } : c;
  });
}

/** A text field of a JSON column (the field's name is fixed in this file, never from input). */
function jsonText(db: DB, column: RawBuilder<unknown>, field: "outcome" | "cause") {
  return isPostgres(db)
    ? sql<string | null>`(${column}::jsonb ->> ${sql.lit(field)})`
    : sql<string | null>`json_extract(${column}, ${sql.lit(`$.${field}`)})`;
}

/** Self-identification is stored as JSON { group: "yes" | "no" }; only "yes" answers count. */
async function receivedByGroup(db: DB, p: QuarterPeriod): Promise<Count[]> {
  const answers = isPostgres(db)
    ? sql`jsonb_each_text(c.self_identification_json::jsonb) as j(key, value)`
    : sql`json_each(c.self_identification_json) as j`;
  const { rows } = await sql<{ key: string; count: number }>`
    select j.key as key, count(*) as count
    from cases c cross join ${answers}
    where c.area_slug = ${p.areaSlug} and c.received_at >= ${p.start} and c.received_at < ${p.end}
      and c.merged_into_case_id is null
      and c.self_identification_json is not null and j.value = 'yes'
    group by j.key`.execute(db);
  return toCounts(rows);
}

async function countReferredOut(db: DB, p: QuarterPeriod): Promise<number> {
  const row = await receivedInPeriod(db, p)
    .where("c.status", "=", "referred_out")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function eventsInPeriod(db: DB, p: QuarterPeriod, type: string) {
  return db
    .selectFrom("case_events as e")
    .innerJoin("cases as c", "c.id", "e.case_id")
    .where("e.type", "=", type)
    .where("e.created_at", ">=", p.start)
    .where("e.created_at", "<", p.end)
    .where("c.area_slug", "=", p.areaSlug);
}

async function countEvents(db: DB, p: QuarterPeriod, type: string): Promise<number> {
  const row = await eventsInPeriod(db, p, type)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function eventsByLevel(db: DB, p: QuarterPeriod, type: string): Promise<Count[]> {
  const rows = await eventsInPeriod(db, p, type)
    .select((eb) => ["e.level as key", eb.fn.countAll<number>().as("count")])
    .groupBy("e.level")
    .execute();
  return toCounts(rows);
}

/** Grouped by a field of the event's data (a fixed name from this file, never from input). */
async function eventsByData(db: DB, p: QuarterPeriod, type: string, field: "outcome" | "cause"): Promise<Count[]> {
  const key = jsonText(db, sql.ref("e.data_json"), field);
  const rows = await eventsInPeriod(db, p, type)
    .select((eb) => [key.as("key"), eb.fn.countAll<number>().as("count")])
    .groupBy(key)
    .execute();
  return toCounts(rows);
}

/**
 * Cases in the SSM's hands at a moment: received before it, not referred out, and whose latest
 * ending or reopening event before it (if any) reopened the case.
 */
async function countOpenAt(db: DB, areaSlug: string, at: string): Promise<number> {
  const row = await db
    .selectFrom("cases as c")
    .where("c.area_slug", "=", areaSlug)
    .where("c.merged_into_case_id", "is", null)
    .where("c.received_at", "<", at)
    .where("c.status", "!=", "referred_out")
    .where((eb) => {
      const latest = eb
        .selectFrom("case_events as e")
        .select("e.type")
        .whereRef("e.case_id", "=", "c.id")
        .where("e.type", "in", [...ENDING_EVENTS, ...REOPENING_EVENTS])
        .where("e.created_at", "<", at)
        .orderBy("e.created_at", "desc")
        .orderBy("e.id", "desc")
        .limit(1);
      return eb.or([eb(latest, "is", null), eb(latest, "in", REOPENING_EVENTS)]);
    })
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Per clock kind and level: clocks that ended in the quarter (met, or missed when breached), how
 * many on time, how many met (what the measures are over), and nearest-rank median and 90th percentile of business days taken by those met.
 */
async function clockFigures(db: DB, p: QuarterPeriod): Promise<ClockFigures[]> {
  const ended = await sql<{ kind: ReportedClockKind; level: number; ended: number; on_time: number }>`
    select k.kind as kind, k.level as level, count(*) as ended,
      sum(case when k.breached_at is null and k.met_at is not null and k.met_at <= k.due_at then 1 else 0 end) as on_time
    from case_clocks k join cases c on c.id = k.case_id
    where c.area_slug = ${p.areaSlug} and k.kind in ('acknowledge', 'provider_response', 'decision')
      and coalesce(k.breached_at, k.met_at) >= ${p.start} and coalesce(k.breached_at, k.met_at) < ${p.end}
    group by k.kind, k.level`.execute(db);
  const ranked = await sql<{
    kind: ReportedClockKind;
    level: number;
    met: number;
    median: number | null;
    p90: number | null;
    paused: number | null;
  }>`
    with met as (
      select k.kind as kind, k.level as level, k.taken_business_days as days, k.paused_business_days as paused,
        row_number() over (partition by k.kind, k.level order by k.taken_business_days) as rn,
        count(*) over (partition by k.kind, k.level) as n
      from case_clocks k join cases c on c.id = k.case_id
      where c.area_slug = ${p.areaSlug} and k.kind in ('acknowledge', 'provider_response', 'decision')
        and k.met_at >= ${p.start} and k.met_at < ${p.end} and k.taken_business_days is not null
    )
    select kind, level, count(*) as met,
      max(case when rn = (n * 50 + 99) / 100 then days end) as median,
      max(case when rn = (n * 90 + 99) / 100 then days end) as p90,
      sum(coalesce(paused, 0)) as paused
    from met group by kind, level`.execute(db);
  const keyOf = (r: { kind: string; level: number }) => `${r.kind}:${Number(r.level)}`;
  const keys = new Set([...ended.rows.map(keyOf), ...ranked.rows.map(keyOf)]);
  return [...keys]
    .map((key) => {
      const e = ended.rows.find((r) => keyOf(r) === key);
      const r = ranked.rows.find((x) => keyOf(x) === key);
      const [kind, level] = key.split(":") as [ReportedClockKind, string];
      return {
        kind,
        level: Number(level),
        ended: Number(e?.ended ?? 0),
        onTime: Number(e?.on_time ?? 0),
        met: Number(r?.met ?? 0),
        medianDays: r?.median ?? null,
        p90Days: r?.p90 ?? null,
        pausedDays: Number(r?.paused ?? 0),
      };
    })
    .sort(byClockOrder);
}

/**
 * Recourse requested in the quarter, by what came of it by the quarter's end: the decision at a
 * higher level (its outcome), a referral to the ministry, or "pending".
 */
async function recourseOutcomes(db: DB, p: QuarterPeriod): Promise<Count[]> {
  const { rows } = await sql<{ key: string; count: number }>`
    select coalesce((
        select coalesce(${jsonText(db, sql.ref("d.data_json"), "outcome")}, d.type)
        from case_events d
        where d.case_id = r.case_id and d.id > r.id and d.created_at < ${p.end}
          and ((d.type = 'decided' and d.level > r.level) or d.type = 'referred_to_ministry')
        order by d.id limit 1
      ), 'pending') as key,
      count(*) as count
    from case_events r join cases c on c.id = r.case_id
    where r.type = 'recourse_requested' and c.area_slug = ${p.areaSlug}
      and r.created_at >= ${p.start} and r.created_at < ${p.end}
    group by key`.execute(db);
  return toCounts(rows);
}

async function satisfactionOf(db: DB, p: QuarterPeriod): Promise<QuarterFigures["satisfaction"]> {
  const row = await db
    .selectFrom("survey_responses")
    .where("area_slug", "=", p.areaSlug)
    .where("quarter", "=", p.quarter)
    .select((eb) => [
      eb.fn.countAll<number>().as("n"),
      eb.fn.avg<number | null>("clear").as("clear"),
      eb.fn.avg<number | null>("fair").as("fair"),
      eb.fn.avg<number | null>("timely").as("timely"),
    ])
    .executeTakeFirstOrThrow();
  const mean = (v: number | string | null) => (v === null ? null : Number(v));
  return { responses: Number(row.n), clear: mean(row.clear), fair: mean(row.fair), timely: mean(row.timely) };
}

/**
 * The provider stage in the quarter (issue #17): referrals, complaints closed as resolved at the
 * stage (the client accepted, or was silent where policy closes), and complaints that moved on to
 * the SSM, by the escalation's cause or staff stepping in. Each listed by event time.
 */
async function providerStageOf(db: DB, p: QuarterPeriod): Promise<ProviderStageFigures> {
  const { rows } = await sql<{ key: string; count: number }>`
    select case
        when e.type = 'escalated' then ${jsonText(db, sql.ref("e.data_json"), "cause")}
        when e.type = 'closed' then 'resolved'
        when e.type = 'client_accepted_answer' then 'resolved'
        when e.type = 'provider_stage_taken_over' then 'staff_stepped_in'
        else e.type end as key,
      count(*) as count
    from case_events e join cases c on c.id = e.case_id
    where c.area_slug = ${p.areaSlug} and e.created_at >= ${p.start} and e.created_at < ${p.end}
      and (e.type in ('referred_to_provider', 'client_accepted_answer', 'provider_stage_taken_over')
        or (e.type = 'escalated' and ${jsonText(db, sql.ref("e.data_json"), "cause")}
          in ('client_not_satisfied', 'provider_late', 'client_no_reply'))
        -- Silence closing the case: the sweep writes "client_no_reply" and "closed" together.
        or (e.type = 'closed' and exists (select 1 from case_events n where n.case_id = e.case_id
          and n.type = 'client_no_reply' and n.created_at = e.created_at)))
    group by key`.execute(db);
  const count = (key: string) => Number(rows.find((r) => r.key === key)?.count ?? 0);
  const byReason = PROVIDER_STAGE_MOVES.map((key) => ({ key, count: count(key) })).sort((a, b) =>
    a.key.localeCompare(b.key),
  );
  return {
    referred: count("referred_to_provider"),
    resolved: count("resolved"),
    movedOn: { total: sumOf(byReason), byReason },
  };
}
