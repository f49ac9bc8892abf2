// npm run bench [-- --cases 20000] [-- --regenerate] [-- --only pages,report] [-- --seconds 20] [-- --runs 200]
// Generates (or reuses) a database of a province's cases and measures the staff pages, a quarterly
// report, the clock sweep, public filing under load and the CSV export against their physical
// limits, then writes bench/RESULTS.md; Lighthouse's phone scores for the public pages (on the demo
// seed) are written to their own section of it. Never part of `npm test`: the numbers depend on the machine.
import SQLite from "better-sqlite3";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { migrateToLatest, openDatabase } from "../db/client";
import { migrations } from "../db/migrations/index";
import { generateBenchDatabase, type GenerationSummary } from "./generate";
import { buildAppSnapshot, copyDatabase, removeRunFiles, startAppServer } from "./lib/app-server";
import { BENCH_USAGE, MEASUREMENTS, parseBenchArgs } from "./lib/args";
import { cachedDatabasePath, DATA_DIR } from "./lib/bench-constants";
import { describeMachine } from "./lib/machine";
import { startEmbeddedPostgres, type RunningPostgres } from "../test/fixtures/embedded-postgres";
import { copyToPostgres, type PostgresTarget } from "./lib/postgres-target";
import { sqliteRaw, type RawDriver } from "./lib/raw-driver";
import { resultsMarkdown, writeResultsFile, type BenchResults } from "./lib/results";
import { msSince } from "./lib/stats";
import { exportAvailable, EXPORT_SERVICE, measureExport } from "./measure-export";
import { measureAppFiling, measureBareFiling, measurePageCeiling } from "./measure-filing";
import { measurePages } from "./measure-pages";
import { measureReport } from "./measure-report";
import { measureSweep } from "./measure-sweep";
import { lighthouseMarkdown, runLighthouseBench, writeLighthouseSection } from "./measure-lighthouse";

/** What a PostgreSQL run measures (`--database`): the database's work, not the browser's. */
const POSTGRES_MEASUREMENTS = ["report", "sweep", "pages", "filing"] as const;

/** Lighthouse runs on its own database (the demo seed), not on the generated one. */
const LIGHTHOUSE_RUNS = 3;

function parseCli() {
  const args = parseBenchArgs(process.argv.slice(2));
  if (!args.ok) {
    for (const message of args.errors) console.error(message);
    console.error(BENCH_USAGE);
    process.exit(2);
  }
  return args.data;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * True when the cached file ran a migration this version does not list (a renamed or dropped
 * migration from a branch): Kysely refuses such a database, so it is generated again. New
 * migrations are fine: they run on the working copy.
 */
function knowsUnknownMigrations(path: string): boolean {
  const file = new SQLite(path, { readonly: true });
  try {
    const ran = file.prepare("select name from kysely_migration").all() as { name: string }[];
    const unknown = ran.filter((m) => !(m.name in migrations));
    if (unknown.length > 0)
      log(
        `The cached database ran migrations this version does not have (${unknown.map((m) => m.name).join(", ")}): generating it again.`,
      );
    return unknown.length > 0;
  } finally {
    file.close();
  }
}

async function ensureDatabase(
  cases: number,
  regenerate: boolean,
): Promise<{ path: string; summary: GenerationSummary; generatedNow: boolean }> {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = cachedDatabasePath(cases);
  const sidecar = `${path}.json`;
  if (!regenerate && existsSync(path) && existsSync(sidecar) && !knowsUnknownMigrations(path)) {
    log(`Using the cached database ${path} (--regenerate to make a new one).`);
    return { path, summary: JSON.parse(readFileSync(sidecar, "utf8")) as GenerationSummary, generatedNow: false };
  }
  log(`Generating ${cases.toLocaleString("en-CA")} cases into ${path}…`);
  const summary = await generateBenchDatabase({ path, cases });
  writeFileSync(sidecar, JSON.stringify(summary, null, 2));
  log(`Generated in ${summary.seconds.toFixed(0)} s.`);
  return { path, summary, generatedNow: true };
}

/** A fresh copy of the cached file, migrated to this version (a new index is built here). */
async function workingCopy(cached: string, name: string): Promise<{ path: string; migrateMs: number }> {
  const path = join(DATA_DIR, "run", name);
  mkdirSync(join(DATA_DIR, "run"), { recursive: true });
  copyDatabase(cached, path);
  const db = openDatabase(`file:${path}`);
  const started = process.hrtime.bigint();
  await migrateToLatest(db);
  const migrateMs = msSince(started);
  await db.destroy();
  return { path, migrateMs };
}

async function waitForExport(minutes: number): Promise<boolean> {
  const deadline = Date.now() + minutes * 60_000;
  if (!exportAvailable())
    log(`Waiting up to ${minutes} min for ${EXPORT_SERVICE} (the export is being written by another engineer)…`);
  while (!exportAvailable() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 15_000));
  return exportAvailable();
}

