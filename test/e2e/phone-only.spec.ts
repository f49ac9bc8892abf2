import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, fillComplaintForm, login, test, visit } from "./fixtures";

// Issue #18, "no email, no news": a person who files with a phone number only is served by calls.
// Staff see that the case has no email, acknowledging asks for a call instead of marking the
// clock met, and the recorded call that reached the person is what meets it.

async function clockState(page: Page, clock: string): Promise<Locator> {
  const headers = page.getByTestId("clocks").getByRole("columnheader");
  await expect(headers.first()).toBeVisible();
  const texts = (await headers.allInnerTexts()).map((h) => h.trim());
  const index = texts.findIndex((h) => h === "State" || h === "État");
  return page
    .getByTestId("clocks")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: clock, exact: true }) })
    .getByRole("cell")
    .nth(index - 1);
}

async function filePhoneOnly(page: Page, french: boolean): Promise<string> {
  const stamp = Date.now().toString(36);
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `/file?area=hamilton-niagara${french ? "&lng=fr" : ""}`);
  if (french) {
    await page.getByLabel("Votre plainte porte sur quel fournisseur de services?").selectOption({ index: 1 });
    await page.getByLabel("De quel programme ou service s’agit-il?").selectOption({ index: 1 });
    await page.getByLabel("Que s’est-il passé?").fill(`On ne m’a jamais rappelé (${stamp}).`);
    await page.getByLabel("Qu’aimeriez-vous qu’il se passe?").fill("Un rappel.");
    await page.getByLabel("Votre nom").fill(`Paul Téléphone ${stamp}`);
    await page.getByLabel(/^Téléphone/).fill("905-555-0142");
    await page.getByLabel(/J’ai lu l’avis/).check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Envoyer ma plainte" }).click();
  } else {
    await fillComplaintForm(page, {
      name: `Pat Phone ${stamp}`,
      email: "",
      description: `Nobody called me back about my workshop (${stamp}).`,
      outcome: "A call back.",
    });
    await page.getByLabel(/^Phone/).fill("905-555-0141");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Send my complaint" }).click();
  }
  const reference = page.getByTestId("reference");
  await expect(reference).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  return (await reference.innerText()).trim();
}

const WORDS = {
  en: {
    noEmail: "No email: call the person",
    processText: "No email? Give a phone number instead. We call you at each step",
    acknowledge: "Acknowledge receipt",
    ackClock: "Acknowledge",
    callFor: "confirm we received the complaint",
    decisionCall: "tell them the decision and how to ask for a review",
    met: /^Met/,
    notMet: /^(Running|Overdue)/,
    who: "Who called whom",
    summary: "What was said",
    how: "How the call went",
    record: "Record",
    outcome: /^Outcome/,
    reasons: /^Written reasons/,
    decide: "Record decision",
    callLine: /Call with Sam at the SSM to Pat: reached them/,
  },
  fr: {
    noEmail: "Pas de courriel : appelez la personne",
    processText: "Pas de courriel? Donnez plutôt un numéro de téléphone. Nous vous appelons à chaque étape",
    acknowledge: "Confirmer la réception",
    ackClock: "Accusé de réception",
    callFor: "confirmer la réception de la plainte",
    decisionCall: "lui annoncer la décision et comment demander une révision",
    met: /^Respecté/,
    notMet: /^(En cours|En retard)/,
    who: "Qui a appelé qui",
    summary: "Ce qui a été dit",
    how: "Déroulement de l'appel",
    record: "Consigner",
    outcome: /^Résultat/,
    reasons: /^Motifs écrits/,
    decide: "Enregistrer la décision",
    callLine: /Appel avec Sam at the SSM to Pat : personne jointe/,
  },
} as const;

for (const lang of ["en", "fr"] as const) {
  test(`a phone-only complaint is served by calls, from filing to decision (${lang})`, async ({ page }) => {
    const w = WORDS[lang];
    // The process page tells a client how they are served without email.
    await visit(page, `/process/hamilton-niagara?lng=${lang}`);
    await expect(page.getByTestId("no-email")).toContainText(w.processText);
    await expectNoAxeViolations(page);
    const reference = await filePhoneOnly(page, lang === "fr");

    // The login helper speaks English; the case page is then read in the filer's language.
    if (lang === "fr") await visit(page, "/?lng=en");
    await login(page, "staff@hamilton-niagara.example.org");
    await visit(page, `/cases/${reference}${lang === "fr" ? "?lng=fr" : ""}`);
    await expect(page.getByRole("heading", { name: w.noEmail })).toBeVisible();
    await expectNoAxeViolations(page);

    // Acknowledging asks for a call; the clock is not met by the click.
    await page.getByRole("button", { name: w.acknowledge, exact: true }).click();
    await expect(page.getByTestId("call-for")).toContainText(w.callFor);
    await expect(await clockState(page, w.ackClock)).toHaveText(w.notMet);
    await expectNoAxeViolations(page);

    // The call that reached the person meets it, and clears the call task.
    await page.getByLabel(new RegExp(`^${w.who}`)).fill("Sam at the SSM to Pat");
    await page.getByLabel(new RegExp(`^${w.summary}`)).fill("Confirmed we have the complaint.");
    await page.getByLabel(new RegExp(`^${w.how}`)).selectOption("reached");
    await page.getByRole("button", { name: w.record, exact: true }).click();
    await expect(await clockState(page, w.ackClock)).toHaveText(w.met);
    await expect(page.getByTestId("call-for")).toHaveCount(0);
    await expect(page.getByText(w.callLine)).toBeVisible();
    await expectNoAxeViolations(page);

    // A decision becomes a call to make.
    await page.getByRole("combobox", { name: w.outcome }).selectOption({ index: 1 });
    await page.getByRole("textbox", { name: w.reasons }).fill("The provider will call back this week.");
    await page.getByRole("button", { name: w.decide }).click();
    await expect(page.getByTestId("call-for")).toContainText(w.decisionCall);
    await expect(page.getByText(w.callLine)).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
