import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../app/services/accounts.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { DEMO_USERS } from "../../scripts/seed/demo-data";
import { AUTHORIZATION_MATRIX } from "../e2e/authorization-matrix";
import { flood, NOWHERE } from "../fixtures/flood";
import { sampleComplaint } from "../fixtures/people";
import { startBuiltServer, type BuiltServer } from "../fixtures/built-server";
import { bigBody, healthy, manyFields, manyParts, rawPost } from "../fixtures/raw-http";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #15: what an outside black-box test did to the landed server, replayed against the built
// server (build/server.js, as `npm start` runs it) with a database of its own. Each finding is a
// describe block below; each failed before its fix. "Before the whole body was sent" is checked on
// 64 MB bodies: a few megabytes fit in the loopback's socket buffers before anyone reads them.

const MB = 1024 * 1024;
const PASSWORD = "a correct long password";
/** Staff accounts: one per test that signs in, so one test's failed guesses never limit another's. */
const STAFF = ["redirect@example.org", "burst@example.org", "dates@example.org", "answers@example.org"];
const OTHER_ROLES = [
  ["manager@example.org", "ssm_manager", "ssm-durham"],
  ["analyst@example.org", "ministry_analyst", "mlitsd"],
] as const;
let folder: string;
let server: BuiltServer;
let t: TestDatabase;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "recourse-hostile-"));
  t = await createTestDatabase();
  for (const email of STAFF) {
    const created = await createAccount({
      db: t.db,
      email,
      role: "ssm_staff",
      organizationSlug: "ssm-durham",
      password: PASSWORD,
      now: new Date(),
    });
    expect(created.ok).toBe(true);
  }
  for (const [email, role, organizationSlug] of OTHER_ROLES) {
    expect(
      (await createAccount({ db: t.db, email, role, organizationSlug, password: PASSWORD, now: new Date() })).ok,
    ).toBe(true);
  }
  // One of the demo accounts (as `npm start` would seed it), without the rest of the demo.
  const demo = DEMO_USERS[0]!;
  expect(
    (
      await createAccount({
        db: t.db,
        email: demo.email,
        role: demo.role,
        organizationSlug: demo.org,
        password: PASSWORD,
        now: new Date(),
      })
    ).ok,
  ).toBe(true);
  // No NODE_ENV at all, as `npm start` runs: production must be the default (finding 4).
  server = await startBuiltServer({
    DATABASE_URL: t.url,
    SEED_DEMO: undefined,
    NODE_ENV: undefined,
    TRUST_PROXY: "loopback",
    MAIL_DIR: join(folder, "mail"),
    ATTACHMENTS_DIR: join(folder, "attachments"),
    OUTBOX_INTERVAL_MS: "3600000",
  });
}, 60_000);