async function main(): Promise<void> {
  const args = parseCli();
  const started = Date.now();
  const only = new Set(args.only);
  if (only.has("lighthouse")) {
    // First, on a quiet machine: the public pages on a phone, with the demo seed (issue #18).
    if (!args["skip-build"]) {
      log("Building the app (remix build, under the shared lock)…");
      buildAppSnapshot();
    }
    log(`Lighthouse on the public pages (${LIGHTHOUSE_RUNS} runs each)…`);
    const markdown = lighthouseMarkdown(
      await runLighthouseBench({ runs: LIGHTHOUSE_RUNS }),
      new Date().toISOString(),
      LIGHTHOUSE_RUNS,
    );
    console.log(markdown);
    writeLighthouseSection(join(process.cwd(), "bench", "RESULTS.md"), markdown);
    only.delete("lighthouse");
    if (only.size === 0) return;
  }
  const machine = describeMachine(DATA_DIR);
  const { path: cached, summary, generatedNow } = await ensureDatabase(args.cases, args.regenerate);
  const results: BenchResults = {
    machine,
    date: new Date().toISOString(),
    generation: summary,
    generatedNow,
    migrateMs: 0,
    totalSeconds: 0,
  };

  if (!args["skip-build"] && !args.only.includes("lighthouse") && (only.has("pages") || only.has("filing"))) {
    log("Building the app (remix build, under the shared lock)…");
    buildAppSnapshot();
  }
  const work = await workingCopy(cached, "work.db");
  results.migrateMs = work.migrateMs;
  // --database: the same rows copied into PostgreSQL, every measurement there and against its driver.
  let postgres: PostgresTarget | null = null;
  let embedded: RunningPostgres | null = null;
  if (args.database) {
    if (args.database === "embedded") {
      embedded = await startEmbeddedPostgres();
      log(`Started PostgreSQL ${embedded.version} from npm for this run.`);
    }
    const serverUrl = embedded?.url ?? args.database;
    log(`Copying the working copy into a new database on ${serverUrl.replace(/:[^:@/]*@/, ":***@")}…`);
    postgres = await copyToPostgres({ serverUrl, sqlitePath: work.path, log });
    log(`Copied in ${postgres.copySeconds.toFixed(0)} s.`);
    results.database = { name: `PostgreSQL ${postgres.version}`, copySeconds: postgres.copySeconds };
  }
  const db = postgres?.db ?? openDatabase(`file:${work.path}`);
  const raw: RawDriver = postgres?.raw ?? sqliteRaw(work.path);
  const databaseUrl = postgres?.url ?? `file:${work.path}`;
  try {
    if (only.has("report")) {
      log("Measuring the quarterly report…");
      results.report = await measureReport({ db, raw });
    }
    if (only.has("sweep")) {
      log("Measuring a sweep round…");
      results.sweep = await measureSweep({ db, raw });
    }
    if (only.has("pages") || only.has("filing")) {
      log("Starting the built server on the working copy…");
      const server = await startAppServer({ DATABASE_URL: databaseUrl, TRUST_PROXY: "loopback" });
      try {
        // The server sweeps once as it starts, at the real time (days past the bench's "now"): the
        // measurements start once that round has ended.
        const startupSweep = await server.startupSweepSeconds(20 * 60_000);
        log(`The server's start-up sweep round ended (${startupSweep.toFixed(1)} s).`);
        // Then the emails that round and the bench's own sweep queued (alerts, reminders): the
        // server delivers them as it starts, and that is not what the pages measure.
        const pending = raw.prepare(
          "select count(*) n from email_outbox where status = 'pending' and next_attempt_at <= ?",
        );
        const due = async () => Number((await pending.get<{ n: number | string }>(new Date().toISOString()))!.n);
        const queued = await due();
        const drainStarted = Date.now();
        while ((await due()) > 0 && Date.now() - drainStarted < 20 * 60_000)
          await new Promise((r) => setTimeout(r, 1000));
        log(
          `Its ${queued.toLocaleString("en-CA")} queued emails delivered in ${((Date.now() - drainStarted) / 1000).toFixed(0)} s.`,
        );
        if (postgres) {
          const vacuuming = await raw
            .prepare("select count(*) n from pg_stat_activity where backend_type = 'autovacuum worker'")
            .get<{ n: number | string }>();
          log(`PostgreSQL autovacuum workers at work as the pages start: ${Number(vacuuming!.n)}.`);
        }
        if (only.has("pages")) {
          log(`Measuring pages (${args.runs} requests each)…`);
          results.pages = await measurePages({ db, raw, baseUrl: server.url, runs: args.runs });
        }
        if (only.has("filing")) {
          log(`Measuring public filing, 50 clients for ${args.seconds} s…`);
          const app = await measureAppFiling({
            baseUrl: server.url,
            pid: server.child.pid!,
            raw,
            seconds: args.seconds,
          });
          log("…the form page under the same load (the framework's ceiling)…");
          const ceiling = await measurePageCeiling({ baseUrl: server.url, seconds: args.seconds });
          // SQLite: another copy of the file. PostgreSQL: the same database, a few thousand rows on
          // top of the province's (a second copy would take as long as the first).
          log("…and the bare node:http handler…");
          const bareCopy = postgres ? null : await workingCopy(cached, "bare.db");
          const bare = await measureBareFiling({
            database: postgres?.url ?? bareCopy!.path,
            raw,
            seconds: args.seconds,
          });
          if (bareCopy) removeRunFiles(bareCopy.path);
          results.filing = { app: app.load, bare, rss: app.rss, ceiling };
        }
      } finally {
        await server.stop();
      }
    }
    if (only.has("export") && postgres) {
      results.exportMissing = "measured on SQLite only (the export child reads the SQLite file)";
    } else if (only.has("export")) {
      if (await waitForExport(args["export-wait-minutes"])) {
        log("Measuring the CSV export (100,000 rows, then all)…");
        results.exports = [];
        for (const maxRows of [Math.min(100_000, summary.cases), summary.cases]) {
          results.exports.push(await measureExport({ databasePath: work.path, maxRows }));
        }
      } else {
        results.exportMissing = `${EXPORT_SERVICE} did not appear within ${args["export-wait-minutes"]} min`;
      }
    }
  } finally {
    if (postgres) {
      await postgres.drop();
      await embedded?.stop();
    } else {
      await raw.close();
      await db.destroy();
    }
  }
  results.totalSeconds = (Date.now() - started) / 1000;
  const markdown = resultsMarkdown(results);
  console.log(markdown);
  writeFileSync(join(DATA_DIR, `results-${results.date.replace(/[:.]/g, "-")}.json`), JSON.stringify(results, null, 2));
  // A smaller or partial run is a check, not the record: only a full run writes RESULTS.md, each
  // database's table between its own markers.
  // On PostgreSQL the Lighthouse pages and the export (which reads the SQLite file) do not apply.
  const complete = postgres
    ? POSTGRES_MEASUREMENTS.every((m) => args.only.includes(m))
    : args.only.length === MEASUREMENTS.length;
  if (args.cases === 1_000_000 && complete)
    writeResultsFile(join(process.cwd(), "bench", "RESULTS.md"), markdown, postgres ? "postgres" : "sqlite");
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
