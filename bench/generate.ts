import SQLite from "better-sqlite3";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { formatCaseReference } from "../app/domain/case-reference";
import { addDays, localDateOf } from "../app/domain/time-zone";
import { acknowledgementEmail } from "../emails/case-emails";
import { migrateToLatest, openDatabase } from "../db/client";
import type { Language } from "../db/schema";
import {
  CaseHistory,
  caseRow,
  Dice,
  loadAreas,
  planCase,
  PROFILES,
  rulesFor,
  surveyAnswer,
  type AreaSetup,
} from "../scripts/seed/demo-history";
import { seedReferenceData } from "../db/seed/reference-data";
import { rebuildReportFacts } from "../db/repositories/report-facts";
import { createBenchPeople } from "./lib/bench-people";
import { BENCH_NOW, HISTORY_START } from "./lib/bench-constants";
import { playBenchCase } from "./lib/bench-timeline";
import { TimeHeap } from "./lib/heap";
import { progressBar } from "./lib/progress";

// Fills a SQLite file with five fiscal years of cases for `npm run bench`. The schema comes from the
// real migrations and the areas, SSMs and policies from the real reference seed; the people are
// written through Kysely. The million cases are then written with prepared statements on the raw
// driver inside large transactions (Kysely's per-row overhead would triple the time). Timelines are
// the demo history's (scripts/seed/demo-history.ts), so rows have the shapes the app writes.

const TIME_ZONE = "America/Toronto";
const COMMIT_EVERY = 25_000;
/** Cases per business day grow by this much over the five years, as SSMs take on more providers. */
const GROWTH = 0.8;
/** Cases that climb the whole ladder to the ministry (the demo plants one or two a quarter). */
const REFERRAL_SHARE = 0.002;
const OPEN_STATUSES = new Set(["received", "acknowledged", "in_review", "waiting_for_filer"]);

export interface GenerationSummary {
  cases: number;
  openCases: number;
  decidedNotClosed: number;
  events: number;
  clocks: number;
  runningClocks: number;
  pausedClocks: number;
  /** Running clocks past due at BENCH_NOW: what the sweep round measured acts on. */
  clocksDueAtNow: number;
  emails: number;
  surveyAnswers: number;
  seconds: number;
  bytes: number;
}

type Item =
  | { at: number; seq: number; table: "event"; values: unknown[] }
  | { at: number; seq: number; table: "clock"; values: unknown[] }
  | { at: number; seq: number; table: "email"; values: unknown[] };

const CASE_COLUMNS = [
  "id",
  "reference",
  "area_slug",
  "kind",
  "channel",
  "status",
  "level",
  "program",
  "category",
  "respondent_org_id",
  "assignee_id",
  "filer_user_id",
  "filer_org_id",
  "filer_name",
  "filer_email",
  "filer_phone",
  "language",
  "accommodation_needed",
  "accommodation_details",
  "description",
  "outcome_wanted",
  "secret_hash",
  "submission_key",
  "policy_id",
  "received_at",
  "decided_at",
  "outcome",
  "closed_at",
  "self_identification_json",
  "recourse_deadline_at",
  "next_due_at",
  "purged_at",
  "version",
  "created_at",
  "updated_at",
] as const;

function insertSql(table: string, columns: readonly string[]): string {
  return `insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`;
}

