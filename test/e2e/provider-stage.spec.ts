import type { Browser, Page } from "@playwright/test";
import {
  expect,
  expectNoAxeViolations,
  fillComplaintForm,
  login,
  lookUpComplaint,
  queryDb,
  submitFullPage,
  test,
  visit,
  waitForHydration,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// The provider as respondent at level 1 (issue #17): a client's complaint about a named provider is
// sent to that provider (Hamilton–Niagara's demo policy: staff decide per case), the provider
// answers, the client is not satisfied, and the SSM decides at level 2; the same with the client in
// French; the provider sees only the complaints about itself, and who complained only with consent.
test.describe.configure({ mode: "serial" });

const PROVIDER = "provider@hamilton-niagara.example.org";
const STAFF = "staff@hamilton-niagara.example.org";
const stamp = `ps-${Date.now().toString(36)}`;

/** Staff send the complaint to its provider from the case page. */
async function staffRefers(browser: Browser, reference: string) {
  await withFreshPage(browser, async (page) => {
    await login(page, STAFF);
    await visit(page, `/cases/${reference}`);
    const stage = page.getByTestId("provider-stage");
    await expect(stage.getByRole("heading", { name: "Service provider stage" })).toBeVisible();
    await expect(stage).toContainText("Complaint about Hamilton Employment Centre");
    await expectNoAxeViolations(page);
    await stage.getByRole("button", { name: "Send to the provider to answer first" }).click();
    await expect(page.getByRole("status")).toHaveText("The complaint was sent to the provider.");
    await expect(page.getByTestId("case-status")).toHaveText("With the service provider");
    await expect(page.getByTestId("provider-step")).toHaveText("Waiting for the provider's answer");
  });
}

/** The demo provider answers the complaint on /respond, seeing the facts only. */
async function providerAnswers(browser: Browser, reference: string, description: string, filerName: string) {
  await withFreshPage(browser, async (page) => {
    await login(page, PROVIDER);
    await page.getByRole("navigation").getByRole("link", { name: "Complaints about us" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaints about your organization");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
    await expect(row).toContainText("Your answer is needed");
    await expectNoAxeViolations(page);
    await row.getByRole("link", { name: reference }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Complaint ${reference}`);
    await expect(page.locator("main")).toContainText(description);
    await expect(page.getByTestId("respond-client")).toHaveText(
      "The person did not agree to share who they are. You see what happened only.",
    );
    await expect(page.locator("main")).not.toContainText(filerName);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Send the answer" }).click();
    await expect(page.getByLabel("Your answer to the complaint")).toHaveAccessibleDescription("Answer this question.");
    await page.getByLabel("Your answer to the complaint").fill(`We rebooked the appointment for next week (${stamp}).`);
    await page.getByLabel(/^A resolution you propose/).fill("A standing weekly appointment.");
    await page.getByRole("button", { name: "Send the answer" }).click();
    await expect(page.getByRole("status")).toHaveText("Your answer was sent.");
    await expect(page.getByTestId("respond-step")).toHaveText("The person is reading your answer");
    await expectNoAxeViolations(page);
  });
}

/** Staff decide at level 2, after the client said they were not satisfied. */
async function staffDecidesAtLevelTwo(browser: Browser, reference: string) {
  await withFreshPage(browser, async (page) => {
    await login(page, STAFF);
    await visit(page, `/cases/${reference}`);
    await expect(page.getByTestId("case-status")).toHaveText("In review");
    await expect(page.locator(".status-line")).toContainText("Level 2");
    await expect(page.locator("main")).toContainText("The service provider answered");
    await expect(page.locator("main")).toContainText("The person is not satisfied with the answer");
    await page.getByRole("combobox", { name: /^Outcome/ }).selectOption({ label: "Complaint upheld" });
    await page.getByRole("textbox", { name: /^Written reasons/ }).fill("The provider must keep the appointments.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("status")).toHaveText("Decision recorded.");
    await expect(page.getByTestId("case-status")).toHaveText("Decided");
    await expectNoAxeViolations(page);
  });
}

async function fileAboutHamiltonCentre(page: Page, filer: { name: string; email: string; description: string }) {
  await visit(page, "/file?area=hamilton-niagara");
  await fillComplaintForm(page, { ...filer, outcome: "Appointments that happen." });
  const share = page.getByRole("group", { name: /May we tell the service provider who you are\?/ });
  await expect(share.getByRole("radio", { name: "No, show them only what happened" })).toBeChecked();
  await expect(share).toContainText("If you say no, they see only what happened, not who you are.");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  return {
    reference: (await page.getByTestId("reference").innerText()).trim(),
    secret: (await page.getByTestId("secret").innerText()).trim(),
  };
}

test("referred to the provider, answered, not satisfied: the SSM decides at level 2", async ({ page, browser }) => {
  const filer = {
    name: `Alex Rivera ${stamp}`,
    email: `alex.${stamp}@example.com`,
    description: `My job coach cancelled four appointments in a row (${stamp}).`,
  };
  const { reference, secret } = await fileAboutHamiltonCentre(page, filer);
  expect(
    queryDb<{ identity_shared: number }>("SELECT identity_shared FROM cases WHERE reference = ?", reference),
  ).toEqual([{ identity_shared: 0 }]);
  await staffRefers(browser, reference);

  await lookUpComplaint(page, reference, secret);
  await expect(page.getByTestId("with-provider")).toContainText(
    "The service provider your complaint is about has been asked to answer it by",
  );
  await expectNoAxeViolations(page);

  await providerAnswers(browser, reference, filer.description, filer.name);

  await lookUpComplaint(page, reference, secret);
  const answer = page.getByTestId("provider-answer");
  await expect(answer.getByRole("heading", { name: "The service provider's answer" })).toBeVisible();
  await expect(answer).toContainText(`We rebooked the appointment for next week (${stamp}).`);
  await expect(answer).toContainText("A standing weekly appointment.");
  await expect(answer).toContainText("Please tell us by");
  await expectNoAxeViolations(page);
  // Not satisfied without saying why: refused, nothing changes.
  await submitFullPage(page, answer.getByRole("button", { name: "I am not satisfied" }));
  await expect(page.getByLabel(/^What is still wrong\?/)).toHaveAccessibleDescription("Answer this question.");
  await page.getByLabel(/^What is still wrong\?/).fill("The new appointment is during my work hours.");
  await submitFullPage(page, page.getByRole("button", { name: "I am not satisfied" }));
  await expect(page.getByRole("status")).toHaveText("We will now review your complaint ourselves (formal review).");
  await expect(page.getByTestId("case-status")).toHaveText("In review");
  await expectNoAxeViolations(page);

  await staffDecidesAtLevelTwo(browser, reference);
});

test("the same in French: the client files, reads the answer and refuses it in French", async ({ page, browser }) => {
  const filer = {
    name: `Camille Roy ${stamp}`,
    email: `camille.${stamp}@example.com`,
    description: `Mon rendez-vous a été annulé trois fois (${stamp}).`,
  };
  await visit(page, "/file?area=hamilton-niagara&lng=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page
    .getByLabel("Votre plainte porte sur quel fournisseur de services?")
    .selectOption({ label: "Centre d’emploi de Hamilton" });
  await page.getByLabel("De quel programme ou service s’agit-il?").selectOption({ label: "Services d’emploi" });
  await page.getByLabel("Que s’est-il passé?").fill(filer.description);
  await page.getByLabel("Qu’aimeriez-vous qu’il se passe?").fill("Un rendez-vous qui a lieu.");
  await page.getByLabel("Votre nom").fill(filer.name);
  await page.getByLabel(/^Courriel/).fill(filer.email);
  const share = page.getByRole("group", { name: /Pouvons-nous dire au fournisseur de services qui vous êtes\?/ });
  await expect(share.getByRole("radio", { name: "Non, montrez-lui seulement ce qui s’est passé" })).toBeChecked();
  await expect(share).toContainText("Si vous dites non, il voit seulement ce qui s’est passé");
  await page.getByLabel(/J’ai lu l’avis ci-dessous/).check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Envoyer ma plainte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons reçu votre plainte");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  const secret = (await page.getByTestId("secret").innerText()).trim();

  await staffRefers(browser, reference);
  await lookUpComplaint(page, reference, secret);
  await expect(page.getByTestId("case-status")).toHaveText("Auprès du fournisseur de services");
  await expect(page.getByTestId("with-provider")).toContainText("Nous avons demandé au fournisseur de services");
  await expectNoAxeViolations(page);

  await providerAnswers(browser, reference, filer.description, filer.name);

  await lookUpComplaint(page, reference, secret);
  const answer = page.getByTestId("provider-answer");
  await expect(answer.getByRole("heading", { name: "La réponse du fournisseur de services" })).toBeVisible();
  await expect(answer).toContainText("Dites-nous au plus tard le");
  await expectNoAxeViolations(page);
  await page.getByLabel(/^Qu’est-ce qui ne va toujours pas\?/).fill("Le nouveau rendez-vous ne me convient pas.");
  await submitFullPage(page, answer.getByRole("button", { name: "Je ne suis pas satisfait" }));
  await expect(page.getByRole("status")).toHaveText(
    "Nous allons maintenant examiner nous-mêmes votre plainte (révision officielle).",
  );
  await expect(page.getByTestId("case-status")).toHaveText("En examen");
  await expectNoAxeViolations(page);

  await staffDecidesAtLevelTwo(browser, reference);
});

/** The manager turns the staff check of the provider's answer on or off, from today. */
async function setStaffCheck(browser: Browser, on: boolean) {
  await withFreshPage(browser, async (page) => {
    await login(page, "manager@hamilton-niagara.example.org");
    await visit(page, "/admin/policy");
    const check = page.getByTestId("provider-stage-policy").getByLabel(STAFF_CHECK);
    if ((await check.isChecked()) === on) return;
    await check.setChecked(on);
    await page.getByRole("button", { name: "Publish this version" }).click();
    await expect(page.getByRole("status")).toHaveText(/^Version \d+ is published\.$/);
    await waitForIdle(page);
  });
}
const STAFF_CHECK = "Staff read the provider's answer before the person sees it";
const ANSWER_FILE = { name: `rebooking-${stamp}.pdf`, mimeType: "application/pdf" };

test("a file on the provider's answer: staff see it at once, the client only once staff release the answer", async ({
  page,
  browser,
}) => {
  const filer = {
    name: `Jordan Lee ${stamp}`,
    email: `jordan.${stamp}@example.com`,
    description: `My coach never sent the training form (${stamp}).`,
  };
  await setStaffCheck(browser, true);
  try {
    const { reference, secret } = await fileAboutHamiltonCentre(page, filer);
    await staffRefers(browser, reference);

    await withFreshPage(browser, async (provider) => {
      await login(provider, PROVIDER);
      await visit(provider, `/respond/${reference}`);
      await provider.getByLabel("Your answer to the complaint").fill(`The form went out today (${stamp}).`);
      const files = provider.getByLabel(/^Files for your answer/);
      await expect(files).toHaveAccessibleDescription(/Up to 5 files/);
      // A file that is not a document is refused beside the field, and the answer is not sent.
      await files.setInputFiles({ name: "run.sh", mimeType: "text/plain", buffer: Buffer.from("#!/bin/sh\n") });
      await provider.getByRole("button", { name: "Send the answer" }).click();
      await expect(files).toHaveAccessibleDescription(/This type of file is not accepted/);
      await expect(provider.getByTestId("respond-step")).toHaveText("Your answer is needed");
      await expectNoAxeViolations(provider);
      await provider.getByLabel("Your answer to the complaint").fill(`The form went out today (${stamp}).`);
      await files.setInputFiles({
        ...ANSWER_FILE,
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      });
      await provider.getByRole("button", { name: "Send the answer" }).click();
      await expect(provider.getByRole("status")).toHaveText("Your answer was sent.");
      await expect(provider.getByTestId("respond-step")).toHaveText("The SSM is reading your answer");
      await expect(provider.getByTestId("respond-files").getByRole("link", { name: ANSWER_FILE.name })).toBeVisible();
      await expectNoAxeViolations(provider);
    });

    // Held with the answer: the client sees neither yet.
    await lookUpComplaint(page, reference, secret);
    await expect(page.locator("main")).not.toContainText(ANSWER_FILE.name);
    await expect(page.locator("main")).not.toContainText(`The form went out today (${stamp}).`);
    await expectNoAxeViolations(page);

    await withFreshPage(browser, async (staff) => {
      await login(staff, STAFF);
      await visit(staff, `/cases/${reference}`);
      await expect(staff.getByTestId("provider-step")).toHaveText(
        "The provider answered: read the answer and release it to the person",
      );
      await expect(staff.getByRole("link", { name: ANSWER_FILE.name })).toBeVisible();
      await expectNoAxeViolations(staff);
      await staff.getByRole("button", { name: "Release the answer to the person" }).click();
      await expect(staff.getByRole("status")).toHaveText("The answer was released to the person.");
    });

    await lookUpComplaint(page, reference, secret);
    await expect(page.getByTestId("provider-answer")).toContainText(`The form went out today (${stamp}).`);
    const link = page.getByRole("link", { name: ANSWER_FILE.name });
    await expect(link).toBeVisible();
    const download = await page.request.get((await link.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect((await download.body()).toString("latin1")).toMatch(/^%PDF-1\.4/);
    await expectNoAxeViolations(page);
  } finally {
    // The other tests share this database and expect the demo policy (no check): publish it back.
    await setStaffCheck(browser, false);
  }
});

test("the provider sees only the complaints about itself, and who complained only with consent", async ({ page }) => {
  const other = queryDb<{ reference: string; description: string }>(
    `SELECT c.reference, c.description FROM cases c JOIN organizations o ON o.id = c.respondent_org_id
     WHERE c.provider_referred_at IS NOT NULL AND o.slug <> 'provider-hamilton-niagara-1'`,
  );
  expect(other.length).toBeGreaterThan(0);
  const shared = queryDb<{ reference: string; filer_name: string }>(
    `SELECT c.reference, c.filer_name FROM cases c JOIN organizations o ON o.id = c.respondent_org_id
     WHERE c.provider_referred_at IS NOT NULL AND o.slug = 'provider-hamilton-niagara-1' AND c.identity_shared = 1`,
  )[0]!;
  const withheld = queryDb<{ reference: string; filer_name: string }>(
    `SELECT c.reference, c.filer_name FROM cases c JOIN organizations o ON o.id = c.respondent_org_id
     WHERE c.provider_referred_at IS NOT NULL AND o.slug = 'provider-hamilton-niagara-1' AND c.identity_shared = 0
     ORDER BY c.id LIMIT 1`,
  )[0]!;

  await login(page, PROVIDER);
  await visit(page, "/respond");
  const list = page.getByTestId("respond-list");
  for (const o of other) await expect(list).not.toContainText(o.reference);
  await expect(list.getByRole("link", { name: shared.reference })).toBeVisible();
  await expect(list.getByRole("link", { name: withheld.reference })).toBeVisible();
  await expectNoAxeViolations(page);

  await visit(page, `/respond/${shared.reference}`);
  await expect(page.getByTestId("respond-client")).toContainText(shared.filer_name);
  await expectNoAxeViolations(page);
  await visit(page, `/respond/${withheld.reference}`);
  await expect(page.getByTestId("respond-client")).toHaveText(
    "The person did not agree to share who they are. You see what happened only.",
  );
  await expect(page.locator("main")).not.toContainText(withheld.filer_name);

  const response = await page.goto(`/respond/${other[0]!.reference}`);
  expect(response?.status()).toBe(404);
  await waitForHydration(page);
  await expect(page.locator("main")).not.toContainText(other[0]!.description);
});

test("staff see per provider what is with it and how often it was late", async ({ page }) => {
  await login(page, STAFF);
  await visit(page, "/cases");
  const overview = page.getByTestId("provider-overview");
  await expect(overview.getByRole("columnheader")).toHaveText([
    "Provider",
    "With the provider",
    "Answers to check",
    "Late now",
    "Answered late or never (all time)",
  ]);
  const own = overview
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Hamilton Employment Centre" }) });
  // The demo's late complaint: the sweep handed it to the SSM when the server started.
  await expect(own.getByRole("cell").last()).not.toHaveText("0");
  await expectNoAxeViolations(page);
});

test("the process page publishes the provider stage from the policy, in English and French", async ({ page }) => {
  await visit(page, "/process/hamilton-niagara?lng=en");
  const section = page.getByTestId("process-provider-stage");
  await expect(section.getByRole("heading", { name: "The service provider answers first" })).toBeVisible();
  await expect(section).toContainText(
    "We may send your complaint to the service provider it is about. They then answer in writing within 10 business days.",
  );
  await expect(section).toContainText("If you say no, they see only what happened.");
  await expect(section).toContainText("The files you send us are never shown to the provider.");
  await expectNoAxeViolations(page);
  await visit(page, "/process/hamilton-niagara?lng=fr");
  const fr = page.getByTestId("process-provider-stage");
  await expect(fr.getByRole("heading", { name: "Le fournisseur de services répond d’abord" })).toBeVisible();
  await expect(fr).toContainText("Il répond alors par écrit dans un délai de 10 jours ouvrables.");
  await expect(fr).toContainText("Les fichiers que vous nous envoyez ne sont jamais montrés au fournisseur.");
  await expectNoAxeViolations(page);
  // An SSM whose policy never refers (Ottawa's demo policy) publishes no such stage.
  await visit(page, "/process/ottawa?lng=en");
  await expect(page.getByTestId("process-provider-stage")).toHaveCount(0);
});

test("a manager sets the provider stage on the policy page", async ({ page }) => {
  await login(page, "manager@hamilton-niagara.example.org");
  await visit(page, "/admin/policy");
  const stage = page.getByTestId("provider-stage-policy");
  await expect(stage.getByLabel(/^Send complaints to the provider they are about/)).toHaveValue("per_case");
  await expect(stage.getByLabel(/^The provider answers within/)).toHaveValue("10");
  await expect(stage.getByLabel(/^The person reviews the answer within/)).toHaveValue("10");
  await expect(stage.getByLabel(/^If the person does not reply in time/)).toHaveValue("close_resolved");
  await expect(stage.getByLabel("Staff read the provider's answer before the person sees it")).not.toBeChecked();
  await expectNoAxeViolations(page);
});
