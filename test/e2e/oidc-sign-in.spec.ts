import { reserveIssuer, startTestProvider, type TestProvider } from "../support/oidc-provider";
import { expect, expectNoAxeViolations, login, logout, test, visit, waitForHydration } from "./fixtures";

// Issue #22: the administrator sets Toronto's OpenID Connect provider on the admin page, and a
// Toronto staff member signs in through it (a real oidc-provider on a loopback port, its own
// development sign-in page) and signs out of both. The settings are cleared at the end, so the
// sign-in page of the other specs has no provider button.

const ADMIN = "admin@recourse.example.org";
const STAFF = "staff@toronto.example.org";
const LABEL = "Toronto Staff Login";
let provider: TestProvider;

test.describe("sign-in through an organization's provider", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browserName: _browser }, testInfo) => {
    const { port } = await reserveIssuer();
    provider = await startTestProvider({
      port,
      appUrl: String(testInfo.project.use.baseURL),
      accounts: { "toronto-staff": { email: STAFF, emailVerified: true } },
    });
  });

  test.afterAll(async () => {
    await provider?.close();
  });

  test("the administrator sets Toronto's provider; the secret is never shown back", async ({ page }) => {
    await login(page, ADMIN);
    await page.getByRole("link", { name: "Sign-in", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign-in for organizations" })).toBeVisible();
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    await page.locator('a[href$="?organization=ssm-toronto"]').click();
    await expect(page.getByLabel("Issuer URL")).toBeVisible();
    await page.getByLabel("Issuer URL").fill(provider.issuer);
    await page.getByLabel("Client ID").fill(provider.clientId);
    await page.getByLabel("Client secret").fill(provider.clientSecret);
    await page.getByLabel("Name on the sign-in button").fill(LABEL);
    await page.getByRole("button", { name: /^Save sign-in for / }).click();
    await expect(page.getByRole("status")).toHaveText("Sign-in settings saved.");
    await expect(page.getByText("A secret is kept. Leave this empty to keep it.")).toBeVisible();
    await expect(page.getByLabel("Client secret")).toHaveValue("");
    expect(await page.content()).not.toContain(provider.clientSecret);
    await expectNoAxeViolations(page);
    await logout(page);
  });

  test("a Toronto staff member signs in through the provider and out of both", async ({ page }) => {
    // The provider's development pages ask Google for a font; the test machine has no internet.
    await page.route("https://fonts.googleapis.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/css", body: "" }),
    );
    await visit(page, "/login");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: `Sign in with ${LABEL}` }).click();
    // The provider's own sign-in page (not ours: no axe run on it).
    await page.locator('input[name="login"]').fill("toronto-staff");
    await page.locator('input[name="password"]').fill("anything");
    await page.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    // The provider asks to confirm; then it sends the browser back to Recourse's home page.
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await expect(page).toHaveURL(/:\d+\/$/);
    await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();

    // The provider's session is over: it asks who it is again.
    await visit(page, "/login");
    await page.getByRole("button", { name: `Sign in with ${LABEL}` }).click();
    await expect(page.locator('input[name="login"]')).toBeVisible();
  });

  test("the administrator clears Toronto's provider", async ({ page }) => {
    await login(page, ADMIN);
    await visit(page, "/admin/sign-in?organization=ssm-toronto");
    await page.getByLabel("Issuer URL").fill("");
    await page.getByLabel("Client ID").fill("");
    await page.getByLabel("Remove the kept secret").check();
    await page.getByRole("button", { name: /^Save sign-in for / }).click();
    await expect(page.getByRole("status")).toHaveText("Sign-in settings saved.");
    await logout(page);
    await visit(page, "/login");
    await expect(page.getByRole("button", { name: `Sign in with ${LABEL}` })).toHaveCount(0);
  });
});
