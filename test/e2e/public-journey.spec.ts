import {
  composeOnCase,
  expect,
  expectNoAxeViolations,
  login,
  queryDb,
  readAllMail,
  recipientOf,
  test,
  visit,
  waitForEmail,
  waitForHydration,
  waitForIdle,
} from "./fixtures";
import type { Page } from "@playwright/test";

// One complaint followed from the public pages, through the SSM's staff, back to the filer. The
// tests share it, so they run in order; a failure stops the ones after it.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const filer = {
  name: `Jordan Rivers ${stamp}`,
  email: `jordan.rivers.${stamp}@example.com`,
  phone: "905-555-0142",
  description: `My counsellor cancelled my appointments three times without calling me (${stamp}).`,
  outcome: "A new counsellor and a meeting this month.",
  accommodation: "Large print letters, please.",
};
const reply = `We asked the provider for its appointment records (${stamp}).`;
const note = `Internal: provider manager is on leave until Monday (${stamp}).`;
const reasons = `The provider did not follow its own appointment policy (${stamp}).`;

let reference = "";
let secret = "";

const AREAS = [
  "Hamilton–Niagara Peninsula",
  "Muskoka–Kawarthas",
  "Peel",
  "Halton",
  "Kingston–Pembroke",
  "Stratford–Bruce Peninsula",
  "York",
  "Durham",
  "Kitchener–Waterloo–Barrie",
  "London",
  "Ottawa",
  "Windsor–Sarnia",
  "Northeast",
  "Northwest",
  "Toronto",
];

function queuedAcknowledgements(): number {
  return queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM email_outbox WHERE template = 'acknowledgement'")[0]!.n;
}

async function ackEmailCount(): Promise<number> {
  return (await readAllMail()).filter(({ mail }) => mail.subject?.startsWith("We received your complaint")).length;
}

