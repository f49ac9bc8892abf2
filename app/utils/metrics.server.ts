import client from "prom-client";

// What an operator watches (issue #22), in Prometheus's text format at /metrics (server.ts, behind
// METRICS_TOKEN): requests and latency by route pattern, the outbox's backlog and failures, the
// sweep's duration and breaches, waits for the database's write lock, and Node's own process
// metrics (memory, CPU, event loop lag) from prom-client. Labels hold route patterns and statuses
// only: never an address with a reference or a token in it.

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const requests = new client.Counter({
  name: "recourse_http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status.",
  labelNames: ["method", "route", "status"] as const,
  registers: [registry],
});

const latency = new client.Histogram({
  name: "recourse_http_request_duration_seconds",
  help: "Time from a request's arrival to the end of its answer, by method and route pattern.",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const outboxFailures = new client.Counter({
  name: "recourse_outbox_failures_total",
  help: "Email deliveries that failed (each attempt), by whether the failure is permanent.",
  labelNames: ["permanent"] as const,
  registers: [registry],
});

const sweepDuration = new client.Histogram({
  name: "recourse_sweep_duration_seconds",
  help: "Time a clock sweep round took.",
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
  registers: [registry],
});

const sweepBreaches = new client.Counter({
  name: "recourse_sweep_breaches_total",
  help: "Clocks the sweep found past their deadline.",
  registers: [registry],
});

const writeLockWait = new client.Histogram({
  name: "recourse_db_write_lock_wait_seconds",
  help: "Time a write transaction waited for the database's write lock (SQLite busy wait, PostgreSQL advisory lock).",
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5],
  registers: [registry],
});

let countOutbox: (() => Promise<{ status: string; count: number }[]>) | null = null;
new client.Gauge({
  name: "recourse_outbox_backlog",
  help: "Emails waiting in the outbox, by status (pending: still to send; dead: given up on).",
  labelNames: ["status"] as const,
  registers: [registry],
  async collect() {
    if (!countOutbox) return;
    const rows = await countOutbox();
    this.reset();
    this.set({ status: "pending" }, 0);
    this.set({ status: "dead" }, 0);
    for (const row of rows) this.set({ status: row.status }, row.count);
  },
});

/** How the outbox gauge counts, at each scrape (set once at boot, by a service). */
export function measureOutboxWith(count: () => Promise<{ status: string; count: number }[]>): void {
  countOutbox = count;
}

export function observeRequest(input: { method: string; route: string; status: number; seconds: number }): void {
  requests.inc({ method: input.method, route: input.route, status: String(input.status) });
  latency.observe({ method: input.method, route: input.route }, input.seconds);
}

export function observeOutboxFailure(permanent: boolean): void {
  outboxFailures.inc({ permanent: permanent ? "true" : "false" });
}

export function observeSweep(input: { seconds: number; breached: number }): void {
  sweepDuration.observe(input.seconds);
  sweepBreaches.inc(input.breached);
}

export function observeWriteLockWait(seconds: number): void {
  writeLockWait.observe(seconds);
}

export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
