import {
  expect,
  expectNoAxeViolations,
  login,
  recipientOf,
  test,
  visit,
  waitForEmail,
  waitForHydration,
} from "./fixtures";

test("?lng=fr shows the site in French and the choice is remembered on the next page", async ({ page, context }) => {
  await visit(page, "/?lng=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Un problème avec un service d’emploi?");
  await expect(page.getByRole("list", { name: "Toutes les régions" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Hamilton–Péninsule du Niagara" })).toBeVisible();
  await expect(page).toHaveTitle(/Recours$/);
  await expectNoAxeViolations(page);

  const cookie = (await context.cookies()).find((c) => c.name === "lng");
  expect(cookie?.value).toBe("fr");

  // A fresh page load with no ?lng= in the address: still French.
  await visit(page, "/status");
  expect(page.url()).not.toContain("lng=");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suivre votre plainte");
  await expect(page.getByLabel("Numéro de référence")).toBeVisible();
  await expectNoAxeViolations(page);

  // A page that does not exist: French too, down to the title a screen reader says first, and the
  // browser takes over the page without rewriting it (the fixture fails on a hydration error).
  await visit(page, "/no-such-page");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page).toHaveTitle("Page introuvable | Recours");
  await expectNoAxeViolations(page);
});

test("the language link switches to English and back, on the same page", async ({ page }) => {
  await visit(page, "/process/ottawa?lng=fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comment porter plainte dans la région Ottawa");

  const toEnglish = page.getByRole("link", { name: "Read this page in English" });
  await expect(toEnglish).toHaveText("English");
  await expect(toEnglish).toHaveAttribute("lang", "en");
  await toEnglish.click();
  await waitForHydration(page);
  await expect(page).toHaveURL(/\/process\/ottawa\?lng=en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How to make a complaint in Ottawa");
  await expectNoAxeViolations(page);

  // Remembered in English too, then back to French with the link.
  await visit(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Have a problem with an employment service?");
  const toFrench = page.getByRole("link", { name: "Lire cette page en français" });
  await expect(toFrench).toHaveText("Français");
  await toFrench.click();
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Un problème avec un service d’emploi?");
});

test("a complaint can be made in French from start to finish, with a French acknowledgement email", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const filer = {
    name: `Chloé Bélanger ${stamp}`,
    email: `chloe.belanger.${stamp}@example.com`,
    description: `On m’a refusé un service en français alors que j’en avais fait la demande (${stamp}).`,
    outcome: "Un conseiller qui parle français.",
  };

  await visit(page, "/?lng=fr");
  await page.getByRole("navigation").getByRole("link", { name: "Déposer une plainte" }).click();
  await expect(page).toHaveURL(/\/file$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déposer une plainte");
  await expectNoAxeViolations(page);
  await page.getByLabel("Dans quelle région habitez-vous?").selectOption({ label: "Ottawa" });
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/file\?area=ottawa$/);
  await expect(page.getByText("Région : Ottawa")).toBeVisible();

  // French labels, with French required/optional flags.
  await expect(page.getByLabel("Votre plainte porte sur quel fournisseur de services?")).toBeVisible();
  await expect(page.getByText("Que s’est-il passé? (obligatoire)")).toBeVisible();
  await expect(page.getByText("Courriel (facultatif)")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Français" })).toBeChecked();
  await expectNoAxeViolations(page);

  // Empty: French errors.
  await page.getByRole("button", { name: "Envoyer ma plainte" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Il y a un problème" }) });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Que s’est-il passé? : Dites ce qui s’est passé.");
  await expect(summary).toContainText(
    "De quel programme ou service s’agit-il? : Choisissez le programme ou le service visé par votre plainte.",
  );
  await expect(summary).toContainText("Cochez cette case pour envoyer votre plainte.");
  await expect(page.getByLabel("Votre nom")).toHaveAccessibleDescription("Entrez un nom.");
  await expect(page.locator("main")).not.toContainText("Answer this question");
  await expectNoAxeViolations(page);

  await page
    .getByLabel("Votre plainte porte sur quel fournisseur de services?")
    .selectOption({ label: "Je ne sais pas" });
  await page.getByLabel("De quel programme ou service s’agit-il?").selectOption({ label: "Services d’emploi" });
  await page.getByLabel("Que s’est-il passé?").fill(filer.description);
  await page.getByLabel("Qu’aimeriez-vous qu’il se passe?").fill(filer.outcome);
  await page.getByLabel("Votre nom").fill(filer.name);
  await page.getByLabel(/^Courriel/).fill(filer.email);
  await page
    .getByRole("group", { name: /mesure d’adaptation/ })
    .getByLabel("Non", { exact: true })
    .check();
  await page.getByLabel(/J’ai lu l’avis ci-dessous/).check();
  await page.getByRole("button", { name: "Envoyer ma plainte" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons reçu votre plainte");
  await expect(page.getByText("Votre numéro de référence")).toBeVisible();
  await expect(page.getByText("Votre code d’accès")).toBeVisible();
  await expect(page.getByText(`Nous avons envoyé une confirmation à ${filer.email}.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Suivre votre plainte" }).last()).toBeVisible();
  const reference = (await page.getByTestId("reference").innerText()).trim();
  const secret = (await page.getByTestId("secret").innerText()).trim();
  expect(reference).toMatch(/^OTT-\d{4}-\d{6}$/);
  await expectNoAxeViolations(page);

  const mail = await waitForEmail(reference);
  expect(mail.subject).toBe(`Nous avons reçu votre plainte ${reference}`);
  expect(recipientOf(mail)).toBe(filer.email);
  expect(mail.headers.get("content-language")).toBe("fr");
  expect(mail.text).toContain(`Bonjour ${filer.name},`);
  expect(mail.text).toContain(`/status?reference=${reference}`);
  expect(mail.text).not.toContain("We received");
  expect(mail.text).not.toContain(secret);
});

test("a French staff account signs in to French, from the English sign-in page", async ({ page }) => {
  await visit(page, "/?lng=en");
  await login(page, "staff@ottawa.example.org");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Dossiers : /);
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Remembered on the next page load, and the person can still choose English.
  await visit(page, "/cases?lng=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Cases: /);
});

test("a French staff account reads the queue's due steps and the case's next-step banner in French", async ({
  page,
}) => {
  await login(page, "staff@ottawa.example.org");
  await visit(page, "/cases");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // The step due beside its date, in French: « décision, niveau 1 — … ».
  const dueStep = page.getByTestId("due-step").first();
  await expect(dueStep).toHaveText(
    /^(accusé de réception|première réponse|décision, niveau \d|réponse du fournisseur|examen de la réponse par la personne) — .*\d{4}$/,
  );
  await expectNoAxeViolations(page);

  await page.locator("tbody > tr").filter({ has: dueStep }).first().getByRole("link").first().click();
  const banner = page.getByTestId("next-step");
  await expect(banner.getByRole("heading", { level: 2 })).toHaveText("Prochaine étape");
  await expect(banner.locator(".next-step__what")).toHaveText(
    /^(Accusé de réception|Première réponse|Décision, niveau \d|Réponse du fournisseur|Examen de la réponse par la personne), échéance le .+/i,
  );
  await expect(banner).toContainText(/Dossier suivi par .+|Personne ne suit encore ce dossier\./);
  await expect(banner).not.toContainText(/Next step|Held by|Nobody/);
  await expectNoAxeViolations(page);
});