async function checkStatus(page: Page, code: string) {
  await visit(page, `/status?reference=${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: "Check your complaint" })).toBeVisible();
  await expect(page.getByLabel("Reference number")).toHaveValue(reference);
  await page.getByLabel("Access code").fill(code);
  await page.getByRole("button", { name: "Check" }).click(); // a full page post: see app/routes/status.tsx
  await waitForHydration(page);
}

test("the home page lists the 15 areas and leads to an area's complaint process", async ({ page }) => {
  await visit(page, "/");
  await expect(page).toHaveTitle(/Recourse/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Have a problem with an employment service?");
  // A plain list of the areas: no company names, no "phase" (words a client does not use).
  await expect(page.getByText("Phase")).toHaveCount(0);
  const areaLinks = page.getByRole("list", { name: "All areas" }).getByRole("link");
  await expect(areaLinks).toHaveCount(15);
  expect((await areaLinks.allInnerTexts()).sort()).toEqual([...AREAS].sort());
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Hamilton–Niagara Peninsula" }).click();
  await expect(page).toHaveURL(/\/process\/hamilton-niagara$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "How to make a complaint in Hamilton–Niagara Peninsula",
  );
  await expect(
    page.getByText(
      "Your Service System Manager, the organization that runs Employment Ontario services in your area, is Fedcap Canada.",
    ),
  ).toBeVisible();
  const times = page
    .getByRole("heading", { name: "How long each step takes" })
    .locator("xpath=following-sibling::ul[1]");
  await expect(times).toContainText("within 2 business days");
  await expect(times).toContainText("first real answer within 5 business days");
  await expect(times).toContainText("written decision within 20 business days");
  await expect(times).toContainText("review within 15 business days");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Make a complaint" }).last().click();
  await expect(page).toHaveURL(/\/file\?area=hamilton-niagara$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Make a complaint");
  await expect(page.getByText("Area: Hamilton–Niagara Peninsula")).toBeVisible();
});

test("an empty complaint is refused with an error summary that takes focus; a complete one is filed", async ({
  page,
}) => {
  await visit(page, "/file?area=hamilton-niagara");
  await expectNoAxeViolations(page);
  const acksBefore = await ackEmailCount();
  const queuedBefore = queuedAcknowledgements();

  // 1. Nothing filled in.
  await page.getByRole("button", { name: "Send my complaint" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
  await expect(summary.getByRole("link")).toContainText([
    "Which service provider is your complaint about?: Choose the service provider your complaint is about, or choose \u201cI don't know\u201d.",
    "Which program or service was it?: Choose the program or service your complaint is about.",
    "What happened?: Say what happened.",
    "What would you like to happen?: Say what you would like to happen.",
    "Your name: Enter a name.",
    "Email: Give an email or a phone number so we can reach you.",
    "I have read the notice below and agree that you use this information to handle my complaint.: Check this box to send your complaint.",
  ]);

  // Each error is also beside its field, and announced with it.
  const besideFields: [ReturnType<Page["getByLabel"]>, string][] = [
    [
      page.getByLabel("Which service provider is your complaint about?"),
      "Choose the service provider your complaint is about, or choose \u201cI don't know\u201d.",
    ],
    [page.getByLabel("Which program or service was it?"), "Choose the program or service your complaint is about."],
    [page.getByLabel("What happened?"), "Say what happened."],
    [page.getByLabel("What would you like to happen?"), "Say what you would like to happen."],
    [page.getByLabel("Your name"), "Enter a name."],
    [page.getByRole("textbox", { name: /^Email/ }), "Give an email or a phone number so we can reach you."],
    [page.getByRole("checkbox", { name: /I have read the notice/ }), "Check this box to send your complaint."],
  ];
  for (const [field, message] of besideFields) {
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/\./g, "\\.")));
  }
  await expect(page.locator(".field-error")).toHaveText(besideFields.map(([, m]) => m));
  await expectNoAxeViolations(page);

  // Nothing was filed: still the form, no reference, and no acknowledgement email goes out.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Make a complaint");
  await expect(page.getByText("Your reference number")).toHaveCount(0);
  // An acknowledgement is queued with the case it acknowledges, in one transaction: none was queued.
  expect(queuedAcknowledgements()).toBe(queuedBefore);
  expect(await ackEmailCount()).toBe(acksBefore);

  // 2. Every field filled in, found by its label.
  await page
    .getByLabel("Which service provider is your complaint about?")
    .selectOption({ label: "Hamilton Employment Centre" });
  await page.getByLabel("Which program or service was it?").selectOption({ label: "Employment Service" });
  await page.getByLabel("What happened?").fill(filer.description);
  await page.getByLabel("What would you like to happen?").fill(filer.outcome);
  await page.getByLabel("Your name").fill(filer.name);
  await page.getByLabel(/^Email/).fill(filer.email);
  await page.getByLabel(/^Phone/).fill(filer.phone);
  await page.getByLabel("English", { exact: true }).check();
  await page
    .getByRole("group", { name: /accommodation/ })
    .getByLabel("Yes", { exact: true })
    .check();
  await page.getByLabel("What do you need?").fill(filer.accommodation);
  await page.getByLabel(/I have read the notice/).check();
  await page.getByRole("button", { name: "Send my complaint" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  reference = (await page.getByTestId("reference").innerText()).trim();
  secret = (await page.getByTestId("secret").innerText()).trim();
  expect(reference).toMatch(/^HAM-\d{4}-\d{6}$/);
  expect(secret.length).toBeGreaterThanOrEqual(8);
  await expect(page.getByText("Your access code")).toBeVisible();
  await expect(page.getByText(`We sent a confirmation to ${filer.email}.`)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the acknowledgement email arrives in English with the reference and status link, without the access code", async () => {
  const mail = await waitForEmail(reference, { subject: "We received your complaint" });
  expect(mail.subject).toBe(`We received your complaint ${reference}`);
  expect(recipientOf(mail)).toBe(filer.email);
  expect(mail.headers.get("content-language")).toBe("en");
  const text = mail.text ?? "";
  expect(text).toContain(`Hello ${filer.name},`);
  expect(text).toContain(`Your reference number is ${reference}.`);
  expect(text).toContain(`http://127.0.0.1:${process.env.RECOURSE_E2E_PORT}/status?reference=${reference}`);
  expect(text).toContain("You asked for an accommodation.");
  expect(mail.html || "").toContain(`/status?reference=${reference}`);
  expect(text).not.toContain(secret);
  expect(String(mail.html)).not.toContain(secret);
});

