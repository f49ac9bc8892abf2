import type { Page } from "@playwright/test";
import { fiscalQuarterOf, formatQuarterId } from "../../app/domain/fiscal-quarter";
import {
  expect,
  expectNoAxeViolations,
  fillComplaintForm,
  login,
  queryDb,
  recipientOf,
  test,
  visit,
  waitForEmail,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// The satisfaction survey (issue #6): when staff close a case, the filer gets a single-use link in
// the case's language; the answer is kept with the SSM and the quarter only, never the case.

const STAFF = "staff@hamilton-niagara.example.org";
const stamp = `sv-${Date.now().toString(36)}`;
const filer = {
  name: `Élodie Survey ${stamp}`,
  email: `elodie.survey.${stamp}@example.com`,
  description: `My workshop was cancelled and nobody told me (${stamp}).`,
  outcome: "A place in the next workshop.",
};
const comment = `Le processus était clair, mais la réponse a tardé (${stamp}).`;
// Answers count in the quarter the case closed in (Ontario time): this one.
const QUARTER = formatQuarterId(fiscalQuarterOf(new Date(), "America/Toronto"));

function responseCount(): number {
  return queryDb<{ n: number }>(
    "SELECT count(*) AS n FROM survey_responses WHERE area_slug = 'hamilton-niagara' AND quarter = ?",
    QUARTER,
  )[0]!.n;
}

/** Files an English-form Hamilton complaint whose filer asks for French; returns its reference. */
async function fileFrenchSpeakersComplaint(page: Page): Promise<string> {
  await visit(page, "/file?area=hamilton-niagara");
  await fillComplaintForm(page, filer);
  await page.getByRole("radio", { name: "Français" }).check();
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  return (await page.getByTestId("reference").innerText()).trim();
}

test("closing a case sends the filer a single-use survey in their language; the answer is kept without the case", async ({
  page,
  browser,
}) => {
  const reference = await fileFrenchSpeakersComplaint(page);
  const before = responseCount();

  // Staff acknowledge, decide and close.
  await login(page, STAFF);
  await visit(page, `/cases/${reference}`);
  const notice = page.getByRole("status");
  await page.getByRole("button", { name: "Acknowledge receipt" }).click();
  await expect(notice).toHaveText("Receipt acknowledged.");
  await waitForIdle(page);
  await page.getByRole("combobox", { name: /^Outcome/ }).selectOption({ label: "Complaint upheld" });
  await page
    .getByRole("textbox", { name: /^Written reasons/ })
    .fill(`The provider cancelled without notice (${stamp}).`);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(notice).toHaveText("Decision recorded.");
  await waitForIdle(page);
  await page.getByRole("button", { name: "Close the case" }).click();
  await expect(notice).toHaveText("The case is closed.");
  await expect(page.getByTestId("case-status")).toHaveText("Closed");
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  // The invitation, in French, to the filer.
  const mail = await waitForEmail(reference, { subject: `3 courtes questions sur votre dossier ${reference}` });
  expect(recipientOf(mail)).toBe(filer.email);
  const link = /https?:\/\/[^\s"<>]+(\/survey\/[A-Za-z0-9_-]{20,})/.exec(mail.text ?? "");
  expect(link, `a survey link in: ${mail.text}`).not.toBeNull();
  const path = link![1]!;
  expect(mail.text).not.toContain(filer.description);

  await withFreshPage(browser, async (survey) => {
    // No sign-in, a browser that prefers English: the survey opens in the case's language.
    const response = await survey.goto(path);
    expect(response?.status()).toBe(200);
    await waitForIdle(survey);
    await expect(survey).toHaveURL(new RegExp(`${path}\\?lng=fr$`));
    await expect(survey.locator("html")).toHaveAttribute("lang", "fr");
    await expect(survey.getByRole("heading", { level: 1 })).toHaveText("Dites-nous comment s’est passé le processus");
    await expect(survey.locator("main")).not.toContainText(reference);
    await expect(survey.locator("main")).not.toContainText(filer.name);
    expect(await survey.title(), "the title never holds the token").not.toContain(path.split("/").pop()!);
    await expectNoAxeViolations(survey);

    // Nothing chosen: each question is named in the summary, which takes focus.
    const send = survey.getByRole("button", { name: "Envoyer mes réponses" });
    await send.click();
    const summary = survey
      .getByRole("alert")
      .filter({ has: survey.getByRole("heading", { name: "Il y a un problème" }) });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText([
      "Clarté du processus : Choisissez une réponse.",
      "Équité du processus : Choisissez une réponse.",
      "Délai raisonnable : Choisissez une réponse.",
    ]);
    const clear = survey.getByRole("group", { name: /^Le processus était-il clair\?/ });
    await expect(clear).toHaveAccessibleDescription(/Choisissez une réponse\./);
    expect(responseCount()).toBe(before);
    await waitForIdle(survey);
    await expectNoAxeViolations(survey);

    // By keyboard: the summary's first link leads to the first question; arrows choose.
    await survey.keyboard.press("Tab");
    await expect(summary.getByRole("link").first()).toBeFocused();
    await survey.keyboard.press("Enter");
    await expect(clear).toBeFocused();
    await survey.keyboard.press("Tab");
    await expect(clear.getByRole("radio", { name: "1 – Pas du tout" })).toBeFocused();
    await survey.keyboard.press("ArrowDown");
    await survey.keyboard.press("ArrowDown");
    await survey.keyboard.press("ArrowDown");
    await expect(clear.getByRole("radio", { name: "4 – En grande partie" })).toBeChecked();
    await survey
      .getByRole("group", { name: /^Le processus était-il équitable\?/ })
      .getByRole("radio", { name: "5 – Tout à fait" })
      .check();
    await survey
      .getByRole("group", { name: /^Votre dossier a-t-il été traité dans un délai raisonnable\?/ })
      .getByRole("radio", { name: "2 – Un peu" })
      .check();
    await survey.getByRole("textbox", { name: /^Souhaitez-vous ajouter quelque chose\?/ }).fill(comment);
    await send.click();
    await expect(survey).toHaveURL(/\/survey\/thanks$/);
    await waitForIdle(survey);
    await expect(survey.getByRole("heading", { level: 1 })).toHaveText("Merci pour vos réponses");
    await expect(survey.getByRole("status")).toHaveText(
      "Vos réponses ont été enregistrées sans votre nom. Elles aident à améliorer le traitement des plaintes et des différends.",
    );
    await expectNoAxeViolations(survey);

    // The link worked once.
    const again = await survey.goto(path);
    expect(again?.status()).toBe(410);
    await waitForIdle(survey);
    await expect(survey.getByRole("heading", { level: 1 })).toHaveText("Ce lien vers le sondage ne fonctionne plus");
    await expect(survey.getByRole("radio")).toHaveCount(0);
    await expectNoAxeViolations(survey);
  });

  // One more answer for Hamilton–Niagara this quarter, and nothing in it leads back to the case.
  expect(responseCount()).toBe(before + 1);
  const stored = queryDb<Record<string, unknown>>(
    "SELECT * FROM survey_responses WHERE area_slug = 'hamilton-niagara' AND quarter = ? AND comment = ?",
    QUARTER,
    comment,
  );
  expect(stored).toEqual([expect.objectContaining({ clear: 4, fair: 5, timely: 2 })]);
  const columns = queryDb<{ name: string }>("PRAGMA table_info(survey_responses)").map((c) => c.name);
  expect(columns.sort()).toEqual(["area_slug", "clear", "comment", "fair", "id", "quarter", "timely"]);
  expect(JSON.stringify(stored)).not.toContain(reference);
  expect(JSON.stringify(stored)).not.toContain(filer.email);
  expect(
    queryDb<{ used: number }>(
      "SELECT used FROM survey_invitations WHERE case_id = (SELECT id FROM cases WHERE reference = ?)",
      reference,
    ),
    "the case's one invitation, now used",
  ).toEqual([{ used: 1 }]);
});
