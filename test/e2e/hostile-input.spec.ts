import type { APIRequestContext, Browser, Page } from "@playwright/test";
import fc from "fast-check";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fiscalQuarterOf, formatQuarterId } from "../../app/domain/fiscal-quarter";
import { EMAIL_MS, NAVIGATION_MS } from "./budgets";
import { caseVersion, expectStatus, filerAccess, PDF, recordComplaint } from "./api-flows";
import { apiClient, cookiesSetBy, signedInClient } from "./api-session";
import { CURRENT_CASE_VERSION, FORMS, type Actor, type FormSpec, type World } from "./form-catalogue";
import {
  expect,
  login,
  lookUpComplaint,
  mailDir,
  queryDb,
  recipientOf,
  test,
  visit,
  waitForEmailWhere,
} from "./fixtures";
import {
  dataUrl,
  expectHandled,
  percentEncode,
  replay,
  sendSubmission,
  submissions,
  summary,
  type Submission,
} from "./hostile-requests";
import { hostileText, MARKUP } from "./hostile-values";

// Issue #7, "Requests": random and hostile input into every form never gives a 500, never stores
// markup that runs, and never puts a header into an email. Forms are listed in form-catalogue.ts.
//
// Everything happens in the Durham SSM (its staff, its manager, a provider user this spec invites),
// which no other spec uses, so the queues, policies and reports other specs check are untouched.
//
// Rate limits the rest of the suite relies on: failed /status look-ups are limited to 10 per
// address per 10 minutes and zz-rate-limits.spec.ts needs fewer than 10 before it; this spec makes
// at most LOOKUP_BUDGET (checked at the end). Failed sign-ins are limited to 10 per address per
// minute: this spec makes at most 4. Password-reset requests are limited to 10 per address per
// minute: at most 4. Filings: about 40 (FILINGS_PER_IP_PER_HOUR is 1000 in the e2e server).
//
// Each run draws new values. To replay a failure: FC_SEED=<seed> FC_PATH=<path> as fast-check
// printed them. FC_STATS=1 prints every answer's status, to check that runs get past validation
// (stored) as well as being refused.

