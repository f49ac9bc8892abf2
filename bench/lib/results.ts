import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { GenerationSummary } from "../generate";
import type { ExportMeasurement } from "../measure-export";
import type { LoadResult } from "../measure-filing";
import type { PageMeasurement } from "../measure-pages";
import type { ReportMeasurement } from "../measure-report";
import type { SweepMeasurement } from "../measure-sweep";
import type { Machine } from "./machine";
import { fmtMs } from "./stats";

// The results as Markdown: printed, and written into bench/RESULTS.md between two markers so the
// notes around them (what was fixed, before and after) survive a re-run.

// SQLite's table and PostgreSQL's (`-- --database postgres://…`) each between markers of their own.
const MARKERS = {
  sqlite: { start: "<!-- bench:start (written by npm run bench) -->", end: "<!-- bench:end -->" },
  postgres: {
    start: "<!-- bench:pg:start (written by npm run bench -- --database postgres://…) -->",
    end: "<!-- bench:pg:end -->",
  },
} as const;

export interface BenchResults {
  machine: Machine;
  date: string;
  generation: GenerationSummary;
  generatedNow: boolean;
  migrateMs: number;
  /** Set when measured on PostgreSQL: its version and how long the copy of the province took. */
  database?: { name: string; copySeconds: number };
  report?: ReportMeasurement;
  sweep?: SweepMeasurement;
  pages?: PageMeasurement[];
  filing?: {
    app: LoadResult;
    bare: LoadResult;
    rss: { peak: number; mean: number; idle: number };
    /** GET /file under the same load: what any Remix document answer costs here (absent in older runs). */
    ceiling?: LoadResult;
  };
  exports?: ExportMeasurement[];
  exportMissing?: string;
  totalSeconds: number;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const n = (x: number) => Math.round(x).toLocaleString("en-CA");
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : "–");
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