/** Business days from the start of the history to now, each weighted by the growth in volume. */
function arrivalTimes(
  areas: readonly AreaSetup[],
  rules: ReturnType<typeof rulesFor>,
  count: number,
  dice: Dice,
): { at: number; area: AreaSetup }[] {
  const days = rules(areas[0]!, HISTORY_START.getTime()).days;
  const open = days.daysWithin(HISTORY_START.getTime(), BENCH_NOW.getTime());
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < open.length; k++) cumulative.push((total += 1 + (GROWTH * k) / open.length));
  const areaWeights = Object.fromEntries(areas.map((a) => [a.slug, PROFILES[a.slug]?.perQuarter ?? 12])) as Record<
    string,
    number
  >;
  const bySlug = new Map(areas.map((a) => [a.slug, a]));
  const arrivals: { at: number; area: AreaSetup }[] = [];
  for (let i = 0; i < count; i++) {
    // Stratified: the i-th case falls in the i-th slice of the volume, so a smaller run keeps the shape.
    const u = ((i + dice.next()) / count) * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! >= u) hi = mid;
      else lo = mid + 1;
    }
    const area = bySlug.get(dice.weighted(areaWeights))!;
    arrivals.push({ at: days.momentOn(open[lo]!, dice), area });
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

/**
 * The acknowledgement every filing with an email address queues (filing.server.ts), rendered once
 * per SSM and language; each case's copy swaps in its reference and name. The later emails (replies,
 * decisions) are left out to keep the file to a few gigabytes: the outbox still holds a row per
 * filing, which is what makes a case page's email list a lookup in a million rows.
 */
function acknowledgementTemplates() {
  const cache = new Map<string, { subject: string; text: string; html: string }>();
  return (area: AreaSetup, language: Language, ssmName: string) => {
    const key = `${area.slug}:${language}`;
    let t = cache.get(key);
    if (!t) {
      const common = {
        language,
        filerName: "@@NAME@@",
        reference: "@@REF@@",
        ssmName,
        statusLink: "https://recourse.example.org/status",
        signedIn: false,
        ssmPhone: null,
      };
      t = acknowledgementEmail({
        ...common,
        receivedAt: BENCH_NOW.toISOString(),
        acknowledgeDueAt: BENCH_NOW.toISOString(),
        firstResponseDueAt: BENCH_NOW.toISOString(),
        accommodationNeeded: false,
      });
      cache.set(key, t);
    }
    return t;
  };
}

