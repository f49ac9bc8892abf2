import type { Locator, Page } from "@playwright/test";
import {
  expect,
  composeOnCase,
  expectNoAxeViolations,
  fillComplaintForm,
  login,
  lookUpComplaint,
  test,
  visit,
  waitForAcknowledgementAccepted,
  waitForHydration,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// Issue #19: a staff member works a case from its thread alone, at a desktop's 1280×800, and hears
// every result where they are looking; the queue opens on the cases still being worked.

test.use({ viewport: { width: 1280, height: 800 } });

const STAFF = "staff@hamilton-niagara.example.org";
const STAFF_NAME = "Hamilton Case Officer";
const FINISHED = /^(Closed|Withdrawn|Referred to the ministry( \(level 4\))?)$/;

const stamp = `conv-${Date.now().toString(36)}`;
const filer = {
  name: `Robin Thread ${stamp}`,
  email: `robin.thread.${stamp}@example.com`,
  description: `My coach cancelled four appointments in a row without telling me (${stamp}).`,
  outcome: "A coach who keeps appointments.",
};
const question = `Which days were the appointments, and did anyone call you? (${stamp})`;
const answer = `The 2nd, 9th, 16th and 23rd. Nobody called (${stamp}).`;
const note = `Provider's calendar confirms the four cancellations (${stamp}).`;
const reasons = `The provider cancelled four appointments without notice (${stamp}).`;

let reference = "";
let secret = "";

/** The live region every action's result is announced in: it holds the words and takes focus. */
async function expectHeard(page: Page, words: string): Promise<void> {
  const result = page.getByTestId("case-result");
  await expect(result).toHaveText(words);
  await expect(result).toBeFocused();
  await expect(result).toHaveAttribute("aria-live", "polite");
  await expect(result).toBeInViewport();
}

function thread(page: Page): Locator {
  return page.getByRole("region", { name: "Conversation" }).locator("ol.timeline > li");
}

/** Newest at the bottom: the entry holding `text` is among the last two (a clock's note may follow it). */
async function expectAtBottom(page: Page, text: string): Promise<void> {
  await expect(thread(page).filter({ hasText: text })).toHaveCount(1);
  const entries = await thread(page).allInnerTexts();
  expect(entries.findIndex((e) => e.includes(text))).toBeGreaterThanOrEqual(entries.length - 2);
}

/** Every <time> on the page sits on one line: a date that wraps breaks into two client rects. */
async function expectNoWrappedDates(page: Page): Promise<void> {
  const wrapped = await page
    .locator("main time")
    .evaluateAll((times) => times.filter((t) => t.getClientRects().length > 1).map((t) => t.textContent));
  expect(wrapped).toEqual([]);
}

test.describe("the case as a conversation", () => {
  test.describe.configure({ mode: "serial" });

  test("the queue's default view holds open cases only, names the step due, and closed ones are one click away", async ({
    page,
  }) => {
    await login(page, STAFF);
    await visit(page, "/cases");
    const statuses = page
      .getByRole("table", { name: "Cases", exact: true })
      .getByRole("row")
      .locator("td:nth-of-type(2)");
    await expect(statuses.first()).toBeVisible();
    for (const status of await statuses.allInnerTexts()) expect(status.trim()).not.toMatch(FINISHED);
    await expect(
      page.getByRole("navigation", { name: "Which cases" }).getByRole("link", { name: "Open cases" }),
    ).toHaveAttribute("aria-current", "page");
    // The step due beside its date: "decision, level 1 — Dec 14, 2026".
    await expect(page.getByTestId("due-step").first()).toHaveText(
      /^(acknowledgement|first response|decision, level \d|provider's answer|person's review of the answer) — \w{3} \d{1,2}, \d{4}$/,
    );
    // The demo's officer holds most open cases.
    await expect(page.getByRole("cell", { name: STAFF_NAME }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Closed cases" }).click();
    await expect(page).toHaveURL(/show=closed/);
    await expect(statuses.first()).toBeVisible();
    for (const status of await statuses.allInnerTexts()) expect(status.trim()).toMatch(FINISHED);
    await expectNoAxeViolations(page);
  });

  test("staff work a case from the thread: take, acknowledge, ask the person, and hear each result", async ({
    page,
  }) => {
    await visit(page, "/file?area=hamilton-niagara");
    await fillComplaintForm(page, filer);
    await page.getByRole("button", { name: "Send my complaint" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
    reference = (await page.getByTestId("reference").innerText()).trim();
    secret = (await page.getByTestId("secret").innerText()).trim();

    await login(page, STAFF);
    await visit(page, `/cases/${reference}`);
    await waitForHydration(page);
    const nextStep = page.getByRole("region", { name: "Next step" });
    await expect(nextStep).toContainText(/acknowledgement, due \w{3} \d{1,2}, \d{4}/);
    await expect(nextStep).toContainText("Nobody holds this case yet.");
    // The thread comes first and opens with what the person wrote.
    await expect(thread(page).first()).toContainText(filer.description);
    await expectNoWrappedDates(page);
    await expectNoAxeViolations(page);

    await nextStep.getByRole("button", { name: "Assign to me" }).click();
    await expectHeard(page, "The case is assigned.");
    await expect(nextStep).toContainText(`Held by ${STAFF_NAME}`);
    await waitForIdle(page);

    await nextStep.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expectHeard(page, "Receipt acknowledged.");
    // Met once the mail server takes the email (issue #18): until then the banner says it waits.
    await waitForAcknowledgementAccepted(page, reference);
    await expect(nextStep).toContainText(/(first response|decision, level 1), due/);
    await waitForIdle(page);

    await composeOnCase(page, "Question to the person", question);
    await expectHeard(page, "Question sent. The decision clock is paused.");
    await expectAtBottom(page, question);
    await expect(nextStep).toContainText("Waiting for the person to answer your question");
    // Emails are named in words, never by their template's code.
    const emails = page.getByRole("list", { name: "Emails about this case" });
    await expect(emails).toContainText("Question to the person");
    await expect(emails).not.toContainText("information_request");
    await expect(emails).not.toContainText("acknowledgement →");
    await waitForIdle(page);
    await expectNoAxeViolations(page);
  });

  test("the person answers on /status; staff note it internally and decide, hearing each result", async ({
    page,
    browser,
  }) => {
    await withFreshPage(browser, async (filerPage) => {
      await lookUpComplaint(filerPage, reference, secret);
      await filerPage.getByRole("textbox", { name: /^Your answer/ }).fill(answer);
      await filerPage.getByRole("button", { name: "Send", exact: true }).click();
      await expect(filerPage.getByRole("status")).toHaveText("Thank you. We added this to your file.");
      await expectNoAxeViolations(filerPage);
    });

    await login(page, STAFF);
    await visit(page, `/cases/${reference}`);
    await waitForHydration(page);
    // Newest at the bottom: the person's answer, then the clock restarting.
    await expect(thread(page).filter({ hasText: answer })).toHaveCount(1);
    await expect(thread(page).last()).toContainText(/More information from the person/);

    await composeOnCase(page, "Internal note", note);
    await expectHeard(page, "Note added.");
    const internal = thread(page).last();
    await expect(internal).toContainText(note);
    await expect(internal).toHaveClass(/timeline--internal/);
    await expect(internal).toContainText("Internal — the person does not see this");
    await waitForIdle(page);

    const decision = page.getByRole("region", { name: "Decision" });
    await decision.getByRole("combobox", { name: /^Outcome/ }).selectOption({ label: "Complaint upheld" });
    await decision.getByRole("textbox", { name: /^Written reasons/ }).fill(reasons);
    await decision.getByRole("button", { name: "Record decision" }).click();
    await expectHeard(page, "Decision recorded.");
    await expect(page.getByTestId("case-status")).toHaveText("Decided");
    await expect(thread(page).filter({ hasText: reasons })).toHaveCount(1);
    await expectNoWrappedDates(page);
    await waitForIdle(page);
    await expectNoAxeViolations(page);
  });

  test("without JavaScript the composer still sends the kind chosen", async ({ page: signedIn, browser }) => {
    await login(signedIn, STAFF);
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 800 },
      storageState: await signedIn.context().storageState(),
    });
    const page = await context.newPage();
    try {
      await page.goto(`/cases/${reference}`);
      await composeOnCase(page, "Internal note", `No-script note (${stamp})`);
      await expect(page.getByTestId("case-result")).toHaveText("Note added.");
      await expect(thread(page).last()).toContainText(`No-script note (${stamp})`);
      await expect(thread(page).last()).toHaveClass(/timeline--internal/);
    } finally {
      await context.close();
    }
  });
});
