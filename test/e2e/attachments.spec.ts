import {
  expect,
  test,
  expectNoAxeViolations,
  fillComplaintForm,
  login,
  logout,
  lookUpComplaint,
  submitFullPage,
  visit,
  waitForIdle,
} from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

test("staff and the filer add evidence files; a file that is not what it claims is refused", async ({ page }) => {
  const stamp = Date.now();
  await visit(page, "/file?area=hamilton-niagara");
  await fillComplaintForm(page, {
    name: "Ada Upload",
    email: `ada.${stamp}@example.com`,
    description: `Lost my file (${stamp}).`,
    outcome: "Find it.",
  });
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  const secret = (await page.getByTestId("secret").innerText()).trim();

  // The filer attaches a PDF on /status.
  await lookUpComplaint(page, reference, secret);
  await page.getByLabel("Add a file").setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: PDF });
  await submitFullPage(page, page.getByRole("button", { name: "Upload the file" }));
  await expect(page.getByText("File added.")).toBeVisible();
  const link = page.getByRole("link", { name: "receipt.pdf" });
  await expect(link).toBeVisible();
  await expectNoAxeViolations(page);
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["content-type"]).toBe("application/pdf");

  // A script renamed .pdf is refused, beside the field.
  await page.getByLabel("Add a file").setInputFiles({
    name: "invoice.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<script>alert(1)</script>"),
  });
  await submitFullPage(page, page.getByRole("button", { name: "Upload the file" }));
  await expect(page.locator("#attachment-error")).toContainText("This type of file is not accepted.");
  await expect(page.getByLabel("Add a file")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("link", { name: "invoice.pdf" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Staff see the filer's file and add an internal one the filer does not see.
  await login(page, "staff@hamilton-niagara.example.org");
  await visit(page, `/cases/${reference}`);
  await expect(page.getByRole("link", { name: "receipt.pdf" })).toBeVisible();
  await page
    .getByLabel("Add a file")
    .setInputFiles({ name: "call-notes.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await waitForIdle(page);
  await expect(page.getByRole("link", { name: "call-notes.pdf" })).toBeVisible();
  await expectNoAxeViolations(page);
  const internalHref = (await page.getByRole("link", { name: "call-notes.pdf" }).getAttribute("href"))!;
  expect((await page.request.get(internalHref)).status()).toBe(200);

  // Another SSM's staff cannot download it.
  await logout(page);
  await login(page, "staff@ottawa.example.org");
  expect((await page.request.get(internalHref)).status()).toBe(404);
  await logout(page);

  await lookUpComplaint(page, reference, secret);
  await expect(page.getByRole("link", { name: "receipt.pdf" })).toBeVisible();
  await expect(page.getByRole("link", { name: "call-notes.pdf" })).toHaveCount(0);
});
