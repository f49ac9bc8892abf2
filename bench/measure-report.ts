import type { DB } from "../db/client";
import { isDeepStrictEqual } from "node:util";
import type { QuarterFigures } from "../app/domain/report-figures";
import { computeQuarterFigures, computeQuarterFiguresFromHistory } from "../db/repositories/report-figures";
import { lastClosedQuarterId, periodOf } from "../app/services/quarter-reports.server";
import { BENCH_AREA, BENCH_NOW } from "./lib/bench-constants";
import { isSqliteRaw, type RawDriver, type SqliteRaw } from "./lib/raw-driver";
import { summarize, timeRuns, type Summary } from "./lib/stats";

// One SSM-quarter report: the repository's computeQuarterFigures (a dozen aggregate queries through
// Kysely) against one hand-written statement on the raw driver computing the same figures, as rows of
// (figure, key, value). The busiest SSM and the last closed quarter: the report its manager is writing.

// Same rules as report-figures.ts: the latest ending or reopening event before a moment says whether
// a case was open then; medians are nearest-rank over the clocks met in the quarter.
const ONE_QUERY = `
with
  received as (
    select * from cases where area_slug = @area and received_at >= @start and received_at < @end
  ),
  events as (
    select e.id, e.case_id, e.type, e.level, e.data_json from case_events e join cases c on c.id = e.case_id
    where e.type in ('withdrawn', 'decided', 'escalated', 'recourse_requested')
      and e.created_at >= @start and e.created_at < @end and c.area_slug = @area
  ),
  clocks as (
    select k.kind, k.level, k.due_at, k.met_at, k.breached_at, k.taken_business_days as days, k.paused_business_days as paused
    from case_clocks k join cases c on c.id = k.case_id
    where c.area_slug = @area and k.kind in ('acknowledge', 'decision')
      and coalesce(k.breached_at, k.met_at) >= @start and coalesce(k.breached_at, k.met_at) < @end
  ),
  met as (
    select k.kind as kind, k.level as level, k.taken_business_days as days, k.paused_business_days as paused,
      row_number() over (partition by k.kind, k.level order by k.taken_business_days) as rn, count(*) over (partition by k.kind, k.level) as n
    from case_clocks k join cases c on c.id = k.case_id
    where c.area_slug = @area and k.kind in ('acknowledge', 'decision') and k.met_at >= @start and k.met_at < @end and k.taken_business_days is not null
  ),
  open_at(moment, at) as (values ('end', @end), ('start', @start))
select 'received' as figure, null as key, count(*) as value from received
union all select 'kind', kind, count(*) from received group by kind
union all select 'channel', channel, count(*) from received group by channel
union all select 'program', program, count(*) from received group by program
union all select 'category', category, count(*) from received group by category
union all select 'provider', respondent_org_id, count(*) from received group by respondent_org_id
union all select 'group', j.key, count(*) from received r, json_each(r.self_identification_json) j where r.self_identification_json is not null and j.value = 'yes' group by j.key
union all select 'referred_out', null, count(*) from received where status = 'referred_out'
union all select 'withdrawn', null, count(*) from events where type = 'withdrawn'
union all select 'decided_level', level, count(*) from events where type = 'decided' group by level
union all select 'decided_outcome', json_extract(data_json, '$.outcome'), count(*) from events where type = 'decided' group by 2
union all select 'escalated_level', level, count(*) from events where type = 'escalated' group by level
union all select 'escalated_cause', json_extract(data_json, '$.cause'), count(*) from events where type = 'escalated' group by 2
union all select 'recourse', coalesce((
    select coalesce(json_extract(d.data_json, '$.outcome'), d.type) from case_events d
    where d.case_id = r.case_id and d.id > r.id and d.created_at < @end
      and ((d.type = 'decided' and d.level > r.level) or d.type = 'referred_to_ministry')
    order by d.id limit 1), 'pending'), count(*)
  from events r where r.type = 'recourse_requested' group by 2
union all select 'open_' || o.moment, null, (
    select count(*) from cases c
    where c.area_slug = @area and c.received_at < o.at and c.status != 'referred_out'
      and coalesce((select e.type from case_events e where e.case_id = c.id
        and e.type in ('decided', 'closed', 'withdrawn', 'referred_to_ministry', 'reopened', 'escalated') and e.created_at < o.at
        order by e.created_at desc, e.id desc limit 1), 'escalated') in ('reopened', 'escalated'))
  from open_at o
union all select 'clock_ended', kind || ':' || level, count(*) from clocks group by kind, level
union all select 'clock_on_time', kind || ':' || level, sum(case when breached_at is null and met_at is not null and met_at <= due_at then 1 else 0 end) from clocks group by kind, level
union all select 'clock_median', kind || ':' || level, max(case when rn = (n * 50 + 99) / 100 then days end) from met group by kind, level
union all select 'clock_p90', kind || ':' || level, max(case when rn = (n * 90 + 99) / 100 then days end) from met group by kind, level
union all select 'clock_paused', kind || ':' || level, sum(coalesce(paused, 0)) from met group by kind, level
union all select 'satisfaction', null, count(*) from survey_responses where area_slug = @area and quarter = @quarter
`;

