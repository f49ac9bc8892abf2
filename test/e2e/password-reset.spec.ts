import type { Page } from "@playwright/test";
import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  login,
  queryDb,
  recipientOf,
  test,
  visit,
  waitForEmailWhere,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// Issue #7, Access: "Forgot your password?" → an email with a single-use link good for an hour →
// a new password under the policy → every session ended, then sign in again. Axe checks each page.
//
// The accounts are demo logins no other spec signs in with: their passwords change here.
// Reset requests from this machine are limited to 10 a minute: this file makes 3.

const ENGLISH = "staff@windsor-sarnia.example.org";
const FRENCH = "manager@northeast.example.org";
const NEW_PASSWORD = "a river of quiet lanterns";

const errorSummary = (page: Page) => page.locator(".error-summary");
const heading = (page: Page) => page.getByRole("heading", { level: 1 });

function resetPathIn(text: string | undefined): string {
  const link = /(https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+)/.exec(text ?? "")?.[1];
  if (!link) throw new Error(`No reset link in: ${text}`);
  return new URL(link).pathname;
}

test("a forgotten password is reset through a single-use emailed link, which ends every session", async ({
  page,
  browser,
}) => {
  // A session open elsewhere before the reset (another computer, say).
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await login(other, ENGLISH);

  await visit(page, "/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(heading(page)).toHaveText("Reset your password");
  await expectNoAxeViolations(page);

  // Sent empty: the problem in a focused summary and beside the field.
  await waitForIdle(page);
  const send = page.getByRole("button", { name: "Email me a link" });
  await send.click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole("link")).toHaveText(["Email: Enter an email address."]);
  await expect(page.getByLabel(/^Email/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  // An address with no account gets the answer a real one gets.
  await page.getByLabel(/^Email/).fill("no.such.person@example.org");
  await send.click();
  await expect(heading(page)).toHaveText("Check your email");
  const notice = await page.getByRole("status").innerText();
  await expectNoAxeViolations(page);

  await visit(page, "/forgot-password");
  await page.getByLabel(/^Email/).fill(ENGLISH);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(heading(page)).toHaveText("Check your email");
  await expect(page.getByRole("status")).toHaveText(notice);
  expect(notice).toBe(
    "If this address belongs to a Recourse account, we have sent it a link to choose a new password.",
  );

  const mail = await waitForEmailWhere(
    `with a reset link to ${ENGLISH}`,
    (m) => recipientOf(m) === ENGLISH && m.subject === "Reset your Recourse password",
  );
  const resetPath = resetPathIn(mail.text);
  // Only the token's hash is kept.
  const token = resetPath.split("/").at(-1)!;
  expect(queryDb("SELECT id FROM password_resets WHERE token_hash = ?", token)).toEqual([]);

  await visit(page, resetPath);
  await expect(heading(page)).toHaveText("Choose a new password");
  await expect(page.getByText(ENGLISH)).toBeVisible();
  await expectNoAxeViolations(page);

  // The two copies differ; then a password everybody uses.
  const newPassword = page.getByLabel(/^New password/);
  const again = page.getByLabel(/^Type the password again/);
  const save = page.getByRole("button", { name: "Save my new password" });
  await newPassword.fill(NEW_PASSWORD);
  await again.fill("a river of quiet lantern");
  await save.click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    "Type the password again: The two passwords are not the same.",
  ]);
  await expectNoAxeViolations(page);
  await waitForIdle(page);

  await newPassword.fill("Password1");
  await again.fill("Password1");
  await save.click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    "New password: This is one of the most common passwords, the first ones attackers try. Choose another.",
  ]);
  await expect(newPassword).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await waitForIdle(page);

  await newPassword.fill("short");
  await again.fill("short");
  await save.click();
  await expect(errorSummary(page).getByRole("link")).toHaveText(["New password: Use at least 8 characters."]);
  await waitForIdle(page);

  await newPassword.fill(NEW_PASSWORD);
  await again.fill(NEW_PASSWORD);
  await save.click();
  await expect(page).toHaveURL(/\/login\?reset=done$/);
  await expect(page.getByRole("status")).toHaveText("Your password was changed. Sign in with your new password.");
  await expectNoAxeViolations(page);

  // The session opened before the reset has ended.
  await other.reload();
  await expect(other).toHaveURL(/\/login\?next=/);
  await elsewhere.close();

  // The old password no longer works; the new one does.
  await page.getByLabel("Email").fill(ENGLISH);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("The email or password is not right.");
  await login(page, ENGLISH, NEW_PASSWORD);

  // The owner is told, and the link works once.
  await waitForEmailWhere(
    `saying the password of ${ENGLISH} changed`,
    (m) => recipientOf(m) === ENGLISH && m.subject === "Your Recourse password was changed",
  );
  await withFreshPage(browser, async (fresh) => {
    const response = await fresh.goto(resetPath);
    expect(response?.status()).toBe(410);
    await expect(heading(fresh)).toHaveText("This link was already used");
    await expect(fresh.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await expectNoAxeViolations(fresh);

    const unknown = await fresh.goto("/reset-password/this-link-was-cut-short");
    expect(unknown?.status()).toBe(410);
    await expect(heading(fresh)).toHaveText("This link does not work");
    await expect(fresh.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
    await expectNoAxeViolations(fresh);
  });
});

test("in French: the pages, and the email in the account's language", async ({ page }) => {
  await visit(page, "/login?lng=fr");
  await page.getByRole("link", { name: "Mot de passe oublié?" }).click();
  await expect(heading(page)).toHaveText("Réinitialiser votre mot de passe");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expectNoAxeViolations(page);

  await waitForIdle(page);
  await page.getByLabel(/^Courriel/).fill(FRENCH);
  await page.getByRole("button", { name: "M’envoyer un lien" }).click();
  await expect(heading(page)).toHaveText("Consultez vos courriels");
  await expectNoAxeViolations(page);

  const mail = await waitForEmailWhere(
    `with a reset link to ${FRENCH}`,
    (m) => recipientOf(m) === FRENCH && m.subject === "Réinitialiser votre mot de passe Recours",
  );
  expect(mail.text).toContain("Le lien fonctionne une seule fois, jusqu’au ");
  await visit(page, resetPathIn(mail.text));
  await expect(heading(page)).toHaveText("Choisir un nouveau mot de passe");
  await page.getByRole("button", { name: "Enregistrer mon nouveau mot de passe" }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    "Nouveau mot de passe : Entrez un mot de passe.",
    "Tapez le mot de passe de nouveau : Répondez à cette question.",
  ]);
  await expectNoAxeViolations(page);
});
