import type { Locator, Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import {
  composeOnCase,
  expect,
  expectNoAxeViolations,
  fillComplaintForm,
  login,
  parseCsv,
  test,
  visit,
  waitForAcknowledgementAccepted,
  waitForHydration,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// The SSM staff workspace as staff use it: the queue's filters (in the URL, with the back button and
// the keyboard), recording a complaint received by phone, a case from triage to a decision, closed
// and reopened, two colleagues acting on one case at once, and a file too large to attach.

const STAFF = "staff@hamilton-niagara.example.org";
const MANAGER = "manager@hamilton-niagara.example.org";
const STAFF_NAME = "Hamilton Case Officer";

const stamp = `ws-${Date.now().toString(36)}`;

/** Files a fresh Hamilton complaint through the public form; returns its reference. */
async function fileComplaint(page: Page, who: string): Promise<string> {
  await visit(page, "/file?area=hamilton-niagara");
  await expectNoAxeViolations(page);
  await fillComplaintForm(page, {
    name: `${who} ${stamp}`,
    email: `${who.toLowerCase().replace(/\W+/g, ".")}.${stamp}@example.com`,
    description: `The workshop I was booked into was cancelled twice without notice (${who}, ${stamp}).`,
    outcome: "A place in the next workshop.",
  });
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  expect(reference).toMatch(/^HAM-\d{4}-\d{6}$/);
  await expectNoAxeViolations(page);
  return reference;
}

async function openCase(page: Page, reference: string): Promise<void> {
  await visit(page, `/cases/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
}

/** The queue's rows (one per case). */
function queueRows(page: Page): Locator {
  return page.getByRole("region", { name: "Cases", exact: true }).locator("tbody > tr");
}

/** One cell of the Deadlines table, by the clock's name (row header) and the column's header. */
async function clockCell(page: Page, clock: string, column: "State" | "Time left"): Promise<Locator> {
  const headers = page.getByTestId("clocks").getByRole("columnheader");
  await expect(headers.first()).toBeVisible();
  const index = (await headers.allInnerTexts()).map((h) => h.trim()).indexOf(column);
  expect(index, `column "${column}"`).toBeGreaterThan(0);
  return page
    .getByTestId("clocks")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: clock, exact: true }) })
    .getByRole("cell")
    .nth(index - 1);
}

function timelineEntries(page: Page, title: string): Locator {
  return page
    .getByRole("region", { name: "Timeline" })
    .locator("ol > li")
    .filter({ has: page.locator(".timeline__title").getByText(title, { exact: true }) });
}

/** Presses Tab until `target` has focus (at most `max` times): proves it is in the tab order. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of Tab`);
}

test("the queue's filters live in the URL: overdue only, back to all, by status count, by name, and by keyboard", async ({
  page,
}) => {
  await login(page, STAFF);
  await visit(page, "/cases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Cases: /);
  const rows = queueRows(page);
  const overdueBadge = page.getByText("overdue", { exact: true });
  const all = await rows.count();
  expect(all).toBeGreaterThan(1);
  expect(await rows.filter({ hasNot: overdueBadge }).count(), "cases that are not overdue").toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  // Deadline = Overdue: the address says so and every row is overdue.
  await page.getByText("Filter cases", { exact: true }).click();
  const deadline = page.getByRole("combobox", { name: /^Deadline/ });
  await deadline.selectOption({ label: "Overdue" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]clock=overdue(&|$)/);
  await waitForIdle(page);
  const overdue = await rows.count();
  expect(overdue).toBeGreaterThan(0);
  expect(overdue).toBeLessThan(all);
  await expect(rows.filter({ has: overdueBadge })).toHaveCount(overdue);
  for (const row of await rows.all()) await expect(row).toHaveClass(/row--overdue/);
  await expect(deadline).toHaveValue("overdue");
  await expectNoAxeViolations(page);

  // The back button returns to the whole list, and the form no longer says "Overdue".
  await page.goBack();
  await expect(page).not.toHaveURL(/clock=/);
  await waitForIdle(page);
  await expect(rows).toHaveCount(all);
  await expect(page.locator("details.filters")).not.toHaveAttribute("open");
  await expect(page.locator("select#clock"), "the Deadline filter after going back").toHaveValue("");
  await expectNoAxeViolations(page);

  // A status count is a link to the cases in that status.
  const decidedLink = page.getByRole("list", { name: "Cases by status" }).getByRole("link", { name: /^Decided: \d+$/ });
  const decided = Number(/(\d+)$/.exec((await decidedLink.innerText()).trim())![1]);
  expect(decided).toBeGreaterThan(0);
  await decidedLink.click();
  await expect(page).toHaveURL(/\/cases\?status=decided$/);
  await waitForIdle(page);
  await expect(rows).toHaveCount(Math.min(decided, 50));
  for (const row of await rows.all()) await expect(row.getByRole("cell").nth(1)).toHaveText("Decided");
  await expect(page.getByRole("combobox", { name: /^Status/ })).toHaveValue("decided");
  await expectNoAxeViolations(page);

  // A filer's name, as the list shows it, finds their case.
  const first = rows.first();
  const reference = (await first.getByRole("link").innerText()).trim();
  const name = (await first.locator(".meta").innerText()).trim();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await waitForIdle(page);
  await page.getByText("Filter cases", { exact: true }).click();
  await page.getByRole("textbox", { name: /^Reference or name/ }).fill(name);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(name).replace(/%20/g, "\\+")}(&|$)`));
  await waitForIdle(page);
  await expect(rows.getByRole("link", { name: reference, exact: true })).toHaveCount(1);
  for (const row of await rows.all()) await expect(row.locator(".meta")).toHaveText(name);
  await expectNoAxeViolations(page);

  // With the keyboard alone: open the filters, Tab to Deadline, choose with an arrow, Enter submits.
  await visit(page, "/cases");
  const summary = page.locator("details.filters > summary");
  await tabTo(page, summary);
  await page.keyboard.press("Enter");
  await expect(page.locator("details.filters")).toHaveAttribute("open", "");
  const keyboardDeadline = page.getByRole("combobox", { name: /^Deadline/ });
  await tabTo(page, keyboardDeadline, 12);
  await page.keyboard.press("ArrowDown");
  await expect(keyboardDeadline).toHaveValue("overdue");
  await tabTo(page, page.getByRole("button", { name: "Apply filters" }), 6);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]clock=overdue(&|$)/);
  await waitForIdle(page);
  await expect(rows).toHaveCount(overdue);
  await expectNoAxeViolations(page);
});

test("staff download the filtered queue as a CSV file with the keyboard: every case it lists, as the list shows them", async ({
  page,
}) => {
  await login(page, STAFF);
  // The Received count link: the file must hold that many cases, though the page shows 50 at most.
  await visit(page, "/cases");
  const receivedLink = page
    .getByRole("list", { name: "Cases by status" })
    .getByRole("link", { name: /^Received: \d+$/ });
  const received = Number(/(\d+)$/.exec((await receivedLink.innerText()).trim())![1]);
  expect(received).toBeGreaterThan(0);
  await receivedLink.click();
  await expect(page).toHaveURL(/\/cases\?status=received$/);
  await waitForIdle(page);
  const rows = queueRows(page);
  await expect(rows).toHaveCount(Math.min(received, 50));
  const shown = new Map<string, string[]>();
  for (const row of await rows.all()) {
    const reference = (await row.getByRole("link").innerText()).trim();
    const name = (await row.locator(".meta").innerText()).trim();
    const cells = (await row.getByRole("cell").allInnerTexts()).map((c) => c.trim());
    shown.set(reference, [name, ...cells]);
  }

  const link = page.getByRole("link", { name: "Download these cases (CSV file)" });
  await expect(link).toHaveAttribute("href", "/cases/export.csv?status=received");
  await tabTo(page, link);
  const downloading = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^recourse-cases-hamilton-niagara-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0), "a byte-order mark, for Excel").toBe(0xfeff);
  const [header, ...records] = parseCsv(csv.slice(1));
  expect(header).toEqual([
    "Reference",
    "Filed by",
    "Kind",
    "Status",
    "Level",
    "Program",
    "Dispute about",
    "Provider",
    "Assigned to",
    "Received",
    "Next deadline",
    "Closed on",
  ]);
  expect(records, "every received case, not only the 50 on the page").toHaveLength(received);
  for (const record of records) {
    expect(record).toHaveLength(header!.length);
    expect(record[0], "Hamilton–Niagara's cases only").toMatch(/^HAM-\d{4}-\d{6}$/);
    expect(record[3]).toBe("Received");
  }
  // Each case the list showed is in the file with the same name, status, level, provider and assignee.
  const byReference = new Map(records.map((r) => [r[0]!, r]));
  for (const [reference, [name, , status, level, provider, , assignee]] of shown) {
    const record = byReference.get(reference);
    expect(record, `${reference} in the file`).toBeDefined();
    expect([record![1], record![3], record![4]]).toEqual([name, status, level]);
    // The list writes "Not known" and "Nobody" where the file leaves the cell empty.
    expect(record![7] || "Not known", `${reference}'s provider`).toBe(provider);
    expect(record![8] || "Nobody", `${reference}'s assignee`).toBe(assignee);
  }
  await expectNoAxeViolations(page);
});

test("staff record a complaint received by phone: a future time is refused beside the field, then it is recorded with its clocks", async ({
  page,
}) => {
  await login(page, STAFF);
  await visit(page, "/cases");
  await page.getByRole("link", { name: "Record a complaint received by phone, mail or in person" }).click();
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record a complaint");
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  const channel = page.getByRole("combobox", { name: /^How was it received\?/ });
  await expect(channel).toHaveValue("phone");
  const receivedAt = page.getByRole("textbox", { name: /^When was it received\?/ });
  const now = await receivedAt.inputValue();
  expect(now, "the field starts at the current local time").toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  const [today, time] = now.split("T") as [string, string];
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const earlier = Math.max(0, hours * 60 + minutes - 45);
  const earlierToday = `${today}T${String(Math.floor(earlier / 60)).padStart(2, "0")}:${String(earlier % 60).padStart(2, "0")}`;

  const name = `Rita Phone ${stamp}`;
  await page
    .getByRole("combobox", { name: /^Which service provider/ })
    .selectOption({ label: "Hamilton Employment Centre" });
  await page.getByRole("combobox", { name: /^Which program or service/ }).selectOption({ label: "Employment Service" });
  await page
    .getByRole("textbox", { name: /^What happened\?/ })
    .fill(`She phoned: her counsellor has not returned calls for a month (${stamp}).`);
  await page.getByRole("textbox", { name: /^What would you like to happen\?/ }).fill("A call back this week.");
  await page.getByRole("textbox", { name: /^Your name/ }).fill(name);
  await page.getByRole("textbox", { name: /^Phone/ }).fill("905-555-0142");
  await page.getByRole("checkbox", { name: "The person agreed to the notice of collection below." }).check();

  // Tomorrow: refused, the error summary takes focus and the message is beside the field.
  await receivedAt.fill(`${tomorrow}T${time}`);
  await page.getByRole("button", { name: "Record the complaint" }).click();
  const errorSummary = page
    .getByRole("alert")
    .filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(errorSummary).toBeFocused();
  await expect(errorSummary.getByRole("link")).toHaveText(["When was it received?: This time is in the future."]);
  await expect(page.locator("#receivedAt-error")).toHaveText("This time is in the future.");
  await expect(receivedAt).toHaveAttribute("aria-invalid", "true");
  await expect(receivedAt).toHaveAccessibleDescription(/This time is in the future\./);
  await expect(receivedAt).toHaveValue(`${tomorrow}T${time}`);
  await expect(page.getByRole("textbox", { name: /^Your name/ })).toHaveValue(name);
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  // Earlier today, by phone, no email: recorded, with the credentials to give the person.
  await receivedAt.fill(earlierToday);
  await expect(
    page.getByRole("checkbox", { name: "The person agreed to the notice of collection below." }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Record the complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaint recorded");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  expect(reference).toMatch(/^HAM-\d{4}-\d{6}$/);
  await expect(page.getByTestId("secret")).toHaveText(/^\S{6,}$/);
  await expect(page.getByText("The person gave no email: send the acknowledgement by phone or letter.")).toBeVisible();
  await expect(page.getByText(/^Give the person their reference number and access code/)).toBeVisible();
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Open the case" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${reference}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
  await waitForIdle(page);
  const details = page.getByRole("region", { name: "Details", exact: true });
  await expect(details.locator("dt", { hasText: "Received by" }).locator("+ dd")).toHaveText("Phone");
  await expect(details.locator("dt", { hasText: /^Received$/ }).locator("+ dd time")).toHaveAttribute(
    "datetime",
    /^\d{4}-\d{2}-\d{2}T/,
  );
  await expect(page.getByRole("region", { name: "Person who complained" })).toContainText("905-555-0142");
  await expect(page.getByTestId("case-status")).toHaveText("Received");
  await expect(page.getByRole("region", { name: "Deadlines" }).getByRole("rowheader")).toHaveText([
    "Acknowledge",
    "First response",
    "Decision at level 1",
  ]);
  for (const clock of ["Acknowledge", "First response", "Decision at level 1"]) {
    await expect(await clockCell(page, clock, "State"), `state of ${clock}`).toHaveText("Running");
    await expect(await clockCell(page, clock, "Time left"), `time left for ${clock}`).toHaveText(
      /^(\d+ business days left|1 business day left|Due today)$/,
    );
  }
  await expectNoAxeViolations(page);
});

test("a complaint from triage to decision: take, acknowledge, reply, decide, close; reopened it runs a new decision clock", async ({
  page,
}) => {
  const reference = await fileComplaint(page, "Tess Triage");
  await login(page, STAFF);
  await openCase(page, reference);
  const status = page.getByTestId("case-status");
  const notice = page.getByRole("status");
  await expect(status).toHaveText("Received");
  await expect(page.locator(".status-line")).toContainText("Not assigned");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(notice).toHaveText("The case is assigned.");
  await expect(page.locator(".status-line")).toContainText(`Assigned to ${STAFF_NAME}`);
  await waitForIdle(page);

  await page.getByRole("button", { name: "Acknowledge receipt" }).click();
  await expect(notice).toHaveText("Receipt acknowledged.");
  await expect(status).toHaveText("Acknowledged");
  await expect(page.getByRole("button", { name: "Acknowledge receipt" })).toHaveCount(0);
  // The acknowledgement is met when the mail server takes the email, not on the click (issue #18):
  // once it has, the page says so on the timeline and in the deadlines.
  await waitForAcknowledgementAccepted(page, reference);
  await expect(timelineEntries(page, "Acknowledgement email accepted by the mail server")).toHaveCount(1);
  await expect(await clockCell(page, "Acknowledge", "State")).toHaveText(/^Met \(Done .+\)$/);
  await waitForIdle(page);

  const reply = `We have asked the provider for the workshop schedule (${stamp}).`;
  await composeOnCase(page, "Public reply", reply);
  await expect(notice).toHaveText("Reply sent.");
  await expect(status).toHaveText("In review");
  await expect(await clockCell(page, "First response", "State")).toHaveText(/^Met \(Done .+\)$/);
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  await page.getByRole("combobox", { name: /^Outcome/ }).selectOption({ label: "Complaint upheld" });
  await page
    .getByRole("textbox", { name: /^Written reasons/ })
    .fill(`The provider cancelled without notice (${stamp}).`);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(notice).toHaveText("Decision recorded.");
  await expect(status).toHaveText("Decided");
  await expect(await clockCell(page, "Decision at level 1", "State")).toHaveText(/^Met \(Done .+\)$/);
  await waitForIdle(page);

  await page.getByRole("button", { name: "Close the case" }).click();
  await expect(notice).toHaveText("The case is closed.");
  await expect(status).toHaveText("Closed");
  await expect(timelineEntries(page, "Case closed")).toHaveCount(1);
  await expect(page.getByRole("radio", { name: "Public reply" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Close the case" })).toHaveCount(0);
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  // Reopening needs a reason.
  const reopenReason = page.getByRole("textbox", { name: /^Reason for reopening/ });
  await page.getByRole("button", { name: "Reopen the case" }).click();
  const errorSummary = page
    .getByRole("alert")
    .filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(errorSummary).toBeFocused();
  await expect(errorSummary.getByRole("link")).toHaveText(["Reason for reopening: Answer this question."]);
  await expect(status).toHaveText("Closed");
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  const reason = `The provider sent new records after the decision (${stamp}).`;
  await reopenReason.fill(reason);
  await page.getByRole("button", { name: "Reopen the case" }).click();
  await expect(notice).toHaveText("The case is open again, with a new decision deadline.");
  await expect(status).toHaveText("In review");
  await expect(errorSummary).toHaveCount(0);
  await expect(await clockCell(page, "Decision at level 1", "State")).toHaveText("Running");
  await expect(await clockCell(page, "Decision at level 1", "Time left")).toHaveText(/^\d+ business days left$/);
  await expect(timelineEntries(page, "Case reopened")).toHaveCount(1);
  await expect(timelineEntries(page, "Internal note").filter({ hasText: reason })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Record decision" })).toBeVisible();
  await waitForIdle(page);
  await expectNoAxeViolations(page);
});

test("two colleagues on one case: an action on a case changed meanwhile is refused and shows what changed", async ({
  page,
  browser,
}) => {
  const reference = await fileComplaint(page, "Olga Overlap");
  await login(page, STAFF);
  await openCase(page, reference);
  await expectNoAxeViolations(page);

  await withFreshPage(browser, async (other) => {
    await login(other, MANAGER);
    await openCase(other, reference);
    await expect(other.getByTestId("case-status")).toHaveText("Received");
    await expectNoAxeViolations(other);

    // Page A acknowledges; page B, opened before and not reloaded, acknowledges too.
    await page.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(page.getByRole("status")).toHaveText("Receipt acknowledged.");
    await waitForIdle(page);
    await other.getByRole("button", { name: "Acknowledge receipt" }).click();
    const stale = other.getByRole("alert").filter({ hasText: "This case changed since you opened it" });
    await expect(stale).toContainText(
      "This case changed since you opened it. Check the timeline below, then try again.",
    );
    await expect(stale).toContainText("What changed since you opened it:");
    // The colleague's one step; the mail server taking the acknowledgement may be listed too, by nobody.
    const byColleague = stale.locator("ol > li").filter({ hasText: `by ${STAFF_NAME}` });
    await expect(byColleague).toHaveCount(1);
    await expect(byColleague).toContainText("Receipt confirmed");
    await waitForIdle(other);
    await expectNoAxeViolations(other);

    // "Check the timeline below, then try again": page B now shows the case as it is.
    await expect(other.getByTestId("case-status")).toHaveText("Acknowledged");
    await expect(timelineEntries(other, "Receipt confirmed")).toHaveCount(1);
    await expect(other.getByRole("button", { name: "Acknowledge receipt" })).toHaveCount(0);

    // Page A replies; page B's reply, written meanwhile, is refused.
    await visit(page, `/cases/${reference}`);
    const replyA = `We called the provider this morning (${stamp}).`;
    const replyB = `A second answer nobody should send (${stamp}).`;
    await composeOnCase(other, "Public reply", replyB, false);
    await composeOnCase(page, "Public reply", replyA);
    await expect(page.getByRole("status")).toHaveText("Reply sent.");
    await waitForIdle(page);

    await other.getByRole("button", { name: "Send", exact: true }).click();
    await expect(stale).toContainText("This case changed since you opened it.");
    await expect(stale).toContainText("What changed since you opened it:");
    await expect(stale.locator("ol > li").filter({ hasText: "Reply" })).toContainText(replyA);
    await expect(stale).not.toContainText(replyB);
    await expect(other.getByTestId("case-result")).toBeEmpty();
    await waitForIdle(other);
    await expect(timelineEntries(other, "Reply")).toContainText(replyA);
    await expect(other.getByRole("textbox", { name: /^Message/ }), "the refused reply is kept to edit").toHaveValue(
      replyB,
    );
    await expectNoAxeViolations(other);

    // In a fresh load the timeline has A's reply and not B's.
    await visit(other, `/cases/${reference}`);
    await expect(timelineEntries(other, "Receipt confirmed")).toHaveCount(1);
    await expect(timelineEntries(other, "Reply")).toHaveCount(1);
    await expect(timelineEntries(other, "Reply")).toContainText(replyA);
    await expect(other.getByRole("region", { name: "Timeline" })).not.toContainText(replyB);
    await expectNoAxeViolations(other);
  });
});

test("a file over 10 MB is refused beside the field and nothing is added", async ({ page }) => {
  const reference = await fileComplaint(page, "Bea Bigfile");
  await login(page, STAFF);
  await openCase(page, reference);
  const files = page.getByRole("region", { name: "Files" });
  await expect(files).toContainText("No files yet.");

  const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
  await page.getByLabel("Add a file").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: big });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.locator("#attachment-error")).toHaveText("The file is larger than 10 MB.");
  await expect(page.getByLabel("Add a file")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Add a file")).toHaveAccessibleDescription(/The file is larger than 10 MB\./);
  await expect(files.getByRole("link")).toHaveCount(0);
  await expect(files).toContainText("No files yet.");
  await waitForIdle(page);
  await expectNoAxeViolations(page);

  await visit(page, `/cases/${reference}`);
  await expect(files).toContainText("No files yet.");
  await expect(page.getByRole("region", { name: "Timeline" })).not.toContainText("File added");
  await waitForHydration(page);
});
