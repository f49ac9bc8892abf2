import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { expectStatus, PDF, recordComplaint } from "./api-flows";
import { apiClient, baseUrl, signedInClient } from "./api-session";
import { expect, login, queryDb, test, visit, waitForHydration, waitForIdle } from "./fixtures";

// Issue #7, "Requests": every response carries the security headers, the Content-Security-Policy is
// enforced with a nonce that changes on every response, and the whole application works under it.
// The e2e server runs with NODE_ENV=production, so HSTS is expected too.

const NONCE = /'nonce-([A-Za-z0-9+/]{22}==)'/;

/** The headers every response must have, whatever it is. */
function expectSecurityHeaders(response: APIResponse, what: string): string {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${what}: CSP`).toMatch(new RegExp(`script-src 'self' ${NONCE.source}`));
  for (const directive of [
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, `${what}: CSP ${directive}`).toContain(directive);
  }
  expect(csp, `${what}: no unsafe CSP source`).not.toMatch(/unsafe-(inline|eval)/);
  expect(headers["content-security-policy-report-only"], `${what}: enforced, not report-only`).toBeUndefined();
  expect(headers["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toBe("same-origin");
  expect(headers["x-frame-options"], `${what}: X-Frame-Options`).toBe("DENY");
  expect(headers["strict-transport-security"], `${what}: HSTS`).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  expect(headers["x-powered-by"], `${what}: no X-Powered-By`).toBeUndefined();
  return NONCE.exec(csp)![1]!;
}

function expectNoStore(response: APIResponse, what: string): void {
  expect(response.headers()["cache-control"] ?? "", `${what}: Cache-Control`).toMatch(/(^|[ ,])no-store($|[ ,])/);
}

test.describe("headers on every kind of response", () => {
  let anonymous: APIRequestContext;
  let staff: APIRequestContext;
  let analyst: APIRequestContext;
  test.beforeAll(async () => {
    anonymous = await apiClient();
    staff = await signedInClient("staff@durham.example.org");
    analyst = await signedInClient("analyst@ministry.example.org");
  });
  test.afterAll(async () => {
    await Promise.all([anonymous, staff, analyst].map((c) => c.dispose()));
  });

  test("pages, their data, redirects, errors and refusals: every header, and never stored", async () => {
    const samples: [string, () => Promise<APIResponse>, number][] = [
      ["the home page", () => anonymous.get("/"), 200],
      ["a process page", () => anonymous.get("/process/hamilton-niagara"), 200],
      ["a page's data (single fetch)", () => anonymous.get("/process/hamilton-niagara.data"), 200],
      ["the root's data", () => anonymous.get("/_root.data"), 200],
      ["a 404 page", () => anonymous.get("/no-such-page"), 404],
      ["a 404 data request", () => anonymous.get("/no-such-page.data"), 404],
      ["a missing build file", () => anonymous.get("/build/no-such-file.js"), 404],
      ["a missing attachment", () => staff.get("/attachments/999999999"), 404],
      ["a redirect", () => anonymous.get("/logout", { maxRedirects: 0 }), 302],
      ["a sign-in redirect", () => anonymous.get("/cases", { maxRedirects: 0 }), 302],
      ["a refused form (400)", () => anonymous.post("/file?area=durham", { form: { area: "durham" } }), 400],
      [
        "a cross-site post (403)",
        () => anonymous.post("/logout", { headers: { Origin: "https://attacker.example" } }),
        403,
      ],
      ["a signed-in page", () => staff.get("/cases"), 200],
      ["a signed-in page's data", () => staff.get("/cases.data"), 200],
      ["the health check", () => anonymous.get("/healthz"), 200],
      ["a bad CSV request (400)", () => analyst.get("/reports/export.csv?view=nothing"), 400],
    ];
    for (const [what, send, status] of samples) {
      const response = await send();
      await expectStatus(response, status, what);
      expectSecurityHeaders(response, what);
      expectNoStore(response, what);
    }
  });

  test("a CSV export and an attachment download: every header, never stored", async () => {
    const csv = await analyst.get("/reports/export.csv?view=all");
    await expectStatus(csv, 200, "the CSV export");
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expectSecurityHeaders(csv, "the CSV export");
    expectNoStore(csv, "the CSV export");

    const { reference } = await recordComplaint(staff);
    const upload = await staff.post(`/cases/${reference}`, {
      multipart: { intent: "attach", attachment: { name: "evidence.pdf", mimeType: "application/pdf", buffer: PDF } },
    });
    await expectStatus(upload, 200, "uploading a file");
    const [file] = queryDb<{ id: number }>(
      "SELECT a.id FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.reference = ?",
      reference,
    );
    const download = await staff.get(`/attachments/${file!.id}`);
    await expectStatus(download, 200, "the download");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expectSecurityHeaders(download, "an attachment");
    expectNoStore(download, "an attachment");
  });

  test("static files have every header; only fingerprinted build files are cached for long", async () => {
    const page = await anonymous.get("/");
    const html = await page.text();
    const built = /<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/.exec(html)?.[1];
    expect(built, "a build file linked from the page").toBeTruthy();
    const script = await anonymous.get(built!);
    await expectStatus(script, 200, built!);
    expectSecurityHeaders(script, "a build file");
    expect(script.headers()["cache-control"]).toMatch(/immutable/);
    expect(script.headers()["content-type"]).toMatch(/javascript/);

    // The stylesheet is a build file too (#18): fingerprinted, kept a year.
    const stylesheet = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet, "the stylesheet linked from the page").toBeTruthy();
    const css = await anonymous.get(stylesheet!);
    await expectStatus(css, 200, stylesheet!);
    expectSecurityHeaders(css, "the stylesheet");
    expect(css.headers()["cache-control"]).toMatch(/immutable/);
    expect(css.headers()["content-type"]).toMatch(/text\/css/);

    for (const path of ["/favicon.ico", "/reports.css"]) {
      const file = await anonymous.get(path);
      await expectStatus(file, 200, path);
      expectSecurityHeaders(file, path);
      expect(file.headers()["cache-control"], path).not.toMatch(/immutable/);
    }
  });

  test("the nonce is new on every response and is on every script the page has", async () => {
    const nonces: string[] = [];
    for (const path of ["/", "/", "/file?area=hamilton-niagara", "/status"]) {
      const response = await anonymous.get(path);
      const html = await expectStatus(response, 200, path);
      const nonce = expectSecurityHeaders(response, path);
      nonces.push(nonce);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, `${path}: Remix's inline scripts`).toBeGreaterThanOrEqual(2);
      for (const tag of scripts)
        expect(tag, `${path}: every script carries this response's nonce`).toContain(`nonce="${nonce}"`);
      expect(html, `${path}: no inline event handler or style attribute`).not.toMatch(/<[^>]+\s(on[a-z]+|style)=/i);
    }
    expect(new Set(nonces).size, "a different nonce each time").toBe(nonces.length);
  });
});