test("the filer checks the complaint with reference and access code; a wrong code finds nothing", async ({ page }) => {
  await checkStatus(page, secret);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText("Received");
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.locator("ol.timeline > li")).toHaveCount(1);
  await expect(page.locator("ol.timeline")).toContainText("Complaint received");
  await expectNoAxeViolations(page);

  // Closing the case (on a shared computer, say) brings the lookup form back.
  await page.getByRole("button", { name: "Sign out of this complaint" }).click();
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your complaint");
  await expect(page.getByText(filer.description)).toHaveCount(0);

  await checkStatus(page, "WRONG-CODE-123");
  await expect(page.getByRole("alert")).toContainText(
    "Access code: We could not find a complaint with this reference number and access code.",
  );
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your complaint");
  await expect(page.getByText(filer.description)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("SSM staff acknowledge, reply, note and decide; the timeline shows each action and who did it", async ({
  page,
}) => {
  await login(page, "staff@hamilton-niagara.example.org");
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Cases: /);
  await expectNoAxeViolations(page);
  const link = page.getByRole("link", { name: reference, exact: true });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${reference}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText("Received");
  await expect(page.getByText(filer.description)).toBeVisible();
  await expectNoAxeViolations(page);

  const notice = page.getByRole("status");
  await page.getByRole("button", { name: "Acknowledge receipt" }).click();
  await expect(notice).toHaveText("Receipt acknowledged.");
  await expect(page.getByTestId("case-status")).toHaveText("Acknowledged");

  await composeOnCase(page, "Public reply", reply);
  await expect(notice).toHaveText("Reply sent.");
  await waitForIdle(page);

  await composeOnCase(page, "Internal note", note);
  await expect(notice).toHaveText("Note added.");

  await page.getByRole("combobox", { name: /^Outcome/ }).selectOption({ label: "Complaint upheld" });
  await page.getByRole("textbox", { name: /^Written reasons/ }).fill(reasons);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(notice).toHaveText("Decision recorded.");
  await expect(page.getByTestId("case-status")).toHaveText("Decided");
  await waitForIdle(page);

  const timeline = page.getByRole("region", { name: "Timeline" }).locator("ol > li");
  const entry = (title: string) => timeline.filter({ has: page.locator(".timeline__title", { hasText: title }) });
  await expect(entry("Complaint received")).toContainText("by the person who complained");
  for (const [title, body] of [
    ["Receipt confirmed", null],
    ["Reply", reply],
    ["Internal note", note],
    ["Decision: Complaint upheld", reasons],
  ] as const) {
    const item = entry(title);
    await expect(item, `timeline entry "${title}"`).toHaveCount(1);
    await expect(item).toContainText("by Hamilton Case Officer");
    if (body) await expect(item).toContainText(body);
  }
  await expect(entry("Internal note")).toContainText("Internal");
  await expectNoAxeViolations(page);
});

test("the filer gets the acknowledgement, the reply and the decision by email, without the internal note", async () => {
  const ackMail = await waitForEmail(reference, { subject: "We are looking at your complaint" });
  expect(recipientOf(ackMail)).toBe(filer.email);
  expect(ackMail.text).toContain(`Fedcap Canada has started looking at your complaint ${reference}.`);

  const replyMail = await waitForEmail(reference, { subject: "New message about your complaint" });
  expect(recipientOf(replyMail)).toBe(filer.email);
  expect(replyMail.text).toContain(reply);
  expect(replyMail.text).toContain(`/status?reference=${reference}`);

  const decisionMail = await waitForEmail(reference, { subject: "Decision on your complaint" });
  expect(recipientOf(decisionMail)).toBe(filer.email);
  expect(decisionMail.text).toContain("We agree with your complaint");
  expect(decisionMail.text).toContain(reasons);
  // Issue #19: the last day to ask, as a date, and the SSM with its phone number.
  expect(decisionMail.text).toMatch(/ask for a review by \w+, \w+ \d{1,2}, \d{4}\./);
  expect(decisionMail.text).not.toMatch(/\d+ business days/);
  expect(decisionMail.text).toMatch(/Fedcap Canada is your Service System Manager, .*Phone: \d{3}-\d{3}-\d{4}/);

  for (const { mail } of await readAllMail()) {
    if (!mail.subject?.includes(reference)) continue;
    expect(mail.text, `email "${mail.subject}"`).not.toContain(note);
    expect(mail.text, `email "${mail.subject}"`).not.toContain(secret);
  }
});

test("the filer sees the public reply and the decision, but not the internal note", async ({ page }) => {
  await checkStatus(page, secret);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText("Decided");
  await expect(page.getByText(reply)).toBeVisible();
  const decision = page.getByRole("region", { name: "Decision", exact: true });
  await expect(decision).toContainText("We agree with your complaint");
  await expect(decision).toContainText(reasons);
  await expect(page.locator("ol.timeline")).toContainText("Receipt confirmed");
  await expect(page.locator("ol.timeline")).toContainText("Decision: We agree with your complaint");
  await expect(page.locator("main")).not.toContainText(note);
  await expect(page.locator("main")).not.toContainText("Internal note");
  await expectNoAxeViolations(page);
});

test("staff of another SSM (Ottawa) get a not-found page for this case", async ({ page }) => {
  await login(page, "staff@ottawa.example.org");
  const response = await page.goto(`/cases/${reference}`);
  expect(response?.status()).toBe(404);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(Page not found|Page introuvable)$/);
  await expect(page).toHaveTitle(/^(Page not found \| Recourse|Page introuvable \| Recours)$/);
  await expect(page.locator("main")).not.toContainText(filer.name);
  await expect(page.locator("main")).not.toContainText(filer.description);
  await expectNoAxeViolations(page);

  // Nor is it in their queue.
  await visit(page, "/cases");
  await expect(page.getByRole("link", { name: reference })).toHaveCount(0);
});

