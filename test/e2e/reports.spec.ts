import type { Locator, Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import {
  fiscalQuarterOf,
  formatQuarterId,
  nextQuarter,
  previousQuarter,
  quarterBounds,
} from "../../app/domain/fiscal-quarter";
import { quarterName } from "../../app/i18n/quarter-name";
import {
  expect,
  expectNoAxeViolations,
  login,
  parseCsv,
  queryDb,
  recipientOf,
  test,
  visit,
  waitForEmailWhere,
  waitForHydration,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// Quarterly reports (issue #6) as their people use them: the Hamilton–Niagara manager writes,
// submits and corrects the report for the quarter that just closed; the ministry's analyst compares
// every SSM's report, reads a corrected one, downloads the comparison and prints a report; who may
// see what; the comparison in French; and the figures the public process page shows.
//
// The demo seed gives every SSM submitted reports for the last four closed quarters, except the
// last one for Hamilton–Niagara, Northeast and Toronto; Kingston–Pembroke corrected the one before.
// The first tests change what the later ones see (Hamilton submits), so they run in order.
test.describe.configure({ mode: "serial" });

// Fiscal quarters as the app counts them (Toronto time), from the same pure rule.
const thisQuarter = fiscalQuarterOf(new Date(), "America/Toronto");
const CURRENT = formatQuarterId(thisQuarter);
const LAST_CLOSED = formatQuarterId(previousQuarter(thisQuarter));
const BEFORE_LAST = formatQuarterId(previousQuarter(previousQuarter(thisQuarter)));
const NEXT = formatQuarterId(nextQuarter(thisQuarter));
/** A quarter as the pages name it (issue #19): "fiscal 2026–27, Q3 (October–December 2026)". */
const named = (quarter: string, language: "en" | "fr" = "en") => quarterName(quarter, language);
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Reports are due 30 days after their quarter ends (REPORT_DUE_DAYS): in the first month of a
// quarter, the last one's missing reports are not late yet.
const LAST_CLOSED_IS_LATE =
  Date.now() > quarterBounds(thisQuarter, "America/Toronto").start.getTime() + 30 * 86_400_000;

const MANAGER = "manager@hamilton-niagara.example.org";
const ANALYST = "analyst@ministry.example.org";
const PROVIDER = "provider@hamilton-niagara.example.org";
const OTTAWA_STAFF = "staff@ottawa.example.org";
const HAMILTON = "Hamilton–Niagara Peninsula";
const HAMILTON_SSM = "Fedcap Canada";

const stamp = `rp-${Date.now().toString(36)}`;
const narrative = {
  actionsTaken: `We met each provider named in a complaint and reviewed their appointment policies (${stamp}).`,
  lessonsLearned: `Clients were not told who to call when a counsellor was away (${stamp}).`,
  systemicIssues: `Cancelled appointments at more than one provider (${stamp}).`,
};
const correctedLessons = `Clients were not told who to call when a counsellor was away; two providers now publish a back-up contact (${stamp}).`;
const correctionReason = `A complaint decided on the last day of the quarter was recorded in the wrong category (${stamp}).`;

const EXPECTED_HEADER = [
  "quarter",
  "area_code",
  "ssm",
  "version",
  "submitted_at",
  "figure",
  "category",
  "label",
  "value",
];

function reportCount(area: string, quarter: string): number {
  return queryDb<{ n: number }>(
    "SELECT count(*) AS n FROM quarter_reports WHERE area_slug = ? AND quarter = ?",
    area,
    quarter,
  )[0]!.n;
}

/** The SSMs (area slugs) with a submitted report for the quarter. */
function submittedAreas(quarter: string): string[] {
  return queryDb<{ area_slug: string }>(
    "SELECT DISTINCT area_slug FROM quarter_reports WHERE quarter = ?",
    quarter,
  ).map((r) => r.area_slug);
}

function displayName(email: string): string {
  return queryDb<{ display_name: string }>("SELECT display_name FROM users WHERE email = ?", email)[0]!.display_name;
}

/** Every client's name and email in the database: none may appear on a report, its CSV or its email. */
function filerIdentities(): string[] {
  const rows = queryDb<{ filer_name: string; filer_email: string | null }>(
    "SELECT DISTINCT filer_name, filer_email FROM cases WHERE kind = 'client_complaint'",
  );
  const all = new Set<string>();
  for (const row of rows) {
    all.add(row.filer_name);
    if (row.filer_email) all.add(row.filer_email);
  }
  return [...all];
}

function identitiesIn(text: string): string[] {
  const identities = filerIdentities();
  expect(identities.length, "filers to look for").toBeGreaterThan(0);
  return identities.filter((identity) => text.includes(identity));
}

async function expectNoFilerIdentity(page: Page): Promise<void> {
  expect(identitiesIn(await page.locator("body").innerText()), `filer names or emails on ${page.url()}`).toEqual([]);
}

/** A page that must not exist for this person: 404 and the not-found page. */
async function expectNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(Page not found|Page introuvable)$/);
}

