import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../app/domain/api-contract";
import { API_ENDPOINTS, RESPONSE_SCHEMAS } from "../../app/domain/api-openapi";
import type { ApiScope } from "../../app/domain/api-scopes";
import { translator } from "../../app/i18n";
import { issueApiToken, revokeApiTokenAs } from "../../app/services/api-tokens.server";
import { sessionIdFromToken, type SessionUser } from "../../app/services/auth.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import {
  publishedQuarterFigures,
  quarterComparison,
  submitQuarterReport,
} from "../../app/services/quarter-reports.server";
import { findOrganizationBySlug } from "../../db/repositories/areas";
import { insertSession } from "../../db/repositories/sessions";
import { insertUser } from "../../db/repositories/users";
import { MINISTRY, ssmSlug } from "../../db/seed/catchment-areas";
import type { ComplaintInput } from "../../app/domain/complaint-input";
import { startBuiltServer, type BuiltServer } from "../fixtures/built-server";
import { createStaff, sampleComplaint } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { validateJsonSchema } from "../support/json-schema";

// Issue #22's API over HTTP with real tokens on the built server: the authorization matrix (every
// endpoint × token scope × organization), the privacy of each organization's cases, refusals that
// are the case page's own, tokens shown once / hashed / revoked / audited / rate-limited, and a
// contract test: every answer this suite received is validated against /api/v1/openapi.json (a
// small JSON Schema validator, test/support/json-schema.ts) and parsed with the zod schema the
// document is generated from. Open data's files are read here too.

const QUARTER = "2026-Q1"; // April to June 2026
const IN_QUARTER = new Date("2026-05-12T14:00:00Z");
const AFTER_QUARTER = new Date("2026-07-10T15:00:00Z");
const PERSON = { ham: "Hana Hamilton", ott: "Otto Ottawa" };
/** Hamilton's queue holds more than one page (50), to follow the cursor. */
const HAM_CASES = 51;

let t: TestDatabase;
let server: BuiltServer;
let folder: string;
const users = {} as Record<"hamManager" | "hamStaff" | "ottManager" | "ottStaff" | "admin" | "analyst", SessionUser>;
/** Filed in the reported quarter (long overdue by now), and today (their clocks still running). */
const refs = { ham: [] as string[], ott: [] as string[], fresh: [] as string[] };
type TokenName = "hamRead" | "hamAct" | "ottAct" | "ministry" | "adminForHam" | "revoked";
const tokens = {} as Record<TokenName, string>;
let revokedId = 0;

/** Every answer received: validated against the document at the end. */
const received: { method: string; template: string; status: number; body: unknown }[] = [];

async function fileIn(area: string, name: string, now: Date, program?: ComplaintInput["program"]): Promise<string> {
  const filed = await fileClientComplaint({
    db: t.db,
    complaint: sampleComplaint({ area, name, email: "filer@example.com", ...(program ? { program } : {}) }),
    now,
  });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed.reference;
}

async function issue(user: SessionUser, orgSlug: string, scopes: ApiScope[], name = "system") {
  const org = await findOrganizationBySlug(t.db, orgSlug);
  return issueApiToken({ db: t.db, user, organizationId: org!.id, name, scopes, now: new Date() });
}

async function mustIssue(user: SessionUser, orgSlug: string, scopes: ApiScope[]): Promise<string> {
  const result = await issue(user, orgSlug, scopes);
  if (!result.ok) throw new Error(`not issued: ${result.reason}`);
  return result.token;
}

function templateOf(path: string): string {
  const p = path.split("?")[0]!;
  if (/^\/api\/v1\/cases\/[^/]+\/actions$/.test(p)) return "/api/v1/cases/{reference}/actions";
  if (/^\/api\/v1\/cases\/[^/]+$/.test(p)) return "/api/v1/cases/{reference}";
  if (/^\/api\/v1\/reports\/[^/]+$/.test(p)) return "/api/v1/reports/{quarter}";
  return p;
}