// The limit for the facts (issue #21): the same two grouped reads of the quarter's facts and the
// open counters, by hand on the raw driver, nothing done with the rows. Plain SQL, the same on
// SQLite and PostgreSQL; parameters in order: area, start, end, area, start, end, area, quarter,
// area, quarter.
const FACTS_QUERY = `
select 'received' as part, count(*) as n from (
  select kind, channel, program, category, provider_id, groups, referred_out, count(*) from case_report_facts
  where area_slug = ? and received_at >= ? and received_at < ?
  group by kind, channel, program, category, provider_id, groups, referred_out) as received
union all select 'events', count(*) from (
  select fact, key, level, value, value2, settled_at, count(*)
  from report_fact_events where area_slug = ? and at >= ? and at < ? and fact != 'open'
  group by fact, key, level, value, value2, settled_at) as events
union all select 'open', sum(net_change) from report_open_counts where area_slug = ? and quarter <= ?
union all select 'satisfaction', count(*) from survey_responses where area_slug = ? and quarter = ?
`;

export interface ReportMeasurement {
  area: string;
  quarter: string;
  received: number;
  /** The draft as the app computes it now: from the facts kept with each change. */
  repository: Summary;
  /** The facts' own limit: their reads by hand on the raw driver. */
  raw: Summary;
  /** The draft computed afresh over the whole history (the aggregate SQL before #21), a few runs. */
  fresh: Summary;
  /** The hand-written aggregate over the history in one statement: the old limit (SQLite's JSON functions: SQLite only). */
  freshRaw: Summary | null;
  /** Every SSM's draft of the quarter, one after another: the province's live comparison. */
  province: Summary;
  areas: number;
  /** The facts' figures equal the fresh computation, for every SSM of the quarter. */
  agree: boolean;
}

export async function measureReport(input: { db: DB; raw: RawDriver; runs?: number }): Promise<ReportMeasurement> {
  const quarter = lastClosedQuarterId(BENCH_NOW);
  const period = periodOf(BENCH_AREA, quarter)!;
  const params = { area: BENCH_AREA, start: period.start, end: period.end, quarter };
  const runs = input.runs ?? 20;
  const computedAt = BENCH_NOW.toISOString();
  const areas = (await input.raw.prepare("select slug from areas order by slug").all<{ slug: string }>()).map(
    (a) => a.slug,
  );

  // Agreement first (and the warm-up): every SSM's draft from the facts equals the fresh computation.
  let agree = true;
  for (const area of areas) {
    const p = periodOf(area, quarter)!;
    const kept = await computeQuarterFigures(input.db, p, computedAt);
    const fresh = await computeQuarterFiguresFromHistory(input.db, p, computedAt);
    if (!isDeepStrictEqual(rounded(kept), rounded(fresh))) {
      agree = false;
      console.error(
        `Report figures of ${area} differ between the facts and the history:`,
        JSON.stringify({ kept, fresh }).slice(0, 3000),
      );
    }
  }
  let figures = await computeQuarterFigures(input.db, period, computedAt);
  const repository = await timeRuns(runs, 0, async () => {
    figures = await computeQuarterFigures(input.db, period, computedAt);
  });
  const factsStatement = input.raw.prepare(FACTS_QUERY);
  const { area, start, end } = params;
  const factsParams = [area, start, end, area, start, end, area, quarter, area, quarter];
  await factsStatement.all(...factsParams);
  const raw = await timeRuns(runs, 0, () => factsStatement.all(...factsParams));
  const province = await timeRuns(Math.max(5, Math.round(runs / 4)), 0, async () => {
    for (const area of areas) await computeQuarterFigures(input.db, periodOf(area, quarter)!, computedAt);
  });
  const freshRuns = 3;
  const fresh = await timeRuns(freshRuns, 0, async () => {
    await computeQuarterFiguresFromHistory(input.db, period, computedAt);
  });
  const history = isSqliteRaw(input.raw) ? sqliteHistoryStatement(input.raw, params) : null;
  const freshRaw = history ? await timeRuns(freshRuns, 0, history) : null;
  return {
    area: BENCH_AREA,
    quarter,
    received: figures.received.total,
    repository: summarize(repository),
    raw: summarize(raw),
    fresh: summarize(fresh),
    freshRaw: freshRaw ? summarize(freshRaw) : null,
    province: summarize(province),
    areas: areas.length,
    agree,
  };
}

/** The old one-statement limit: named parameters and SQLite's JSON functions, so SQLite's driver only. */
function sqliteHistoryStatement(raw: SqliteRaw, params: Record<string, string>): () => unknown {
  const statement = raw.handle.prepare(ONE_QUERY);
  return () => statement.all(params);
}

/** Days paused are sums of fractions: the two ways may add them in another order. */
function rounded(f: QuarterFigures) {
  return {
    ...f,
    clocks: f.clocks.map((k) => ({ ...k, pausedDays: Math.round(k.pausedDays * 1e6) / 1e6 })),
    satisfaction: { ...f.satisfaction },
  };
}
