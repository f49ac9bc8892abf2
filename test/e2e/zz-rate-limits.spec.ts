import { expect, expectNoAxeViolations, fillComplaintForm, lookUpComplaint, queryDb, test, visit } from "./fixtures";

// LAST FILE ON PURPOSE (the "zz-" name: files run in alphabetical order, one worker). Failed status
// look-ups are limited to 10 per 10 minutes per reference AND per client address, and every test
// reaches the server from 127.0.0.1: once this test has used up the limit, no look-up from this
// machine works for 10 minutes, whatever the access code. Keep every other look-up in files that
// sort before this one, and add no test after this one.
//
// Filings: this file makes 1.

const LIMIT = 10;
const NOT_FOUND = "We could not find a complaint with this reference number and access code.";
const TOO_MANY = "Too many attempts from your connection. Please wait a few minutes and try again, or call us.";
const TOO_MANY_FR =
  "Trop de tentatives depuis votre connexion. Veuillez attendre quelques minutes et réessayer, ou nous appeler.";

/** Failed look-ups recorded in the last 10 minutes, per bucket ("status-fail:ip:…", "status-fail:ref:…"). */
function failedLookups(bucketPrefix: string): number {
  const since = new Date(Date.now() - 10 * 60 * 1000).toISOString();
  const [row] = queryDb<{ n: number }>(
    "SELECT COUNT(*) AS n FROM rate_limit_events WHERE bucket LIKE ? AND at > ?",
    `status-fail:${bucketPrefix}%`,
    since,
  );
  return row?.n ?? 0;
}

test("after 10 wrong access codes the next look-up is refused, even with the right code", async ({ page }) => {
  const stamp = `rl-${Date.now().toString(36)}`;
  await visit(page, "/file?area=hamilton-niagara");
  await fillComplaintForm(page, {
    name: `Riley Limit ${stamp}`,
    email: `riley.limit.${stamp}@example.com`,
    description: `I was told to come back next month three months in a row (${stamp}).`,
    outcome: "An appointment this month.",
  });
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  const secret = (await page.getByTestId("secret").innerText()).trim();
  expect(reference).toMatch(/^HAM-\d{4}-\d{6}$/);

  // Earlier specs' wrong look-ups from this same address count towards the address's limit, which
  // then trips before this reference's own: the look-ups answer "not found" until the address or
  // the reference reaches 10 failures, whichever comes first.
  const earlierFromThisAddress = failedLookups("ip:");
  expect(earlierFromThisAddress, "wrong look-ups made by the specs before this one").toBeLessThan(LIMIT);
  const answeredNotFound = LIMIT - earlierFromThisAddress;

  for (let attempt = 1; attempt <= LIMIT; attempt++) {
    await lookUpComplaint(page, reference, `WRONG-${attempt}-${stamp}`);
    await expect(page.getByRole("heading", { level: 1 }), `attempt ${attempt}`).toHaveText("Check your complaint");
    // "Not found" is the error summary's (its heading, then the code field's message).
    await expect(page.getByRole("alert"), `attempt ${attempt}`).toContainText(
      attempt <= answeredNotFound ? NOT_FOUND : TOO_MANY,
    );
  }
  expect(failedLookups(`ref:${reference}`), "failed look-ups counted for this reference").toBe(answeredNotFound);

  // The 11th, with the right code: refused all the same, and the case stays closed.
  await lookUpComplaint(page, reference, secret);
  await expect(page.getByRole("alert")).toHaveText(TOO_MANY);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your complaint");
  await expect(page.getByTestId("case-status")).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(`Case ${reference}`);
  await expectNoAxeViolations(page);

  // The same refusal, in French.
  await lookUpComplaint(page, reference, secret, "lng=fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suivre votre plainte");
  await expect(page.getByRole("alert")).toHaveText(TOO_MANY_FR);
  await expect(page.getByTestId("case-status")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
