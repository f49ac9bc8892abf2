import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../app/utils/password.server";
import { startBuiltServer, type BuiltServer } from "../fixtures/built-server";
import { createStaff } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #22, operations, through the built server: one JSON line per request with nothing personal
// in it, and Prometheus metrics behind a bearer token.

const METRICS_TOKEN = "metrics-token-for-the-tests-0123456789";
const PASSWORD = "an operations test password";
const FILER = { name: "Quinn Marchetti-Example", email: "quinn.marchetti@example.net" };
const STORY = "The counsellor at the Oshawa office lost my résumé twice.";
let folder: string;
let t: TestDatabase;
let server: BuiltServer;
let staffEmail: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "recourse-operations-"));
  t = await createTestDatabase();
  staffEmail = (
    await createStaff(t.db, {
      areaSlug: "durham",
      email: "olive.ops@durham.example",
      passwordHash: await hashPassword(PASSWORD),
    })
  ).email;
  server = await startBuiltServer({
    DATABASE_URL: t.url,
    SEED_DEMO: "false",
    NODE_ENV: "production",
    MAIL_DIR: join(folder, "mail"),
    METRICS_TOKEN,
  });
});

afterAll(async () => {
  if (server) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  await t?.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

interface LogLine {
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  role: string;
}

/** The JSON log lines naming this request id, once the server has written one. */
async function logLinesOf(requestId: string): Promise<LogLine[]> {
  const lines = () =>
    server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{") && l.includes(`"requestId":"${requestId}"`))
      .map((l) => JSON.parse(l) as LogLine);
  await expect.poll(() => lines().length).toBeGreaterThan(0);
  return lines();
}

describe("the request log", () => {
  it("writes exactly one line per request, with its id, role, route pattern, status and time, and nothing personal", async () => {
    const filing = await fetch(`${server.url}/file?area=durham`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        area: "durham",
        provider: "unknown",
        program: "employment_service",
        description: STORY,
        outcomeWanted: "A counsellor who keeps my papers.",
        name: FILER.name,
        email: FILER.email,
        language: "en",
        accommodation: "no",
        consent: "on",
        submissionKey: randomUUID(),
      }).toString(),
    });
    const filed = await filing.text();
    expect(filing.status).toBe(200);
    const [line, ...more] = await logLinesOf(filing.headers.get("x-request-id")!);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ method: "POST", route: "/file", status: 200, role: "anonymous" });
    expect(typeof line!.durationMs).toBe("number");

    // A staff member opens the case: the line says the role and the route, not the reference.
    const { reference } = await t.db
      .selectFrom("cases")
      .select("reference")
      .where("filer_email", "=", FILER.email)
      .executeTakeFirstOrThrow();
    expect(filed).toContain(reference);
    const login = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: staffEmail, password: PASSWORD }).toString(),
    });
    expect(login.status).toBe(302);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const casePage = await fetch(`${server.url}/cases/${reference}`, { headers: { cookie } });
    expect(await casePage.text()).toContain(FILER.name);
    const [seen] = await logLinesOf(casePage.headers.get("x-request-id")!);
    expect(seen).toMatchObject({ method: "GET", route: "/cases/:reference", status: 200, role: "ssm_staff" });

    const log = server.output();
    for (const personal of [FILER.name, FILER.email, STORY, "résumé", reference, staffEmail, PASSWORD])
      expect(log, `the log holds ${personal}`).not.toContain(personal);
  });
});

describe("/metrics", () => {
  it("refuses without the token and with a wrong one", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: "Bearer not-the-token-at-all-000000" },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("recourse_");
  });

  it("counts requests by route and shows latency, outbox, sweep, database waits and memory", async () => {
    // Each page read to its end, as a browser does: a request is counted once its answer is sent,
    // and a compressed page is still streaming when its status arrives.
    for (let i = 0; i < 3; i++) {
      const page = await fetch(`${server.url}/process/durham`);
      expect(page.status).toBe(200);
      await page.text();
    }
    const answer = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(answer.status).toBe(200);
    const text = await answer.text();
    expect(text).toMatch(/^recourse_http_requests_total\{method="GET",route="\/process\/:area",status="200"\} 3$/m);
    expect(text).toMatch(/^recourse_http_request_duration_seconds_count\{method="GET",route="\/process\/:area"\} 3$/m);
    expect(text).toMatch(/^recourse_outbox_backlog\{status="pending"\} \d+$/m);
    expect(text).toMatch(/^recourse_outbox_backlog\{status="dead"\} 0$/m);
    expect(text).toMatch(/^# TYPE recourse_outbox_failures_total counter$/m);
    expect(text).toMatch(/^recourse_sweep_duration_seconds_count [1-9]\d*$/m);
    expect(text).toMatch(/^recourse_sweep_breaches_total \d+$/m);
    expect(text).toMatch(/^recourse_db_write_lock_wait_seconds_count [1-9]\d*$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
    // Addresses never become labels: no reference, no token.
    expect(text).not.toMatch(/route="\/cases\/[A-Z]/);
  });
});