afterAll(async () => {
  if (server) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  await t?.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

/** Signs a staff member in; the session cookie to send with their requests. */
async function staffCookie(email: string): Promise<string> {
  const answer = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD }).toString(),
  });
  expect(answer.status, "signed in").toBe(302);
  return (answer.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** The server is still up and answering, and has printed no crash. */
async function expectAlive(): Promise<void> {
  expect(server.child.exitCode, `the server exited:\n${server.output()}`).toBeNull();
  expect(await healthy(server.url), "/healthz answers 200").toBe(true);
}

describe("bodies are limited before they are parsed (finding 1 and 2)", () => {
  const form = "application/x-www-form-urlencoded";

  it("a form of 1,000,000 fields is refused with 413, declared or streamed, and the server keeps answering", async () => {
    for (const path of ["/forgot-password", "/file?area=durham", "/login"]) {
      for (const declareLength of [true, false]) {
        const body = manyFields(1_000_000);
        const answer = await rawPost({ url: server.url, path, contentType: form, ...body, declareLength });
        expect(answer.status, `${path} ${declareLength ? "with" : "without"} Content-Length`).toBe(413);
        await expectAlive();
      }
    }
  });

  it("a 64 MB form is refused with 413 before it is read in full, declared or streamed", async () => {
    for (const declareLength of [true, false]) {
      const answer = await rawPost({
        url: server.url,
        path: "/forgot-password",
        contentType: form,
        ...bigBody(64 * MB),
        declareLength,
      });
      expect(answer.status).toBe(413);
      expect(answer.sentBeforeAnswer, "answered before the whole body was sent").toBeLessThan(answer.total);
      await expectAlive();
    }
  });

  it("a 64 MB upload is refused with 413 before it is read in full, where files are accepted too", async () => {
    for (const path of ["/status", "/cases/ES-2026-000001"]) {
      const boundary = "zzupload";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
      const body = bigBody(64 * MB, head);
      const answer = await rawPost({
        url: server.url,
        path,
        contentType: `multipart/form-data; boundary=${boundary}`,
        ...body,
        declareLength: false,
      });
      expect(answer.status, path).toBe(413);
      expect(answer.sentBeforeAnswer).toBeLessThan(answer.total);
      await expectAlive();
    }
  });

  it("a multipart form of 100,000 parts is refused with 413 while it streams", async () => {
    const body = manyParts(100_000);
    const answer = await rawPost({ url: server.url, path: "/status", ...body, declareLength: false });
    expect(answer.status).toBe(413);
    await expectAlive();
  });

  it("one oversized field in an otherwise small form is refused with 413", async () => {
    const body = bigBody(400 * 1024);
    const answer = await rawPost({
      url: server.url,
      path: "/forgot-password",
      contentType: form,
      ...body,
      declareLength: false,
    });
    expect(answer.status).toBe(413);
    await expectAlive();
  });

  it("an ordinary form still goes through, and a 10 MB evidence file is not refused by the byte limit", async () => {
    const ok = await fetch(`${server.url}/forgot-password`, {
      method: "POST",
      headers: { "Content-Type": form },
      body: "email=someone%40example.org",
    });
    expect(ok.status).toBe(200);
    const boundary = "zzten";
    const file = Buffer.alloc(10 * MB, 0x20);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nattach\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="ten.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from("%PDF-1.4\n"),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    // No case is open in this client's session: the route reads the whole form and sends it back to
    // the look-up (a redirect), which it could not do had the body been refused.
    const answer = await fetch(`${server.url}/status`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(answer.status).toBe(302);
    await expectAlive();
  });
});

describe("redirect targets stay on the site (finding 3)", () => {
  const signInWithNext = (next: string) =>
    fetch(`${server.url}/login?next=${next}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: STAFF[0]!, password: PASSWORD }).toString(),
    });

  it("signing in from a link whose next leads off the site lands on the staff home instead", async () => {
    for (const next of [
      "/%09/evil.example/",
      "/%5Cevil.example",
      "//evil.example",
      "/.//evil.example",
      "https://evil.example/",
      "/%0D/evil.example",
    ]) {
      const answer = await signInWithNext(next);
      expect(answer.status, next).toBe(302);
      const location = answer.headers.get("location") ?? "";
      expect(new URL(location, `${server.url}/login`).origin, `${next} → ${location}`).toBe(new URL(server.url).origin);
      expect(location, next).toBe("/cases");
    }
  });

  it("next with CR/LF or characters outside ASCII is a redirect, never a 500", async () => {
    for (const next of [
      "/cases%0D%0ASet-Cookie:%20x=1",
      "/cases%0A",
      "/cas%C3%A9s",
      "/%E2%80%A8cases",
      "/cases?q=%F0%9F%98%80",
    ]) {
      const answer = await signInWithNext(next);
      expect(answer.status, next).toBe(302);
      expect(answer.headers.get("set-cookie") ?? "", next).not.toMatch(/x=1/);
    }
    const kept = await signInWithNext(encodeURIComponent("/cases?status=received"));
    expect(kept.headers.get("location")).toBe("/cases?status=received");
    await expectAlive();
  });
});

describe("edge dates are a 400 or a clean page, never a 500 (finding 5)", () => {
  it("answers dates and quarters past the supported years without an error", async () => {
    const cookie = await staffCookie(STAFF[2]!);
    const paths = [
      "/cases?to=9999-12-31",
      "/cases?from=0001-01-01&to=9999-12-31",
      "/cases?from=1899-12-31",
      "/cases?to=2026-02-30",
      "/cases/export.csv?to=9999-12-31",
      "/cases/export.csv?from=0000-01-01",
      "/reports/export.csv?view=report&area=durham&quarter=9999-Q4",
      "/reports/export.csv?view=report&area=durham&quarter=0000-Q1",
      "/reports/export.csv?view=comparison&quarter=9999-Q4",
      "/reports/durham/9999-Q4",
      "/reports/durham/9999-Q4/print",
      "/reports/durham/1999-Q4",
      "/reports?quarter=9999-Q4",
      "/reports/durham/2026-Q1?version=1e300",
      "/reports/export.csv?view=report&area=durham&quarter=2026-Q1&version=99999999999",
      "/cases?provider=1e20",
      "/reports/durham?quarter=9999-Q4",
    ];
    for (const path of paths) {
      const answer = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      const body = await answer.text();
      expect(answer.status, `${path}: ${body.slice(0, 200)}`).toBeLessThan(500);
      expect(body, path).not.toMatch(/RangeError|Not a calendar date/);
    }
    await expectAlive();
  });
});

describe("rate limits cannot be raced (finding 6)", () => {
  const post = (path: string, form: Record<string, string>, clientIp: string) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": clientIp },
      body: new URLSearchParams(form).toString(),
    }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });
  const tally = (statuses: number[]) =>
    statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  it("40 simultaneous guesses at one account: at most 10 are checked against the password", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post("/login", { email: STAFF[1]!, password: `guess ${i}` }, `198.51.100.${i + 1}`),
      ),
    );
    const counts = tally(statuses);
    expect((counts[401] ?? 0) + (counts[429] ?? 0), JSON.stringify(counts)).toBe(40);
    expect(counts[401] ?? 0, `checked against the password: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(10);
  });

  it("30 simultaneous look-ups of one reference: at most 10 are checked", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post("/status", { intent: "lookup", reference: "DUR-2026-000042", secret: `WRONG-${i}` }, `203.0.113.${i + 1}`),
      ),
    );
    const counts = tally(statuses);
    expect((counts[404] ?? 0) + (counts[429] ?? 0), JSON.stringify(counts)).toBe(30);
    expect(counts[404] ?? 0, `checked: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(10);
  });

  it("25 simultaneous filings from one address: at most 10 are accepted", async () => {
    const complaint = (i: number) => ({
      area: "durham",
      provider: "unknown",
      program: "employment_service",
      description: `Burst filing number ${i}: my appointments were cancelled twice.`,
      outcomeWanted: "A new appointment.",
      name: `Burst Filer ${i}`,
      email: `burst${i}@example.org`,
      language: "en",
      accommodation: "no",
      consent: "on",
      submissionKey: randomUUID(),
    });
    const statuses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => post("/file?area=durham", complaint(i), "192.0.2.200")),
    );
    const counts = tally(statuses);
    expect((counts[200] ?? 0) + (counts[429] ?? 0), JSON.stringify(counts)).toBe(25);
    expect(counts[200] ?? 0, `accepted: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(10);
    expect(counts[200] ?? 0, "the limit still lets the first ones through").toBeGreaterThan(0);
    // A refused filing left nothing behind: one case per accepted filing.
    const stored = await t.db.selectFrom("cases").select("id").where("filer_name", "like", "Burst Filer %").execute();
    expect(stored).toHaveLength(counts[200] ?? 0);
    await expectAlive();
  });
});

