import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { join } from "node:path";
import type { Agent } from "node:http";
import { httpRequest, keepAliveAgent, type HttpResult } from "./lib/http-client";
import { sampleRss } from "./lib/app-server";
import type { RawDriver } from "./lib/raw-driver";
import { percentile } from "./lib/stats";

// Public filing under load: 50 clients on loopback, each with its own keep-alive socket, posting
// the complaint form back to back for a fixed time, against the real server and against a bare
// node:http handler writing the same rows (lib/bare-filing-server.ts) into another copy of the same
// database. Each filing comes from its own address (X-Forwarded-For, the server trusting loopback as
// a proxy): 50 clients filing thousands of complaints from one address is what the per-address
// limit exists to refuse.

export const CLIENTS = 50;

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  seconds: number;
  firstError: string | null;
}

export interface FilingMeasurement {
  app: LoadResult;
  bare: LoadResult;
  rss: { peak: number; mean: number; idle: number };
}

function formBody(providers: Map<string, number[]>, areas: string[], n: number): string {
  const area = areas[n % areas.length]!;
  const own = providers.get(area) ?? [];
  const french = n % 5 === 0;
  return new URLSearchParams({
    area,
    provider: n % 4 === 0 || own.length === 0 ? "unknown" : String(own[n % own.length]),
    program: n % 20 === 0 ? "apprenticeship" : "employment_service",
    description: french
      ? "On m’a refusé un service en français alors que j’en avais fait la demande."
      : "My counsellor cancelled three appointments in a row and did not call me back.",
    outcomeWanted: french ? "Un conseiller qui parle français." : "A new counsellor and a meeting this month.",
    name: `Load Tester ${n}`,
    email: `load.tester.${n}@example.org`,
    language: french ? "fr" : "en",
    accommodation: "no",
    consent: "on",
    submissionKey: randomUUID(),
    group_newcomer: n % 3 === 0 ? "yes" : "unsaid",
  }).toString();
}

/** `CLIENTS` loops, each on its own keep-alive socket, sending back to back for `seconds`. */
async function loadLoop(input: {
  seconds: number;
  send: (agent: Agent, n: number) => Promise<HttpResult>;
  isOk: (status: number, body: string) => boolean;
}): Promise<LoadResult> {
  const agent = keepAliveAgent(CLIENTS);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let n = 0;
  const started = Date.now();
  const deadline = started + input.seconds * 1000;
  const client = async () => {
    while (Date.now() < deadline) {
      try {
        const res = await input.send(agent, n++);
        latencies.push(res.ms);
        if (!input.isOk(res.status, res.body)) {
          errors++;
          firstError ??= `${res.status} ${res.body.slice(0, 200)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    seconds,
    firstError,
  };
}

/** Filings posted back to back; a request counts as an error unless `isFiled` says it filed. */
export async function runLoad(input: {
  url: string;
  origin: string;
  seconds: number;
  raw: RawDriver;
  isFiled: (status: number, body: string) => boolean;
}): Promise<LoadResult> {
  const providerRows = await input.raw
    .prepare("select area_slug, provider_id from provider_areas order by provider_id")
    .all<{ area_slug: string; provider_id: number }>();
  const providers = new Map<string, number[]>();
  for (const p of providerRows) providers.set(p.area_slug, [...(providers.get(p.area_slug) ?? []), p.provider_id]);
  const areas = [...providers.keys()];
  return loadLoop({
    seconds: input.seconds,
    isOk: input.isFiled,
    send: (agent, i) =>
      httpRequest(agent, input.url, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: input.origin,
          "x-forwarded-for": [10, (i >> 16) & 255, (i >> 8) & 255, i & 255].join("."),
        },
        body: formBody(providers, areas, i),
      }),
  });
}

/** The real server's POST /file: a filed complaint's page shows its reference. */
export function appFiled(status: number, body: string): boolean {
  return status === 200 && /[A-Z]{3}-\d{4}-\d{6}/.test(body);
}

export async function measureAppFiling(input: {
  baseUrl: string;
  pid: number;
  raw: RawDriver;
  seconds: number;
}): Promise<{ load: LoadResult; rss: FilingMeasurement["rss"] }> {
  const idle = sampleRss(input.pid).stop().peak;
  // A short warm-up, unmeasured: the first filings compile code paths and fill caches.
  await runLoad({ url: `${input.baseUrl}/file`, origin: input.baseUrl, seconds: 2, raw: input.raw, isFiled: appFiled });
  const rss = sampleRss(input.pid);
  const load = await runLoad({
    url: `${input.baseUrl}/file`,
    origin: input.baseUrl,
    seconds: input.seconds,
    raw: input.raw,
    isFiled: appFiled,
  });
  const { peak, mean } = rss.stop();
  return { load, rss: { peak, mean, idle } };
}

/**
 * The framework's own ceiling on this machine: the same page's form (GET /file, a Remix document
 * with a few reads and no write) under the same 50 clients. No filing can be faster than the page
 * that shows it, so this says how much of the bare handler's rate any Remix route could reach.
 */
export function measurePageCeiling(input: { baseUrl: string; seconds: number }): Promise<LoadResult> {
  return loadLoop({
    seconds: input.seconds,
    send: (agent) => httpRequest(agent, `${input.baseUrl}/file`),
    isOk: (status, body) => status === 200 && body.includes("<form"),
  });
}

/**
 * The bare handler on the same kind of database: SQLite's on a file's path, PostgreSQL's
 * (bare-filing-server-pg.ts) on a connection URL.
 */
export async function measureBareFiling(input: {
  database: string;
  raw: RawDriver;
  seconds: number;
}): Promise<LoadResult> {
  const server = input.database.startsWith("postgres") ? "bare-filing-server-pg.ts" : "bare-filing-server.ts";
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(process.cwd(), "bench", "lib", server), input.database],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once("line", (line) => resolve(Number(line)));
      child.once("exit", (code) => reject(new Error(`bare filing server exited (${code})`)));
    });
    const url = `http://127.0.0.1:${port}/file`;
    const isFiled = (status: number, body: string) => status === 200 && body.includes("<h1>Filed ");
    await runLoad({ url, origin: "", seconds: 2, raw: input.raw, isFiled });
    return await runLoad({ url, origin: "", seconds: input.seconds, raw: input.raw, isFiled });
  } finally {
    child.kill("SIGTERM");
  }
}
