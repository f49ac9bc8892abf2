import type { Page } from "@playwright/test";
import {
  expect,
  expectNoAxeViolations,
  fillComplaintForm,
  login,
  lookUpComplaint,
  queryDb,
  queuedEmailSubjects,
  test,
  visit,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// Issue #17 as staff, managers and filers use it: a deadline extended with a reason the filer
// reads on /status (in English and in French), a duplicate merged into its original, and a panel
// formed at level 3 with a conflicted member refused.

const STAFF = "staff@hamilton-niagara.example.org";
const MANAGER = "manager@hamilton-niagara.example.org";
const stamp = `tp-${Date.now().toString(36)}`;

/** Files a Hamilton complaint through the public form; returns its reference and access code. */
async function fileComplaint(page: Page, who: string): Promise<{ reference: string; secret: string }> {
  await visit(page, "/file?area=hamilton-niagara");
  await fillComplaintForm(page, {
    name: `${who} ${stamp}`,
    email: `${who.toLowerCase().replace(/\W+/g, ".")}.${stamp}@example.com`,
    description: `My job search workshop was cancelled twice without notice (${who}, ${stamp}).`,
    outcome: "A place in the next workshop.",
  });
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  const secret = (await page.getByTestId("secret").innerText()).trim();
  return { reference, secret };
}

async function openCase(page: Page, reference: string): Promise<void> {
  await visit(page, `/cases/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
}

test("staff extend a deadline with a reason; the filer reads it on /status in English and in French", async ({
  page,
  browser,
}) => {
  const { reference, secret } = await withFreshPage(browser, (filer) => fileComplaint(filer, "Extended Filer"));
  await login(page, STAFF);
  await openCase(page, reference);
  const extend = page.getByRole("region", { name: "Extend the deadline" });
  await expectNoAxeViolations(page);

  // Past the policy's limit: refused, with the reason in words.
  await extend.getByLabel(/^Business days to add/).fill("11");
  await extend.getByLabel(/^Reason/).fill("We are waiting for the provider's attendance records.");
  await extend.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(extend.getByRole("alert")).toHaveText(/at most the policy's limit/);
  // Heard where the person is looking (#19): the answer beside the form takes focus.
  await expect(extend.getByRole("alert")).toBeFocused();

  await extend.getByLabel(/^Business days to add/).fill("5");
  await extend.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(extend.getByRole("status")).toHaveText("The deadline was extended and the person was told why.");
  await expect(extend.getByRole("status")).toBeFocused();
  await waitForIdle(page);
  await expect(page.getByTestId("clock-extension")).toContainText("Extended by 5 business days");
  await expect(page.getByTestId("clocks")).toContainText("Extended");
  await expect(extend.getByTestId("extension-unavailable")).toHaveText(
    "This level's deadline was already extended once.",
  );
  await expectNoAxeViolations(page);
  expect(queuedEmailSubjects(reference)).toContain(`More time is needed for your complaint ${reference}`);

  await withFreshPage(browser, async (filer) => {
    await lookUpComplaint(filer, reference, secret);
    const notice = filer.getByTestId("status-extended");
    await expect(notice.getByRole("heading")).toHaveText("The deadline was extended");
    await expect(notice).toContainText("extended by 5 business days");
    await expect(notice).toContainText("We are waiting for the provider's attendance records.");
    await expectNoAxeViolations(filer);

    await lookUpComplaint(filer, reference, secret, "lng=fr");
    await expect(filer.locator("html")).toHaveAttribute("lang", "fr");
    const avis = filer.getByTestId("status-extended");
    await expect(avis.getByRole("heading")).toHaveText("Le délai a été prolongé");
    await expect(avis).toContainText("prolongation de 5 jours ouvrables");
    await expect(avis).toContainText("We are waiting for the provider's attendance records.");
    await expectNoAxeViolations(filer);
  });
});

test("staff link a duplicate and merge it into the original; its filer is told and keeps their own record", async ({
  page,
  browser,
}) => {
  const original = await withFreshPage(browser, (filer) => fileComplaint(filer, "Original Filer"));
  const duplicate = await withFreshPage(browser, (filer) => fileComplaint(filer, "Duplicate Filer"));
  await login(page, STAFF);
  await openCase(page, original.reference);
  const related = page.getByRole("region", { name: "Related cases" });
  await related.getByLabel(/^Reference of the related case/).fill(duplicate.reference);
  await related.getByLabel(/^How they are related/).selectOption({ label: "Duplicate" });
  await related.getByRole("button", { name: "Link the cases" }).click();
  await expect(related.getByRole("status").first()).toHaveText("The cases are linked.");
  await waitForIdle(page);
  await expect(related.getByTestId("related-cases")).toContainText(`${duplicate.reference} · Duplicate`);
  await expectNoAxeViolations(page);

  await related.getByRole("button", { name: `Merge ${duplicate.reference} into this case` }).click();
  await expect(related.getByText("The duplicate was merged into this case.")).toBeVisible();
  await waitForIdle(page);
  await expect(related.getByTestId("related-cases")).toContainText(`${duplicate.reference} was merged into this case`);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("A duplicate was merged into this case");

  // The duplicate's page links back, its timeline intact, the case closed.
  await openCase(page, duplicate.reference);
  await expect(page.getByTestId("case-status")).toHaveText("Closed");
  await expect(page.getByTestId("merged-into")).toHaveText(`Merged into ${original.reference}`);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Merged into another case");
  await expectNoAxeViolations(page);
  expect(
    queryDb<{ n: number }>(
      "SELECT count(*) AS n FROM cases WHERE reference = ? AND merged_into_case_id IS NOT NULL",
      duplicate.reference,
    )[0]!.n,
  ).toBe(1);

  await withFreshPage(browser, async (filer) => {
    await lookUpComplaint(filer, duplicate.reference, duplicate.secret);
    await expect(filer.getByTestId("status-merged").getByRole("heading")).toHaveText(
      "Your complaint was joined to another case",
    );
    await expect(filer.locator("main")).not.toContainText(original.reference);
    await expect(filer.locator("main")).not.toContainText("Original Filer");
    await expectNoAxeViolations(filer);
  });
});

test("a manager forms a level-3 panel: a conflicted member is refused with the reason, an independent one sits", async ({
  page,
}) => {
  // The demo's level-3 case (scripts/seed/demo-three-parties.ts), against Hamilton's first provider.
  const [{ reference }] = queryDb<{ reference: string }>(
    "SELECT c.reference FROM cases c JOIN case_panels p ON p.case_id = c.id WHERE c.level = 3 ORDER BY c.id LIMIT 1",
  ) as [{ reference: string }];
  await login(page, MANAGER);
  await visit(page, "/admin/panels");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Panel roster");
  await expect(page.getByTestId("roster")).toContainText("Sam Whitfield");
  await expectNoAxeViolations(page);

  await openCase(page, reference);
  const panel = page.getByRole("region", { name: "Independent panel" });
  await expect(panel.getByTestId("panel-sat")).toHaveText("Sat on the panel: Dana Okafor, Luc Bérubé");
  await expectNoAxeViolations(page);

  await panel.getByLabel(/^Dana Okafor/).check();
  await panel.getByLabel(/^Priya Nair/).check();
  await panel.getByLabel(/^Sam Whitfield/).check();
  await panel.getByRole("button", { name: "Form the panel" }).click();
  await expect(panel.getByTestId("panel-refused")).toHaveText(
    "Refused: Priya Nair, Sam Whitfield cannot sit on this panel. Priya Nair is from the respondent provider; Sam Whitfield declared a conflict with a party.",
  );
  await expect(panel.getByTestId("panel-sat")).toHaveText("Sat on the panel: Dana Okafor, Luc Bérubé");
  await expectNoAxeViolations(page);

  await panel.getByLabel(/^Priya Nair/).uncheck();
  await panel.getByLabel(/^Sam Whitfield/).uncheck();
  await panel.getByLabel(/^Luc Bérubé/).check();
  await panel.getByRole("button", { name: "Form the panel" }).click();
  await expect(panel.getByRole("status")).toHaveText("The panel is formed.");
});
