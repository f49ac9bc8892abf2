import type { Page } from "@playwright/test";
import {
  expect,
  expectNoAxeViolations,
  fillComplaintForm,
  lookUpComplaint,
  queryDb,
  queuedEmailSubjects,
  readAllMail,
  recipientOf,
  submitFullPage,
  test,
  visit,
  waitForEmail,
} from "./fixtures";

// The public side, in English and again in French: the area's process page, a complaint about a
// program the ministry keeps (referred out), the optional "about you" questions, and the filer
// withdrawing a complaint on /status.
//
// Filings: this file makes 4 (2 referred out, 2 filed and withdrawn). Every test comes from
// 127.0.0.1, and the per-address filing limit counts referred-out filings too: playwright.config.ts
// raises FILINGS_PER_IP_PER_HOUR for the suite.

const MINISTRY_PHONE = "1-800-387-5656";
const RETAINED_EN = ["Literacy and Basic Skills", "Canada-Ontario Job Grant", "Apprenticeship", "Better Jobs Ontario"];
const RETAINED_FR = [
  "Alphabétisation et formation de base",
  "Subvention Canada-Ontario pour l’emploi",
  "Apprentissage",
  "Meilleurs emplois Ontario",
];
const GROUPS_EN = [
  "Do you have a disability?",
  "Are you an Indigenous person?",
  "Are you a young person who needs more support to find work?",
  "Are you a newcomer to Canada?",
  "Are you a racialized person?",
  "Are you a francophone?",
];
const GROUPS_FR = [
  "Avez-vous un handicap?",
  "Êtes-vous une personne autochtone?",
  "Êtes-vous un jeune qui a besoin de plus de soutien pour trouver un emploi?",
  "Êtes-vous nouvellement arrivé au Canada?",
  "Êtes-vous une personne racisée?",
  "Êtes-vous francophone?",
];

const stamp = `ps-${Date.now().toString(36)}`;

/** The text of everything between an h2 of the page's main content and the next h2. */
async function sectionText(page: Page, heading: string): Promise<string> {
  const h2 = page.locator("main").getByRole("heading", { level: 2, name: heading, exact: true });
  await expect(h2, `heading "${heading}"`).toHaveCount(1);
  return h2.evaluate((h) => {
    const parts: string[] = [];
    for (let el = h.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
      parts.push((el as HTMLElement).innerText);
    }
    return parts.join("\n");
  });
}

/** Every email written so far whose subject names the reference. */
async function mailAbout(reference: string) {
  return (await readAllMail()).filter(({ mail }) => mail.subject?.includes(reference)).map(({ mail }) => mail);
}

/** The optional answers stored with a case (null when none was given). */
function storedSelfIdentification(reference: string): unknown {
  const [row] = queryDb<{ self_identification_json: string | null }>(
    "SELECT self_identification_json FROM cases WHERE reference = ?",
    reference,
  );
  expect(row, `case ${reference} in the database`).toBeDefined();
  return row!.self_identification_json === null ? null : JSON.parse(row!.self_identification_json);
}

