import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { freePort, PRODUCTION_NODE_FLAGS } from "../../test/fixtures/built-server";
import { DATA_DIR } from "./bench-constants";

// The real server (build/server.js over the Remix build, both from `npm run build`), as `npm start` and
// test/fixtures/built-server.ts start it,
// but over a private copy of the build: another engineer's `remix build` rewrites build/ while the
// bench runs, and a server that loads half a build measures nothing. The browser's files (public/)
// are copied too: the Lighthouse bench loads them.

export const APP_DIR = join(DATA_DIR, "app");

/** Builds under the shared lock (concurrent builds clash) and snapshots the output for the bench. */
export function buildAppSnapshot(): void {
  const result = spawnSync(
    "flock",
    [
      "/tmp/recourse-e2e.lock",
      "sh",
      "-c",
      `npm run -s build >/dev/null && rm -rf '${APP_DIR}' && mkdir -p '${APP_DIR}/public' && cp -r build '${APP_DIR}/build' && cp -r public/build public/favicon.ico '${APP_DIR}/public/'`,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0) throw new Error("npm run build failed");
}

export interface RunningServer {
  url: string;
  /**
   * Resolves with the seconds the server's start-up sweep round took, once it has ended (read from
   * its metrics): measurements made during that round would measure the round.
   */
  startupSweepSeconds: (timeoutMs: number) => Promise<number>;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the compiled server on a free loopback port with `cwd` at the snapshot; resolves when /healthz answers. */
export async function startAppServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const port = await freePort();
  const metricsToken = randomBytes(16).toString("hex");
  const mailDir = join(DATA_DIR, "run", "mail");
  mkdirSync(mailDir, { recursive: true });
  // BENCH_CPU_PROF_DIR=<dir>: the server writes a V8 CPU profile there when it stops (RESULTS.md's flame summaries).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, ...profile, join(APP_DIR, "build", "server.js")], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      SEED_DEMO: "false",
      MAIL_DIR: mailDir,
      ATTACHMENTS_DIR: join(DATA_DIR, "run", "attachments"),
      // Background rounds would land in the middle of a measurement: the sweep is measured on its own.
      SWEEP_INTERVAL_MS: "3600000",
      OUTBOX_INTERVAL_MS: "3600000",
      METRICS_TOKEN: metricsToken,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  const stop = async () => {
    if (!gone) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (!gone) child.kill("SIGKILL");
  };
  while (Date.now() < deadline && !gone) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, output: () => output, stop, startupSweepSeconds: startupSweep(url, metricsToken) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`The server did not start within ${timeoutMs} ms:\n${output}`);
}

function startupSweep(url: string, token: string) {
  return async (timeoutMs: number): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const metrics = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
        r.text(),
      );
      const rounds = Number(/^recourse_sweep_duration_seconds_count (\S+)$/m.exec(metrics)?.[1] ?? 0);
      if (rounds >= 1) return Number(/^recourse_sweep_duration_seconds_sum (\S+)$/m.exec(metrics)?.[1] ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`The server's start-up sweep had not ended after ${timeoutMs / 1000} s`);
  };
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak and the samples' mean. */
export function sampleRss(pid: number, everyMs = 50) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssOf(pid)), everyMs);
  return {
    stop(): { peak: number; mean: number; samples: number } {
      clearInterval(timer);
      samples.push(rssOf(pid));
      const live = samples.filter((s) => s > 0);
      return {
        peak: Math.max(0, ...live),
        mean: live.reduce((a, b) => a + b, 0) / Math.max(1, live.length),
        samples: live.length,
      };
    },
  };
}

export function removeRunFiles(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
}

export function copyDatabase(from: string, to: string): void {
  removeRunFiles(to);
  cpSync(from, to);
}
