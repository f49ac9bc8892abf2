import type { Page } from "@playwright/test";
import {
  expect,
  expectNoAxeViolations,
  fillComplaintForm,
  login,
  lookUpComplaint,
  submitFullPage,
  test,
  visit,
  waitForEmail,
  withFreshPage,
} from "./fixtures";

// Issue #18: a lost access code is not the end. A filer who gave an email gets a link; one who did
// not calls, and staff give a new code that replaces the old one.

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

async function fileComplaint(page: Page, contact: { email?: string; phone?: string }) {
  const stamp = Date.now().toString(36);
  await visit(page, "/file?area=hamilton-niagara");
  await fillComplaintForm(page, {
    name: `Lou Lost ${stamp}`,
    email: contact.email ?? "",
    description: "My workshop was cancelled twice without notice.",
    outcome: "A new date.",
  });
  if (contact.phone) await page.getByLabel(/^Phone/).fill(contact.phone);
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  const code = (await page.getByTestId("secret").innerText()).trim();
  return { reference, code };
}

function openLinkPath(text: string): string {
  const match = /\/status\/open\/[A-Za-z0-9_-]+/.exec(text);
  if (!match) throw new Error(`no link to open the case in: ${text}`);
  return match[0];
}

/** Opens a mailed link: the page shows a button, and only pressing it opens the case. */
async function openByLink(page: Page, path: string) {
  await visit(page, path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open your complaint");
  await expectNoAxeViolations(page);
  await submitFullPage(page, page.getByRole("button", { name: "Open my complaint" }));
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByRole("button", { name: "Sign out of this complaint" })).toBeVisible();
}

test("a lost code is recovered by the link in the acknowledgement and by a fresh link from /status", async ({
  page,
  browser,
}) => {
  const email = `lost.${Date.now().toString(36)}@example.com`;
  const { reference, code } = await fileComplaint(page, { email });
  // A shorter code, grouped for reading aloud; the page offers to print it.
  expect(code).toMatch(CODE);
  await expect(page.getByRole("button", { name: "Print or save this page" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The acknowledgement carries a link that opens the case without typing; once only.
  const ack = await waitForEmail(reference, { subject: "We received your complaint" });
  expect(ack.text).not.toContain(code);
  const ackLink = openLinkPath(ack.text ?? "");
  await withFreshPage(browser, async (other) => {
    await openByLink(other, ackLink);
    await visit(other, ackLink);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  });

  // "I lost my code": a fresh link, to the address on the case.
  await withFreshPage(browser, async (other) => {
    await visit(other, "/status");
    await expect(other.getByLabel(/^Access code/)).toHaveAttribute("type", "text");
    await other.getByRole("link", { name: "I lost my code" }).click();
    // /status has a reference field too: type only once the lost-code page has replaced it.
    await expect(other).toHaveURL(/\/status\/lost$/);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Get back into your complaint");
    await other.getByLabel(/^Reference number/).fill(reference);
    await other.getByRole("button", { name: "Send me a link" }).click();
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    await expectNoAxeViolations(other);
    const mail = await waitForEmail(reference, { subject: "Your link to complaint" });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : "").toBe(email);
    await openByLink(other, openLinkPath(mail.text ?? ""));
  });
});

test("a filer without email is told to call; staff give a new code and the old one is refused", async ({
  page,
  browser,
}) => {
  const { reference, code } = await fileComplaint(page, { phone: "905-555-0188" });

  await withFreshPage(browser, async (other) => {
    await visit(other, `/status/lost?reference=${reference}`);
    await other.getByRole("button", { name: "Send me a link" }).click();
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Call to get a new code");
    await expect(other.getByRole("status")).toContainText("You did not give an email address");
    await expectNoAxeViolations(other);
  });

  await login(page, "staff@hamilton-niagara.example.org");
  await visit(page, `/cases/${reference}`);
  await page.getByRole("button", { name: "Give a new access code" }).click();
  const shown = page.getByTestId("new-access-code");
  await expect(shown).toContainText("New access code:");
  const newCode = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(await shown.innerText())![1]!;
  expect(newCode).toMatch(CODE);
  expect(newCode).not.toBe(code);
  await expect(page.getByText("New access code given")).toBeVisible();
  await expectNoAxeViolations(page);

  await withFreshPage(browser, async (other) => {
    await lookUpComplaint(other, reference, code);
    await expect(other).toHaveTitle(/^Error: /);
    await expect(other.getByRole("alert")).toContainText(
      "We could not find a complaint with this reference number and access code.",
    );
    // Typed as heard, in small letters and without dashes: it still opens the case.
    await lookUpComplaint(other, reference, newCode.toLowerCase().replace(/-/g, " "));
    await expect(other.getByRole("button", { name: "Sign out of this complaint" })).toBeVisible();
  });
});
