import type SQLite from "better-sqlite3";
import type { DB } from "../db/client";
import { computeQuarterFigures } from "../db/repositories/report-figures";
import { lastClosedQuarterId, periodOf } from "../app/services/quarter-reports.server";
import { BENCH_AREA, BENCH_NOW } from "./lib/bench-constants";
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

export interface ReportMeasurement {
  area: string;
  quarter: string;
  received: number;
  repository: Summary;
  raw: Summary;
  /** Figures both ways agree: a check that the raw query is a fair comparison. */
  agree: boolean;
}

export async function measureReport(input: {
  db: DB;
  raw: SQLite.Database;
  runs?: number;
}): Promise<ReportMeasurement> {
  const quarter = lastClosedQuarterId(BENCH_NOW);
  const period = periodOf(BENCH_AREA, quarter)!;
  const statement = input.raw.prepare(ONE_QUERY);
  const params = { area: BENCH_AREA, start: period.start, end: period.end, quarter };
  const runs = input.runs ?? 20;

  let figures = await computeQuarterFigures(input.db, period, BENCH_NOW.toISOString());
  let rows = statement.all(params) as { figure: string; key: string | number | null; value: number }[];
  // The two runs above were the warm-up.
  const repository = await timeRuns(runs, 0, async () => {
    figures = await computeQuarterFigures(input.db, period, BENCH_NOW.toISOString());
  });
  const raw = await timeRuns(runs, 0, () => {
    rows = statement.all(params) as typeof rows;
  });

  const value = (figure: string, key: string | null = null) =>
    Number(rows.find((r) => r.figure === figure && (key === null || String(r.key) === key))?.value ?? 0);
  const decidedTotal = rows.filter((r) => r.figure === "decided_level").reduce((s, r) => s + Number(r.value), 0);
  const agree =
    figures.received.total === value("received") &&
    figures.withdrawn === value("withdrawn") &&
    figures.decided.total === decidedTotal &&
    figures.openAtEnd === value("open_end") &&
    figures.carriedOver === value("open_start") &&
    figures.clocks.every((c) => c.ended === value("clock_ended", `${c.kind}:${c.level}`));
  if (!agree) {
    console.error(
      "Report figures differ between the repository and the raw query:",
      JSON.stringify({ figures, rows }).slice(0, 2000),
    );
  }
  return {
    area: BENCH_AREA,
    quarter,
    received: figures.received.total,
    repository: summarize(repository),
    raw: summarize(raw),
    agree,
  };
}
