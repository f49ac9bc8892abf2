import type { Page } from "@playwright/test";
import {
  expect,
  expectNoAxeViolations,
  login,
  recipientOf,
  submitFullPage,
  test,
  visit,
  waitForEmail,
  waitForHydration,
} from "./fixtures";

// A service provider raises a dispute with its SSM: its list, the form (refused empty, then sent),
// the dispute's own page, adding information; the SSM's staff see it in their queue; nobody outside
// the provider's organization reaches it through /disputes, and the provider cannot reach /cases.
// Disputes do not go through the public filing form, so they do not count towards its rate limit.
test.describe.configure({ mode: "serial" });

const PROVIDER = "provider@hamilton-niagara.example.org";
const STAFF = "staff@hamilton-niagara.example.org";
const stamp = `pd-${Date.now().toString(36)}`;
const dispute = {
  description: `The SSM cut our second-quarter funding by 12% without the notice our contract requires (${stamp}).`,
  outcome: "Restore the funding for this quarter and give 60 days' notice of any change.",
  information: `The contract's notice clause is section 8.2; the letter is dated the 3rd (${stamp}).`,
};
let reference = "";

const disputeRows = (page: Page) => page.getByRole("table").locator("tbody > tr");

/** A page that must not exist for this user: 404, the not-found page, nothing of the dispute. */
async function expectNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("main")).not.toContainText(dispute.description);
}

