import type { Browser, Page } from "@playwright/test";
import { caseVersion, expectStatus, recordComplaint } from "./api-flows";
import { signedInClient } from "./api-session";
import { expect, expectNoAxeViolations, login, lookUpComplaint, submitFullPage, test, visit } from "./fixtures";

// Issue #18, "a status page that reads like a conversation": the question staff asked is quoted
// above the answer box, the filer reads what they wrote, one next date is named for what it is,
// withdrawing asks first (without JavaScript too), and the button that ends the session says so.
// A provider's dispute page says the same in a provider's words.

const STAFF = "staff@hamilton-niagara.example.org";
const PROVIDER = "provider@hamilton-niagara.example.org";

const WORDS = {
  en: {
    description: "Told to come back next month, three months in a row.",
    question: "Which office did you visit, and on which days?",
    told: "What you told us",
    asked: "Our question to you",
    answer: "Your answer",
    send: "Send",
    waiting: "Waiting for your answer",
    nextAfter: /^We will give you (a first answer|a decision) by \w+, \w+ \d{1,2}, \d{4}\.$/,
    nextAck: /^We will confirm we received your complaint by \w+, \w+ \d{1,2}, \d{4}\.$/,
    withdraw: "Withdraw my complaint",
    sure: "Are you sure you want to withdraw your complaint?",
    keep: "No, keep my complaint",
    confirm: "Yes, withdraw my complaint",
    withdrawn: "Your complaint is withdrawn.",
    signOut: "Sign out of this complaint",
    lookUp: "Check your complaint",
  },
  fr: {
    description: "On m’a dit de revenir le mois prochain, trois mois de suite.",
    question: "Quel bureau avez-vous visité, et quels jours?",
    told: "Ce que vous nous avez dit",
    asked: "Notre question",
    answer: "Votre réponse",
    send: "Envoyer",
    waiting: "En attente de votre réponse",
    nextAfter: /^Nous vous donnerons (une première réponse|une décision) au plus tard le \S+ \d{1,2} \S+ \d{4}\.$/,
    nextAck: /^Nous confirmerons avoir reçu votre plainte au plus tard le \S+ \d{1,2} \S+ \d{4}\.$/,
    withdraw: "Retirer ma plainte",
    sure: "Voulez-vous vraiment retirer votre plainte?",
    keep: "Non, garder ma plainte",
    confirm: "Oui, retirer ma plainte",
    withdrawn: "Votre plainte est retirée.",
    signOut: "Me déconnecter de cette plainte",
    lookUp: "Suivre votre plainte",
  },
} as const;

async function acknowledgeAndAsk(reference: string, question: string): Promise<void> {
  const staff = await signedInClient(STAFF);
  try {
    await expectStatus(
      await staff.post(`/cases/${reference}`, {
        form: { intent: "acknowledge", version: String(caseVersion(reference)) },
      }),
      200,
      "acknowledging the complaint",
    );
    await expectStatus(
      await staff.post(`/cases/${reference}`, {
        form: { intent: "request_info", version: String(caseVersion(reference)), question },
      }),
      200,
      "asking the filer a question",
    );
  } finally {
    await staff.dispose();
  }
}

async function withoutJavaScript<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