describe("downloads are named from what the file is (finding 7)", () => {
  const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const POLYGLOT = Buffer.from("%PDF-1.4\n<html><script>alert(document.domain)</script></html>\n%%EOF\n");

  /** Files a complaint, opens the filer's access to it, attaches the file, and downloads it back. */
  async function uploadAndDownload(name: string, bytes: Buffer): Promise<{ disposition: string; type: string }> {
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ area: "durham" }),
      now: new Date(),
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    const lookup = await fetch(`${server.url}/status`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "lookup", reference: filed.reference, secret: filed.secret! }).toString(),
    });
    expect(lookup.status, "looked up").toBe(302);
    const cookie = (lookup.headers.get("set-cookie") ?? "").split(";")[0]!;
    const form = new FormData();
    form.set("intent", "attach");
    form.set("attachment", new Blob([new Uint8Array(bytes)]), name);
    const attached = await fetch(`${server.url}/status`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
      body: form,
    });
    expect(attached.status, await attached.text()).toBe(200);
    const page = await (await fetch(`${server.url}/status`, { headers: { Cookie: cookie } })).text();
    const href = /href="(\/status\/attachments\/\d+)"/.exec(page)?.[1];
    expect(href, "the attachment's link on the filer's page").toBeDefined();
    const download = await fetch(`${server.url}${href}`, { headers: { Cookie: cookie } });
    await download.arrayBuffer();
    return {
      disposition: download.headers.get("content-disposition") ?? "",
      type: download.headers.get("content-type") ?? "",
    };
  }

  it("a PDF/HTML polyglot uploaded as polyglot.html is offered as polyglot.pdf", async () => {
    const { disposition, type } = await uploadAndDownload("polyglot.html", POLYGLOT);
    expect(type).toBe("application/pdf");
    expect(disposition).toMatch(/filename="polyglot\.pdf"/);
    expect(disposition).not.toMatch(/\.html/);
  });

  it("a PNG uploaded under an SVG name is offered as .png", async () => {
    const { disposition, type } = await uploadAndDownload("drawing.svg", PNG);
    expect(type).toBe("image/png");
    expect(disposition).toMatch(/filename="drawing\.png"/);
  });
});