const DEFAULT_RUNS = 14;
const LOOKUP_BUDGET = 4;
const PROVIDER_PASSWORD = "hostile-input provider 2026";
const RESET_USER_PASSWORD = "hostile-input reset 2026";
const stamp = `hi${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });

let world: World;
const clients = {} as Record<Actor, APIRequestContext>;
let lookupFailuresBefore = 0;
let fuzzCaseSecret = "";
const providerEmail = `hostile.provider.${stamp}@example.com`;

function failedLookupsFromThisAddress(): number {
  const since = new Date(Date.now() - 10 * 60 * 1000).toISOString();
  return queryDb<{ n: number }>(
    "SELECT COUNT(*) AS n FROM rate_limit_events WHERE bucket = 'status-fail:ip:127.0.0.1' AND at > ?",
    since,
  )[0]!.n;
}

/** The link an email sent to `to` carries to `path`/<token>; returns the token. */
async function tokenMailedTo(to: string, path: string): Promise<string> {
  const mail = await waitForEmailWhere(
    `to ${to} with a ${path} link`,
    (m) => recipientOf(m) === to && new RegExp(`/${path}/`).test(m.text ?? ""),
  );
  const token = new RegExp(`/${path}/([A-Za-z0-9_-]{16,})`).exec(mail.text ?? "")?.[1];
  expect(token, `a ${path} link in ${mail.text}`).toBeTruthy();
  return token!;
}

async function invite(
  manager: APIRequestContext,
  who: { name: string; email: string; role: string; provider?: string },
): Promise<string> {
  const response = await manager.post("/admin/users", {
    form: { intent: "invite", language: "en", provider: "", ...who },
  });
  await expectStatus(response, 200, `inviting ${who.email}`);
  return tokenMailedTo(who.email, "invite");
}

async function acceptInvitation(anonymous: APIRequestContext, token: string, password: string): Promise<void> {
  await expectStatus(
    await anonymous.post(`/invite/${token}`, { form: { password, confirm: password } }),
    200,
    "accepting an invitation",
  );
}

function torontoNow(): { today: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/Toronto",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(Date.now() - 5 * 60_000))
      .map((p) => [p.type, p.value]),
  );
  return { today: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

test.beforeAll(async () => {
  lookupFailuresBefore = failedLookupsFromThisAddress();
  clients.anonymous = await apiClient();
  clients.staff = await signedInClient("staff@durham.example.org");
  clients.manager = await signedInClient("manager@durham.example.org");
  clients.admin = await signedInClient("admin@recourse.example.org");
  const areaProviderIds = queryDb<{ id: number }>(
    "SELECT o.id FROM organizations o JOIN provider_areas pa ON pa.provider_id = o.id WHERE pa.area_slug = 'durham' AND o.retired_at IS NULL ORDER BY o.id",
  ).map((r) => String(r.id));
  expect(areaProviderIds.length, "Durham's demo providers").toBeGreaterThan(0);

  // A provider user of Durham's, invited and signed in like a real one, and its dispute.
  await acceptInvitation(
    clients.anonymous,
    await invite(clients.manager, {
      name: "Pat Hostile",
      email: providerEmail,
      role: "provider_user",
      provider: areaProviderIds[0]!,
    }),
    PROVIDER_PASSWORD,
  );
  clients.provider = await signedInClient(providerEmail, PROVIDER_PASSWORD);
  const raised = await clients.provider.post("/disputes/new", {
    form: {
      area: "durham",
      category: "other",
      description: `Referrals stopped (${stamp}).`,
      outcomeWanted: "Referrals again.",
      submissionKey: crypto.randomUUID(),
    },
    maxRedirects: 0,
  });
  await expectStatus(raised, 302, "raising a dispute");
  const disputeReference = /\/disputes\/([A-Z]{3}-\d{4}-\d{6})/.exec(raised.headers()["location"] ?? "")?.[1];
  expect(disputeReference, "the dispute's address").toBeTruthy();

  // The case the staff and filer forms work on; its filer's name tries to add a Bcc header to the
  // acknowledgement email.
  const fuzzCase = await recordComplaint(clients.staff, {
    name: `Robin\r\nBcc: victim@attacker.example (${stamp})`,
    email: `hostile.filer.${stamp}@example.com`,
  });
  fuzzCaseSecret = fuzzCase.secret;
  clients.filer = await apiClient(await filerAccess(clients.anonymous, fuzzCase.reference, fuzzCase.secret));

  // A closed case, whose filer is sent the satisfaction survey.
  const surveyed = `hostile.surveyed.${stamp}@example.com`;
  const closed = await recordComplaint(clients.staff, { email: surveyed });
  const steps: Record<string, string>[] = [
    { intent: "acknowledge" },
    { intent: "decide", outcome: "upheld", reasons: "Agreed." },
    { intent: "close" },
  ];
  for (const step of steps) {
    const response = await clients.staff.post(`/cases/${closed.reference}`, {
      form: { ...step, version: String(caseVersion(closed.reference)) },
    });
    await expectStatus(response, 200, `${step.intent} on ${closed.reference}`);
  }
  const surveyToken = await tokenMailedTo(surveyed, "survey");

  // People and providers the spec may rename, retire, disable or give another role.
  const inviteToken = await invite(clients.manager, {
    name: "Invitee Hostile",
    email: `hostile.invitee.${stamp}@example.com`,
    role: "ssm_staff",
  });
  for (const n of [1, 2])
    await invite(clients.manager, {
      name: `Staff ${n} ${stamp}`,
      email: `hostile.staff${n}.${stamp}@example.com`,
      role: "ssm_staff",
    });
  const resetEmail = `hostile.reset.${stamp}@example.com`;
  await acceptInvitation(
    clients.anonymous,
    await invite(clients.manager, { name: "Reset Hostile", email: resetEmail, role: "ssm_staff" }),
    RESET_USER_PASSWORD,
  );
  await expectStatus(
    await clients.anonymous.post("/forgot-password", { form: { email: resetEmail } }),
    200,
    "asking for a reset link",
  );
  const resetToken = await tokenMailedTo(resetEmail, "reset-password");
  const ownUserIds = queryDb<{ id: number }>(
    "SELECT id FROM users WHERE email LIKE ? AND email NOT LIKE 'hostile.provider.%'",
    `hostile.%.${stamp}@example.com`,
  ).map((r) => String(r.id));
  for (const n of ["A", "B"]) {
    await expectStatus(
      await clients.manager.post("/admin/providers", {
        form: { intent: "add", nameEn: `Hostile Provider ${n} ${stamp}`, nameFr: `Fournisseur ${n} ${stamp}` },
      }),
      200,
      "adding a provider",
    );
  }
  const ownProviderIds = queryDb<{ id: number }>(
    "SELECT id FROM organizations WHERE name_en LIKE ?",
    `Hostile Provider _ ${stamp}`,
  ).map((r) => String(r.id));
  expect(ownProviderIds).toHaveLength(2);

  const now = torontoNow();
  world = {
    caseReference: fuzzCase.reference,
    disputeReference: disputeReference!,
    quarter: formatQuarterId(fiscalQuarterOf(new Date(), "America/Toronto")),
    inviteToken,
    surveyToken,
    resetToken,
    receivedAt: `${now.today}T${now.time}`,
    today: now.today,
    areaProviderIds,
    ownProviderIds,
    ownUserIds,
  };
});

test.afterAll(async () => {
  await Promise.all(Object.values(clients).map((c) => c.dispose()));
});

function resolve(submission: Submission, form: FormSpec): Submission {
  return {
    ...submission,
    entries: submission.entries.map(([n, v]) => [
      n,
      v === CURRENT_CASE_VERSION && form.route === "cases.$reference.tsx"
        ? String(caseVersion(world.caseReference))
        : v,
    ]),
  };
}

// ---------------------------------------------------------------------------------------------

test("every route with an action is in the form catalogue", async () => {
  const routesDir = join(process.cwd(), "app", "routes");
  const withAction: string[] = [];
  for (const file of await readdir(routesDir)) {
    // The JSON API takes JSON with a bearer token, not forms: test/integration/api.test.ts sends it
    // forms, broken JSON, unknown actions, over-long fields and oversized bodies.
    if (file.startsWith("api.")) continue;
    const source = await readFile(join(routesDir, file), "utf8");
    if (/export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(source)) withAction.push(file);
  }
  const listed = new Set(FORMS.map((f) => f.route));
  expect(
    withAction.filter((f) => !listed.has(f)),
    "routes with an action missing from test/e2e/form-catalogue.ts",
  ).toEqual([]);
  expect(
    [...listed].filter((f) => !withAction.includes(f)),
    "catalogue entries whose route has no action",
  ).toEqual([]);
});

for (const form of FORMS) {
  test(`hostile input never gives a 500: ${form.name}`, async () => {
    const client = clients[form.actor];
    await fc.assert(
      fc.asyncProperty(submissions(form, world), async (generated) => {
        const submission = resolve(generated, form);
        const path = form.path(world);
        const response = await sendSubmission(client, path, submission);
        if (process.env.FC_STATS) console.log(`STAT ${form.route} ${form.actor} ${response.status()}`);
        await expectHandled(response, `${form.name}, ${path}, ${summary(submission)}`);
      }),
      // A failing run is reported as found: shrinking would replay slow HTTP requests for minutes.
      { numRuns: form.runs ?? DEFAULT_RUNS, endOnFailure: true, ...replay },
    );
  });
}

test("bodies that are not forms are refused (415 or 400), never a 500", async () => {
  const bodies: { contentType?: string; body: string | Buffer; expected: number[] }[] = [
    {
      contentType: "application/json",
      body: JSON.stringify({ email: "a@b.c", password: ["x"], __proto__: { admin: true } }),
      expected: [415],
    },
    { contentType: "text/plain", body: "email=a@b.c", expected: [415] },
    {
      contentType: "application/xml",
      body: "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
      expected: [415],
    },
    { contentType: "multipart/form-data", body: "--x\r\n\r\n", expected: [415] },
    { contentType: undefined, body: "a=b", expected: [415] },
    { contentType: "multipart/form-data; boundary=zz", body: "not a multipart body at all", expected: [400, 409] },
    {
      contentType: "multipart/form-data; boundary=zz",
      body: '--zz\r\nContent-Disposition: form-data; name="intent"\r\n\r\nlookup',
      expected: [400, 409],
    },
    {
      contentType: "application/x-www-form-urlencoded",
      body: "%zz=%&&==&intent=%E0%A4%A&%00=%FF%FE",
      expected: [400, 401, 404, 409],
    },
    {
      contentType: "application/x-www-form-urlencoded; charset=utf-16",
      body: Buffer.from("email=x", "utf16le"),
      expected: [400, 401, 404, 409],
    },
  ];
  const paths = new Map(FORMS.map((f) => [`${f.actor} ${f.path(world)}`, f] as const));
  for (const form of paths.values()) {
    const path = form.path(world);
    for (const { contentType, body, expected } of bodies) {
      for (const url of [path, dataUrl(path)]) {
        const response = await clients[form.actor].post(url, {
          data: body,
          headers: contentType ? { "Content-Type": contentType } : { "Content-Type": "" },
          maxRedirects: 0,
        });
        const what = `${form.actor} POST ${url} as ${contentType ?? "no type"}`;
        await expectHandled(response, what);
        if (expected.includes(415)) expect(response.status(), what).toBe(415);
      }
    }
    // No body at all: an empty form, refused by the form's own checks (or, for sign-out, done).
    const empty = await clients[form.actor].post(path, { maxRedirects: 0 });
    await expectHandled(empty, `${form.actor} POST ${path} with no body`);
  }
});

test("hostile addresses and query strings never give a 500", async () => {
  // Kept under Node's 16 KB limit on a request's head: past it, Node itself answers 431 (below).
  const segment = fc.oneof(
    hostileText.map((s) => s.slice(0, 400)),
    fc.constantFrom("..", "%2e%2e", "%00", "%", "%E0%A4%A", "%F0%9F", "a%2Fb", "~", "*", "a.data", "_root"),
  );
  const addresses: [Actor, (x: string, y: string) => string][] = [
    ["staff", (x) => `/cases/${x}`],
    [
      "staff",
      (x, y) =>
        `/cases?status=${x}&level=${y}&kind=${x}&program=${y}&category=${x}&provider=${y}&assignee=${x}&due=${y}&from=${x}&to=${y}&q=${x}&after=${y}`,
    ],
    ["provider", (x) => `/disputes/${x}`],
    ["staff", (x) => `/attachments/${x}`],
    ["filer", (x) => `/status/attachments/${x}`],
    ["anonymous", (x) => `/invite/${x}`],
    ["anonymous", (x) => `/survey/${x}`],
    ["anonymous", (x) => `/process/${x}`],
    ["anonymous", (x) => `/file?area=${x}`],
    ["anonymous", (x) => `/status?reference=${x}`],
    ["anonymous", (x) => `/login?next=${x}`],
    ["anonymous", (x) => `/${x}`],
    ["anonymous", (x) => `/?lng=${x}`],
    ["manager", (x, y) => `/reports/${x}/${y}`],
    ["manager", (x) => `/reports/durham/${x}`],
    ["manager", (x) => `/reports/durham/${x}/print`],
    ["manager", (x) => `/reports/${x}`],
    ["manager", (x) => `/reports?quarter=${x}`],
    ["manager", (x) => `/admin/users?user=${x}`],
    ["manager", (x) => `/admin/providers?provider=${x}`],
    ["manager", (x, y) => `/reports/export.csv?view=${x}&quarter=${y}&area=${x}&version=${y}`],
    ["manager", (x) => `/reports/export.csv?view=report&area=durham&quarter=${x}&version=${x}`],
    ["manager", (x) => `/reports/export.csv?view=trend&area=${x}`],
  ];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...addresses),
      segment,
      segment,
      fc.boolean(),
      async ([actor, address], x, y, data) => {
        const encoded = (s: string) => (/^%|^\.\.$|%[0-9A-F]{0,2}$/.test(s) ? s : percentEncode(s));
        let url = address(encoded(x), encoded(y));
        if (data && !url.includes(".csv")) url = dataUrl(url === "/" ? "/_root" : url);
        const response = await clients[actor].get(url, { maxRedirects: 0, timeout: NAVIGATION_MS });
        await expectHandled(response, `${actor} GET ${url.slice(0, 300)}`);
      },
    ),
    { numRuns: 150, endOnFailure: true, ...replay },
  );
  const tooLong = await clients.anonymous.get(`/status?reference=${"a".repeat(20_000)}`);
  expect(tooLong.status(), "an address past Node's limit").toBe(431);
});

test("files uploaded with hostile names download as attachments, never a 500", async () => {
  // For certain, beside what the fuzzing uploaded: names a careless truncation or quoting would break.
  const names = [
    `${"a".repeat(119)}😀😀.pdf`,
    `${"é".repeat(118)}🧾.pdf`,
    "🧾\u202Efdp.exe.pdf",
    'quote".pdf',
    "back\\slash.pdf",
    "semi;colon.pdf",
    "%0d%0aSet-Cookie:x=1.pdf",
  ];
  for (const name of names) {
    const staffUpload = await clients.staff.post(`/cases/${world.caseReference}`, {
      multipart: { intent: "attach", attachment: { name, mimeType: "application/pdf", buffer: PDF } },
    });
    await expectHandled(staffUpload, `staff upload of ${name}`);
    const providerUpload = await clients.provider.post(`/disputes/${world.disputeReference}`, {
      multipart: { intent: "attach", attachment: { name, mimeType: "application/pdf", buffer: PDF } },
    });
    await expectHandled(providerUpload, `provider upload of ${name}`);
  }
  const rows = queryDb<{ id: number; reference: string; visibility: string }>(
    "SELECT a.id, c.reference, a.visibility FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.reference IN (?, ?)",
    world.caseReference,
    world.disputeReference,
  );
  expect(rows.length, "files the fuzzing stored").toBeGreaterThan(0);
  for (const row of rows) {
    const client = row.reference === world.disputeReference ? clients.provider : clients.staff;
    const response = await client.get(`/attachments/${row.id}`);
    await expectHandled(response, `download of attachment ${row.id}`);
    if (response.status() === 200) {
      expect(response.headers()["content-disposition"]).toMatch(
        /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[\x21-\x7e]+$/,
      );
      expect(response.headers()["content-type"]).toMatch(
        /^(application\/pdf|image\/|application\/vnd|application\/x-ole)/,
      );
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Stored markup, in a real browser

/** Fails if the page ran or holds any of the payloads' markup, or opened a dialog. */
async function expectNothingInjected(page: Page, dialogs: string[]): Promise<void> {
  const found = await page.evaluate(() => ({
    marked: document.querySelectorAll(".xssmark, #xssmark").length,
    ran: (window as unknown as { __xss?: unknown }).__xss !== undefined,
    frames: document.querySelectorAll("iframe, object, embed, base").length,
    handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
      .length,
    javascriptLinks: [...document.querySelectorAll("a[href]")].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute("href") ?? ""),
    ).length,
    // A payload's own script element (Remix's data script holds the payloads too, as escaped JSON).
    inlineScripts: [...document.querySelectorAll("script")].filter((s) =>
      /^\s*(window|parent)\.__xss=1\s*$/.test(s.textContent ?? ""),
    ).length,
  }));
  expect(found, `injected markup on ${page.url()}`).toEqual({
    marked: 0,
    ran: false,
    frames: 0,
    handlers: 0,
    javascriptLinks: 0,
    inlineScripts: 0,
  });
  expect(dialogs, `dialogs on ${page.url()}`).toEqual([]);
}

async function browse(browser: Browser, run: (page: Page, check: () => Promise<void>) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await run(page, () => expectNothingInjected(page, dialogs));
  } finally {
    await context.close();
  }
}

test("markup that was stored is shown as text wherever it is displayed", async ({ browser }) => {
  const payload = MARKUP.join("\n");
  // One of each, stored for certain (the fuzzing above stores them only by chance).
  const version = () => String(caseVersion(world.caseReference));
  await expectStatus(
    await clients.staff.post(`/cases/${world.caseReference}`, {
      form: { intent: "note", version: version(), note: payload },
    }),
    [200, 409],
    "a note",
  );
  await expectStatus(
    await clients.staff.post(`/cases/${world.caseReference}`, {
      form: { intent: "reopen", version: version(), reopenReason: payload },
    }),
    [200, 409],
    "reopening",
  );
  // Whatever state the fuzzing left the case in, reopened and acknowledged it takes a public reply.
  await expectStatus(
    await clients.staff.post(`/cases/${world.caseReference}`, { form: { intent: "acknowledge", version: version() } }),
    [200, 409],
    "acknowledging",
  );
  await expectStatus(
    await clients.staff.post(`/cases/${world.caseReference}`, {
      form: { intent: "reply", version: version(), message: payload },
    }),
    200,
    "a reply",
  );
  await expectStatus(
    await clients.provider.post(`/disputes/${world.disputeReference}`, {
      form: { intent: "add_information", information: payload },
    }),
    [200, 409],
    "dispute information",
  );
  // Stamped: the fuzzing may have added a provider with the bare payload as its name already.
  const providerName = `${MARKUP[1]!} ${stamp}`;
  await expectStatus(
    await clients.manager.post("/admin/providers", {
      form: { intent: "add", nameEn: providerName, nameFr: `${MARKUP[2]!} ${stamp}` },
    }),
    200,
    "a provider named with markup",
  );
  await expectStatus(
    await clients.manager.post("/admin/contacts", {
      form: {
        email: "help@durham.example.org",
        phone: "905-555-0100",
        address: payload.slice(0, 500),
        inPerson: MARKUP[2]!,
      },
    }),
    200,
    "contacts",
  );
  await expectStatus(
    await clients.manager.post(`/reports/durham/${world.quarter}`, {
      form: {
        intent: "save",
        actionsTaken: payload,
        lessonsLearned: MARKUP[1]!,
        systemicIssues: MARKUP[3]!,
        amendmentReason: "",
        expectedVersion: "0",
      },
    }),
    200,
    "a report draft",
  );

  await browse(browser, async (page, check) => {
    for (const path of ["/process/durham", "/file?area=durham", "/process/durham?lng=fr"]) {
      await visit(page, path);
      await check();
    }
    await expect(page.getByText(MARKUP[2]!).first()).toBeVisible();
    // The filer sees the staff reply on /status, as text.
    await lookUpComplaint(page, world.caseReference, fuzzCaseSecret);
    await check();
    await expect(page.getByText("<script>window.__xss=1</script>", { exact: false }).first()).toBeVisible();
  });
  await browse(browser, async (page, check) => {
    await login(page, "staff@durham.example.org");
    for (const path of [
      `/cases/${world.caseReference}`,
      "/cases",
      `/cases?q=${encodeURIComponent("<script>")}`,
      `/cases/${world.disputeReference}`,
    ]) {
      await visit(page, path);
      await check();
    }
    await visit(page, `/cases/${world.caseReference}`);
    await expect(
      page.getByText('<img src=x onerror="window.__xss=1" class=xssmark>', { exact: false }).first(),
    ).toBeVisible();
  });
  await browse(browser, async (page, check) => {
    await login(page, "manager@durham.example.org");
    for (const path of [
      "/admin/providers",
      "/admin/users",
      "/admin/contacts",
      `/reports/durham/${world.quarter}`,
      `/reports/durham/${world.quarter}/print`,
      "/admin/policy",
    ]) {
      await visit(page, path);
      await check();
    }
    await visit(page, "/admin/providers");
    await expect(page.getByText(providerName).first()).toBeVisible();
  });
  await browse(browser, async (page, check) => {
    await login(page, providerEmail, PROVIDER_PASSWORD);
    for (const path of ["/disputes", `/disputes/${world.disputeReference}`]) {
      await visit(page, path);
      await check();
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** Headers a message Recourse writes may have: any other (a Bcc: above all) was injected. */
const MAIL_HEADERS = new Set([
  "content-type",
  "from",
  "to",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-language",
  "content-transfer-encoding",
  // The signed reply address (#20): checked below to be one reply+<token>@ address, nothing typed.
  "reply-to",
]);

test("no email got an extra header or recipient from what people typed", async () => {
  // Let the outbox worker send what the fuzzing queued.
  await expect
    .poll(
      () =>
        queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM email_outbox WHERE sent_at IS NULL AND attempts = 0")[0]!.n,
      { timeout: EMAIL_MS },
    )
    .toBe(0);
  const files = (await readdir(mailDir())).filter((f) => f.endsWith(".eml"));
  expect(files.length).toBeGreaterThan(0);
  let bcc = 0;
  for (const file of files) {
    const raw = (await readFile(join(mailDir(), file))).toString("latin1");
    const head = raw.slice(0, raw.search(/\r?\n\r?\n/));
    // Unfolded header lines (a continuation line starts with white space).
    const lines = head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/);
    for (const line of lines) {
      const name = /^([!-9;-~]+):/.exec(line)?.[1]?.toLowerCase();
      expect(name && MAIL_HEADERS.has(name), `${file}: header line ${JSON.stringify(line.slice(0, 120))}`).toBe(true);
    }
    for (const replyTo of lines.filter((l) => /^reply-to:/i.test(l)))
      expect(replyTo, `${file}: one signed reply address`).toMatch(/^reply-to: reply\+[a-z0-9-]+@[^\s,;<>]+$/i);
    const to = lines.filter((l) => /^to:/i.test(l));
    expect(to, `${file}: one To header`).toHaveLength(1);
    expect(to[0]!.split("@").length - 1, `${file}: one recipient in ${to[0]}`).toBe(1);
    // A header named Bcc, not the words "Bcc:" inside a subject that quotes what someone typed.
    if (lines.some((l) => /^bcc:/i.test(l))) bcc++;
  }
  expect(bcc, "emails with a Bcc in their headers").toBe(0);
  // The fuzzed filer name with its Bcc line reached the acknowledgement email's body, not its head.
  const ack = await waitForEmailWhere(
    "to the fuzzed case's filer",
    (m) => recipientOf(m) === `hostile.filer.${stamp}@example.com`,
  );
  expect(ack.bcc).toBeUndefined();
  expect(ack.cc).toBeUndefined();
});

test("the fuzzing stayed within the rate limits the other specs need", async () => {
  expect(
    failedLookupsFromThisAddress() - lookupFailuresBefore,
    "failed /status look-ups made by this spec",
  ).toBeLessThanOrEqual(LOOKUP_BUDGET);
  // And the lookup form still answers.
  const response = await clients.anonymous.post("/status", {
    form: { intent: "lookup", reference: world.caseReference, secret: fuzzCaseSecret },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(Object.keys(cookiesSetBy(response))).toHaveLength(1);
});
