import type { APIRequestContext, APIResponse } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  AUTHORIZATION_MATRIX,
  LOGINS,
  PRINCIPALS,
  type Outcome,
  type Principal,
  type Probe,
  type Targets,
} from "./authorization-matrix";
import { DEMO_PASSWORD, expect, queryDb, test } from "./fixtures";

// Issue #7, Access: every route × every role × own or other organization's records, as written in
// authorization-matrix.ts. Requests go through Playwright's API client (no browser), each principal
// with its own cookie jar, so the whole matrix takes seconds.

test.describe.configure({ mode: "serial" });

const ROUTES_DIR = fileURLToPath(new URL("../../app/routes/", import.meta.url));
// The e2e server runs in production over plain http://127.0.0.1 (PUBLIC_URL http): no Secure flag,
// so no __Host- prefix (env.server.ts servedOverHttps; test/integration/auth-http.test.ts has HTTPS).
const SESSION_COOKIE = "recourse_session";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

type Contexts = Record<Principal, APIRequestContext>;
let contexts: Contexts;
let targets: Targets;
let baseURL: string;
const opened: APIRequestContext[] = [];

/** A POST as a browser on our own pages sends it: with our Origin (the same-origin check passes). */
function post(
  context: APIRequestContext,
  path: string,
  form: Record<string, string>,
  multipart = false,
): Promise<APIResponse> {
  const headers = { Origin: baseURL };
  return multipart
    ? context.post(path, { multipart: form, headers, maxRedirects: 0 })
    : context.post(path, { form, headers, maxRedirects: 0 });
}

async function signedInContext(
  newContext: () => Promise<APIRequestContext>,
  email: string,
): Promise<APIRequestContext> {
  const context = await newContext();
  opened.push(context);
  const response = await post(context, "/login", { email, password: DEMO_PASSWORD });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
  return context;
}

async function attach(context: APIRequestContext, path: string, fields: Record<string, string> = {}): Promise<void> {
  const response = await context.post(path, {
    headers: { Origin: baseURL },
    maxRedirects: 0,
    multipart: {
      intent: "attach",
      ...fields,
      attachment: { name: "evidence.pdf", mimeType: "application/pdf", buffer: PDF },
    },
  });
  expect(response.status(), `attaching a file on ${path}`).toBe(200);
}

function one<T>(sql: string, ...params: unknown[]): T {
  const [row] = queryDb<T>(sql, ...params);
  if (!row) throw new Error(`The seeded data has nothing for: ${sql} ${JSON.stringify(params)}`);
  return row;
}

function lastFile(reference: string, where = "1 = 1"): number {
  return one<{ id: number }>(
    `SELECT a.id FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.reference = ? AND ${where} ORDER BY a.id DESC LIMIT 1`,
    reference,
  ).id;
}