describe("production by default, and no stack trace or server path in any answer (finding 4)", () => {
  const STACK_FRAME = /\n\s*at [^\n]*:\d+:\d+\)?/;
  const SERVER_PATH = new RegExp(
    `${process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|node_modules|build/(index|server)\\.js|file://|/tmp/|/home/|/root/`,
  );
  const expectClean = (body: string, what: string) => {
    expect(body, `${what}: a stack frame`).not.toMatch(STACK_FRAME);
    expect(body, `${what}: a server path`).not.toMatch(SERVER_PATH);
    expect(body, `${what}: an error's name`).not.toMatch(
      /\b(TypeError|ReferenceError|RangeError|SyntaxError|SqliteError)\b/,
    );
  };
  it("runs in production mode when nothing says otherwise, and says so when it starts", () => {
    expect(server.output()).toMatch(/\(production mode\)/);
  });

  it("answers every route of the authorization matrix, as each kind of person, with no stack frame or server path", async () => {
    const cookies: Record<string, string> = { anonymous: "" };
    cookies.staff = await staffCookie(STAFF[3]!);
    for (const [email] of OTHER_ROLES) cookies[email] = await staffCookie(email);
    let answered = 0;
    for (const [route, probes] of Object.entries(AUTHORIZATION_MATRIX)) {
      for (const probe of probes) {
        if (probe.endsSession) continue;
        for (const [who, cookie] of Object.entries(cookies)) {
          const path = probe.path(NOWHERE);
          const form = probe.form?.(NOWHERE);
          let body: FormData | string | undefined;
          if (form && probe.multipart) {
            const multipart = new FormData();
            for (const [name, value] of Object.entries(form)) multipart.set(name, value);
            body = multipart;
          } else if (form) body = new URLSearchParams(form).toString();
          const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
          if (typeof body === "string") headers["Content-Type"] = "application/x-www-form-urlencoded";
          const answer = await fetch(`${server.url}${path}`, {
            method: probe.method,
            headers,
            body,
            redirect: "manual",
          });
          const text = await answer.text();
          const what = `${route}: ${probe.what} as ${who} (${probe.method} ${path} → ${answer.status})`;
          expect(answer.status, `${what}\n${text.slice(0, 300)}`).toBeLessThan(500);
          expectClean(text, what);
          answered += 1;
        }
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it("answers 404s and bad input with clean pages", async () => {
    for (const path of [
      "/no-such-page",
      "/cases/..%2F..%2Fetc%2Fpasswd",
      "/%E0%A4%A",
      "/reports/atlantis/2026-Q1",
      "/build/missing.js",
      "/status?reference=%FF%FE",
    ]) {
      const answer = await fetch(`${server.url}${path}`, { redirect: "manual" });
      const text = await answer.text();
      expect(answer.status, path).toBeLessThan(500);
      expectClean(text, path);
    }
    const junk = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: "--x\r\nbroken",
    });
    expect(junk.status).toBeLessThan(500);
    expectClean(await junk.text(), "a broken multipart body");
  });

  it("shows an unexpected error as the translated error page with a request id, and logs the details under that id", async () => {
    // A real fault: the rate-limit table is taken away under the running server, so a sign-in fails.
    await sql`alter table rate_limit_events rename to rate_limit_events_away`.execute(t.db);
    try {
      for (const [language, heading] of [
        ["en", "Something went wrong on our side"],
        ["fr", "Un problème est survenu de notre côté"],
      ] as const) {
        const answer = await fetch(`${server.url}/login?lng=${language}`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `lng=${language}` },
          body: new URLSearchParams({ email: STAFF[3]!, password: "not the password" }).toString(),
        });
        const text = await answer.text();
        expect(answer.status).toBe(500);
        expect(text).toContain(heading);
        expectClean(text, `the 500 page in ${language}`);
        const id = answer.headers.get("x-request-id") ?? "";
        expect(id).toMatch(/^[0-9a-f]{12}$/);
        expect(text, "the page shows the request id").toContain(id);
        await expect.poll(() => server.output(), { timeout: 10_000 }).toContain(`[request ${id}]`);
        const logged = server.output().slice(server.output().indexOf(`[request ${id}]`));
        expect(logged, "the log has the error's details").toMatch(/no such table|does not exist/);
      }
    } finally {
      await sql`alter table rate_limit_events_away rename to rate_limit_events`.execute(t.db);
    }
    await expectAlive();
  });
});

