// npm run bench:flood [-- --rounds 5]: the bounded flood of issue #15 (test/fixtures/flood.ts)
// against the built server on an empty database, measuring /healthz from a process of its own, and
// the same health checks on the idle server first. Writes its own block of bench/RESULTS.md.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startBuiltServer } from "../test/fixtures/built-server";
import { flood } from "../test/fixtures/flood";
import { startHealthProbe } from "../test/fixtures/health-probe-process";

const START = "<!-- bench:flood:start (written by npm run bench:flood) -->";
const END = "<!-- bench:flood:end -->";
const RESULTS = "bench/RESULTS.md";

const { values } = parseArgs({ options: { rounds: { type: "string" } }, strict: true });
const rounds = Math.max(1, Math.min(50, Number(values.rounds ?? 5) || 5));

const folder = mkdtempSync(join(tmpdir(), "recourse-flood-"));
const server = await startBuiltServer({
  DATABASE_URL: `file:${join(folder, "flood.db")}`,
  NODE_ENV: "production",
  SEED_DEMO: "false",
  MAIL_DIR: join(folder, "mail"),
  ATTACHMENTS_DIR: join(folder, "attachments"),
  OUTBOX_INTERVAL_MS: "3600000",
  SWEEP_INTERVAL_MS: "3600000",
});
try {
  const quiet = startHealthProbe(server.url);
  await quiet.started;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idle = (await quiet.stop()).latencies.sort((a, b) => a - b);
  const idleP95 = idle[Math.ceil(idle.length * 0.95) - 1] ?? NaN;
  const result = await flood(server.url, { rounds });
  const refused = result.statuses.filter((s) => s === 413).length;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const block = [
    START,
    `Run ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}: ${result.statuses.length} hostile bodies (64 MB declared and streamed, 1,000,000 fields, 100,000 parts) at ${result.routes} POST routes, 8 at a time. Load average at the start ${loadavg()[0]!.toFixed(1)} (other work on the machine counts: the flood's own client shares its cores).`,
    "",
    "| Measurement | Result | Target | |",
    "|---|---|---|---|",
    `| Hostile bodies refused with 413 | ${refused} of ${result.statuses.length} | all | ${refused === result.statuses.length ? "met" : "**missed**"} |`,
    `| /healthz while flooded: p50 / p95 / max (checks, failed) | ${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.max)} (${result.health.checks}, ${result.health.failed}) | every check answered, p95 < 100 ms | ${result.health.failed === 0 && result.p95 < 100 ? "met" : "**missed**"} |`,
    `| /healthz idle, same machine, just before: p95 | ${ms(idleP95)} | – | |`,
    `| Server still running afterwards | ${server.child.exitCode === null ? "yes" : "no"} | yes | ${server.child.exitCode === null ? "met" : "**missed**"} |`,
    END,
  ].join("\n");
  console.log(block);
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "# Recourse benchmarks\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n## Hostile traffic (issue #15)\n\n${block}\n`;
  writeFileSync(RESULTS, next);
} finally {
  server.child.kill("SIGTERM");
  await server.exited;
  rmSync(folder, { recursive: true, force: true });
}
