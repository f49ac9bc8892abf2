import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../app/services/accounts.server";
import { startBuiltServer, type BuiltServer } from "../fixtures/built-server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #7, Access, through the real server (its own database, so the limits it fills here never
// reach the browser tests): sign-in and reset requests limited to 10 a minute per account and per
// address, with the same answers for an account that does not exist; the production cookie.
// TRUST_PROXY=loopback lets each request name its client address in X-Forwarded-For.

const PASSWORD = "a correct long password";
let folder: string;
let server: BuiltServer;
let t: TestDatabase;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "recourse-auth-http-"));
  t = await createTestDatabase();
  for (const email of ["known@example.org", "other@example.org"]) {
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
  server = await startBuiltServer({
    DATABASE_URL: t.url,
    SEED_DEMO: "false",
    NODE_ENV: "production",
    // Behind HTTPS, as a deployment is: the cookie below is Secure only then.
    PUBLIC_URL: "https://recourse.example",
    TRUST_PROXY: "loopback",
    MAIL_DIR: join(folder, "mail"),
    OUTBOX_INTERVAL_MS: "3600000",
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

async function postForm(path: string, form: Record<string, string>, clientIp: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": clientIp },
    body: new URLSearchParams(form).toString(),
  });
  const html = await response.text();
  const alert = /role="alert"[^>]*>\s*<p>([^<]*)<\/p>/.exec(html)?.[1] ?? null;
  const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? null;
  return { status: response.status, alert, heading, setCookie: response.headers.getSetCookie() };
}

const signIn = (email: string, password: string, clientIp: string) => postForm("/login", { email, password }, clientIp);

describe("sign-in over HTTP", () => {
  it("gives an unknown account exactly the answers a known one gets: wrong ten times, then too many", async () => {
    const answers = async (email: string, network: string) => {
      const out: string[] = [];
      for (let i = 1; i <= 11; i++) {
        const { status, alert } = await signIn(email, i === 11 ? PASSWORD : `wrong ${i}`, `${network}.${i}`);
        out.push(`${status} ${alert}`);
      }
      return out;
    };
    const known = await answers("known@example.org", "198.51.100");
    expect(known).toEqual([
      ...Array(10).fill("401 The email or password is not right."),
      // The 11th has the right password, and is refused all the same.
      "429 Too many sign-in attempts. Wait a minute, then try again.",
    ]);
    expect(await answers("nobody@example.org", "203.0.113")).toEqual(known);
  });

  it("refuses every account from an address that failed 10 times in the minute, and signs in from another", async () => {
    for (let i = 1; i <= 10; i++)
      expect((await signIn(`guess${i}@example.org`, "wrong", "192.0.2.77")).status).toBe(401);
    expect((await signIn("other@example.org", PASSWORD, "192.0.2.77")).status).toBe(429);
    const elsewhere = await signIn("other@example.org", PASSWORD, "192.0.2.78");
    expect(elsewhere.status).toBe(302);
    // The production cookie: __Host- prefixed, Secure, host-only, HttpOnly.
    expect(elsewhere.setCookie[0]).toMatch(
      /^__Host-recourse_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/,
    );
    // …and the account's own language, remembered from here on.
    expect(elsewhere.setCookie[1]).toMatch(/^lng=(en|fr); Path=\/; Max-Age=\d+; SameSite=Lax$/);
  });
});

describe("reset requests over HTTP", () => {
  it("answers the same for an unknown address, and limits both to 10 a minute per account", async () => {
    const answers = async (email: string, network: string) => {
      const out: string[] = [];
      for (let i = 1; i <= 11; i++) {
        const { status, heading, alert } = await postForm("/forgot-password", { email }, `${network}.${i}`);
        out.push(`${status} ${heading} ${alert ?? ""}`.trim());
      }
      return out;
    };
    const known = await answers("known@example.org", "100.64.1");
    expect(known).toEqual([
      ...Array(10).fill("200 Check your email"),
      "429 Reset your password Too many requests. Wait a minute, then try again.",
    ]);
    expect(await answers("nobody@example.org", "100.64.2")).toEqual(known);
  });

  it("limits one address to 10 requests a minute, whatever the accounts", async () => {
    for (let i = 1; i <= 10; i++)
      expect((await postForm("/forgot-password", { email: `someone${i}@example.org` }, "100.64.3.3")).status).toBe(200);
    expect((await postForm("/forgot-password", { email: "known@example.org" }, "100.64.3.3")).status).toBe(429);
  });
});

describe("a NUL character in an address", () => {
  it("is refused with 400 before any route reads it, on a page or a search", async () => {
    for (const path of ["/cases?q=%00", "/process/toronto%00", "/status?reference=HAM%00"]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(400);
      expect(await response.text()).toBe("Bad request");
    }
    // The same page without it answers as usual.
    expect((await fetch(`${server.url}/process/toronto`)).status).toBe(200);
  });
});

describe("filings from one address", () => {
  const complaint = (n: number) => ({
    area: "durham",
    provider: "unknown",
    program: "employment_service",
    description: `Complaint number ${n}: my appointments were cancelled.`,
    outcomeWanted: "A new counsellor.",
    name: `Filer ${n}`,
    email: `filer${n}@example.org`,
    language: "en",
    accommodation: "no",
    consent: "on",
    submissionKey: crypto.randomUUID(),
  });
  const filings = async (address: string) =>
    t.db.selectFrom("rate_limit_events").select("at").where("bucket", "=", `filing:ip:${address}`).execute();

  it("takes 10 an hour, counted with each filing, then refuses the 11th and files nothing more", async () => {
    for (let n = 1; n <= 10; n++) {
      const answer = await postForm("/file?area=durham", complaint(n), "203.0.113.50");
      expect(answer.status, `filing ${n}`).toBe(200);
    }
    expect(await filings("203.0.113.50")).toHaveLength(10);
    const before = await t.db.selectFrom("cases").select("id").execute();
    const refused = await fetch(`${server.url}/file?area=durham`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "203.0.113.50" },
      body: new URLSearchParams(complaint(11)).toString(),
    });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Too many attempts from your connection");
    expect(await t.db.selectFrom("cases").select("id").execute()).toHaveLength(before.length);
    // Another address is not held back.
    expect((await postForm("/file?area=durham", complaint(12), "203.0.113.51")).status).toBe(200);
  });
});