for (const language of ["en", "fr"] as const) {
  const w = WORDS[language];
  test(`(${language}) the filer reads what they wrote, the question quoted above the answer box, and one named date`, async ({
    page,
  }) => {
    const staff = await signedInClient(STAFF);
    const { reference, secret } = await recordComplaint(staff, {
      language,
      description: w.description,
      email: `conversation-${language}@example.org`,
    });
    await staff.dispose();
    await page.setViewportSize({ width: 390, height: 844 });
    await lookUpComplaint(page, reference, secret, `lng=${language}`);

    const told = page.getByRole("region", { name: w.told });
    await expect(told).toContainText(w.description);
    // One date, named for what it is: the acknowledgement is due first.
    await expect(page.getByTestId("next-date")).toHaveCount(1);
    await expect(page.getByTestId("next-date")).toHaveText(w.nextAck);
    await expectNoAxeViolations(page);

    await acknowledgeAndAsk(reference, w.question);
    await visit(page, `/status?lng=${language}`);
    await expect(page.getByTestId("case-status")).toHaveText(w.waiting);
    const asked = page.getByRole("region", { name: w.asked });
    await expect(asked.locator("blockquote")).toHaveText(w.question);
    // The question comes before the box that answers it, and the box is labelled as the answer.
    const box = page.getByRole("textbox", { name: w.answer });
    const [questionY, boxY] = [await asked.boundingBox(), await box.boundingBox()];
    expect(questionY!.y).toBeLessThan(boxY!.y);
    await expect(page.locator("main")).not.toContainText(/the person who complained|la personne qui s.est plainte/);
    await expectNoAxeViolations(page);

    await box.fill("The office on King Street, on the 3rd and the 10th.");
    await submitFullPage(page, page.getByRole("button", { name: w.send, exact: true }));
    await expect(page.getByTestId("next-date")).toHaveCount(1);
    await expect(page.getByTestId("next-date")).toHaveText(w.nextAfter);
    await expect(page.locator("ol.timeline")).toContainText("The office on King Street");

    await submitFullPage(page, page.getByRole("button", { name: w.signOut }));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.lookUp);
  });

  test(`(${language}) withdrawing asks first, and works without JavaScript`, async ({ page, browser }) => {
    const staff = await signedInClient(STAFF);
    const { reference, secret } = await recordComplaint(staff, { language });
    await staff.dispose();
    await withoutJavaScript(browser, async (filer) => {
      await filer.goto(`/status?reference=${reference}&lng=${language}`);
      await filer.getByLabel(/^(Access code|Code d’accès)/).fill(secret);
      await filer.getByRole("button", { name: /^(Check|Vérifier)$/ }).click();
      await filer.getByRole("link", { name: w.withdraw }).click();
      await expect(filer.getByRole("heading", { name: w.sure })).toBeVisible();
      await filer.getByRole("link", { name: w.keep }).click();
      await expect(filer.getByRole("heading", { name: w.sure })).toHaveCount(0);
      await expect(filer.getByTestId("case-status")).not.toHaveText(/Withdrawn|Retirée/);
      await filer.getByRole("link", { name: w.withdraw }).click();
      await filer.getByRole("button", { name: w.confirm }).click();
      await expect(filer.getByText(w.withdrawn)).toBeVisible();
    });
    await lookUpComplaint(page, reference, secret, `lng=${language}`);
    await page
      .getByRole("link", { name: w.withdraw })
      .count()
      .then((n) => expect(n).toBe(0));
    await expectNoAxeViolations(page);
  });
}

test("a provider's dispute page speaks to the provider: what it wrote, one named date, withdrawing asks first", async ({
  page,
}) => {
  await login(page, PROVIDER);
  await visit(page, "/disputes/new");
  const description = `Our referrals stopped in October (${Date.now().toString(36)}).`;
  await page.getByLabel("What is it about?").selectOption({ label: "Referrals" });
  await page.getByLabel("What is the disagreement?").fill(description);
  await page.getByLabel("What would you like to happen?").fill("Referrals as the contract says.");
  await page.getByRole("button", { name: "Send the dispute" }).click();
  await expect(page).toHaveURL(/\/disputes\/HAM-\d{4}-\d{6}\?filed=1$/);

  await expect(page.getByRole("region", { name: "What your organization told us" })).toContainText(description);
  await expect(page.getByTestId("next-date")).toHaveCount(1);
  await expect(page.getByTestId("next-date")).toHaveText(
    /^We will confirm we received your dispute by \w+, \w+ \d{1,2}, \d{4}\.$/,
  );
  await expect(page.locator("main")).not.toContainText(/the person who complained|your complaint/i);
  await page.getByRole("link", { name: "Withdraw this dispute" }).click();
  await expect(page.getByRole("heading", { name: "Are you sure you want to withdraw this dispute?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await submitFullPage(page, page.getByRole("button", { name: "Yes, withdraw this dispute" }));
  await expect(page.getByText("Your dispute is withdrawn.")).toBeVisible();
});