test.describe("the process page", () => {
  test("in English it explains how to complain, the times, reviews, what the SSM cannot handle, French service, privacy and contacts", async ({
    page,
  }) => {
    await visit(page, "/process/hamilton-niagara");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "How to make a complaint in Hamilton–Niagara Peninsula",
    );
    await expect(page).toHaveTitle(/How to make a complaint in Hamilton–Niagara Peninsula/);
    const main = page.locator("main");
    await expect(main).toContainText(
      "Your Service System Manager, the organization that runs Employment Ontario services in your area, is Fedcap Canada.",
    );

    // How to file.
    expect(await sectionText(page, "Who can complain")).toContain(
      "Use the online form, or contact us by phone, email, mail or in person. Staff can write down your complaint for you.",
    );

    // Each step's time, then each level with its decision time.
    const times = await sectionText(page, "How long each step takes");
    expect(times).toContain("We count business days: Monday to Friday, not counting Ontario public holidays.");
    expect(times).toContain("We confirm we got your complaint within 2 business days.");
    expect(times).toContain("We give you a first real answer within 5 business days.");
    expect(times).toContain("We make a written decision within 20 business days.");
    expect(times).toContain(
      "If you do not agree with a decision, you can ask for a review within 15 business days after it, even if we have closed the case by then.",
    );
    // The pause rule, published with the times it moves (issue #13).
    expect(times).toContain(
      "the deadline moves later by every business day the wait touched, each counted as a whole day, so a deadline always ends at 4:30 p.m. on a business day.",
    );
    const levels = page
      .getByRole("heading", { level: 2, name: "If you are not satisfied" })
      .locator("xpath=following-sibling::ol[1]/li");
    await expect(levels).toHaveText([
      "First look: a case officer or the service provider looks at it Decision within 20 business days.",
      "Formal review Decision within 20 business days.",
      "Review by an independent panel Decision within 20 business days.",
      "With the ministry",
    ]);

    // How to ask for a review.
    expect(await sectionText(page, "How to ask for a review")).toContain(
      "After each decision, go to “Check a complaint” with your reference number and access code, and choose “Ask for a review”. You have 15 business days.",
    );

    // What the SSM cannot handle: the four programs the ministry keeps, and where to call.
    const outOfScope = await sectionText(page, "What we cannot handle");
    expect(outOfScope).toContain(
      `These programs are run by the ministry. For a complaint about them, call the Employment Ontario Contact Centre at ${MINISTRY_PHONE}:`,
    );
    const programs = page
      .getByRole("heading", { level: 2, name: "What we cannot handle" })
      .locator("xpath=following-sibling::ul[1]/li");
    await expect(programs).toHaveText(RETAINED_EN);

    expect(await sectionText(page, "Service in French")).toContain(
      "You can use this process in French from start to finish: forms, letters, emails and meetings.",
    );
    // The notice of collection, as on the form.
    expect(await sectionText(page, "Your personal information")).toContain(
      "We collect your name, contact details and what you tell us only to look into your complaint and to reply to you.",
    );

    // Contacts: email and phone as links, mail and in person as text.
    const contacts = await sectionText(page, "Contact us");
    expect(contacts).toContain("100 Main Street, Hamilton, Ontario");
    expect(contacts).toContain("Monday to Friday, 8:30 to 4:30");
    await expect(main.getByRole("link", { name: "complaints.hamilton-niagara@example.org" })).toHaveAttribute(
      "href",
      "mailto:complaints.hamilton-niagara@example.org",
    );
    await expect(main.getByRole("link", { name: "905-555-0110" })).toHaveAttribute("href", "tel:905-555-0110");
    await expectNoAxeViolations(page);

    // One clear next step in the page: the "Make a complaint" button, for this area.
    const next = main.getByRole("link", { name: "Make a complaint" });
    await expect(next).toHaveCount(1);
    await expect(next).toHaveAttribute("href", "/file?area=hamilton-niagara");
    await next.click();
    await expect(page).toHaveURL(/\/file\?area=hamilton-niagara$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Make a complaint");
  });

  test("in French it says the same, in French", async ({ page }) => {
    await visit(page, "/process/hamilton-niagara?lng=fr");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Comment porter plainte dans la région Hamilton–Péninsule du Niagara",
    );
    const main = page.locator("main");
    await expect(main).toContainText(
      "Votre gestionnaire de système de services, l’organisme qui gère les services d’Emploi Ontario dans votre région, est Fedcap Canada.",
    );
    expect(await sectionText(page, "Qui peut porter plainte")).toContain(
      "Utilisez le formulaire en ligne, ou communiquez avec nous par téléphone, courriel, poste ou en personne.",
    );

    const times = await sectionText(page, "Combien de temps prend chaque étape");
    expect(times).toContain("Nous confirmons la réception de votre plainte dans un délai de 2 jours ouvrables.");
    expect(times).toContain("Nous vous donnons une première vraie réponse dans un délai de 5 jours ouvrables.");
    expect(times).toContain("Nous rendons une décision écrite dans un délai de 20 jours ouvrables.");
    expect(times).toContain(
      "vous pouvez demander une révision dans un délai de 15 jours ouvrables après celle-ci, même si nous avons fermé le dossier entre-temps.",
    );
    expect(times).toContain("une échéance tombe donc toujours à 16 h 30 un jour ouvrable.");
    const levels = page
      .getByRole("heading", { level: 2, name: "Si vous n’êtes pas satisfait" })
      .locator("xpath=following-sibling::ol[1]/li");
    await expect(levels).toHaveText([
      "Premier examen : un agent ou le fournisseur de services l’examine Décision dans un délai de 20 jours ouvrables.",
      "Révision officielle Décision dans un délai de 20 jours ouvrables.",
      "Examen par un comité indépendant Décision dans un délai de 20 jours ouvrables.",
      "Au ministère",
    ]);
    expect(await sectionText(page, "Comment demander une révision")).toContain("Vous avez 15 jours ouvrables.");

    expect(await sectionText(page, "Ce que nous ne pouvons pas traiter")).toContain(
      `appelez le Centre de contact d’Emploi Ontario au ${MINISTRY_PHONE}`,
    );
    const programs = page
      .getByRole("heading", { level: 2, name: "Ce que nous ne pouvons pas traiter" })
      .locator("xpath=following-sibling::ul[1]/li");
    await expect(programs).toHaveText(RETAINED_FR);
    expect(await sectionText(page, "Service en français")).toContain(
      "Vous pouvez suivre tout ce processus en français : formulaires, lettres, courriels et rencontres.",
    );
    expect(await sectionText(page, "Vos renseignements personnels")).toContain(
      "Nous recueillons votre nom, vos coordonnées et ce que vous nous dites seulement pour examiner votre plainte",
    );
    const contacts = await sectionText(page, "Nous joindre");
    expect(contacts).toContain("Courriel");
    expect(contacts).toContain("Téléphone");
    expect(contacts).toContain("100 Main Street, Hamilton, Ontario");
    await expect(main.getByRole("link", { name: "905-555-0110" })).toHaveAttribute("href", "tel:905-555-0110");
    await expect(main).not.toContainText("business days");
    await expectNoAxeViolations(page);

    const next = main.getByRole("link", { name: "Déposer une plainte" });
    await expect(next).toHaveCount(1);
    await next.click();
    await expect(page).toHaveURL(/\/file\?area=hamilton-niagara$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déposer une plainte");
  });
});

