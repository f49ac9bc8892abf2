import { expect, expectNoAxeViolations, login, test, visit, waitForIdle } from "./fixtures";

// Issue #22 in the browser: a manager issues an API token on its page, sees it once, uses it,
// revokes it; the public finds a process page's open data and its dictionary. Each page is
// checked with axe. The API itself is tested over HTTP in test/integration/api.test.ts.

const MANAGER = "manager@hamilton-niagara.example.org";
const ADMIN = "admin@recourse.example.org";
const stamp = `tok-${Date.now().toString(36)}`;

test("a manager issues a token, sees it once, uses it and revokes it", async ({ page }) => {
  await login(page, MANAGER);
  await visit(page, "/admin/api-tokens");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API tokens");
  await expectNoAxeViolations(page);
  // A manager issues for the own SSM only.
  await expect(page.getByLabel(/^Organization/).locator("option")).toHaveCount(1);
  await page.getByRole("button", { name: "Issue the token" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await page.getByLabel(/^Name/).fill(`Case system ${stamp}`);
  await page.getByLabel("Read the SSM's cases", { exact: true }).check();
  await page.getByRole("button", { name: "Issue the token" }).click();
  await waitForIdle(page);
  const token = (await page.getByTestId("new-api-token").textContent()) ?? "";
  expect(token).toMatch(/^rct_/);
  await expectNoAxeViolations(page);

  const withToken = { headers: { Authorization: `Bearer ${token}` } };
  expect((await page.request.get("/api/v1/cases", withToken)).status()).toBe(200);
  // Shown once: the list names the token by its prefix, never in full.
  await visit(page, "/admin/api-tokens");
  await expect(page.getByRole("row", { name: new RegExp(`Case system ${stamp}`) })).toBeVisible();
  expect(await page.content()).not.toContain(token);

  await page.getByRole("button", { name: `Revoke the token Case system ${stamp}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The token is revoked" })).toBeVisible();
  expect((await page.request.get("/api/v1/cases", withToken)).status()).toBe(401);
});

test("the administrator may issue for any SSM or the ministry", async ({ page }) => {
  await login(page, ADMIN);
  await visit(page, "/admin/api-tokens");
  const options = page.getByLabel(/^Organization/).locator("option");
  expect(await options.count()).toBeGreaterThan(2);
  await expect(options.filter({ hasText: "Ministry" })).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test("a process page links to its open data, whose dictionary reads in both languages", async ({ page }) => {
  await visit(page, "/process/ottawa");
  await page.getByTestId("open-data-link").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Open data/);
  await expect(page.getByRole("heading", { name: "Data dictionary" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "decisions_on_time_share" })).toBeVisible();
  await expectNoAxeViolations(page);
  const csv = page.getByRole("link", { name: "CSV" }).first();
  if ((await csv.count()) > 0) {
    const response = await page.request.get((await csv.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  }
  await page.getByRole("link", { name: "Lire cette page en français" }).click();
  await expect(page.getByRole("heading", { name: "Dictionnaire de données" })).toBeVisible();
  await expectNoAxeViolations(page);
});