function errorSummary(page: Page, title = "There is a problem"): Locator {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: title }) });
}

/** One row of the SSM's quarter list, by its quarter. */
function quarterRow(page: Page, quarter: string, language: "en" | "fr" = "en"): Locator {
  return page
    .getByTestId("quarter-list")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: named(quarter, language), exact: true }) });
}

// A count, a share or a number of days as the English pages write them, or one of the words a
// figure may read instead.
const SHOWN_FIGURE = /^(\d{1,3}(,\d{3})*(\.\d)?%?|<5|hidden|too few to show|per SSM only)$/;

/** `upper` is drawn above `lower` on the page. */
async function expectAbove(upper: Locator, lower: Locator): Promise<void> {
  const [a, b] = [await upper.boundingBox(), await lower.boundingBox()];
  expect(a, "the upper element is shown").not.toBeNull();
  expect(b, "the lower element is shown").not.toBeNull();
  expect(a!.y, "drawn above").toBeLessThan(b!.y);
}

/** Two buttons a person cannot mistake for each other: different fill and text colour. */
async function expectLookDifferent(a: Locator, b: Locator): Promise<void> {
  const look = (l: Locator) =>
    l.evaluate((e) => {
      const style = getComputedStyle(e);
      return `${style.backgroundColor} ${style.color}`;
    });
  expect(await look(a)).not.toBe(await look(b));
}

/** A row of the comparison: twelve figures, each a number, a share or a word, never a name. */
async function expectShownFigures(row: Locator): Promise<void> {
  const cells = row.getByRole("cell");
  await expect(cells).toHaveCount(12);
  for (const text of await cells.allInnerTexts()) expect(text.trim()).toMatch(SHOWN_FIGURE);
  expect((await cells.first().innerText()).trim(), "cases received").toMatch(/^(\d[\d,]*|<5|hidden)$/);
}