async function call(
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string>; ip?: string } = {},
) {
  const headers: Record<string, string> = { "X-Forwarded-For": options.ip ?? "192.0.2.10", ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const post = options.body !== undefined;
  if (post && !headers["Content-Type"]) headers["Content-Type"] = "application/json";
  const response = await fetch(`${server.url}${path}`, {
    method: post ? "POST" : "GET",
    headers,
    body: post ? (typeof options.body === "string" ? options.body : JSON.stringify(options.body)) : undefined,
    redirect: "manual",
  });
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get("content-type") ?? "").startsWith("application/json")) body = JSON.parse(text);
  if (path.startsWith("/api/v1/") && !path.startsWith("/api/v1/openapi.json") && response.status !== 415)
    received.push({ method: post ? "post" : "get", template: templateOf(path), status: response.status, body });
  // Answers are read loosely here: their shape is what the contract test below checks.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked against the document, not by the compiler
  return { status: response.status, body: body as any, headers: response.headers, text };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "recourse-api-"));
  t = await createTestDatabase();
  users.hamManager = await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager" });
  users.hamStaff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  users.ottManager = await createStaff(t.db, { areaSlug: "ottawa", role: "ssm_manager" });
  users.ottStaff = await createStaff(t.db, { areaSlug: "ottawa" });
  const ministry = await findOrganizationBySlug(t.db, MINISTRY.slug);
  for (const [who, role] of [
    ["admin", "admin"],
    ["analyst", "ministry_analyst"],
  ] as const) {
    const email = `${who}@ministry.example`;
    const id = await insertUser(t.db, {
      email,
      display_name: who,
      password_hash: "x",
      role,
      organization_id: ministry!.id,
      language: "en",
      disabled_at: null,
      created_at: new Date().toISOString(),
    });
    users[who] = { id, email, display_name: who, role, organization_id: ministry!.id, language: "en" };
  }
  for (let i = 0; i < HAM_CASES; i++)
    refs.ham.push(
      await fileIn("hamilton-niagara", PERSON.ham, IN_QUARTER, i < 3 ? "literacy_basic_skills" : undefined),
    );
  for (let i = 0; i < 8; i++) refs.ott.push(await fileIn("ottawa", PERSON.ott, IN_QUARTER));
  for (let i = 0; i < 2; i++) refs.fresh.push(await fileIn("hamilton-niagara", PERSON.ham, new Date()));
  for (const [manager, area] of [
    [users.hamManager, "hamilton-niagara"],
    [users.ottManager, "ottawa"],
  ] as const) {
    const submitted = await submitQuarterReport({
      db: t.db,
      user: manager,
      areaSlug: area,
      quarter: QUARTER,
      narrative: { actionsTaken: "Met providers.", lessonsLearned: "Call back.", systemicIssues: "None." },
      amendmentReason: null,
      expectedVersion: 0,
      threshold: 5,
      now: AFTER_QUARTER,
    });
    expect(submitted.ok).toBe(true);
  }
  tokens.hamRead = await mustIssue(users.hamManager, ssmSlug("hamilton-niagara"), ["cases.read"]);
  tokens.hamAct = await mustIssue(users.hamManager, ssmSlug("hamilton-niagara"), ["cases.read", "cases.act"]);
  tokens.ottAct = await mustIssue(users.ottManager, ssmSlug("ottawa"), ["cases.read", "cases.act"]);
  tokens.ministry = await mustIssue(users.admin, MINISTRY.slug, ["reports.read"]);
  tokens.adminForHam = await mustIssue(users.admin, ssmSlug("hamilton-niagara"), ["cases.read"]);
  const revoked = await issue(users.hamManager, ssmSlug("hamilton-niagara"), ["cases.read", "cases.act"]);
  if (!revoked.ok) throw new Error("not issued");
  tokens.revoked = revoked.token;
  revokedId = revoked.id;
  expect((await revokeApiTokenAs({ db: t.db, user: users.hamManager, tokenId: revokedId, now: new Date() })).ok).toBe(
    true,
  );
  server = await startBuiltServer({
    DATABASE_URL: t.url,
    SEED_DEMO: "false",
    NODE_ENV: "test",
    TRUST_PROXY: "loopback",
    SUPPRESSION_THRESHOLD: "5",
    MAIL_DIR: join(folder, "mail"),
    OUTBOX_INTERVAL_MS: "3600000",
  });
}, 180_000);

