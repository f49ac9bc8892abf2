import { expect, expectNoAxeViolations, login, test, visit } from "./fixtures";

// Issue #20: staff find the mail that named no case from their queue, on a page that passes axe.
// What lands on the list, and whose list it is, is proven in test/integration/mail-review.test.ts.

test("staff reach 'Mail to sort by hand' from the queue, and the page is accessible", async ({ page }) => {
  await login(page, "staff@hamilton-niagara.example.org");
  await visit(page, "/cases");
  await page.getByRole("link", { name: "Mail to sort by hand" }).click();
  await expect(page).toHaveURL(/\/mail-review$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mail to sort by hand" })).toBeVisible();
  await expect(page.getByText("Never tell the sender which case an address belongs to.")).toBeVisible();
  await expectNoAxeViolations(page);
});