test("a ministry analyst sees quarterly totals and no filer's name", async ({ page }) => {
  await login(page, "analyst@ministry.example.org");
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quarterly reports");
  await expect(page.getByTestId("submitted-count")).toHaveText(/^\d+ of 15 SSMs have submitted\./);
  const table = page.getByTestId("comparison-table");
  expect(await table.locator("tbody > tr").count()).toBeGreaterThanOrEqual(1);
  // Ontario's total of the submitted reports, a count above the suppression threshold.
  await expect(table.locator("tfoot").getByRole("rowheader")).toHaveText("Ontario");
  const total = Number((await table.locator("tfoot td").first().innerText()).trim().replace(/,/g, ""));
  expect(total).toBeGreaterThanOrEqual(5);
  const body = page.locator("body");
  await expect(body).not.toContainText(filer.name);
  await expect(body).not.toContainText(filer.email);
  // Nor any demo filer's.
  for (const name of ["Jordan Lee", "Amira Haddad", "Marc Tremblay", "Priya Sharma"]) {
    await expect(body).not.toContainText(name);
  }
  await expectNoAxeViolations(page);
});

test("an empty complaint also says at once that an email or a phone number is needed", async ({ page }) => {
  await visit(page, "/file?area=hamilton-niagara");
  await page.getByRole("button", { name: "Send my complaint" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole("link", { name: "Email: Give an email or a phone number so we can reach you." }),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Email/ })).toHaveAccessibleDescription(
    /Give an email or a phone number so we can reach you\./,
  );
});