/**
 * Records every Content-Security-Policy violation the page reports, from the first script on:
 * a violation is a console error too (which the page fixture fails on), but this names it.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = found;
    document.addEventListener("securitypolicyviolation", (e) =>
      found.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

async function expectNoViolationsOn(page: Page, paths: string[], violations: () => Promise<string[]>): Promise<void> {
  for (const path of paths) {
    await visit(page, path);
    expect(await violations(), `CSP violations on ${path}`).toEqual([]);
  }
}

/** The first link in the main content whose address matches, for pages whose address is not known ahead. */
async function firstLinkMatching(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return href!;
}

test.describe("the application works under the policy, with no violation", () => {
  test("public pages, including a client-side navigation", async ({ page }) => {
    const violations = await watchViolations(page);
    await expectNoViolationsOn(
      page,
      [
        "/",
        "/process/hamilton-niagara",
        "/process/ottawa?lng=fr",
        "/file",
        "/file?area=hamilton-niagara",
        "/status",
        "/login",
        "/forgot-password",
        "/no-such-page",
      ],
      violations,
    );
    // Hydrated pages navigate on the client: the data requests work too.
    await visit(page, "/?lng=en");
    await page.getByRole("link", { name: "Staff sign in" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await waitForIdle(page);
    expect(await violations()).toEqual([]);
  });

  test("staff pages: the queue, a case, the intake form", async ({ page }) => {
    const violations = await watchViolations(page);
    await login(page, "staff@hamilton-niagara.example.org");
    await expectNoViolationsOn(page, ["/cases", "/cases/new"], violations);
    await visit(page, "/cases");
    const casePath = await firstLinkMatching(page, /^\/cases\/[A-Z]{3}-\d{4}-\d{6}$/);
    await expectNoViolationsOn(page, [casePath, `${casePath}?lng=fr`], violations);
  });

  test("manager pages: administration and a quarterly report with its charts", async ({ page }) => {
    const violations = await watchViolations(page);
    await login(page, "manager@hamilton-niagara.example.org");
    await expectNoViolationsOn(
      page,
      ["/admin/policy", "/admin/users", "/admin/providers", "/admin/contacts", "/reports/hamilton-niagara"],
      violations,
    );
    const reportPath = await firstLinkMatching(page, /^\/reports\/hamilton-niagara\/\d{4}-Q[1-4]$/);
    await expectNoViolationsOn(page, [reportPath], violations);
  });

  test("the ministry's pages: the comparison with its charts, a trend and a printable report", async ({ page }) => {
    const violations = await watchViolations(page);
    await login(page, "analyst@ministry.example.org");
    for (const path of ["/reports", "/reports/kingston-pembroke"]) {
      await expectNoViolationsOn(page, [path], violations);
      await expect(page.locator("main svg").first(), `a chart on ${path}`).toBeVisible();
    }
    const reportPath = await firstLinkMatching(page, /^\/reports\/kingston-pembroke\/\d{4}-Q[1-4]/);
    await expectNoViolationsOn(page, [reportPath], violations);
    const quarter = /\d{4}-Q[1-4]/.exec(reportPath)![0];
    await expectNoViolationsOn(page, [`/reports/kingston-pembroke/${quarter}/print`], violations);
  });

  test("the provider's pages", async ({ page }) => {
    const violations = await watchViolations(page);
    await login(page, "provider@hamilton-niagara.example.org");
    await expectNoViolationsOn(page, ["/disputes", "/disputes/new"], violations);
    await visit(page, "/disputes");
    const disputePath = await firstLinkMatching(page, /^\/disputes\/[A-Z]{3}-\d{4}-\d{6}$/);
    await expectNoViolationsOn(page, [disputePath], violations);
  });
});

test("the policy is enforced: a script or style without the nonce is blocked and reported", async ({ browser }) => {
  // Its own context: the blocked script is logged as a console error on purpose.
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const violations = await watchViolations(page);
    await page.goto(`${baseUrl()}/`);
    await waitForHydration(page);
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.body.append(script);
      const img = document.createElement("img");
      img.setAttribute("src", "data:,");
      img.setAttribute("onerror", "window.__handler = true;");
      img.setAttribute("onload", "window.__handler = true;");
      document.body.append(img);
      const styled = document.createElement("p");
      styled.id = "styled";
      styled.setAttribute("style", "display: none");
      styled.textContent = "still visible";
      document.body.append(styled);
    });
    await expect
      .poll(violations)
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^script-src-elem /),
          expect.stringMatching(/^script-src-attr /),
          expect.stringMatching(/^style-src-attr /),
        ]),
      );
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __handler?: boolean }).__handler)).toBeUndefined();
    await expect(page.locator("#styled")).toBeVisible();
  } finally {
    await context.close();
  }
});