describe("the demo accounts are announced, and only when present", () => {
  it("says so in the start log and on signed-in pages, in English and French, not to the public", async () => {
    expect(server.output()).toMatch(/DEMO ACCOUNTS/);
    const cookie = await staffCookie(STAFF[3]!);
    const en = await (await fetch(`${server.url}/cases?lng=en`, { headers: { Cookie: cookie } })).text();
    expect(en).toContain("Demonstration server");
    const fr = await (await fetch(`${server.url}/cases?lng=fr`, { headers: { Cookie: cookie } })).text();
    expect(fr).toContain("Serveur de démonstration");
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).not.toContain("Demonstration server");
  });
});

describe("the log carries nothing personal", () => {
  it("holds no password, email address, name or case text from everything above", () => {
    const log = server.output();
    for (const secret of [
      PASSWORD,
      "not the password",
      "guess 1",
      ...STAFF,
      ...OTHER_ROLES.map(([e]) => e),
      "Burst Filer",
      "Burst filing number",
      "my appointments",
    ]) {
      expect(log, `the log holds ${JSON.stringify(secret)}`).not.toContain(secret);
    }
    expect(log, "an email address in the log").not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
  });
});

describe("a bounded flood of hostile bodies at every POST route (findings 1 and 2)", () => {
  it("answers every health check while it lasts, and the server never exits", async () => {
    const result = await flood(server.url);
    expect(result.routes).toBeGreaterThan(10);
    expect(
      result.statuses.filter((s) => s !== 413),
      "every hostile body refused with 413",
    ).toEqual([]);
    expect(result.health.failed, "health checks not answered 200").toBe(0);
    expect(result.health.latencies.length).toBeGreaterThan(0);
    expect(server.child.exitCode, `the server exited:\n${server.output()}`).toBeNull();
    // The figure, not an assertion (clarifications: no test asserts on time); `npm run bench:flood` writes it to bench/RESULTS.md.
    console.log(
      `flood: ${result.statuses.length} hostile bodies at ${result.routes} POST routes; /healthz answered ${result.health.checks} times, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`,
    );
    await expectAlive();
  }, 120_000);
});
