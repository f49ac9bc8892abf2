import { recordComplaint } from "./api-flows";
import {
  expect,
  expectNoAxeViolations,
  login,
  lookUpComplaint,
  submitFullPage,
  test,
  visit,
  withFreshPage,
} from "./fixtures";

// Issue #20: a message on /status after the filer withdrew is taken, and heads the staff queue as
// "new message on a closed case"; staff mark it read from the case page. Each page passes axe.

test("a /status message on a withdrawn case heads the queue, and staff mark it read", async ({ page, browser }) => {
  await login(page, "staff@hamilton-niagara.example.org");
  const { reference, secret } = await recordComplaint(page.request);

  await withFreshPage(browser, async (filer) => {
    await lookUpComplaint(filer, reference, secret);
    await submitFullPage(filer, filer.getByRole("link", { name: "Withdraw my complaint" }));
    await submitFullPage(filer, filer.getByRole("button", { name: "Yes, withdraw my complaint" }));
    await expect(filer.getByText("This file is closed.", { exact: false })).toBeVisible();
    await filer.getByRole("textbox", { name: "Add information" }).fill("It happened again last week.");
    await submitFullPage(filer, filer.getByRole("button", { name: "Send" }));
    await expect(filer.getByText("Thank you. We added this to your file.")).toBeVisible();
    await expectNoAxeViolations(filer);
  });

  await visit(page, "/cases");
  const attention = page.getByRole("region", { name: "Needs attention first" });
  await expect(attention.getByRole("listitem").first()).toContainText(reference);
  await expect(attention.getByRole("listitem").first()).toContainText("New message on a closed case.");
  await expectNoAxeViolations(page);

  await attention.getByRole("link", { name: reference }).click();
  await expect(page.getByText("It happened again last week.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Mark the message read" }).click();
  await expect(page.getByText("Marked as dealt with.")).toBeVisible();
  await visit(page, "/cases");
  await expect(page.getByRole("region", { name: "Needs attention first" }).getByText(reference)).toHaveCount(0);
});
