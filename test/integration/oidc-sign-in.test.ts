import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stateHash } from "../../app/services/oidc.server";
import { updateSignInSettings } from "../../app/services/sign-in-settings.server";
import { parseEnv } from "../../app/utils/env.server";
import { hashPassword } from "../../app/utils/password.server";
import { startBuiltServer, type BuiltServer } from "../fixtures/built-server";
import { CookieBrowser } from "../fixtures/cookie-browser";
import { reserveIssuer, startTestProvider, type TestProvider } from "../support/oidc-provider";
import { createStaff } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #22: staff sign in through their organization's OpenID provider. A real provider
// (oidc-provider, the certified implementation) on a loopback port, the built server over HTTP.
// Durham's provider is set by environment (OIDC_*); Toronto's by the administrator's service, with
// passwords switched off. Both use the same provider and client.

const SECRETS_KEY = "a sealing key for tests, at least thirty-two characters";
const PASSWORD = "a correct long password for toronto";
let folder: string;
let t: TestDatabase;
let server: BuiltServer;
let provider: TestProvider;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "recourse-oidc-"));
  t = await createTestDatabase();
  const { port, issuer } = await reserveIssuer();
  await createStaff(t.db, { areaSlug: "durham", email: "alice@durham.example" });
  await createStaff(t.db, { areaSlug: "durham", email: "bob@durham.example" });
  await createStaff(t.db, {
    areaSlug: "toronto",
    email: "dave@toronto.example",
    passwordHash: await hashPassword(PASSWORD),
  });
  const admin = await createStaff(t.db, { areaSlug: "toronto", email: "erin@toronto.example" });
  server = await startBuiltServer({
    DATABASE_URL: t.url,
    SEED_DEMO: "false",
    NODE_ENV: "production",
    MAIL_DIR: join(folder, "mail"),
    OUTBOX_INTERVAL_MS: "3600000",
    SECRETS_KEY,
    OIDC_ORGANIZATION: "ssm-durham",
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: "recourse",
    OIDC_CLIENT_SECRET: "a-client-secret-for-tests-only",
    OIDC_PROVIDER_LABEL: "Durham Entra ID",
  });
  provider = await startTestProvider({
    port,
    appUrl: server.url,
    accounts: {
      alice: { email: "alice@durham.example", emailVerified: true },
      bob: { email: "bob@durham.example", emailVerified: false },
      carol: { email: "carol@durham.example", emailVerified: true },
      // Toronto's account, claimed through Durham's provider: not Durham's to give.
      dave: { email: "dave@toronto.example", emailVerified: true },
    },
  });
  // Toronto's provider is saved the way the admin page saves it (the secret sealed); the service
  // checks the role, so an admin is who saves it.
  const saved = await updateSignInSettings({
    db: t.db,
    actor: { ...admin, role: "admin" },
    settings: {
      organizationSlug: "ssm-toronto",
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      removeSecret: false,
      providerLabel: "Toronto Login",
      passwordsAllowed: false,
    },
    now: new Date(),
    env: parseEnv({ NODE_ENV: "test", SECRETS_KEY }),
  });
  expect(saved.ok).toBe(true);
});

afterAll(async () => {
  if (server) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  await provider?.close();
  await t?.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

/** Presses "Sign in with…" and signs in at the provider as `login`: the callback address it sends back. */
async function throughProvider(browser: CookieBrowser, organization: string, login: string): Promise<string> {
  const start = await browser.request(`${server.url}/auth/oidc/${organization}`, {
    form: {},
    origin: server.url,
  });
  expect(start.status).toBe(302);
  expect(start.location!.startsWith(provider.issuer)).toBe(true);
  let hop = await browser.request(start.location!);
  while (hop.location && !hop.location.startsWith(server.url)) {
    hop = await browser.request(hop.location);
    if (hop.status === 200 && hop.body.includes('name="login"')) {
      const action = /<form[^>]*action="([^"]+)"/.exec(hop.body)![1]!;
      hop = await browser.request(new URL(action, provider.issuer).href, {
        form: { prompt: "login", login, password: "anything" },
      });
    }
  }
  expect(hop.location).toMatch(/\/auth\/oidc\/callback\?/);
  return hop.location!;
}