export async function generateBenchDatabase(input: { path: string; cases: number }): Promise<GenerationSummary> {
  const started = Date.now();
  const tmp = `${input.path}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });

  // Setup through the app's own code: migrations, reference data, then the bench's people.
  const setupAt = new Date(HISTORY_START.getTime() - 30 * 86_400_000);
  const db = openDatabase(`file:${tmp}`);
  await migrateToLatest(db);
  await seedReferenceData(db, setupAt);
  const people = await createBenchPeople(db, setupAt);
  const areas = await loadAreas(db, people.managers);
  const ssmNames = new Map(
    (
      await db
        .selectFrom("organizations")
        .select(["area_slug", "name_en", "name_fr"])
        .where("kind", "=", "ssm")
        .execute()
    ).map((o) => [o.area_slug!, o]),
  );
  await db.destroy();

  const nowMs = BENCH_NOW.getTime();
  const rulesOn = rulesFor(
    addDays(localDateOf(HISTORY_START, TIME_ZONE), -7),
    addDays(localDateOf(BENCH_NOW, TIME_ZONE), 500),
  );
  const dice = new Dice(20_221_201 + input.cases);
  const arrivals = arrivalTimes(areas, rulesOn, input.cases, dice);
  const templates = acknowledgementTemplates();

  const raw = new SQLite(tmp);
  // A throw-away file being filled: the rollback journal in memory (SQLite refuses OFF here) rather
  // than WAL, which would write every page twice; no fsync. WAL is switched back on at the end.
  raw.pragma("journal_mode = DELETE");
  raw.pragma("journal_mode = MEMORY");
  raw.pragma("synchronous = OFF");
  raw.pragma("cache_size = -1000000");
  raw.pragma("temp_store = MEMORY");
  const insertCase = raw.prepare(insertSql("cases", CASE_COLUMNS));
  const insertEvent = raw.prepare(
    insertSql("case_events", [
      "case_id",
      "type",
      "visibility",
      "actor_kind",
      "actor_user_id",
      "level",
      "body",
      "data_json",
      "created_at",
    ]),
  );
  const insertClock = raw.prepare(
    insertSql("case_clocks", [
      "case_id",
      "kind",
      "level",
      "started_at",
      "due_at",
      "state",
      "paused_at",
      "paused_business_ms",
      "met_at",
      "breached_at",
      "reminded_at",
      "taken_business_days",
      "paused_business_days",
    ]),
  );
  const insertEmail = raw.prepare(
    insertSql("email_outbox", [
      "dedupe_key",
      "case_id",
      "recipient",
      "language",
      "template",
      "subject",
      "text_body",
      "html_body",
      "status",
      "attempts",
      "next_attempt_at",
      "last_error",
      "lease_until",
      "created_at",
      "sent_at",
    ]),
  );
  const insertSurvey = raw.prepare(
    insertSql("survey_responses", ["area_slug", "quarter", "clear", "fair", "timely", "comment"]),
  );

  const summary: GenerationSummary = {
    cases: 0,
    openCases: 0,
    decidedNotClosed: 0,
    events: 0,
    clocks: 0,
    runningClocks: 0,
    pausedClocks: 0,
    clocksDueAtNow: 0,
    emails: 0,
    surveyAnswers: 0,
    seconds: 0,
    bytes: 0,
  };
  // Rows of cases still being lived, written in time order as the clock passes them.
  const heap = new TimeHeap<Item>();
  let seq = 0;
  const write = (item: Item) => {
    if (item.table === "event") insertEvent.run(item.values);
    else if (item.table === "clock") insertClock.run(item.values);
    else insertEmail.run(item.values);
  };
  const flushUntil = (t: number) => {
    while (heap.size > 0 && heap.peek()!.at <= t) write(heap.pop()!);
  };
  const counters = new Map<string, number>();
  const progress = progressBar("Generating cases", input.cases);
  const iso = (t: number) => new Date(t).toISOString();

  raw.exec("begin");
  for (const [i, arrival] of arrivals.entries()) {
    flushUntil(arrival.at);
    const plan = planCase(arrival.area, arrival.at, dice);
    if (
      plan.path === "normal" &&
      !plan.referredOut &&
      plan.kind === "client_complaint" &&
      arrival.at < nowMs - 200 * 86_400_000 &&
      dice.chance(REFERRAL_SHARE)
    )
      plan.path = "referral";
    const h = playBenchCase(new CaseHistory(plan, rulesOn(plan.area, plan.receivedAt), nowMs), dice, nowMs);

    const id = i + 1;
    const year = Number(localDateOf(new Date(plan.receivedAt), plan.area.timeZone).slice(0, 4));
    const counterKey = `${plan.area.slug}:${year}`;
    const sequence = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, sequence);
    const row = caseRow(h, formatCaseReference(plan.area.code, year, sequence), dice.uuid());

    // Staff take a case as they acknowledge it ("take": an internal entry and a version).
    const acknowledged = h.events.find((e) => e.type === "acknowledged");
    const staff = people.staffByArea.get(plan.area.slug)!;
    const assignee = acknowledged ? dice.pick(staff) : null;
    if (assignee !== null) {
      row.assignee_id = assignee;
      row.version = (row.version ?? 1) + 1;
    }
    insertCase.run(CASE_COLUMNS.map((c) => (c === "id" ? id : ((row as Record<string, unknown>)[c] ?? null))));
    summary.cases++;
    if (OPEN_STATUSES.has(h.status)) summary.openCases++;
    if (h.status === "decided") summary.decidedNotClosed++;

    for (const c of h.clocks) {
      // The sweep reminds the assignee once a running clock is a business day from due: a clock due
      // by tomorrow's closing was reminded by an earlier round, so the round measured does not redo it.
      const remindAt = Date.parse(c.dueAt) - 86_400_000;
      const reminded =
        c.state === "running" && assignee !== null && remindAt < nowMs - 60_000
          ? iso(Math.max(remindAt, Date.parse(c.startedAt)))
          : null;
      heap.push({
        at: Date.parse(c.startedAt),
        seq: seq++,
        table: "clock",
        values: [
          id,
          c.kind,
          c.level,
          c.startedAt,
          c.dueAt,
          c.state,
          c.pausedAt,
          c.pausedBusinessMs,
          c.metAt,
          c.breachedAt,
          reminded,
          c.takenBusinessDays ?? null,
          c.pausedBusinessDays ?? null,
        ],
      });
      summary.clocks++;
      if (c.state === "running") summary.runningClocks++;
      if (c.state === "paused") summary.pausedClocks++;
      if (c.state === "running" && Date.parse(c.dueAt) < nowMs) summary.clocksDueAtNow++;
    }
    const events =
      assignee !== null && acknowledged
        ? h.events.flatMap((e) =>
            e === acknowledged
              ? [
                  {
                    ...e,
                    type: "assigned",
                    visibility: "internal" as const,
                    actorKind: "staff" as const,
                    body: null,
                    data: { name: `${plan.area.code} officer` },
                  },
                  e,
                ]
              : [e],
          )
        : h.events;
    for (const e of events) {
      heap.push({
        at: e.at,
        seq: seq++,
        table: "event",
        values: [
          id,
          e.type,
          e.visibility,
          e.actorKind,
          e.actorUserId,
          e.level,
          e.body ?? null,
          e.data ? JSON.stringify(e.data) : null,
          iso(e.at),
        ],
      });
      summary.events++;
      if (row.filer_email && e.type === "filed") {
        const ssm = ssmNames.get(plan.area.slug)!;
        const t = templates(plan.area, plan.language, plan.language === "fr" ? ssm.name_fr : ssm.name_en);
        const fill = (s: string) => s.replaceAll("@@REF@@", row.reference).replaceAll("@@NAME@@", row.filer_name);
        const sentAt = iso(e.at + 20_000);
        heap.push({
          at: e.at,
          seq: seq++,
          table: "email",
          values: [
            `case:${id}:filed`,
            id,
            row.filer_email,
            plan.language,
            "acknowledgement",
            fill(t.subject),
            fill(t.text),
            fill(t.html),
            "sent",
            1,
            sentAt,
            null,
            null,
            iso(e.at),
            sentAt,
          ],
        });
        summary.emails++;
      }
    }
    const answer = surveyAnswer(h, dice);
    if (answer) {
      insertSurvey.run([
        answer.area_slug,
        answer.quarter,
        answer.clear,
        answer.fair,
        answer.timely,
        answer.comment ?? null,
      ]);
      summary.surveyAnswers++;
    }
    if ((i + 1) % COMMIT_EVERY === 0) {
      raw.exec("commit");
      raw.exec("begin");
    }
    progress.tick();
  }
  flushUntil(Number.POSITIVE_INFINITY);
  const setCounter = raw.prepare("insert into reference_counters (area_slug, year, last_value) values (?, ?, ?)");
  for (const [key, value] of counters) {
    const [slug, year] = key.split(":");
    setCounter.run([slug, Number(year), value]);
  }
  raw.exec("commit");
  progress.done();
  raw.pragma("journal_mode = WAL");
  raw.close();
  // The report facts (0022) of every case, as the app keeps them with each change (issue #21).
  const factsDb = openDatabase(`file:${tmp}`);
  const factsProgress = progressBar("Report facts", input.cases);
  let factsDone = 0;
  await factsDb.transaction().execute((trx) =>
    rebuildReportFacts(trx, {
      batchSize: 5000,
      onProgress: (done) => {
        factsProgress.tick(done - factsDone);
        factsDone = done;
      },
    }),
  );
  factsProgress.done();
  await factsDb.destroy();
  if (existsSync(input.path)) rmSync(input.path);
  renameSync(tmp, input.path);
  summary.seconds = (Date.now() - started) / 1000;
  summary.bytes = statSync(input.path).size;
  return summary;
}