test("the provider signs in and lands on its organization's disputes: the two demo ones", async ({ page }) => {
  await login(page, PROVIDER);
  await expect(page).toHaveURL(/\/disputes$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Disputes: Hamilton Employment Centre");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Disputes" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Cases" })).toHaveCount(0);
  await expect(page.getByText("Only your organization sees them.")).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Reference", "About", "Status", "Level", "Received"]);
  const rows = disputeRows(page);
  await expect(rows).toHaveCount(2);
  await expect(rows.getByRole("rowheader").getByRole("link")).toHaveText([/^HAM-\d{4}-\d{6}$/, /^HAM-\d{4}-\d{6}$/]);
  expect((await rows.locator("td:nth-of-type(1)").allInnerTexts()).sort()).toEqual(["Referrals", "Targets"]);
  await expectNoAxeViolations(page);
});

test("the provider raises a dispute: refused empty with a focused error summary, then sent and listed", async ({
  page,
}) => {
  await login(page, PROVIDER);
  await page.getByRole("link", { name: "Raise a dispute" }).click();
  await expect(page).toHaveURL(/\/disputes\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Raise a dispute with your SSM");
  // The provider serves one area: it is chosen already.
  await expect(page.getByLabel("Which area is it about?")).toHaveValue("hamilton-niagara");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Send the dispute" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "What is it about?: Choose an answer.",
    "What is the disagreement?: Say what happened.",
    "What would you like to happen?: Say what you would like to happen.",
  ]);
  for (const [label, message] of [
    ["What is it about?", "Choose an answer."],
    ["What is the disagreement?", "Say what happened."],
    ["What would you like to happen?", "Say what you would like to happen."],
  ] as const) {
    const field = page.getByLabel(label);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(message);
  }
  await expect(page).toHaveURL(/\/disputes\/new$/);
  await expectNoAxeViolations(page);

  await page.getByLabel("What is it about?").selectOption({ label: "Funding or contract" });
  await page.getByLabel("What is the disagreement?").fill(dispute.description);
  await page.getByLabel("What would you like to happen?").fill(dispute.outcome);
  await page.getByRole("button", { name: "Send the dispute" }).click();

  await expect(page).toHaveURL(/\/disputes\/HAM-\d{4}-\d{6}\?filed=1$/);
  reference = /\/disputes\/(HAM-\d{4}-\d{6})/.exec(page.url())![1]!;
  await expect(page.getByRole("status")).toHaveText(`Your dispute ${reference} was sent. You can follow it here.`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText("Received");
  await expect(page.locator("ol.timeline")).toContainText("Dispute received");
  // A signed-in provider has no access code to keep and nothing to close.
  await expect(page.getByRole("button", { name: "Sign out of this complaint" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await visit(page, "/disputes");
  await expect(disputeRows(page)).toHaveCount(3);
  const row = disputeRows(page).filter({ has: page.getByRole("link", { name: reference, exact: true }) });
  await expect(row.getByRole("cell")).toHaveText(["Funding or contract", "Received", "1", /\S/]);

  const mail = await waitForEmail(reference, { subject: "We received your dispute" });
  expect(recipientOf(mail)).toBe(PROVIDER);
  expect(mail.text).toContain(`/disputes/${reference}`);
});

test("the provider adds information to the dispute", async ({ page }) => {
  await login(page, PROVIDER);
  await page.getByRole("link", { name: reference, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/disputes/${reference}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
  await expect(page.getByText(/was sent\. You can follow it here\./)).toHaveCount(0);
  const add = page.getByRole("region", { name: "Add information" });
  await add.getByRole("textbox", { name: /^Add information/ }).fill(dispute.information);
  await submitFullPage(page, add.getByRole("button", { name: "Send", exact: true }));
  await expect(page.getByRole("status")).toHaveText("Thank you. We added this to your file.");
  await expect(page.locator("ol.timeline")).toContainText(dispute.information);
  await expect(page.getByRole("textbox", { name: /^Add information/ })).toHaveValue("");
  await expectNoAxeViolations(page);
});

test("SSM staff see the dispute in their queue, with its category and the added information", async ({ page }) => {
  await login(page, STAFF);
  await expect(page).toHaveURL(/\/cases$/);
  const link = page.getByRole("link", { name: reference, exact: true });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${reference}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
  await expect(page.locator(".status-line")).toContainText("Provider dispute");
  const details = page.getByRole("region", { name: "Details" });
  await expect(details.locator("dt", { hasText: "About" }).locator("xpath=following-sibling::dd[1]")).toHaveText(
    "Funding or contract",
  );
  // The thread opens with what was written (#19), then what was added.
  const thread = page.getByRole("region", { name: "Timeline" });
  await expect(thread).toContainText(dispute.description);
  await expect(thread).toContainText(dispute.outcome);
  await expect(thread).toContainText(dispute.information);
  await expectNoAxeViolations(page);
});

test("outside the provider's organization the dispute does not exist: 404 for staff on /disputes, for the provider on /cases", async ({
  page,
}) => {
  await login(page, STAFF);
  await expectNotFound(page, `/disputes/${reference}`);
  await expectNoAxeViolations(page);
  await expectNotFound(page, "/disputes");

  await page.context().clearCookies();
  await login(page, PROVIDER);
  await expectNotFound(page, `/cases/${reference}`);
  await expectNotFound(page, "/cases");
  await expectNotFound(page, "/disputes/HAM-2026-999999");
  await expectNoAxeViolations(page);
});

test("in French: the list, the form's errors and the sent dispute", async ({ page }) => {
  await login(page, PROVIDER);
  await visit(page, "/disputes?lng=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Différends : Centre d’emploi de Hamilton");
  await expect(page.getByRole("table").getByRole("columnheader").nth(1)).toHaveText("Au sujet de");
  await expect(
    disputeRows(page).filter({ has: page.getByRole("link", { name: reference, exact: true }) }),
  ).toContainText("Financement ou contrat");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Soumettre un différend" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Soumettre un différend à votre GSS");
  await page.getByRole("button", { name: "Envoyer le différend" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Il y a un problème" }) });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "De quoi s’agit-il? : Choisissez une réponse.",
    "Quel est le désaccord? : Dites ce qui s’est passé.",
    "Qu’aimeriez-vous qu’il se passe? : Dites ce que vous aimeriez qu’il se passe.",
  ]);
  await expectNoAxeViolations(page);

  await page.getByLabel("De quoi s’agit-il?").selectOption({ label: "Aiguillages" });
  await page.getByLabel("Quel est le désaccord?").fill(`Aucun aiguillage depuis trois semaines (${stamp}).`);
  await page.getByLabel("Qu’aimeriez-vous qu’il se passe?").fill("Reprendre les aiguillages.");
  await page.getByRole("button", { name: "Envoyer le différend" }).click();
  await expect(page).toHaveURL(/\/disputes\/HAM-\d{4}-\d{6}\?filed=1$/);
  const frReference = /\/disputes\/(HAM-\d{4}-\d{6})/.exec(page.url())![1]!;
  expect(frReference).not.toBe(reference);
  await expect(page.getByRole("status")).toHaveText(
    `Votre différend ${frReference} a été envoyé. Vous pouvez le suivre ici.`,
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier ${frReference}`);
  await expect(page.getByTestId("case-status")).toHaveText("Reçue");
  await expect(page.locator("main")).not.toContainText("Received");
  await expectNoAxeViolations(page);
});