export function resultsMarkdown(r: BenchResults): string {
  const g = r.generation;
  const lines: string[] = [];
  const database = r.database?.name ?? `SQLite ${r.machine.sqlite}`;
  lines.push(
    `Run ${r.date} on **${database}**: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.ramGb} GB RAM, ${r.machine.os}, disk ${r.machine.disk}; Node ${r.machine.node}.`,
  );
  lines.push("");
  lines.push(
    `Database: ${n(g.cases)} cases (${n(g.openCases)} open: ${n(g.runningClocks)} running clocks, ${n(g.pausedClocks)} paused; ${n(g.decidedNotClosed)} decided, not yet closed), ` +
      `${n(g.events)} timeline entries, ${n(g.clocks)} clocks, ${n(g.emails)} emails, ${n(g.surveyAnswers)} survey answers; ${mb(g.bytes)}. ` +
      `Generated in ${g.seconds.toFixed(0)} s${r.generatedNow ? "" : " (cached file reused this run)"}; migrations on the copy ${fmtMs(r.migrateMs)} ms` +
      (r.database
        ? `; copied into ${r.database.name} by db:copy's code in ${r.database.copySeconds.toFixed(0)} s`
        : "") +
      `. Whole run ${r.totalSeconds.toFixed(0)} s.`,
  );
  lines.push("");
  lines.push("| Measurement | Result | Limit (raw) | Ratio | Target | |");
  lines.push("|---|---|---|---|---|---|");
  for (const p of r.pages ?? []) {
    const isQueue = p.name.startsWith("queue");
    const target = isQueue ? "≤ 2× raw, p95 < 50 ms" : "–";
    const ok = p.page.p95 < 50 && (!isQueue || p.service.p50 <= 2 * p.raw.p50);
    lines.push(
      `| ${p.name}: page p50 / p95 | ${fmtMs(p.page.p50)} / ${fmtMs(p.page.p95)} ms | ${fmtMs(p.raw.p50)} / ${fmtMs(p.raw.p95)} ms | page ${ratio(p.page.p50, p.raw.p50)}, data ${ratio(p.service.p50, p.raw.p50)} (${fmtMs(p.service.p50)} ms) | ${target} | ${isQueue ? verdict(ok) : p.page.p95 < 50 ? "" : "slow"} |`,
    );
  }
  if (r.report) {
    const x = r.report;
    const differ = x.agree ? "" : " (figures differ!)";
    lines.push(
      `| SSM-quarter draft from the report facts (${x.area}, ${x.quarter}, ${n(x.received)} received): p50 / p95 | ${fmtMs(x.repository.p50)} / ${fmtMs(x.repository.p95)} ms | ${fmtMs(x.raw.p50)} / ${fmtMs(x.raw.p95)} ms | ${ratio(x.repository.p50, x.raw.p50)}${differ} | p95 ≤ 300 ms | ${verdict(x.repository.p95 <= 300 && x.agree)} |`,
    );
    lines.push(
      `| Province's live comparison: the ${x.areas} SSMs' drafts of ${x.quarter}, one after another: p50 / p95 | ${fmtMs(x.province.p50)} / ${fmtMs(x.province.p95)} ms | – | – | ≤ 1 s | ${verdict(x.province.p95 <= 1000 && x.agree)} |`,
    );
    const freshRaw = x.freshRaw;
    lines.push(
      `| The same draft computed afresh over the whole history (before #21; ${x.fresh.n} runs): p50 | ${fmtMs(x.fresh.p50)} ms | ${freshRaw ? `${fmtMs(freshRaw.p50)} ms` : "–"} | ${freshRaw ? ratio(x.fresh.p50, freshRaw.p50) : "–"} | – | |`,
    );
  }
  if (r.sweep) {
    const s = r.sweep;
    lines.push(
      `| Sweep round at "now" over ${n(s.openCases)} open cases (${n(s.dueAtNow)} clocks due: ${n(s.result.breached)} breached, ${n(s.result.escalated)} escalated, ${n(s.result.reminded)} reminders) | ${fmtMs(s.ms)} ms | – | – | < 1 s | ${verdict(s.ms < 1000)} |`,
    );
    lines.push(
      `| A second round straight after (nothing left to breach; reminders continue, 200 a round) | ${fmtMs(s.idleMs)} ms | – | – | – | |`,
    );
  }
  if (r.filing) {
    const { app, bare, rss } = r.filing;
    lines.push(
      `| Public filing, 50 clients: requests/s (p50 / p99, errors) | ${app.perSecond.toFixed(0)}/s (${fmtMs(app.p50)} / ${fmtMs(app.p99)} ms, ${app.errors} errors of ${n(app.requests)}) | ${bare.perSecond.toFixed(0)}/s (${fmtMs(bare.p50)} / ${fmtMs(bare.p99)} ms, ${bare.errors} errors) | ${(app.perSecond / bare.perSecond).toFixed(2)} of bare | ≥ 0.5, 0 errors | ${verdict(app.perSecond >= 0.5 * bare.perSecond && app.errors === 0)} |`,
    );
    if (r.filing.ceiling) {
      const c = r.filing.ceiling;
      lines.push(
        `| The framework's ceiling: the form itself (GET /file, reads only), same 50 clients | ${c.perSecond.toFixed(0)}/s (${fmtMs(c.p50)} / ${fmtMs(c.p99)} ms, ${c.errors} errors of ${n(c.requests)}) | ${bare.perSecond.toFixed(0)}/s | ${(c.perSecond / bare.perSecond).toFixed(2)} of bare | – | |`,
      );
    }
    lines.push(
      `| Server RSS under that load: peak (mean; idle before) | ${mb(rss.peak)} (${mb(rss.mean)}; ${mb(rss.idle)}) | – | – | < 200 MB | ${verdict(rss.peak < 200 * 2 ** 20)} |`,
    );
  }
  for (const e of r.exports ?? []) {
    lines.push(
      `| CSV export, every SSM, ${n(e.rows)} rows: time, peak RSS | ${(e.ms / 1000).toFixed(1)} s (${n(e.rows / (e.ms / 1000))} rows/s, ${mb(e.bytes)}), ${mb(e.peakRss)} | – | – | constant memory | |`,
    );
  }
  if (r.exports && r.exports.length === 2) {
    const [small, big] = r.exports as [ExportMeasurement, ExportMeasurement];
    lines.push(
      `| CSV export memory, ${n(big.rows)} rows against ${n(small.rows)} | ${mb(big.peakRss)} vs ${mb(small.peakRss)} | – | – | constant | ${verdict(big.peakRss < small.peakRss * 1.25 + 16 * 2 ** 20)} |`,
    );
  }
  if (r.exportMissing) lines.push(`| CSV export | not measured: ${r.exportMissing} | – | – | – | |`);
  lines.push("");
  lines.push(
    `Page: GET on the built server over loopback, one request at a time (session check, loader, render, HTTP). Data: the page's service called in-process (every query the loader makes, through Kysely). Raw: the same rows by hand-written SQL on ${r.database ? "node-postgres (named prepared statements, one query at a time)" : "better-sqlite3"}; for the queue, the 50 rows and the status counts, for a case page its reads and its audit entry.` +
      (r.database
        ? " Filing's bare handler: node:http and node-postgres, the same rows in one transaction under the app's write lock, into the same database after the app's run."
        : ""),
  );
  return lines.join("\n");
}

export function writeResultsFile(path: string, markdown: string, database: keyof typeof MARKERS = "sqlite"): void {
  const { start: START, end: END } = MARKERS[database];
  const block = `${START}\n${markdown}\n${END}`;
  const current = existsSync(path) ? readFileSync(path, "utf8") : "# Recourse benchmarks (`npm run bench`)\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}