test.beforeAll(async ({ playwright }, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  const newContext = () => playwright.request.newContext({ baseURL });
  const anonymous = await newContext();
  opened.push(anonymous);
  contexts = { anonymous } as Contexts;
  for (const principal of PRINCIPALS) {
    if (principal !== "anonymous") contexts[principal] = await signedInContext(newContext, LOGINS[principal]);
  }
  const ottawaStaff = await signedInContext(newContext, "staff@ottawa.example.org");

  // One of the demo disputes of the provider principal's organization (read, and given a file;
  // filing a new one would change the count provider-disputes.spec.ts expects).
  const ownDispute = one<{ reference: string }>(
    `SELECT c.reference FROM cases c JOIN organizations o ON o.id = c.filer_org_id
     WHERE c.kind = 'provider_dispute' AND o.slug = 'provider-hamilton-niagara-1' ORDER BY c.id LIMIT 1`,
  ).reference;

  const ownCase = one<{ reference: string }>(
    "SELECT reference FROM cases WHERE area_slug = 'hamilton-niagara' AND kind = 'client_complaint' ORDER BY id DESC LIMIT 1",
  ).reference;
  const otherCase = one<{ reference: string }>(
    "SELECT reference FROM cases WHERE area_slug = 'ottawa' AND kind = 'client_complaint' ORDER BY id DESC LIMIT 1",
  ).reference;
  const otherDispute = one<{ reference: string }>(
    `SELECT c.reference FROM cases c JOIN organizations o ON o.id = c.filer_org_id
     WHERE c.kind = 'provider_dispute' AND c.area_slug = 'hamilton-niagara' AND o.slug <> 'provider-hamilton-niagara-1'
     ORDER BY c.id DESC LIMIT 1`,
  ).reference;

  // The demo's complaints at the provider stage (scripts/seed/demo-provider-stage.ts).
  const respondentCase = (own: boolean) =>
    one<{ reference: string }>(
      `SELECT c.reference FROM cases c JOIN organizations o ON o.id = c.respondent_org_id
       WHERE c.kind = 'client_complaint' AND c.provider_referred_at IS NOT NULL
         AND o.slug ${own ? "=" : "<>"} 'provider-hamilton-niagara-1' ORDER BY c.id LIMIT 1`,
    ).reference;
  const ownRespondentCase = respondentCase(true);
  const otherRespondentCase = respondentCase(false);

  await attach(contexts.provider, `/disputes/${ownDispute}`);
  await attach(contexts.staff, `/cases/${ownDispute}`);
  await attach(contexts.staff, `/cases/${otherDispute}`, { share: "on" });
  await attach(contexts.staff, `/cases/${ownCase}`);
  await attach(ottawaStaff, `/cases/${otherCase}`);
  await attach(contexts.staff, `/cases/${ownRespondentCase}`, { share: "on" });

  const quarter = one<{ q: string }>("SELECT MAX(quarter) AS q FROM quarter_reports WHERE area_slug = 'ottawa'").q;
  const hamiltonSubmitted = queryDb(
    "SELECT 1 FROM quarter_reports WHERE area_slug = 'hamilton-niagara' AND quarter = ?",
    quarter,
  );
  expect(hamiltonSubmitted, `the demo leaves Hamilton–Niagara's ${quarter} to submit`).toEqual([]);
  const otherProvider = one<{ id: number; name_en: string; name_fr: string }>(
    "SELECT id, name_en, name_fr FROM organizations WHERE slug = 'provider-ottawa-1'",
  );

  targets = {
    ownArea: "hamilton-niagara",
    otherArea: "ottawa",
    ownCase,
    otherCase,
    ownDispute,
    otherDispute,
    ownRespondentCase,
    otherRespondentCase,
    files: {
      ownDisputeShared: lastFile(ownDispute, "a.uploaded_by_kind = 'filer'"),
      ownDisputeInternal: lastFile(ownDispute, "a.uploaded_by_kind = 'staff' AND a.visibility = 'internal'"),
      otherDisputeShared: lastFile(otherDispute, "a.visibility = 'public'"),
      ownCase: lastFile(ownCase),
      otherCase: lastFile(otherCase),
      ownRespondentAnswer: lastFile(ownRespondentCase, "a.uploaded_by_kind = 'respondent'"),
      ownRespondentClientShared: lastFile(
        ownRespondentCase,
        "a.uploaded_by_kind = 'staff' AND a.visibility = 'public'",
      ),
    },
    ownStaffUserId: one<{ id: number }>("SELECT id FROM users WHERE email = ?", LOGINS.staff).id,
    otherStaffUserId: one<{ id: number }>("SELECT id FROM users WHERE email = 'staff@ottawa.example.org'").id,
    ownProvider: one<{ id: number }>("SELECT id FROM organizations WHERE slug = 'provider-hamilton-niagara-1'"),
    otherProvider: { id: otherProvider.id, nameEn: otherProvider.name_en, nameFr: otherProvider.name_fr },
    quarter,
  };
});

