import type { Locator, Page } from "@playwright/test";
import {
  composeOnCase,
  expect,
  expectNoAxeViolations,
  login,
  recipientOf,
  test,
  visit,
  waitForEmail,
  waitForAcknowledgementAccepted,
  waitForHydration,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// Deadlines and the recourse protocol, seen by the people who use them: a fresh Hamilton complaint
// followed through its clocks (acknowledge, pause for information, decision, review at level 2),
// the manager's policy page, the queue's overdue badges, and the clocks in French.

const STAFF = "staff@hamilton-niagara.example.org";
const MANAGER = "manager@hamilton-niagara.example.org";
const STAFF_NAME = "Hamilton Case Officer";

const stamp = `dl-${Date.now().toString(36)}`;
const filer = {
  name: `Sam Deadline ${stamp}`,
  email: `sam.deadline.${stamp}@example.com`,
  description: `My job coach stopped answering my emails after our first meeting (${stamp}).`,
  outcome: "A call back and a plan for my job search.",
};
const question = `Which office did you visit, and on what date? (${stamp})`;
const information = `The King Street office, on the 3rd of last month (${stamp}).`;
const reasons = `The provider showed that the coach wrote back twice (${stamp}).`;
const disagreement = `The two emails were sent to an address I never gave them (${stamp}).`;

let reference = "";
let secret = "";

/** Files a complaint through the public form for Hamilton–Niagara; returns reference and access code. */
async function fileComplaint(page: Page): Promise<{ reference: string; secret: string }> {
  await visit(page, "/file?area=hamilton-niagara");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Make a complaint");
  await expectNoAxeViolations(page);
  await page
    .getByLabel("Which service provider is your complaint about?")
    .selectOption({ label: "Hamilton Employment Centre" });
  await page.getByLabel("Which program or service was it?").selectOption({ label: "Employment Service" });
  await page.getByLabel("What happened?").fill(filer.description);
  await page.getByLabel("What would you like to happen?").fill(filer.outcome);
  await page.getByLabel("Your name").fill(filer.name);
  await page.getByLabel(/^Email/).fill(filer.email);
  await page.getByLabel("English", { exact: true }).check();
  await page
    .getByRole("group", { name: /accommodation/ })
    .getByLabel("No", { exact: true })
    .check();
  await page.getByLabel(/I have read the notice/).check();
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  const filed = {
    reference: (await page.getByTestId("reference").innerText()).trim(),
    secret: (await page.getByTestId("secret").innerText()).trim(),
  };
  expect(filed.reference).toMatch(/^HAM-\d{4}-\d{6}$/);
  await expectNoAxeViolations(page);
  return filed;
}

/** The filer opens the case on /status with reference and access code (a full page post). */
async function openStatus(page: Page): Promise<void> {
  await visit(page, `/status?reference=${reference}`);
  await expect(page.getByLabel("Reference number")).toHaveValue(reference);
  await page.getByLabel("Access code").fill(secret);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
  await waitForHydration(page);
}

async function openCase(page: Page): Promise<void> {
  await visit(page, `/cases/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
}

/** The row of the Deadlines table for one clock ("Acknowledge", "Decision at level 1"…). */
function clockRow(page: Page, name: string): Locator {
  return page
    .getByTestId("clocks")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}
/** One cell of the Deadlines table, found by its clock (row) and its column's header. */
async function clockCell(page: Page, clock: string, column: string): Promise<Locator> {
  const headers = page.getByTestId("clocks").getByRole("columnheader");
  await expect(headers.first()).toBeVisible();
  const index = (await headers.allInnerTexts()).map((h) => h.trim()).indexOf(column);
  expect(index, `column "${column}" in the Deadlines table`).toBeGreaterThan(0);
  return clockRow(page, clock)
    .getByRole("cell")
    .nth(index - 1); // the clock's name is the row header
}
const stateOf = (page: Page, clock: string, column = "State") => clockCell(page, clock, column);
const timeLeftOf = (page: Page, clock: string, column = "Time left") => clockCell(page, clock, column);

function timelineEntry(page: Page, title: string): Locator {
  return page
    .getByRole("region", { name: "Timeline" })
    .locator("ol > li")
    .filter({ has: page.locator(".timeline__title").getByText(title, { exact: true }) });
}

test.describe("a complaint's clocks, from filing to a level 2 review", () => {
  test.describe.configure({ mode: "serial" });

  test("staff see the clocks running, take the case, acknowledge it and ask for information: the decision clock pauses", async ({
    page,
  }) => {
    ({ reference, secret } = await fileComplaint(page));

    await login(page, STAFF);
    await openCase(page);
    const deadlines = page.getByRole("region", { name: "Deadlines" });
    await expect(deadlines.getByRole("columnheader").first()).toHaveText("Clock");
    expect(await deadlines.getByRole("columnheader").allInnerTexts()).toEqual(
      expect.arrayContaining(["Clock", "Counts from", "Due", "State", "Time left"]),
    );
    await expect(deadlines.getByRole("rowheader")).toHaveText(["Acknowledge", "First response", "Decision at level 1"]);
    for (const name of ["Acknowledge", "First response", "Decision at level 1"]) {
      await expect(await stateOf(page, name), `state of ${name}`).toHaveText("Running");
      await expect(await timeLeftOf(page, name), `time left for ${name}`).toHaveText(
        /^(\d+ business days left|1 business day left|Due today)$/,
      );
    }
    await expect(await timeLeftOf(page, "Decision at level 1")).toHaveText(/^\d+ business days left$/);
    await expect(deadlines).toContainText(
      "Clocks count business days in America/Toronto. A complaint received after 4:30 p.m., on a weekend or on a holiday counts from the next business day; a deadline ends at 4:30 p.m. on its last business day.",
    );
    await expect(deadlines).toContainText(/Filed under policy version \d+, in force from \d{4}-\d{2}-\d{2}\./);
    await expect(page.locator(".status-line")).toContainText("Not assigned");
    await expectNoAxeViolations(page);

    const notice = page.getByRole("status");
    await page.getByRole("button", { name: "Assign to me" }).click();
    await expect(notice).toHaveText("The case is assigned.");
    await expect(page.locator(".status-line")).toContainText(`Assigned to ${STAFF_NAME}`);
    await expect(page.getByRole("button", { name: "Assign to me" })).toHaveCount(0);
    await waitForIdle(page);

    await page.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(notice).toHaveText("Receipt acknowledged.");
    await expect(page.getByTestId("case-status")).toHaveText("Acknowledged");
    // Met when the mail server takes the acknowledgement, not on the click (issue #18).
    await waitForAcknowledgementAccepted(page, reference);
    await expect(await stateOf(page, "Acknowledge")).toHaveText(/^Met \(Done .+\)$/);
    await expect(await timeLeftOf(page, "Acknowledge")).toHaveText("—");
    await expect(await stateOf(page, "Decision at level 1")).toHaveText("Running");
    await waitForIdle(page);

    await composeOnCase(page, "Question to the person", question);
    await expect(notice).toHaveText("Question sent. The decision clock is paused.");
    await expect(page.getByTestId("case-status")).toHaveText("Waiting for the person who complained");
    await expect(await stateOf(page, "Decision at level 1")).toHaveText("Paused");
    await expect(await stateOf(page, "First response")).toHaveText(/^(Running|Met.*)$/);
    await expect(timelineEntry(page, "Information asked for")).toContainText(question);
    await expect(timelineEntry(page, "Clock paused: Waiting for the person who complained")).toContainText("Internal");
    await waitForIdle(page);
    await expectNoAxeViolations(page);

    const mail = await waitForEmail(reference, { subject: "We need more information" });
    expect(mail.subject).toBe(`We need more information about your complaint ${reference}`);
    expect(recipientOf(mail)).toBe(filer.email);
    expect(mail.text).toContain(question);
    expect(mail.text).toContain(`/status?reference=${reference}`);
    expect(mail.text).not.toContain(secret);
  });

  test("the filer sees the waiting notice and adds information; staff see the decision clock running again", async ({
    page,
    browser,
  }) => {
    await openStatus(page);
    await expect(page.getByTestId("case-status")).toHaveText("Waiting for your answer");
    // Issue #18: the question is quoted above the box that answers it.
    await expect(page.getByRole("region", { name: "Our question to you" }).locator("blockquote")).toHaveText(question);
    await expect(page.locator("ol.timeline")).toContainText(question);
    await expectNoAxeViolations(page);

    await page.getByRole("textbox", { name: /^Your answer/ }).fill(information);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Thank you. We added this to your file.");
    await waitForHydration(page);
    await expect(page.getByTestId("case-status")).toHaveText("In review");
    await expect(page.getByRole("region", { name: "Our question to you" })).toHaveCount(0);
    await expect(page.locator("ol.timeline")).toContainText(information);
    await expectNoAxeViolations(page);

    await withFreshPage(browser, async (staffPage) => {
      await login(staffPage, STAFF);
      await openCase(staffPage);
      await expect(staffPage.getByTestId("case-status")).toHaveText("In review");
      await expect(await stateOf(staffPage, "Decision at level 1")).toHaveText("Running");
      await expect(await timeLeftOf(staffPage, "Decision at level 1")).toHaveText(/^\d+ business days? left$/);
      // The pause rule: the case page says how the wait moved the deadline (whole business days touched).
      await expect(staffPage.getByTestId("clock-pauses")).toContainText(
        /Decision at level 1: Paused .+ (deadline moved \d+ business days?|deadline unchanged)/,
      );
      const entry = timelineEntry(staffPage, "More information from the person");
      await expect(entry).toHaveCount(1);
      await expect(entry).toContainText(information);
      await expect(entry).toContainText("by the person who complained");
      await expect(timelineEntry(staffPage, "Clock restarted: More information from the person")).toHaveCount(1);
      await expectNoAxeViolations(staffPage);
    });
  });

  test("after a decision the filer asks for a review: the case moves to level 2 with its own decision clock", async ({
    page,
    browser,
  }) => {
    await login(page, STAFF);
    await openCase(page);
    await page.getByRole("combobox", { name: /^Outcome/ }).selectOption({ label: "Complaint not upheld" });
    await page.getByRole("textbox", { name: /^Written reasons/ }).fill(reasons);
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("status")).toHaveText("Decision recorded.");
    await expect(page.getByTestId("case-status")).toHaveText("Decided");
    await expect(await stateOf(page, "Decision at level 1")).toHaveText(/^Met \(Done .+\)$/);
    await expect(page.getByRole("region", { name: "Deadlines" })).toContainText(
      /The person can ask for a review until .+\./,
    );
    await waitForIdle(page);
    await expectNoAxeViolations(page);

    await withFreshPage(browser, async (filerPage) => {
      await openStatus(filerPage);
      await expect(filerPage.getByTestId("case-status")).toHaveText("Decided");
      const decision = filerPage.getByRole("region", { name: "Decision", exact: true });
      await expect(decision).toContainText("We do not agree with your complaint");
      await expect(decision).toContainText(reasons);
      const recourse = filerPage.getByRole("region", { name: "Not satisfied with the decision?" });
      await expect(recourse).toBeVisible();
      await expect(recourse).toContainText(/You can ask for a review at the next level until \S.*\d{4}\./);
      await expectNoAxeViolations(filerPage);

      await recourse.getByRole("textbox", { name: /^Why do you disagree with the decision\?/ }).fill(disagreement);
      await recourse.getByRole("button", { name: "Ask for a review" }).click();
      await expect(filerPage.getByRole("status")).toHaveText("Your complaint moved to the next level.");
      await waitForHydration(filerPage);
      await expect(filerPage.getByText("Formal review", { exact: true })).toBeVisible();
      await expect(filerPage.getByRole("region", { name: "Not satisfied with the decision?" })).toHaveCount(0);
      await expect(filerPage.locator("ol.timeline")).toContainText("You asked for a review");
      await expectNoAxeViolations(filerPage);
    });

    await openCase(page);
    await expect(page.locator(".status-line")).toContainText("Level 2");
    const level2 = clockRow(page, "Decision at level 2");
    await expect(level2).toHaveCount(1);
    await expect(await stateOf(page, "Decision at level 2")).toHaveText("Running");
    await expect(await timeLeftOf(page, "Decision at level 2")).toHaveText(/^\d+ business days left$/);
    await expect(timelineEntry(page, "Review asked for")).toContainText(disagreement);
    await expect(timelineEntry(page, "Moved to level 2")).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test("in French, the case page's deadlines table has French headers, clocks and states", async ({ page }) => {
    await login(page, STAFF);
    await visit(page, `/cases/${reference}?lng=fr`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    const deadlines = page.getByRole("region", { name: "Échéances" });
    await expect(deadlines.getByRole("columnheader").first()).toHaveText("Délai");
    expect(await deadlines.getByRole("columnheader").allInnerTexts()).toEqual(
      expect.arrayContaining(["Délai", "Compte à partir du", "Échéance", "État", "Temps restant"]),
    );
    await expect(deadlines.getByRole("rowheader")).toHaveText([
      "Accusé de réception",
      "Première réponse",
      "Décision au niveau 1",
      "Décision au niveau 2",
    ]);
    await expect(await stateOf(page, "Accusé de réception", "État")).toHaveText(/^Respecté \(Fait le .+\)$/);
    await expect(await stateOf(page, "Décision au niveau 2", "État")).toHaveText("En cours");
    await expect(await timeLeftOf(page, "Décision au niveau 2", "Temps restant")).toHaveText(
      /^\d+ jours ouvrables restants$/,
    );
    await expect(deadlines).toContainText("Les délais se comptent en jours ouvrables");
    await expect(deadlines).not.toContainText("business days");
    await expectNoAxeViolations(page);
  });
});

test("the queue sorts cases by next deadline and marks overdue ones", async ({ page }) => {
  await login(page, STAFF);
  await visit(page, "/cases");
  const queue = page.getByRole("region", { name: "Cases", exact: true });
  await expect(queue.getByRole("columnheader").nth(1)).toHaveText("Next deadline");
  const rows = queue.locator("tbody > tr");
  expect(await rows.count()).toBeGreaterThan(1);
  const overdueRows = rows.filter({ has: page.getByText("overdue", { exact: true }) });
  expect(await overdueRows.count()).toBeGreaterThanOrEqual(1);
  await expect(overdueRows.first()).toHaveClass(/row--overdue/);

  // The next-deadline column, row by row: earliest first, cases with no deadline at the end.
  const dues = await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector("td")?.querySelector("time")?.getAttribute("datetime") ?? null),
  );
  const dated = dues.filter((d): d is string => d !== null);
  expect(dated.length).toBeGreaterThan(1);
  expect(dues.slice(0, dated.length), "cases with a deadline come first").toEqual(dated);
  const times = dated.map((d) => Date.parse(d));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  // Every overdue case is due before every case that is not.
  const now = Date.now();
  const overdueFlags = await rows.evaluateAll((trs) => trs.map((tr) => tr.classList.contains("row--overdue")));
  overdueFlags.forEach((overdue, i) => {
    if (dues[i] === null) expect(overdue).toBe(false);
    else expect(overdue, `row ${i + 1} due ${dues[i]}`).toBe(Date.parse(dues[i]!) < now);
  });
  await expectNoAxeViolations(page);
});

test.describe("response-time policy", () => {
  test("staff who are not managers get a not-found page for the policy", async ({ page }) => {
    await login(page, STAFF);
    const response = await page.goto("/admin/policy");
    expect(response?.status()).toBe(404);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByLabel("Acknowledge within (business days)")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("a manager publishes a new acknowledgement time and the public process page shows it", async ({ page }) => {
    await login(page, MANAGER);
    await visit(page, "/admin/policy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Response times and closures");
    await expect(page.getByText(/^In force now: version \d+, since \d{4}-\d{2}-\d{2}\.$/)).toBeVisible();
    const ack = page.getByLabel("Acknowledge within (business days)");
    const original = await ack.inputValue();
    expect(original).toMatch(/^\d+$/);
    await expect(page.getByLabel("Takes effect on")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("heading", { name: "All versions" })).toBeVisible();
    const versions = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "In force from" }) });
    await expect(versions.getByRole("columnheader")).toHaveText([
      "Version",
      "In force from",
      "Acknowledge / first response / decision (business days)",
    ]);
    expect(await versions.locator("tbody > tr").count()).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);

    const publish = async (days: string): Promise<void> => {
      await ack.fill(days);
      await page.getByRole("button", { name: "Publish this version" }).click();
      await expect(page.getByRole("status")).toHaveText(/^Version \d+ is published\.$/);
      await waitForIdle(page);
    };

    try {
      // Cleared: refused, with the error in the summary (which takes focus) and beside the field.
      await ack.fill("");
      await page.getByRole("button", { name: "Publish this version" }).click();
      const summary = page
        .getByRole("alert")
        .filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link")).toHaveText(["Acknowledge within (business days): Answer this question."]);
      await expect(ack).toHaveAttribute("aria-invalid", "true");
      await expect(ack).toHaveAccessibleDescription(/Answer this question\./);
      await expect(page.getByRole("status")).toHaveCount(0);
      await expectNoAxeViolations(page);

      // Valid, effective today (the date's default): published, listed, and on the public page.
      await publish("3");
      const published = Number(/Version (\d+)/.exec(await page.getByRole("status").innerText())![1]);
      await expect(page.getByText(`In force now: version ${published}, since`)).toBeVisible();
      const row = versions
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: String(published), exact: true }) });
      await expect(row.getByRole("cell").nth(0)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
      await expect(row.getByRole("cell").nth(1)).toHaveText(/^3 \/ \d+ \/ \d+, \d+, \d+$/);
      await expect(ack).toHaveValue("3");
      await expect(summary).toHaveCount(0);
      await expectNoAxeViolations(page);

      await visit(page, "/process/hamilton-niagara");
      await expect(page.getByText("We confirm we got your complaint within 3 business days.")).toBeVisible();
      await expectNoAxeViolations(page);
    } finally {
      // The other specs share this database and expect the seeded times: publish them back.
      await visit(page, "/admin/policy");
      if ((await ack.inputValue()) !== original) await publish(original);
      await visit(page, "/process/hamilton-niagara");
      await expect(page.getByText(`We confirm we got your complaint within ${original} business days.`)).toBeVisible();
    }
  });
});