afterAll(async () => {
  if (server) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  await t?.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

describe("issuing tokens", () => {
  it("lets a manager issue for the own SSM only, and the administrator for any SSM or the ministry, with the scopes its kind may have", async () => {
    expect((await issue(users.hamManager, ssmSlug("ottawa"), ["cases.read"])).ok).toBe(false);
    expect(await issue(users.hamManager, MINISTRY.slug, ["reports.read"])).toMatchObject({
      ok: false,
      kind: "not-found",
    });
    expect(await issue(users.hamStaff, ssmSlug("hamilton-niagara"), ["cases.read"])).toMatchObject({ ok: false });
    expect(await issue(users.analyst, MINISTRY.slug, ["reports.read"])).toMatchObject({ ok: false });
    // An SSM's token never reads the province's reports; the ministry's never touches a case.
    expect(await issue(users.hamManager, ssmSlug("hamilton-niagara"), ["reports.read"])).toMatchObject({
      ok: false,
      fields: { scopes: { key: "apiTokens.error.scopes" } },
    });
    expect(await issue(users.admin, MINISTRY.slug, ["cases.read"])).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("keeps only a SHA-256 of the token, names it by a prefix, and audits issuing and revoking", async () => {
    const rows = await t.db.selectFrom("api_tokens").selectAll().execute();
    const all = JSON.stringify(rows);
    for (const token of Object.values(tokens)) {
      expect(all).not.toContain(token);
      expect(token).toMatch(/^rct_[A-Za-z0-9_-]{43}$/);
    }
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    const audit = await t.db.selectFrom("audit_log").select(["action", "target_id"]).execute();
    expect(audit.filter((a) => a.action === "api_token.issued")).toHaveLength(6);
    expect(audit).toContainEqual({ action: "api_token.revoked", target_id: String(revokedId) });
  });
});

type Who = "none" | "garbage" | TokenName;
const WHO: Who[] = ["none", "garbage", "revoked", "hamRead", "hamAct", "ottAct", "ministry", "adminForHam"];
const tokenOf = (who: Who) => (who === "none" ? null : who === "garbage" ? `rct_${"x".repeat(43)}` : tokens[who]);
const UNAUTHENTICATED = { none: 401, garbage: 401, revoked: 401 } as const;

interface Probe {
  what: string;
  endpoint: (typeof API_ENDPOINTS)[number]["path"];
  path: () => string;
  body?: () => unknown;
  expect: Record<Who, number>;
}

const note = () => ({ action: "note", version: 1, note: "Called the provider." });
const MATRIX: Probe[] = [
  {
    what: "the own SSM's queue",
    endpoint: "/api/v1/cases",
    path: () => "/api/v1/cases",
    expect: { ...UNAUTHENTICATED, hamRead: 200, hamAct: 200, ottAct: 200, ministry: 403, adminForHam: 200 },
  },
  {
    what: "a Hamilton case",
    endpoint: "/api/v1/cases/{reference}",
    path: () => `/api/v1/cases/${refs.ham[0]}`,
    expect: { ...UNAUTHENTICATED, hamRead: 200, hamAct: 200, ottAct: 404, ministry: 403, adminForHam: 200 },
  },
  {
    what: "an Ottawa case",
    endpoint: "/api/v1/cases/{reference}",
    path: () => `/api/v1/cases/${refs.ott[0]}`,
    expect: { ...UNAUTHENTICATED, hamRead: 404, hamAct: 404, ottAct: 200, ministry: 403, adminForHam: 404 },
  },
  {
    what: "a case that does not exist",
    endpoint: "/api/v1/cases/{reference}",
    path: () => "/api/v1/cases/HAM-0000-XXXX",
    expect: { ...UNAUTHENTICATED, hamRead: 404, hamAct: 404, ottAct: 404, ministry: 403, adminForHam: 404 },
  },
  {
    what: "a note on a Hamilton case",
    endpoint: "/api/v1/cases/{reference}/actions",
    path: () => `/api/v1/cases/${refs.ham[1]}/actions`,
    body: note,
    expect: { ...UNAUTHENTICATED, hamRead: 403, hamAct: 200, ottAct: 404, ministry: 403, adminForHam: 403 },
  },
  {
    what: "a note on an Ottawa case",
    endpoint: "/api/v1/cases/{reference}/actions",
    path: () => `/api/v1/cases/${refs.ott[1]}/actions`,
    body: note,
    expect: { ...UNAUTHENTICATED, hamRead: 403, hamAct: 404, ottAct: 200, ministry: 403, adminForHam: 403 },
  },
  {
    what: "every SSM's submitted reports",
    endpoint: "/api/v1/reports/{quarter}",
    path: () => `/api/v1/reports/${QUARTER}`,
    expect: { ...UNAUTHENTICATED, hamRead: 403, hamAct: 403, ottAct: 403, ministry: 200, adminForHam: 403 },
  },
];

describe("the authorization matrix: every endpoint × token scope × organization", () => {
  it("names every endpoint of the document", () => {
    expect(new Set(MATRIX.map((p) => p.endpoint))).toEqual(new Set(API_ENDPOINTS.map((e) => e.path)));
  });

  for (const probe of MATRIX) {
    it(`answers ${probe.what} as written, for each token`, async () => {
      const got = {} as Record<Who, number>;
      for (const who of WHO)
        got[who] = (
          await call(probe.path(), {
            token: tokenOf(who),
            body: probe.body?.(),
            ip: `198.51.100.${WHO.indexOf(who) + 1}`,
          })
        ).status;
      expect(got).toEqual(probe.expect);
    });
  }

  it("never reads a cookie: a signed-in staff member's session opens nothing of the API", async () => {
    const session = randomBytes(32).toString("base64url");
    const now = new Date();
    await insertSession(t.db, {
      id: sessionIdFromToken(session),
      userId: users.hamStaff.id,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    const answer = await call("/api/v1/cases", { headers: { Cookie: `recourse_session=${session}` } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(answer.body.error.code).toBe("unauthenticated");
  });
});

describe("cases through the API", () => {
  it("lists only the token's SSM's cases, a page at a time, following the cursor, with the queue's filters", async () => {
    const first = await call("/api/v1/cases", { token: tokens.hamRead });
    expect(first.body.cases).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(`/api/v1/cases?after=${encodeURIComponent(first.body.nextCursor)}`, {
      token: tokens.hamRead,
    });
    const seen = [...first.body.cases, ...second.body.cases].map((c: { reference: string }) => c.reference);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set(seen)).toEqual(new Set([...refs.ham, ...refs.fresh]));
    const ottawa = await call("/api/v1/cases", { token: tokens.ottAct });
    expect(ottawa.body.cases.map((c: { reference: string }) => c.reference).sort()).toEqual([...refs.ott].sort());
    expect(JSON.stringify(ottawa.body)).not.toContain(PERSON.ham);
    const literacy = await call("/api/v1/cases?program=literacy_basic_skills", { token: tokens.hamRead });
    expect(literacy.body.cases.map((c: { reference: string }) => c.reference).sort()).toEqual(
      refs.ham.slice(0, 3).sort(),
    );
  });

  it("shows one case with its clocks and timeline, and audits the reading in the token's name", async () => {
    const one = await call(`/api/v1/cases/${refs.fresh[0]}`, { token: tokens.hamRead });
    expect(one.status).toBe(200);
    expect(one.body.case).toMatchObject({ reference: refs.fresh[0], filerName: PERSON.ham, status: "received" });
    expect(one.body.clocks.map((c: { kind: string }) => c.kind)).toEqual(
      expect.arrayContaining(["acknowledge", "first_response"]),
    );
    expect(one.body.timeline.length).toBeGreaterThan(0);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("actor_label")
      .where("action", "=", "case.read")
      .where("target_id", "=", refs.fresh[0]!)
      .execute();
    expect(audit.map((a) => a.actor_label)).toContainEqual(expect.stringMatching(/^api-token:\d+$/));
  });

  it("refuses what the case page refuses, for the same reasons and in the same words", async () => {
    const reference = refs.fresh[1]!;
    const act = (body: unknown) => call(`/api/v1/cases/${reference}/actions`, { token: tokens.hamAct, body });
    const before = await call(`/api/v1/cases/${reference}`, { token: tokens.hamAct });
    const ack = await act({ action: "acknowledge", version: before.body.case.version });
    expect(ack.body).toMatchObject({ done: "acknowledge" });
    expect(ack.body.case.case.status).toBe("acknowledged");
    const again = await act({ action: "acknowledge", version: ack.body.case.case.version });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "conflict",
      reason: "already_acknowledged",
      message: translator("en")("case.refused.already_acknowledged"),
    });
    // The token acts as the SSM's staff: escalating by hand is a manager's, as on the page.
    const escalate = await act({ action: "escalate", version: ack.body.case.case.version, reason: "Urgent." });
    expect(escalate.body.error).toMatchObject({ code: "conflict", reason: "managers_only" });
    const stale = await act({ action: "close", version: before.body.case.version });
    expect(stale.body.error).toMatchObject({ code: "conflict", reason: "stale" });
    const take = await act({ action: "take", version: ack.body.case.case.version, assigneeId: users.hamStaff.id });
    expect(take.status).toBe(200);
    const queue = await call("/api/v1/cases?q=" + reference, { token: tokens.hamRead });
    expect(queue.body.cases[0].assigneeName).toBe(users.hamStaff.display_name);
    // A colleague of another SSM is nobody to assign to.
    const elsewhere = await act({
      action: "take",
      version: take.body.case.case.version,
      assigneeId: users.ottStaff.id,
    });
    expect(elsewhere.status).toBe(404);
  });

  it("takes JSON only, within its schema and its body limit", async () => {
    const path = `/api/v1/cases/${refs.ham[4]}/actions`;
    const form = await call(path, {
      token: tokens.hamAct,
      body: "action=note",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect((await call(path, { token: tokens.hamAct, body: "{not json" })).body.error.reason).toBe("not_json");
    const unknown = await call(path, { token: tokens.hamAct, body: { action: "delete_everything", version: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues.length).toBeGreaterThan(0);
    const long = await call(path, {
      token: tokens.hamAct,
      body: { action: "note", version: 1, note: "x".repeat(5001) },
    });
    expect(long.status).toBe(400);
    const huge = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens.hamAct}`, "Content-Type": "application/json" },
      body: JSON.stringify({ action: "note", version: 1, note: "x".repeat(70_000) }),
    });
    expect(huge.status).toBe(413);
  });
});

describe("paths and methods the API does not have", () => {
  // A program calling a mistyped path or the wrong method gets the API's JSON error, never the site's HTML page.
  async function raw(path: string, method: "GET" | "POST" | "PUT" | "DELETE", token: string | null = tokens.hamRead!) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        "X-Forwarded-For": "192.0.2.44",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(method === "GET" ? {} : { "Content-Type": "application/json" }),
      },
      body: method === "GET" ? undefined : "{}",
      redirect: "manual",
    });
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, type, allow: response.headers.get("allow"), text: await response.text() };
  }

  it("answers an unknown path under /api with a JSON 404 in the error shape, with or without a token", async () => {
    for (const path of ["/api/v1/nothing", "/api/v1/cases/HAM-2026-000001/nothing", "/api/v2/cases", "/api"]) {
      for (const token of [tokens.hamRead!, null]) {
        const answer = await raw(path, "GET", token);
        expect(answer.status, path).toBe(404);
        expect(answer.type, path).toMatch(/^application\/json/);
        const body = apiErrorSchema.parse(JSON.parse(answer.text));
        expect(body.error.code).toBe("not_found");
        expect(answer.text).not.toContain("<html");
      }
    }
  });

  it("answers a method an endpoint does not take with a JSON 405 naming the ones it does", async () => {
    const cases = await raw("/api/v1/cases", "POST");
    expect(cases.status).toBe(405);
    expect(cases.type).toMatch(/^application\/json/);
    expect(apiErrorSchema.parse(JSON.parse(cases.text)).error.code).toBe("method_not_allowed");
    expect(cases.allow).toBe("GET");
    const actions = await raw(`/api/v1/cases/${refs.ham[0]}/actions`, "GET");
    expect(actions.status).toBe(405);
    expect(actions.allow).toBe("POST");
    expect(apiErrorSchema.parse(JSON.parse(actions.text)).error.code).toBe("method_not_allowed");
    const deleting = await raw(`/api/v1/cases/${refs.ham[0]}`, "DELETE");
    expect(deleting.status).toBe(405);
    expect(deleting.allow).toBe("GET");
  });
});

describe("reports through the API", () => {
  it("gives the ministry every SSM's submitted figures exactly as its comparison page shows them, and no case", async () => {
    const api = await call(`/api/v1/reports/${QUARTER}`, { token: tokens.ministry });
    const page = await quarterComparison(t.db, QUARTER, 5, 30, new Date());
    expect(api.body.submitted).toBe(2);
    for (const row of page.rows.filter((r) => r.report)) {
      const fromApi = api.body.reports.find((r: { areaSlug: string }) => r.areaSlug === row.area.slug);
      expect(fromApi.figures).toEqual(row.report!.figures);
    }
    expect(api.body.province).toEqual(page.province);
    const text = JSON.stringify(api.body);
    for (const reference of [...refs.ham, ...refs.ott]) expect(text).not.toContain(reference);
    expect(text).not.toContain(PERSON.ham);
    // The three literacy complaints are fewer than five: withheld, as on the page.
    const ham = api.body.reports.find((r: { areaSlug: string }) => r.areaSlug === "hamilton-niagara");
    expect(ham.figures.received.byProgram.find((r: { key: string }) => r.key === "literacy_basic_skills").count).toBe(
      "small",
    );
  });
});

describe("tokens over time", () => {
  it("stops a token the moment it is revoked", async () => {
    const token = await mustIssue(users.hamManager, ssmSlug("hamilton-niagara"), ["cases.read"]);
    expect((await call("/api/v1/cases", { token })).status).toBe(200);
    const row = await t.db
      .selectFrom("api_tokens")
      .select(["id", "last_used_at"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    await revokeApiTokenAs({ db: t.db, user: users.hamManager, tokenId: row.id, now: new Date() });
    expect((await call("/api/v1/cases", { token })).status).toBe(401);
  });

  it("stops a token whose issuer was disabled", async () => {
    const manager = await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager" });
    const token = await mustIssue(manager, ssmSlug("hamilton-niagara"), ["cases.read"]);
    expect((await call("/api/v1/cases", { token })).status).toBe(200);
    await t.db
      .updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("id", "=", manager.id)
      .execute();
    expect((await call("/api/v1/cases", { token })).status).toBe(401);
  });

  it("limits each token to 120 requests a minute, and guessing clients per address", async () => {
    const token = await mustIssue(users.hamManager, ssmSlug("hamilton-niagara"), ["cases.read"]);
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await call("/api/v1/cases?status=closed", { token })).status);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    const limited = await call("/api/v1/cases?status=closed", { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    // Another token of the same SSM is not slowed by it.
    expect((await call("/api/v1/cases?status=closed", { token: tokens.hamRead })).status).toBe(200);
    const guesses: number[] = [];
    for (let i = 0; i < 31; i++)
      guesses.push((await call("/api/v1/cases", { token: `rct_guess${i}xxxxxxxxxxxx`, ip: "203.0.113.99" })).status);
    expect(guesses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(guesses[30]).toBe(429);
  });
});

describe("open data", () => {
  it("publishes each SSM's quarter as JSON and CSV, read from the release the process page shows", async () => {
    const json = await call(`/open-data/hamilton-niagara/${QUARTER}.json`);
    expect(json.status).toBe(200);
    const published = await publishedQuarterFigures(t.db, "hamilton-niagara", QUARTER, 5);
    expect(json.body).toMatchObject({
      area: "hamilton-niagara",
      quarter: QUARTER,
      received: published!.received,
      decisions_on_time_share: published!.onTimeShare,
      provider_resolved: published!.providerStage.resolved,
    });
    const csv = await call(`/open-data/hamilton-niagara/${QUARTER}.csv`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "area,quarter,received,decisions_on_time_share,decision_median_business_days,provider_resolved,provider_on_time_share",
    );
    expect(lines[1]).toMatch(new RegExp(`^hamilton-niagara,${QUARTER},${published!.received},`));
    const index = await call("/open-data.json");
    expect(index.body.datasets.map((d: { area: string }) => d.area).sort()).toEqual(["hamilton-niagara", "ottawa"]);
    expect((await call(`/open-data/toronto/${QUARTER}.json`)).status).toBe(404);
    expect((await call(`/open-data/hamilton-niagara/2026-Q3.csv`)).status).toBe(404);
    expect((await call(`/open-data/hamilton-niagara/${QUARTER}.xml`)).status).toBe(404);
  });

  it("has a data dictionary in both languages, linked from every process page", async () => {
    const en = await call("/open-data", { headers: { "Accept-Language": "en" } });
    expect(en.text).toContain("Data dictionary");
    expect(en.text).toContain("decisions_on_time_share");
    const fr = await call("/open-data?lng=fr", { headers: { "Accept-Language": "fr", Cookie: "lng=fr" } });
    expect(fr.text).toContain("Dictionnaire de données");
    for (const area of ["hamilton-niagara", "ottawa", "toronto"]) {
      const page = await call(`/process/${area}`);
      expect(page.text).toContain(`/open-data?area=${area}`);
    }
    expect((await call("/process/hamilton-niagara")).text).toContain(`/open-data/hamilton-niagara/${QUARTER}.csv`);
  });
});

describe("the contract: every answer matches /api/v1/openapi.json", () => {
  it("serves an OpenAPI 3.1 document listing every endpoint with the scope it needs", async () => {
    const doc = (await call("/api/v1/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    for (const e of API_ENDPOINTS) {
      expect(doc.paths[e.path]?.[e.method], `${e.method} ${e.path}`).toBeDefined();
      expect(doc.paths[e.path][e.method]["x-scope"]).toBe(e.scope);
    }
  });

  it("validates every API answer this suite received against the document, and with the zod schema it came from", async () => {
    const doc = (await call("/api/v1/openapi.json")).body;
    expect(received.length).toBeGreaterThan(100);
    const statuses = new Set<string>();
    for (const r of received) {
      const operation = doc.paths[r.template]?.[r.method];
      expect(operation, `${r.method} ${r.template} is documented`).toBeDefined();
      const answer = operation.responses[String(r.status)];
      expect(answer, `${r.method} ${r.template} ${r.status} is documented`).toBeDefined();
      const schema = answer.content["application/json"].schema;
      expect(validateJsonSchema(doc, schema, r.body), `${r.method} ${r.template} ${r.status}`).toEqual([]);
      const name = schema.$ref.split("/").pop() as keyof typeof RESPONSE_SCHEMAS;
      expect(RESPONSE_SCHEMAS[name].safeParse(r.body).success, `${r.template} ${r.status} parses as ${name}`).toBe(
        true,
      );
      statuses.add(`${r.method} ${r.template} ${r.status}`);
    }
    // Each endpoint's success was among them.
    for (const e of API_ENDPOINTS) expect(statuses.has(`${e.method} ${e.path} 200`), e.path).toBe(true);
  });

  it("the validator itself refuses what breaks the document", async () => {
    const doc = (await call("/api/v1/openapi.json")).body;
    const list = { $ref: "#/components/schemas/CaseList" };
    expect(validateJsonSchema(doc, list, { cases: [], nextCursor: null })).toEqual([]);
    expect(validateJsonSchema(doc, list, { cases: [{ reference: 1 }], nextCursor: null }).length).toBeGreaterThan(0);
    expect(validateJsonSchema(doc, list, { nextCursor: 3 }).length).toBeGreaterThan(0);
  });
});