test.afterAll(async () => {
  for (const context of opened) await context.dispose();
});

function send(context: APIRequestContext, probe: Probe, headers: Record<string, string> = {}): Promise<APIResponse> {
  const path = probe.path(targets);
  if (probe.method === "GET") return context.get(path, { maxRedirects: 0, headers });
  const form = probe.form?.(targets) ?? {};
  const options = { headers: { Origin: baseURL, ...headers }, maxRedirects: 0 };
  return probe.multipart
    ? context.post(path, { ...options, multipart: form })
    : context.post(path, { ...options, form });
}

/** What a response was, in the matrix's terms. */
function outcomeOf(response: APIResponse): Outcome {
  const status = response.status();
  if (status < 300 || status >= 400) return status;
  const location = new URL(response.headers().location ?? "", baseURL);
  if (location.pathname === "/login" && location.searchParams.has("next")) return "login";
  return { redirect: location.pathname + location.search };
}

const show = (o: Outcome) => (typeof o === "object" ? `redirect to ${o.redirect}` : String(o));
const probesOf = (filter: (p: Probe) => boolean) =>
  Object.entries(AUTHORIZATION_MATRIX).flatMap(([route, probes]) =>
    probes.filter(filter).map((probe) => ({ route, probe })),
  );

test("every route in app/routes/ has its row in the matrix, and every action a POST", () => {
  const files = readdirSync(ROUTES_DIR)
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .sort();
  expect(files.length).toBeGreaterThan(20);
  const missing = files.filter((f) => !AUTHORIZATION_MATRIX[f]?.length);
  expect(missing, `routes with no row in test/e2e/authorization-matrix.ts: ${missing.join(", ")}`).toEqual([]);
  const stale = Object.keys(AUTHORIZATION_MATRIX).filter((f) => !files.includes(f));
  expect(stale, "rows for routes that no longer exist").toEqual([]);

  const withAction = files.filter((f) =>
    /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(ROUTES_DIR + f, "utf8")),
  );
  const untried = withAction.filter((f) => !AUTHORIZATION_MATRIX[f]!.some((p) => p.method === "POST"));
  expect(untried, `routes with an action but no POST in the matrix: ${untried.join(", ")}`).toEqual([]);
  const ghost = files.filter(
    (f) => !withAction.includes(f) && AUTHORIZATION_MATRIX[f]!.some((p) => p.method === "POST"),
  );
  expect(ghost, "POSTs to routes that have no action").toEqual([]);
});

test("a POST from another site is refused with 403 on every route that takes one, whoever is signed in", async () => {
  const refusals: string[] = [];
  for (const { route, probe } of probesOf((p) => p.method === "POST")) {
    // As the principal the matrix lets furthest (signed in where possible), so only the origin is wrong.
    const principal =
      PRINCIPALS.find((p) => p !== "anonymous" && probe.expect[p] !== 404 && probe.expect[p] !== "login") ??
      "anonymous";
    const crossSite: Record<string, string>[] = [
      { "Sec-Fetch-Site": "cross-site", Origin: "https://attacker.example" },
      { Origin: "https://attacker.example" },
    ];
    // The JSON API reads no cookie, so another site's request carries nothing that authorizes it
    // (clarifications, #22): not refused for its origin, but answered as any tokenless POST is (401,
    // or 404/405 where the API has no such path or method).
    const expected = route.startsWith("api.") ? probe.expect.anonymous : 403;
    for (const headers of crossSite) {
      const response = await send(contexts[principal], probe, headers);
      if (response.status() !== expected)
        refusals.push(`${route} ${probe.what} as ${principal} with ${JSON.stringify(headers)}: ${response.status()}`);
    }
  }
  expect(refusals, "cross-origin POSTs that were not refused").toEqual([]);
});

