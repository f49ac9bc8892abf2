import { expect, expectNoAxeViolations, test, visit, waitForIdle } from "./fixtures";

// Issue #18: a client finds their SSM by the place they live, never by a preselected area, and a
// form's errors behave as GOV.UK's do.

test("a town typed in English finds its area; the form opens with no area chosen", async ({ page }) => {
  await visit(page, "/file");
  await expect(page.getByLabel("Which area do you live in?")).toHaveValue("");
  await expectNoAxeViolations(page);
  // Continue without choosing: an error, not Hamilton–Niagara.
  await page.getByRole("button", { name: "Continue" }).click();
  await waitForIdle(page);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("alert")).toContainText("Choose the area where you live");
  await expect(page.getByRole("heading", { name: "Make a complaint" })).toBeVisible();
  await expect(page.getByLabel("Which service provider is your complaint about?")).toHaveCount(0);

  await page.getByLabel("Town, city, county or region where you live").fill("MISSISSAUGA");
  await page.getByRole("button", { name: "Find my area" }).click();
  await waitForIdle(page);
  await expect(page.getByTestId("place-answer")).toContainText("Mississauga is in the Peel area.");
  await expect(page).not.toHaveTitle(/^Error/);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Make a complaint in this area" }).click();
  await waitForIdle(page);
  await expect(page.getByText("Area: Peel")).toBeVisible();
});

test("a place typed in French, without accents, finds its area on the home page", async ({ page }) => {
  await visit(page, "/?lng=fr");
  await expect(page.getByText("Phase")).toHaveCount(0);
  await page.getByLabel("Ville, village, comté ou région où vous vivez").fill("grand sudbury");
  await page.getByRole("button", { name: "Trouver ma région" }).click();
  await waitForIdle(page);
  await expect(page.getByTestId("place-answer")).toContainText("Greater Sudbury fait partie de la région Nord-Est.");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Comment se plaindre dans la région Nord-Est" }).click();
  await waitForIdle(page);
  await expect(page).toHaveURL(/\/process\/northeast/);
});

test("an unknown place, and one no source settles, fall back to the list of areas", async ({ page }) => {
  await visit(page, "/?place=Springfield");
  await expect(page.getByTestId("place-answer")).toContainText("We did not find \u201cSpringfield\u201d");
  await expect(page.getByRole("list", { name: "All areas" }).getByRole("link")).toHaveCount(15);
  await expectNoAxeViolations(page);
  await visit(page, "/file?place=Guelph");
  await expect(page.getByTestId("place-answer")).toContainText("We cannot tell for sure which area covers");
  await expect(page.getByLabel("Which area do you live in?")).toHaveValue("");
});

test("error summary links move focus to each field and keep every message", async ({ page }) => {
  await visit(page, "/file?area=hamilton-niagara");
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await waitForIdle(page);
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Make a complaint/);
  const links = summary.getByRole("link");
  const count = await links.count();
  expect(count).toBeGreaterThan(4);
  const messages = await page.locator(".field-error").allInnerTexts();
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const field = (await link.getAttribute("href"))!.slice(1);
    await link.click();
    await expect(page.locator(`[id="${field}"]`)).toBeFocused();
    // Nothing was cleared: the summary, every message beside its field and the title remain.
    await expect(links).toHaveCount(count);
    await expect(page.locator(".field-error")).toHaveText(messages);
    await expect(page).toHaveTitle(/^Error: /);
  }
  await expect(page.getByText("Enter a name.").first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the page title says Erreur while a French form shows errors", async ({ page }) => {
  await visit(page, "/status?lng=fr");
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page).toHaveTitle(/^Erreur : /);
  await expect(page.getByText("Entrez votre numéro de référence").first()).toBeVisible();
  await expectNoAxeViolations(page);
});