async function auditActions(since: number): Promise<{ action: string; details: string | null }[]> {
  return t.db
    .selectFrom("audit_log")
    .select(["action", "details_json as details"])
    .where("id", ">", since)
    .where("action", "like", "auth.%")
    .orderBy("id")
    .execute();
}

async function lastAuditId(): Promise<number> {
  const row = await t.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

const alertOf = (html: string) =>
  /role="alert"[^>]*>\s*<p>([^<]*)<\/p>/.exec(html)?.[1]?.replace(/&#x27;|&#39;/g, "'") ?? null;

describe("sign-in through an organization's OpenID provider", () => {
  it("shows one button per organization with a provider on the sign-in page, which may post towards them", async () => {
    const answer = await fetch(`${server.url}/login`);
    expect(answer.headers.get("content-security-policy")).toContain(`form-action 'self' ${provider.issuer};`);
    const page = await answer.text();
    expect(page).toContain("Sign in with Durham Entra ID");
    expect(page).toContain("Sign in with Toronto Login");
    const french = await fetch(`${server.url}/login?lng=fr`).then((r) => r.text());
    expect(french).toContain("Se connecter avec Durham Entra ID");
  });

  it("signs an invited person in by their verified email and lands them on their queue", async () => {
    const before = await lastAuditId();
    const browser = new CookieBrowser();
    const callback = await throughProvider(browser, "ssm-durham", "alice");
    const answer = await browser.request(callback);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`${server.url}/cases`);
    expect(browser.cookies.has("recourse_session")).toBe(true);
    const queue = await browser.request(`${server.url}/cases`);
    expect(queue.status).toBe(200);
    expect(await auditActions(before)).toEqual([
      { action: "auth.oidc_sign_in", details: JSON.stringify({ organization: "ssm-durham" }) },
    ]);
  });

  it("refuses the same callback twice, and the provider refuses a used code under a new state", async () => {
    const browser = new CookieBrowser();
    const callback = await throughProvider(browser, "ssm-durham", "alice");
    const state = new URL(callback).searchParams.get("state")!;
    expect((await browser.request(callback)).status).toBe(302);
    const before = await lastAuditId();
    // The same address again, with the state cookie put back as an attacker holding both would.
    browser.cookies.set("recourse_oidc_state", { value: state, path: "/auth/oidc" });
    const replay = await browser.request(callback);
    expect(replay.status).toBe(401);
    expect(alertOf(replay.body)).toBe("The sign-in through your organization did not work. Try again from this page.");
    // A fresh press, then the old code under the new state: the provider has spent the code.
    const fresh = await browser.request(`${server.url}/auth/oidc/ssm-durham`, { form: {}, origin: server.url });
    const freshState = new URL(fresh.location!).searchParams.get("state")!;
    const spliced = new URL(callback);
    spliced.searchParams.set("state", freshState);
    const reused = await browser.request(spliced.href);
    expect(reused.status).toBe(401);
    expect((await auditActions(before)).map((a) => a.details)).toEqual([
      JSON.stringify({ reason: "unknown_state" }),
      JSON.stringify({ reason: "provider_error" }),
    ]);
  });

  it("refuses a callback whose state is not the one this browser started", async () => {
    const browser = new CookieBrowser();
    const callback = await throughProvider(browser, "ssm-durham", "alice");
    browser.cookies.set("recourse_oidc_state", { value: "someone-elses-state", path: "/auth/oidc" });
    const answer = await browser.request(callback);
    expect(answer.status).toBe(401);
    expect(browser.cookies.has("recourse_session")).toBe(false);
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    const browser = new CookieBrowser();
    const callback = await throughProvider(browser, "ssm-durham", "alice");
    const state = new URL(callback).searchParams.get("state")!;
    // The provider put the nonce it was sent in the token; the attempt now expects another.
    await t.db
      .updateTable("oidc_attempts")
      .set({ nonce: "another-nonce" })
      .where("state_hash", "=", stateHash(state))
      .execute();
    const before = await lastAuditId();
    const answer = await browser.request(callback);
    expect(answer.status).toBe(401);
    expect(browser.cookies.has("recourse_session")).toBe(false);
    expect((await auditActions(before)).map((a) => a.details)).toEqual([JSON.stringify({ reason: "provider_error" })]);
  });

  it("refuses an answer that names another issuer", async () => {
    const browser = new CookieBrowser();
    const callback = new URL(await throughProvider(browser, "ssm-durham", "alice"));
    expect(callback.searchParams.get("iss")).toBe(provider.issuer);
    callback.searchParams.set("iss", "https://impostor.example");
    const answer = await browser.request(callback.href);
    expect(answer.status).toBe(401);
    expect(browser.cookies.has("recourse_session")).toBe(false);
  });

  it("refuses an email the provider has not verified, even of an invited account", async () => {
    const before = await lastAuditId();
    const browser = new CookieBrowser();
    const answer = await browser.request(await throughProvider(browser, "ssm-durham", "bob"));
    expect(answer.status).toBe(401);
    expect(alertOf(answer.body)).toMatch(/did not confirm your email address/);
    expect(browser.cookies.has("recourse_session")).toBe(false);
    expect((await auditActions(before)).map((a) => a.details)).toEqual([
      JSON.stringify({ reason: "email_unverified" }),
    ]);
  });

  it("creates no account for an email nobody invited, nor for another organization's person", async () => {
    for (const login of ["carol", "dave"]) {
      const browser = new CookieBrowser();
      const answer = await browser.request(await throughProvider(browser, "ssm-durham", login));
      expect(answer.status).toBe(401);
      expect(alertOf(answer.body)).toMatch(/No one has invited this email address/);
      expect(browser.cookies.has("recourse_session")).toBe(false);
    }
    const carol = await t.db.selectFrom("users").select("id").where("email", "=", "carol@durham.example").execute();
    expect(carol).toEqual([]);
  });

  it("refuses a password where the organization switched passwords off, and signs that person in through its provider", async () => {
    const password = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "dave@toronto.example", password: PASSWORD }).toString(),
    });
    expect(password.status).toBe(403);
    expect(alertOf(await password.text())).toBe(
      "Your organization no longer uses passwords here. Use the button to sign in through your organization.",
    );
    const browser = new CookieBrowser();
    const answer = await browser.request(await throughProvider(browser, "ssm-toronto", "dave"));
    expect(answer.status).toBe(302);
    expect(browser.cookies.has("recourse_session")).toBe(true);
    // The sealed secret is all the database holds.
    const row = await t.db.selectFrom("organization_sign_in").selectAll().executeTakeFirstOrThrow();
    expect(row.client_secret_sealed).toMatch(/^v1\./);
    expect(row.client_secret_sealed).not.toContain(provider.clientSecret);
  });

  it("ends the provider's session when the person signs out here", async () => {
    const browser = new CookieBrowser();
    expect((await browser.request(await throughProvider(browser, "ssm-durham", "alice"))).status).toBe(302);
    // While the provider's session lasts, a second press comes straight back without its sign-in page.
    const again = await browser.request(`${server.url}/auth/oidc/ssm-durham`, { form: {}, origin: server.url });
    const straight = await browser.follow(await browser.request(again.location!));
    expect(straight.some((h) => h.body.includes('name="login"'))).toBe(false);
    expect(straight.at(-1)!.url).toBe(`${server.url}/cases`);

    const logout = await browser.request(`${server.url}/logout`, { form: {}, origin: server.url });
    // A page that moves on to the provider by itself (a form's redirect would meet form-action).
    expect(logout.status).toBe(200);
    const endSession = /<meta http-equiv="refresh" content="0;url=([^"]+)">/
      .exec(logout.body)![1]!
      .replace(/&amp;/g, "&");
    expect(endSession.startsWith(`${provider.issuer}/session/end`)).toBe(true);
    expect(logout.body).toContain(`href="${endSession.replace(/&/g, "&amp;")}"`);
    expect(browser.cookies.has("recourse_session")).toBe(false);
    const confirm = await browser.request(endSession);
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(confirm.body)!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form[2]!)![1]!;
    const ended = await browser.follow(
      await browser.request(new URL(form[1]!, provider.issuer).href, { form: { xsrf, logout: "yes" } }),
    );
    expect(ended.at(-1)!.url).toBe(`${server.url}/`);

    // Now the provider asks who it is again.
    const afterwards = await browser.request(`${server.url}/auth/oidc/ssm-durham`, { form: {}, origin: server.url });
    const hops = await browser.follow(await browser.request(afterwards.location!));
    expect(hops.at(-1)!.body).toContain('name="login"');
  });
});