for (const principal of PRINCIPALS) {
  test(`${principal}: every route answers as the matrix says`, async () => {
    const context = contexts[principal];
    // A probe that ends the session (sign-out) runs after all the others.
    const ordered = [...probesOf((p) => !p.endsSession), ...probesOf((p) => !!p.endsSession)];
    const wrong: string[] = [];
    for (const { route, probe } of ordered) {
      const expected = probe.expect[principal];
      const actual = outcomeOf(await send(context, probe));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        wrong.push(
          `${route}: ${probe.method} ${probe.path(targets)} (${probe.what}; ${probe.scope}): expected ${show(expected)}, got ${show(actual)}`,
        );
      }
    }
    expect(wrong, `cells of the matrix that ${principal} does not get`).toEqual([]);
  });
}

test.describe("sessions over HTTP", () => {
  async function tokenOf(context: APIRequestContext): Promise<string | undefined> {
    return (await context.storageState()).cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  }

  /** A client that sends only this session token, as a stolen cookie would be replayed. */
  async function replaying(
    playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
    token: string,
  ) {
    const context = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` },
    });
    opened.push(context);
    return context;
  }

  test("signing in always sets a new session id and ends the one the browser had; signing out ends it at once", async ({
    playwright,
  }) => {
    const browser = await playwright.request.newContext({ baseURL });
    opened.push(browser);
    await post(browser, "/login", { email: LOGINS.analyst, password: DEMO_PASSWORD });
    const first = await tokenOf(browser);
    expect(first, "the session cookie").toBeTruthy();
    const sessions = () => queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM sessions")[0]!.n;
    const before = sessions();

    // Signing in again from the same browser (its cookie sent along): a new id, a new row.
    const again = await post(browser, "/login", { email: LOGINS.analyst, password: DEMO_PASSWORD });
    const sessionCookie = again
      .headersArray()
      .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${SESSION_COOKIE}=`));
    expect(sessionCookie?.value).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Lax$`));
    const second = await tokenOf(browser);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect(sessions()).toBe(before + 1);
    const replayFirst = await replaying(playwright, first!);
    expect(
      outcomeOf(await replayFirst.get("/reports", { maxRedirects: 0 })),
      "the session from before signing in again",
    ).toBe("login");
    const replaySecond = await replaying(playwright, second!);
    expect(outcomeOf(await replaySecond.get("/reports", { maxRedirects: 0 }))).toBe(200);

    // A token planted before sign-in (session fixation) is never the one signed in.
    const planted = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Cookie: `${SESSION_COOKIE}=planted-by-an-attacker` },
    });
    opened.push(planted);
    const fixed = await post(planted, "/login", { email: LOGINS.analyst, password: DEMO_PASSWORD });
    expect(fixed.status()).toBe(302);
    expect(fixed.headers()["set-cookie"]).not.toContain("planted-by-an-attacker");

    // Signing out ends the session on the server: the old cookie, replayed, is signed out.
    const out = await post(browser, "/logout", {});
    expect(outcomeOf(out)).toEqual({ redirect: "/" });
    expect(out.headers()["set-cookie"]).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
    expect(outcomeOf(await replaySecond.get("/reports", { maxRedirects: 0 })), "the session after signing out").toBe(
      "login",
    );
  });

  test("a wrong password and an unknown account get the same answer", async ({ playwright }) => {
    const client = await playwright.request.newContext({ baseURL });
    opened.push(client);
    const wrong = await post(client, "/login", { email: LOGINS.analyst, password: "not the password" });
    const unknown = await post(client, "/login", { email: "nobody.here@example.org", password: "not the password" });
    expect(wrong.status()).toBe(401);
    expect(unknown.status()).toBe(401);
    const alert = (html: string) => /<div class="error-summary" role="alert"[^>]*><p>([^<]*)<\/p>/.exec(html)?.[1];
    expect(alert(await wrong.text())).toBe("The email or password is not right.");
    expect(alert(await unknown.text())).toBe(alert(await wrong.text()));
    expect(wrong.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE);
  });
});