test("the Hamilton manager checks the live figures, saves a draft, submits the report, then corrects it with a reason", async ({
  page,
}) => {
  expect(reportCount("hamilton-niagara", LAST_CLOSED), "the seed leaves Hamilton's last quarter unsubmitted").toBe(0);
  const managerName = displayName(MANAGER);
  await login(page, MANAGER);
  await page.getByRole("navigation").getByRole("link", { name: "Reports", exact: true }).click();
  await expect(page).toHaveURL(/\/reports\/hamilton-niagara$/);
  await waitForIdle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Quarterly reports: ${HAMILTON_SSM}`);
  await expect(quarterRow(page, CURRENT).getByRole("cell").first()).toHaveText("Quarter in progress");
  await expect(quarterRow(page, LAST_CLOSED).getByRole("cell").first()).toHaveText(
    LAST_CLOSED_IS_LATE ? "Late: not submitted" : "Not submitted yet",
  );
  await expect(quarterRow(page, BEFORE_LAST).getByRole("cell").first()).toHaveText(/^Submitted \(version 1, .+\)$/);
  await expect(page.getByRole("img", { name: /^Cases received and decided by quarter: Fedcap Canada/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await quarterRow(page, LAST_CLOSED)
    .getByRole("link", { name: named(LAST_CLOSED), exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/reports/hamilton-niagara/${LAST_CLOSED}$`));
  await waitForIdle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Report for ${named(LAST_CLOSED)}: ${HAMILTON_SSM}`);
  const status = page.getByTestId("report-status");
  await expect(status).toHaveText(/^Not submitted yet\. Due .+\.$/);
  await expect(page.getByRole("heading", { name: "Figures as of now" })).toBeVisible();
  // The SSM's own people see every count as it is: nothing is suppressed for them.
  await expect(page.getByTestId("figure-received-total")).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId("figure-decided-total")).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByRole("table", { name: "Received by kind" })).toBeVisible();
  // The provider stage (issue #17): its own section, and why complaints moved on, adding up.
  await expect(page.getByRole("heading", { name: "The service provider's answer first" })).toBeVisible();
  await expect(page.getByTestId("figure-provider-resolved")).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByRole("table", { name: "Moved on to the SSM, by why" })).toBeVisible();
  await expectNoAxeViolations(page);
  // The figures come before the sections that comment on them; saving and sending do not look alike.
  await expectAbove(page.getByTestId("figure-received-total"), page.getByRole("textbox", { name: /^Actions taken/ }));
  await expectLookDifferent(
    page.getByRole("button", { name: "Save draft" }),
    page.getByRole("button", { name: "Submit to the ministry" }),
  );

  // Nothing written: refused, the summary takes focus and names each section; nothing is sent.
  const actions = page.getByRole("textbox", { name: /^Actions taken/ });
  const lessons = page.getByRole("textbox", { name: /^Lessons learned/ });
  const systemic = page.getByRole("textbox", { name: /^Systemic issues/ });
  await page.getByRole("button", { name: "Submit to the ministry" }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    "Actions taken: Answer this question.",
    "Lessons learned: Answer this question.",
    "Systemic issues: Answer this question.",
  ]);
  for (const field of [actions, lessons, systemic]) {
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(/Answer this question\./);
  }
  await expect(status).toHaveText(/^Not submitted yet\./);
  expect(reportCount("hamilton-niagara", LAST_CLOSED)).toBe(0);
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  // By keyboard, from the summary: its first link leads to the first section.
  await page.keyboard.press("Tab");
  await expect(errorSummary(page).getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(actions).toBeFocused();
  await page.keyboard.type(narrative.actionsTaken);
  await lessons.fill(narrative.lessonsLearned);
  await systemic.fill(narrative.systemicIssues);

  // A draft is kept for the SSM, not sent.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Draft saved. It is not sent to the ministry until you submit it.");
  await expect(errorSummary(page)).toHaveCount(0);
  expect(reportCount("hamilton-niagara", LAST_CLOSED)).toBe(0);
  await waitForIdle(page);
  await visit(page, `/reports/hamilton-niagara/${LAST_CLOSED}`);
  await expect(actions).toHaveValue(narrative.actionsTaken);
  await expect(lessons).toHaveValue(narrative.lessonsLearned);
  await expect(systemic).toHaveValue(narrative.systemicIssues);
  await expect(status).toHaveText(/^Not submitted yet\./);

  // Submitting asks first, showing what will be frozen: the figures, then the three sections. Nothing is sent yet.
  await page.getByRole("button", { name: "Submit to the ministry" }).click();
  const check = page.getByRole("region", { name: "Check what you are sending" });
  await expect(check).toBeVisible();
  await expect(check).toContainText("Nothing has been sent yet.");
  await expect(check.getByTestId("figure-received-total")).toHaveText(/^\d[\d,]*$/);
  await expect(check.getByRole("region", { name: "The SSM's report" })).toContainText(narrative.lessonsLearned);
  await expectAbove(
    check.getByTestId("figure-received-total"),
    check.getByRole("heading", { name: "Lessons learned" }),
  );
  expect(reportCount("hamilton-niagara", LAST_CLOSED), "nothing sent before the confirmation").toBe(0);
  await waitForIdle(page);
  await expectNoAxeViolations(page);
  // Going back keeps the text.
  await check.getByRole("button", { name: "Go back and edit" }).click();
  await expect(lessons).toHaveValue(narrative.lessonsLearned);
  expect(reportCount("hamilton-niagara", LAST_CLOSED)).toBe(0);
  await page.getByRole("button", { name: "Submit to the ministry" }).click();
  await check.getByRole("button", { name: "Yes, submit version 1 to the ministry" }).click();

  // Submitted: the frozen version is shown, saying only what is true of it.
  await expect(page).toHaveURL(new RegExp(`/reports/hamilton-niagara/${LAST_CLOSED}\\?version=1&submitted=1$`));
  await expect(page.getByRole("status")).toHaveText(
    "Version 1 was submitted to the ministry. Its figures are now frozen.",
  );
  await expect(status).toHaveText(new RegExp(`^Submitted: version 1, .+, by ${managerName}\\.$`));
  await expect(page.getByRole("heading", { name: "Submitted version 1" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("until you submit");
  await expect(page.locator("main")).not.toContainText("change as cases move");
  await expect(page.getByRole("heading", { name: "Figures as of now" })).toHaveCount(0);
  await expectAbove(page.getByTestId("figure-received-total"), page.getByRole("heading", { name: "Lessons learned" }));
  await expect(page.getByTestId("version-1")).toContainText(`Version 1 — submitted`);
  await expect(page.getByTestId("version-1")).toContainText(`by ${managerName}`);
  expect(reportCount("hamilton-niagara", LAST_CLOSED)).toBe(1);
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  // The live page now says what the ministry has and what a correction would send.
  await page.getByRole("link", { name: "Correct this report" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/hamilton-niagara/${LAST_CLOSED}$`));
  await waitForIdle(page);
  await expect(page.getByRole("heading", { name: "Correct the submitted report" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Figures as of now, not submitted" })).toBeVisible();
  await expect(page.locator("main")).toContainText("The ministry has version 1");
  await expect(page.locator("main")).not.toContainText("until you submit");

  // The ministry's analyst is told, with the figures as the ministry sees them and no one's name.
  // Fedcap Canada is the SSM of two areas: the subject names the area too.
  const submittedMail = await waitForEmailWhere(
    `to ${ANALYST} about ${HAMILTON}'s report for ${LAST_CLOSED}`,
    (mail) =>
      recipientOf(mail) === ANALYST &&
      mail.subject === `${HAMILTON_SSM} (${HAMILTON}) submitted its report for ${quarterName(LAST_CLOSED, "en")}`,
  );
  expect(submittedMail.text).toContain(
    `${HAMILTON_SSM} (${HAMILTON}) submitted its dispute-resolution report for ${quarterName(LAST_CLOSED, "en")}.`,
  );
  expect(submittedMail.text).toContain(`/reports/hamilton-niagara/${LAST_CLOSED}`);
  expect(
    identitiesIn(`${submittedMail.text ?? ""}\n${String(submittedMail.html)}`),
    "filer names in the email",
  ).toEqual([]);

  // A correction needs a reason: refused without one, the changed text kept.
  const reason = page.getByRole("textbox", { name: /^Reason for the correction/ });
  await expect(lessons).toHaveValue(narrative.lessonsLearned);
  await lessons.fill(correctedLessons);
  await page.getByRole("button", { name: "Submit correction" }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    "Reason for the correction: Say why you are changing the submitted report.",
  ]);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription(/Say why you are changing the submitted report\./);
  await expect(lessons).toHaveValue(correctedLessons);
  expect(reportCount("hamilton-niagara", LAST_CLOSED)).toBe(1);
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  // The correction is confirmed in a browser without JavaScript: the confirmation is a plain form.
  await reason.fill(correctionReason);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Draft saved. It is not sent to the ministry until you submit it.");
  await waitForIdle(page);
  const noScript = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const plain = await noScript.newPage();
    await plain.goto(`/reports/hamilton-niagara/${LAST_CLOSED}`);
    await plain.getByRole("textbox", { name: /^Reason for the correction/ }).fill(correctionReason);
    await plain.getByRole("button", { name: "Submit correction" }).click();
    const plainCheck = plain.getByRole("region", { name: "Check what you are sending" });
    await expect(plainCheck).toContainText(correctedLessons);
    await expect(plainCheck).toContainText(correctionReason);
    expect(reportCount("hamilton-niagara", LAST_CLOSED), "nothing sent before the confirmation").toBe(1);
    await plainCheck.getByRole("button", { name: "Yes, submit version 2 to the ministry" }).click();
    await expect(plain).toHaveURL(new RegExp(`\\?version=2&submitted=2$`));
  } finally {
    await noScript.close();
  }
  await visit(page, `/reports/hamilton-niagara/${LAST_CLOSED}?version=2&submitted=2`);
  await expect(page.getByRole("status")).toHaveText(
    "Version 2 was submitted to the ministry. Its figures are now frozen.",
  );
  await expect(status).toHaveText(new RegExp(`^Submitted: version 2, .+, by ${managerName}\\.$`));
  const versions = page.getByRole("region", { name: "Versions" }).locator("ol > li");
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toHaveAttribute("data-testid", "version-2");
  await expect(versions.nth(0)).toContainText(`Reason for the correction: ${correctionReason}`);
  await expect(versions.nth(1)).toHaveAttribute("data-testid", "version-1");
  await expect(versions.nth(1)).not.toContainText("Reason for the correction");
  expect(reportCount("hamilton-niagara", LAST_CLOSED)).toBe(2);
  await waitForIdle(page);
  await expectNoAxeViolations(page);
  await waitForEmailWhere(
    `to ${ANALYST} about version 2 of ${HAMILTON}'s report`,
    (mail) =>
      recipientOf(mail) === ANALYST &&
      mail.subject ===
        `${HAMILTON_SSM} (${HAMILTON}) amended its report for ${quarterName(LAST_CLOSED, "en")} (version 2)`,
  );

  // Version 1 stays as it was sent.
  await versions.nth(1).getByRole("link", { name: "Version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/hamilton-niagara/${LAST_CLOSED}\\?version=1$`));
  await waitForIdle(page);
  await expect(page.getByRole("heading", { name: "Submitted version 1" })).toBeVisible();
  const sent = page.getByRole("region", { name: "The SSM's report" });
  await expect(sent).toContainText(narrative.lessonsLearned);
  await expect(page.locator("main")).not.toContainText("until you submit");
  await expect(sent).not.toContainText(correctedLessons);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the analyst compares the SSMs for a quarter, reads Kingston's corrected report, downloads the comparison and prints a report", async ({
  page,
}) => {
  await login(page, ANALYST);
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quarterly reports");
  const quarter = page.getByRole("combobox", { name: "Quarter" });
  await expect(quarter, "the last closed quarter by default").toHaveValue(LAST_CLOSED);
  const submittedCount = page.getByTestId("submitted-count");
  const missing = page.getByTestId("missing-list").getByRole("listitem");

  // The quarter before: every SSM has submitted, and Kingston's report is a correction.
  await quarter.selectOption(BEFORE_LAST);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports\\?quarter=${BEFORE_LAST}$`));
  await waitForIdle(page);
  await expect(page.getByRole("heading", { level: 2, name: `Reports for ${named(BEFORE_LAST)}` })).toBeVisible();
  await expect(submittedCount).toHaveText(/^15 of 15 SSMs have submitted\. Reports were due .+\.$/);
  await expect(page.getByTestId("missing-list")).toHaveCount(0);
  await expect(page.getByTestId("row-kingston-pembroke").getByRole("rowheader")).toHaveText(
    "Kingston–Pembroke (Serco Canada) (corrected: version 2)",
  );
  // Two SSMs side by side: figures only, suppressed where small.
  const table = page.getByTestId("comparison-table");
  await expect(table.getByRole("columnheader")).toHaveText([
    "SSM",
    "Received",
    "Decided",
    "Open at quarter end",
    "Acknowledged on time",
    "Decided on time (level 1)",
    "Median business days to decide (level 1)",
    "Sent to the service provider",
    "Resolved with the service provider",
    "Service provider answered on time",
    "Escalations",
    "Recourse requests",
    "Survey answers",
  ]);
  await expect(table.locator("tbody > tr")).toHaveCount(15);
  await expect(page.getByTestId("row-hamilton-niagara").getByRole("rowheader")).toHaveText(
    `${HAMILTON} (${HAMILTON_SSM})`,
  );
  await expect(page.getByTestId("row-ottawa").getByRole("rowheader")).toHaveText(
    "Ottawa (WCG International Consultants)",
  );
  for (const row of [page.getByTestId("row-hamilton-niagara"), page.getByTestId("row-ottawa")])
    await expectShownFigures(row);
  await expectNoFilerIdentity(page);
  await expectNoAxeViolations(page);

  // The last closed quarter, chosen with the keyboard: Hamilton has now submitted; Northeast and
  // Toronto have not, and their reports were due 30 days after the quarter ended. (The seed's other
  // managers submit 10 to 28 days after the quarter: early in a quarter, some have not yet.)
  const submitted = submittedAreas(LAST_CLOSED);
  expect(submitted).toContain("hamilton-niagara");
  expect(submitted).not.toContain("northeast");
  expect(submitted).not.toContain("toronto");
  await quarter.focus();
  await page.keyboard.press("ArrowUp");
  await expect(quarter).toHaveValue(LAST_CLOSED);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/reports\\?quarter=${LAST_CLOSED}$`));
  await waitForIdle(page);
  await expect(submittedCount).toHaveText(
    new RegExp(`^${submitted.length} of 15 SSMs have submitted\\. Reports were due .+\\.$`),
  );
  await expect(missing).toHaveCount(15 - submitted.length);
  const late = LAST_CLOSED_IS_LATE ? "\\s+late" : "";
  await expect(missing.filter({ hasText: /^Northeast / })).toHaveText(
    new RegExp(`^Northeast \\(Collège Boréal \\(consortium\\)\\)${late}$`),
  );
  await expect(missing.filter({ hasText: /^Toronto / })).toHaveText(
    new RegExp(`^Toronto \\(Toronto Demo Service Manager \\(fictional\\)\\)${late}$`),
  );
  await expect(page.getByTestId("missing-list")).not.toContainText(HAMILTON);

  // Hamilton's corrected report among the others, and Ontario's total.
  await expect(table.locator("tbody > tr")).toHaveCount(submitted.length);
  const hamilton = page.getByTestId("row-hamilton-niagara");
  await expect(hamilton.getByRole("rowheader")).toHaveText(`${HAMILTON} (${HAMILTON_SSM}) (corrected: version 2)`);
  await expectShownFigures(hamilton);
  await expectShownFigures(table.locator("tfoot > tr"));
  await expect(table.locator("tfoot").getByRole("rowheader")).toHaveText("Ontario");
  expect(
    Number((await table.locator("tfoot td").first().innerText()).replace(/,/g, "")),
    "Ontario's cases received",
  ).toBeGreaterThan(0);

  // Each chart is an image named by its title and described, with its figures in a table beside it.
  await expect(
    page.getByRole("img", { name: new RegExp(`^On-time shares by SSM, ${escaped(named(LAST_CLOSED))}`) }),
  ).toBeVisible();
  await expect(
    page.getByRole("img", { name: new RegExp(`^Escalations by level, ${escaped(named(LAST_CLOSED))}`) }),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: /^Cases received and decided in Ontario, by quarter/ })).toBeVisible();
  const onTimeTable = page.getByRole("table", {
    name: new RegExp(`^On-time shares by SSM, ${escaped(named(LAST_CLOSED))}`),
  });
  await expect(onTimeTable.locator("tbody > tr")).toHaveCount(submitted.length);
  await expect(onTimeTable.getByRole("rowheader", { name: `${HAMILTON} (${HAMILTON_SSM})` })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: /^Cases received and decided in Ontario, by quarter/ })
      .getByRole("rowheader", { name: named(LAST_CLOSED) }),
  ).toBeVisible();
  await expectNoFilerIdentity(page);
  await expectNoAxeViolations(page);

  // The comparison as CSV: the header, every submitted SSM and Ontario, counts or "<5"/"suppressed".
  const link = page.getByRole("link", { name: `This comparison for ${named(LAST_CLOSED)} (CSV)` });
  await expect(link).toHaveAttribute("href", `/reports/export.csv?view=comparison&quarter=${LAST_CLOSED}`);
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`recourse-comparison-${LAST_CLOSED}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0), "a byte-order mark, for Excel").toBe(0xfeff);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header).toEqual(EXPECTED_HEADER);
  expect(rows.length).toBeGreaterThan(14);
  const submittedCodes = queryDb<{ code: string }>(
    "SELECT DISTINCT areas.code AS code FROM quarter_reports JOIN areas ON areas.slug = quarter_reports.area_slug WHERE quarter = ?",
    LAST_CLOSED,
  ).map((r) => r.code);
  expect(submittedCodes).toHaveLength(submitted.length);
  expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([...submittedCodes, "ON"]));
  for (const row of rows) {
    expect(row, `a CSV row: ${row.join(",")}`).toHaveLength(EXPECTED_HEADER.length);
    expect(row[0]).toBe(LAST_CLOSED);
    const value = row[8]!;
    if (value !== "" && Number.isNaN(Number(value)))
      expect(["<5", "suppressed"], `value of ${row.join(",")}`).toContain(value);
  }
  const hamiltonRows = rows.filter((r) => r[1] === "HAM");
  expect(new Set(hamiltonRows.map((r) => r[3])), "Hamilton's newest version").toEqual(new Set(["2"]));
  const ontario = rows.filter((r) => r[1] === "ON");
  expect(ontario.find((r) => r[5] === "received.total")?.[2]).toBe("Ontario (all SSMs)");
  expect(ontario.every((r) => r[3] === "" && r[4] === "")).toBe(true);
  expect(identitiesIn(csv), "filer names or emails in the CSV").toEqual([]);

  // Kingston's corrected report for the quarter before: the reason and what changed.
  const kingstonReason = queryDb<{ amendment_reason: string }>(
    "SELECT amendment_reason FROM quarter_reports WHERE area_slug = 'kingston-pembroke' AND quarter = ? AND version = 2",
    BEFORE_LAST,
  )[0]?.amendment_reason;
  expect(kingstonReason, "the seed's correction of Kingston's report").toBeTruthy();
  await visit(page, `/reports?quarter=${BEFORE_LAST}`);
  await page
    .getByTestId("row-kingston-pembroke")
    .getByRole("link", { name: "Kingston–Pembroke (Serco Canada)" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/reports/kingston-pembroke/${BEFORE_LAST}$`));
  await waitForIdle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Report for ${named(BEFORE_LAST)}: Serco Canada`);
  await expect(page.getByTestId("report-status")).toHaveText(/^Version 2, submitted .+$/);
  const sent = page.getByRole("region", { name: "The SSM's report" });
  await expect(sent.getByRole("heading", { name: "Reason for the correction" })).toBeVisible();
  await expect(sent).toContainText(kingstonReason!);
  for (const heading of ["Actions taken", "Lessons learned", "Systemic issues"]) {
    await expect(sent.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(page.getByTestId("figure-received-total")).toHaveText(/^(\d[\d,]*|<5|hidden)$/);
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByTestId("version-2")).toContainText(`Reason for the correction: ${kingstonReason}`);
  const changes = versions.getByRole("table", { name: "What changed from version 1 to version 2" });
  await expect(changes.getByRole("columnheader")).toHaveText(["Figure", "Before", "After"]);
  expect(await changes.locator("tbody > tr").count()).toBeGreaterThan(0);
  await expect(versions.getByTestId("version-1").getByRole("link", { name: "Version 1" })).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expectNoFilerIdentity(page);
  await expectNoAxeViolations(page);

  // The printable page: the version, the narrative and every figure.
  await page.getByRole("link", { name: "Printable page" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/kingston-pembroke/${BEFORE_LAST}/print\\?version=2$`));
  await waitForIdle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Report for ${named(BEFORE_LAST)}: Serco Canada`);
  await expect(page.getByTestId("print-status")).toHaveText(/^Version 2, submitted .+$/);
  await expect(page.getByText(kingstonReason!)).toBeVisible();
  await expect(page.getByTestId("figure-received-total")).toHaveText(/^(\d[\d,]*|<5|hidden)$/);
  await expect(page.getByRole("table", { name: "Deadlines that ended this quarter" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expectNoFilerIdentity(page);
  await expectNoAxeViolations(page);
});

test("who may see a report: a provider and another SSM get 404, and the ministry never sees a draft", async ({
  page,
  browser,
}) => {
  // The Hamilton manager starts the report of the quarter under way: a draft the ministry must not see.
  const draft = `Notes for the quarter under way, not for the ministry yet (${stamp}).`;
  await login(page, MANAGER);
  await visit(page, `/reports/hamilton-niagara/${CURRENT}`);
  await expect(page.getByTestId("report-status")).toHaveText(
    "The quarter is still under way: figures change as cases move.",
  );
  await expect(
    page.getByRole("button", { name: "Submit to the ministry" }),
    "no submitting before the quarter ends",
  ).toHaveCount(0);
  await page.getByRole("textbox", { name: /^Actions taken/ }).fill(draft);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Draft saved. It is not sent to the ministry until you submit it.");
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  await withFreshPage(browser, async (analyst) => {
    await login(analyst, ANALYST);
    // The quarter under way: only that nothing was submitted; no figures, no draft.
    await visit(analyst, `/reports/hamilton-niagara/${CURRENT}`);
    await expect(analyst.getByRole("heading", { level: 1 })).toHaveText(
      `Report for ${named(CURRENT)}: ${HAMILTON_SSM}`,
    );
    await expect(analyst.getByTestId("report-status")).toHaveText(
      /^This SSM has not submitted its report for this quarter\. It is due .+\.$/,
    );
    await expect(analyst.locator("main")).not.toContainText(draft);
    await expect(analyst.getByTestId("figure-received-total")).toHaveCount(0);
    await expect(analyst.getByRole("textbox")).toHaveCount(0);
    await expectNoAxeViolations(analyst);
    await expectNotFound(analyst, `/reports/hamilton-niagara/${CURRENT}/print`);
    const csv = await analyst.request.get(`/reports/export.csv?view=report&area=hamilton-niagara&quarter=${CURRENT}`);
    expect(csv.status(), "the draft's figures as CSV").toBe(404);
    await expectNotFound(analyst, `/reports/hamilton-niagara/${NEXT}`);
    await expectNotFound(analyst, `/reports/hamilton-niagara/${LAST_CLOSED}?version=3`);

    // On the SSM's page, unsubmitted quarters are not links.
    await visit(analyst, "/reports/hamilton-niagara");
    await expect(quarterRow(analyst, CURRENT).getByRole("cell").first()).toHaveText("Quarter in progress");
    await expect(quarterRow(analyst, CURRENT).getByRole("link")).toHaveCount(0);
    await expect(quarterRow(analyst, LAST_CLOSED).getByRole("link", { name: named(LAST_CLOSED) })).toBeVisible();
    await expectNoAxeViolations(analyst);
  });

  // A provider's user: no reports at all, not even the CSV.
  await withFreshPage(browser, async (provider) => {
    await login(provider, PROVIDER);
    await expect(provider.getByRole("navigation").getByRole("link", { name: "Reports" })).toHaveCount(0);
    await expectNotFound(provider, "/reports");
    await expectNotFound(provider, "/reports/hamilton-niagara");
    await expectNotFound(provider, `/reports/hamilton-niagara/${LAST_CLOSED}`);
    await expectNotFound(provider, `/reports/hamilton-niagara/${LAST_CLOSED}/print`);
    await expectNoAxeViolations(provider);
    for (const path of [
      `/reports/export.csv?view=comparison&quarter=${LAST_CLOSED}`,
      `/reports/export.csv?view=report&area=hamilton-niagara&quarter=${LAST_CLOSED}`,
      "/reports/export.csv?view=all",
    ]) {
      expect((await provider.request.get(path)).status(), path).toBe(404);
    }
  });

  // Another SSM's staff: Hamilton's reports do not exist for them; their own do.
  await withFreshPage(browser, async (ottawa) => {
    await login(ottawa, OTTAWA_STAFF);
    await visit(ottawa, "/reports");
    await expect(ottawa).toHaveURL(/\/reports\/ottawa$/);
    // Ottawa's staff account reads French.
    await expect(
      quarterRow(ottawa, LAST_CLOSED, "fr").getByRole("link", { name: named(LAST_CLOSED, "fr") }),
    ).toBeVisible();
    await expectNoAxeViolations(ottawa);
    await expectNotFound(ottawa, "/reports/hamilton-niagara");
    await expectNotFound(ottawa, `/reports/hamilton-niagara/${LAST_CLOSED}`);
    await expectNotFound(ottawa, `/reports/hamilton-niagara/${LAST_CLOSED}?version=1`);
    await expectNotFound(ottawa, `/reports/hamilton-niagara/${LAST_CLOSED}/print`);
    for (const path of [
      `/reports/export.csv?view=report&area=hamilton-niagara&quarter=${LAST_CLOSED}`,
      "/reports/export.csv?view=trend&area=hamilton-niagara",
      `/reports/export.csv?view=comparison&quarter=${LAST_CLOSED}`,
    ]) {
      expect((await ottawa.request.get(path)).status(), path).toBe(404);
    }
    expect((await ottawa.request.get("/reports/export.csv?view=trend&area=ottawa")).status(), "its own trend").toBe(
      200,
    );
  });
});

test("in French the comparison reads in French, with French number formats", async ({ page }) => {
  await login(page, ANALYST);
  await expect(page).toHaveURL(/\/reports$/);
  await page.getByRole("link", { name: "Lire cette page en français" }).click();
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rapports trimestriels");
  await expect(
    page.getByRole("heading", { level: 2, name: `Rapports pour ${named(LAST_CLOSED, "fr")}` }),
  ).toBeVisible();
  const submitted = submittedAreas(LAST_CLOSED).length;
  await expect(page.getByTestId("submitted-count")).toHaveText(
    new RegExp(`^${submitted} GSS sur 15 ont soumis leur rapport\\. L’échéance était le .+\\.$`),
  );
  const missing = page.getByTestId("missing-list").getByRole("listitem");
  const late = LAST_CLOSED_IS_LATE ? "\\s+en retard" : "";
  await expect(missing).toHaveCount(15 - submitted);
  await expect(missing.filter({ hasText: /^Nord-Est / })).toHaveText(
    new RegExp(`^Nord-Est \\(Collège Boréal \\(consortium\\)\\)${late}$`),
  );
  await expect(missing.filter({ hasText: /^Toronto / })).toHaveText(
    new RegExp(`^Toronto \\(Gestionnaire de démonstration de Toronto \\(fictif\\)\\)${late}$`),
  );
  const table = page.getByRole("table", { name: `Rapports soumis, ${named(LAST_CLOSED, "fr")}` });
  await expect(table.getByRole("columnheader").first()).toHaveText("GSS");
  await expect(table.getByRole("columnheader").nth(1)).toHaveText("Reçus");
  await expect(page.getByTestId("row-hamilton-niagara").getByRole("rowheader")).toHaveText(
    "Hamilton–Péninsule du Niagara (Fedcap Canada) (corrigé : version 2)",
  );
  await expect(table.locator("tfoot").getByRole("rowheader")).toHaveText("Ontario");

  // Shares read "87,5 %" (comma, narrow no-break space); never "87.5%".
  const cells = (await table.locator("td").allInnerTexts()).map((t) => t.trim());
  const shares = cells.filter((t) => t.endsWith("%"));
  expect(shares.length, "shares in the table").toBeGreaterThan(0);
  for (const share of shares) expect(share).toMatch(/^\d{1,3}(,\d)?\u202F%$/);
  for (const cell of cells) expect(cell, "no English decimal point").not.toMatch(/\d\.\d/);
  for (const cell of cells)
    expect(cell).toMatch(
      /^(\d{1,3}(\u00A0\d{3})*(,\d)?(\u202F%)?|<5|masqué|trop peu pour être affiché|par GSS seulement)$/,
    );
  await expect(
    page.getByRole("img", { name: new RegExp(`^Parts dans les délais par GSS, ${escaped(named(LAST_CLOSED, "fr"))}`) }),
  ).toBeVisible();
  await expect(
    page.getByRole("link", { name: `Cette comparaison pour ${named(LAST_CLOSED, "fr")} (CSV)` }),
  ).toBeVisible();
  await expectNoFilerIdentity(page);
  await expectNoAxeViolations(page);

  // A report page, in French too.
  await page.getByTestId("row-hamilton-niagara").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/reports/hamilton-niagara/${LAST_CLOSED}$`));
  await waitForIdle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Rapport pour ${named(LAST_CLOSED, "fr")} : ${HAMILTON_SSM}`,
  );
  await expect(page.getByTestId("report-status")).toHaveText(/^Version 2, soumise le \d.*\d$/);
  await expect(page.getByRole("heading", { name: "Raison de la correction" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the public process page shows how the SSM did in the last quarter it reported", async ({ page }) => {
  // Ottawa's manager submits 10 to 28 days after a quarter ends (in the seed).
  const ottawaLatest = submittedAreas(LAST_CLOSED).includes("ottawa") ? LAST_CLOSED : BEFORE_LAST;
  await visit(page, "/process/ottawa");
  const figures = page.getByTestId("public-figures");
  await expect(figures.getByRole("heading", { level: 2 })).toHaveText(`How we did in ${named(ottawaLatest)}`);
  const values = figures.locator("dd");
  await expect(figures.locator("dt")).toHaveText([
    "Complaints and disputes received",
    "First decisions made on time",
    "Usual number of business days to a first decision (median)",
  ]);
  await expect(values.nth(0)).toHaveText(/^(\d[\d,]*|<5|hidden)$/);
  await expect(values.nth(1)).toHaveText(/^(\d{1,3}(\.\d)?%|too few to show)$/);
  await expect(values.nth(2)).toHaveText(/^(\d+(\.\d)?|too few to show)$/);
  await expect(figures).toContainText(
    "From the report we sent the ministry. To protect privacy, numbers under 5 are not shown.",
  );
  await expectNoAxeViolations(page);

  // Toronto has not reported the last quarter: its page shows the one before. Hamilton's shows the
  // report its manager has just submitted.
  await visit(page, "/process/toronto");
  await expect(page.getByTestId("public-figures").getByRole("heading", { level: 2 })).toHaveText(
    `How we did in ${named(BEFORE_LAST)}`,
  );
  await expectNoAxeViolations(page);
  await visit(page, "/process/hamilton-niagara");
  await expect(page.getByTestId("public-figures").getByRole("heading", { level: 2 })).toHaveText(
    `How we did in ${named(LAST_CLOSED)}`,
  );
  // Hamilton sends complaints to the provider first (its policy): the stage's figures, suppressed too.
  await expect(page.getByTestId("public-figures").locator("dt")).toHaveText([
    "Complaints and disputes received",
    "First decisions made on time",
    "Usual number of business days to a first decision (median)",
    "Resolved with the service provider",
    "Service provider answers on time",
  ]);
  await expect(page.getByTestId("public-provider-resolved")).toHaveText(/^(\d[\d,]*|<5|hidden)$/);
  await expectNoAxeViolations(page);
});