test.describe("a complaint about a program the ministry runs", () => {
  test("in English it is referred out: the page gives the Contact Centre's number and a reference, and the email is the referral", async ({
    page,
  }) => {
    const filer = {
      name: `Robin Referral ${stamp}`,
      email: `robin.referral.${stamp}@example.com`,
      description: `My Better Jobs Ontario training grant was refused without a reason (${stamp}).`,
      outcome: "A reason in writing.",
      program: "Better Jobs Ontario",
    };
    await visit(page, "/file?area=hamilton-niagara");
    const program = page.getByLabel("Which program or service was it?");
    await expect(program.locator("optgroup")).toHaveCount(2);
    await expect(program.locator('optgroup[label="Programs the ministry runs"] > option')).toHaveText(RETAINED_EN);
    await expect(program.locator('optgroup[label="Programs we handle"] > option').first()).toHaveText(
      "Employment Service",
    );
    await fillComplaintForm(page, filer);
    await page.getByRole("button", { name: "Send my complaint" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The ministry handles this program");
    const notice = page.getByRole("status");
    await expect(notice).toHaveText(
      new RegExp(
        `^Better Jobs Ontario is run by the ministry, not by us\\. Please call the Employment Ontario Contact Centre at ${MINISTRY_PHONE}\\. We recorded that you contacted us \\(reference HAM-\\d{4}-\\d{6}\\)\\.$`,
      ),
    );
    const reference = /\((?:reference|référence) (HAM-\d{4}-\d{6})\)/.exec(await notice.innerText())![1]!;
    await expect(page.locator("main").getByRole("link", { name: MINISTRY_PHONE })).toHaveAttribute(
      "href",
      `tel:${MINISTRY_PHONE}`,
    );
    // Not an acknowledgement: no access code, nothing to follow on /status.
    await expect(page.getByTestId("secret")).toHaveCount(0);
    await expect(page.getByText("Your access code")).toHaveCount(0);
    await expect(page.getByText("We received your complaint")).toHaveCount(0);
    await expectNoAxeViolations(page);

    const mail = await waitForEmail(reference, { subject: "Where to send your complaint" });
    expect(mail.subject).toBe(`Where to send your complaint ${reference}`);
    expect(recipientOf(mail)).toBe(filer.email);
    expect(mail.headers.get("content-language")).toBe("en");
    expect(mail.text).toContain(`Hello ${filer.name},`);
    expect(mail.text).toContain(
      `Your complaint ${reference} is about Better Jobs Ontario. The ministry runs this program, not us. Please call the Employment Ontario Contact Centre at ${MINISTRY_PHONE}.`,
    );
    // The filing queued its one email with the case: nothing else (no acknowledgement) will follow.
    expect(queuedEmailSubjects(reference)).toEqual([`Where to send your complaint ${reference}`]);
    expect((await mailAbout(reference)).map((m) => m.subject)).toEqual([`Where to send your complaint ${reference}`]);
  });

  test("in French the page, the number and the referral email are in French", async ({ page }) => {
    const filer = {
      name: `Dominique Renvoi ${stamp}`,
      email: `dominique.renvoi.${stamp}@example.com`,
      description: `Ma demande d’apprentissage est restée sans réponse (${stamp}).`,
      outcome: "Une réponse à ma demande.",
    };
    await visit(page, "/file?area=hamilton-niagara&lng=fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déposer une plainte");
    const program = page.getByLabel("De quel programme ou service s’agit-il?");
    await expect(program.locator('optgroup[label="Programmes gérés par le ministère"] > option')).toHaveText(
      RETAINED_FR,
    );
    await expectNoAxeViolations(page);

    await page
      .getByLabel("Votre plainte porte sur quel fournisseur de services?")
      .selectOption({ label: "Centre d’emploi de Hamilton" });
    await program.selectOption({ label: "Apprentissage" });
    await page.getByLabel("Que s’est-il passé?").fill(filer.description);
    await page.getByLabel("Qu’aimeriez-vous qu’il se passe?").fill(filer.outcome);
    await page.getByLabel("Votre nom").fill(filer.name);
    await page.getByLabel(/^Courriel/).fill(filer.email);
    await page.getByLabel(/J’ai lu l’avis ci-dessous/).check();
    await page.getByRole("button", { name: "Envoyer ma plainte" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le ministère s’occupe de ce programme");
    const notice = page.getByRole("status");
    await expect(notice).toHaveText(
      new RegExp(
        `^Le programme Apprentissage est géré par le ministère, pas par nous\\. Veuillez appeler le Centre de contact d’Emploi Ontario au ${MINISTRY_PHONE}\\. Nous avons noté que vous avez communiqué avec nous \\(référence HAM-\\d{4}-\\d{6}\\)\\.$`,
      ),
    );
    const reference = /\(référence (HAM-\d{4}-\d{6})\)/.exec(await notice.innerText())![1]!;
    await expect(page.locator("main").getByRole("link", { name: MINISTRY_PHONE })).toHaveAttribute(
      "href",
      `tel:${MINISTRY_PHONE}`,
    );
    await expect(page.getByTestId("secret")).toHaveCount(0);
    await expectNoAxeViolations(page);

    const mail = await waitForEmail(reference);
    expect(mail.subject).toBe(`Où envoyer votre plainte ${reference}`);
    expect(recipientOf(mail)).toBe(filer.email);
    expect(mail.headers.get("content-language")).toBe("fr");
    expect(mail.text).toContain(`Bonjour ${filer.name},`);
    expect(mail.text).toContain(`Votre plainte ${reference} porte sur le programme Apprentissage.`);
    expect(mail.text).toContain(MINISTRY_PHONE);
    expect(queuedEmailSubjects(reference)).toEqual([`Où envoyer votre plainte ${reference}`]);
    expect((await mailAbout(reference)).map((m) => m.subject)).toEqual([`Où envoyer votre plainte ${reference}`]);
  });
});

test.describe("the optional questions about the filer, then withdrawing on /status (English)", () => {
  test.describe.configure({ mode: "serial" });

  const filer = {
    name: `Alex Optional ${stamp}`,
    email: `alex.optional.${stamp}@example.com`,
    description: `My workshop was moved online and I have no computer at home (${stamp}).`,
    outcome: "An in-person workshop.",
  };
  let reference = "";
  let secret = "";

  test("the six questions default to “Prefer not to say”; answering two still files the complaint, and only those two are kept", async ({
    page,
  }) => {
    await visit(page, "/file?area=hamilton-niagara");
    const about = page.getByRole("group", { name: "About you (optional)" });
    await expect(about).toBeVisible();
    await expect(about).toContainText("Your answers do not change how we handle your complaint.");
    for (const question of GROUPS_EN) {
      const group = about.getByRole("group", { name: `${question} (optional)`, exact: true });
      await expect(group.getByRole("radio"), question).toHaveCount(3);
      await expect(group.getByRole("radio", { name: "Prefer not to say" }), question).toBeChecked();
      await expect(group.getByRole("radio", { name: "Yes", exact: true })).not.toBeChecked();
      await expect(group.getByRole("radio", { name: "No", exact: true })).not.toBeChecked();
    }
    await expectNoAxeViolations(page);

    await fillComplaintForm(page, filer);
    await about
      .getByRole("group", { name: /^Are you a francophone\?/ })
      .getByRole("radio", { name: "Yes", exact: true })
      .check();
    await about
      .getByRole("group", { name: /^Do you have a disability\?/ })
      .getByRole("radio", { name: "No", exact: true })
      .check();
    await page.getByRole("button", { name: "Send my complaint" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
    reference = (await page.getByTestId("reference").innerText()).trim();
    secret = (await page.getByTestId("secret").innerText()).trim();
    expect(reference).toMatch(/^HAM-\d{4}-\d{6}$/);
    await expect(page.getByText(`We sent a confirmation to ${filer.email}.`)).toBeVisible();
    await expectNoAxeViolations(page);
    // "Prefer not to say" is not stored at all; the answers given are.
    expect(storedSelfIdentification(reference)).toEqual({ disability: "no", francophone: "yes" });
    const mail = await waitForEmail(reference, { subject: "We received your complaint" });
    expect(recipientOf(mail)).toBe(filer.email);
  });

  test("the filer withdraws the complaint: it says so, the status is Withdrawn, and only a message can still be sent", async ({
    page,
  }) => {
    await lookUpComplaint(page, reference, secret);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
    await expect(page.getByTestId("case-status")).toHaveText("Received");
    const withdraw = page.getByRole("region", { name: "Withdraw your complaint" });
    await expect(withdraw).toContainText("If you no longer want us to look into it.");
    await expectNoAxeViolations(page);

    // Issue #18: withdrawing asks first.
    await submitFullPage(page, withdraw.getByRole("link", { name: "Withdraw my complaint" }));
    await submitFullPage(page, page.getByRole("button", { name: "Yes, withdraw my complaint" }));
    await expect(page.getByRole("status")).toHaveText("Your complaint is withdrawn.");
    await expect(page.getByTestId("case-status")).toHaveText("Withdrawn");
    await expect(page.locator("ol.timeline")).toContainText("You withdrew it");
    // Nothing more happens to the complaint, but a message is never lost (issue #20): the box
    // stays, saying the file is closed and that staff are told at once.
    const noMoreActions = async () => {
      await expect(page.getByRole("region", { name: "Withdraw your complaint" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Withdraw my complaint" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Ask for a review" })).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "What happens next" })).toHaveCount(0);
      await expect(page.getByRole("textbox", { name: /^Add information/ })).toBeVisible();
      await expect(page.getByText("This file is closed. Anything you send is still added to it")).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out of this complaint" })).toBeVisible();
    };
    await noMoreActions();
    await expectNoAxeViolations(page);

    // Opened again later: still withdrawn, still no actions.
    await visit(page, "/status");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
    await expect(page.getByTestId("case-status")).toHaveText("Withdrawn");
    await expect(page.getByRole("status")).toHaveCount(0);
    await noMoreActions();
  });
});

test.describe("the optional questions, then withdrawing on /status (French)", () => {
  test.describe.configure({ mode: "serial" });

  const filer = {
    name: `Camille Facultatif ${stamp}`,
    email: `camille.facultatif.${stamp}@example.com`,
    description: `Mon atelier a été annulé deux fois sans préavis (${stamp}).`,
    outcome: "Un nouvel atelier en français.",
  };
  let reference = "";
  let secret = "";

  test("the questions default to « Je préfère ne pas répondre »; answering one files the complaint", async ({
    page,
  }) => {
    await visit(page, "/file?area=hamilton-niagara&lng=fr");
    const about = page.getByRole("group", { name: "À votre sujet (facultatif)" });
    await expect(about).toContainText("Vos réponses ne changent pas la façon dont nous traitons votre plainte.");
    for (const question of GROUPS_FR) {
      const group = about.getByRole("group", { name: `${question} (facultatif)`, exact: true });
      await expect(group.getByRole("radio", { name: "Je préfère ne pas répondre" }), question).toBeChecked();
      await expect(group.getByRole("radio", { name: "Oui", exact: true })).not.toBeChecked();
      await expect(group.getByRole("radio", { name: "Non", exact: true })).not.toBeChecked();
    }
    await expectNoAxeViolations(page);

    await page
      .getByLabel("Votre plainte porte sur quel fournisseur de services?")
      .selectOption({ label: "Centre d’emploi de Hamilton" });
    await page.getByLabel("De quel programme ou service s’agit-il?").selectOption({ label: "Services d’emploi" });
    await page.getByLabel("Que s’est-il passé?").fill(filer.description);
    await page.getByLabel("Qu’aimeriez-vous qu’il se passe?").fill(filer.outcome);
    await page.getByLabel("Votre nom").fill(filer.name);
    await page.getByLabel(/^Courriel/).fill(filer.email);
    await about
      .getByRole("group", { name: /^Êtes-vous francophone\?/ })
      .getByRole("radio", { name: "Oui", exact: true })
      .check();
    await page.getByLabel(/J’ai lu l’avis ci-dessous/).check();
    await page.getByRole("button", { name: "Envoyer ma plainte" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons reçu votre plainte");
    reference = (await page.getByTestId("reference").innerText()).trim();
    secret = (await page.getByTestId("secret").innerText()).trim();
    expect(reference).toMatch(/^HAM-\d{4}-\d{6}$/);
    await expectNoAxeViolations(page);
    expect(storedSelfIdentification(reference)).toEqual({ francophone: "yes" });
  });

  test("the filer withdraws it: « Votre plainte est retirée. », status Retirée, only a message can be sent", async ({
    page,
  }) => {
    await lookUpComplaint(page, reference, secret, "lng=fr");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier ${reference}`);
    await expect(page.getByTestId("case-status")).toHaveText("Reçue");
    const withdraw = page.getByRole("region", { name: "Retirer votre plainte" });
    await expect(withdraw).toContainText("Si vous ne voulez plus que nous l’examinions.");
    await expectNoAxeViolations(page);

    await submitFullPage(page, withdraw.getByRole("link", { name: "Retirer ma plainte" }));
    await submitFullPage(page, page.getByRole("button", { name: "Oui, retirer ma plainte" }));
    await expect(page.getByRole("status")).toHaveText("Votre plainte est retirée.");
    await expect(page.getByTestId("case-status")).toHaveText("Retirée");
    await expect(page.locator("ol.timeline")).toContainText("Vous l’avez retirée");
    await expect(page.getByRole("link", { name: "Retirer ma plainte" })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: /^Ajouter des renseignements/ })).toBeVisible();
    await expect(page.getByText("Ce dossier est fermé. Ce que vous envoyez y est tout de même ajouté")).toBeVisible();
    await expect(page.getByRole("button", { name: "Demander une révision" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Me déconnecter de cette plainte" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("Withdrawn");
    await expectNoAxeViolations(page);
  });
});
