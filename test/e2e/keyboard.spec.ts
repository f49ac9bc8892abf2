import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test, visit, waitForEmail } from "./fixtures";

/** Presses Tab until `target` has focus (at most `max` times): proves it is in the tab order. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of Tab`);
}

test("the skip link is the first Tab stop, is shown when focused, and moves focus to the main content", async ({
  page,
}) => {
  await visit(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  // The next Tab goes into the page content, not back to the header.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Town, city, county or region where you live")).toBeFocused();
});

test("a complaint can be made with the keyboard alone", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const email = `keyboard.${stamp}@example.com`;
  const kb = page.keyboard;

  // Choose the area: Tab to the select, pick with arrow keys, Enter on Continue.
  await visit(page, "/file");
  const area = page.getByLabel("Which area do you live in?");
  await tabTo(page, area);
  await kb.press("ArrowDown"); // the first area after the empty choice
  await expect(area).not.toHaveValue("");
  await kb.press("Tab");
  await expect(page.getByRole("button", { name: "Continue" })).toBeFocused();
  await kb.press("Enter");
  await expect(page).toHaveURL(/\/file\?area=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Make a complaint");

  // Send it empty with Enter: the error summary takes focus, and its links lead to the fields.
  const submit = page.getByRole("button", { name: "Send my complaint" });
  await tabTo(page, submit, 80);
  await kb.press("Enter");
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeFocused();
  await kb.press("Tab");
  const firstError = summary.getByRole("link").first();
  await expect(firstError).toBeFocused();
  await expect(firstError).toContainText("Which service provider is your complaint about?");
  await kb.press("Enter");
  const provider = page.getByLabel("Which service provider is your complaint about?");
  await expect(provider).toBeFocused();

  // Fill it in: arrows in selects, typing in text fields, Tab between them, Space for the box.
  await kb.press("ArrowDown");
  await expect(provider).not.toHaveValue("");
  await kb.press("Tab");
  const program = page.getByLabel("Which program or service was it?");
  await expect(program).toBeFocused();
  await kb.press("ArrowDown");
  await expect(program).not.toHaveValue("");

  await tabTo(page, page.getByLabel("What happened?"), 3);
  await kb.type("Nobody answered my calls for three weeks.");
  await tabTo(page, page.getByLabel("What would you like to happen?"), 3);
  await kb.type("A call back this week.");
  await tabTo(page, page.getByLabel("Your name"), 3);
  await kb.type("Kim Keyboard");
  await tabTo(page, page.getByRole("textbox", { name: /^Email/ }), 3);
  await kb.type(email);

  // Radio groups: Tab lands on the checked choice, arrows change it.
  const accommodation = page.getByRole("group", { name: /accommodation/ });
  const yes = accommodation.getByRole("radio", { name: "Yes" });
  await tabTo(page, accommodation.getByRole("radio", { name: "No" }), 6);
  await kb.press("ArrowDown");
  await expect(yes).toBeChecked();
  await expect(yes).toBeFocused();
  await tabTo(page, page.getByLabel("What do you need?"), 2);
  await kb.type("Please phone rather than write.");

  const consent = page.getByRole("checkbox", { name: /I have read the notice/ });
  // Past the six optional "about you" questions, one Tab stop each.
  await tabTo(page, consent, 10);
  await kb.press("Space");
  await expect(consent).toBeChecked();
  await kb.press("Tab");
  await expect(submit).toBeFocused();
  await kb.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  expect(reference).toMatch(/^[A-Z]{3}-\d{4}-\d{6}$/);
  await expect(page.getByText(`We sent a confirmation to ${email}.`)).toBeVisible();
  await expectNoAxeViolations(page);
  const mail = await waitForEmail(reference, { subject: "We received your complaint" });
  expect(mail.text).toContain("Hello Kim Keyboard,");
});
