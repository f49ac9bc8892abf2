import nodemailer from "nodemailer";
import { expect, expectNoAxeViolations, fillComplaintForm, login, test, visit, waitForEmail } from "./fixtures";

// Issue #20: a filer answers the acknowledgement from their mail program, and staff read the reply
// on the case's timeline. The reply goes to the address the real email carries (its signed
// Reply-To), through the SMTP listener the e2e server runs (playwright.config.ts).

const STAFF = "staff@hamilton-niagara.example.org";
const stamp = `mi-${Date.now().toString(36)}`;

test("a reply to the acknowledgement email appears on the staff case page", async ({ page }) => {
  const filer = {
    name: `Sasha Kent ${stamp}`,
    email: `sasha.${stamp}@example.com`,
    description: `My employment counsellor stopped answering my calls (${stamp}).`,
    outcome: "A new counsellor.",
  };
  await visit(page, "/file?area=hamilton-niagara");
  await fillComplaintForm(page, filer);
  await page.getByRole("button", { name: "Send my complaint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We received your complaint");
  const reference = (await page.getByTestId("reference").innerText()).trim();

  const acknowledgement = await waitForEmail(reference);
  const replyTo = acknowledgement.replyTo?.value[0]?.address ?? "";
  expect(replyTo).toMatch(/^reply\+[^@]+@/);
  expect(acknowledgement.text).toContain("Reply to this email");

  const reply = `I forgot to say: my last appointment was on a Tuesday (${stamp}).`;
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: Number(process.env.RECOURSE_E2E_INBOUND_PORT),
    secure: false,
    ignoreTLS: true,
  });
  // Answered once the listener has added the reply to the case (or refused it).
  await transport.sendMail({
    from: filer.email,
    to: replyTo,
    subject: `Re: ${acknowledgement.subject ?? ""}`,
    inReplyTo: acknowledgement.messageId,
    text: `${reply}\n\nOn Monday, Recourse wrote:\n> ${(acknowledgement.text ?? "").split("\n").join("\n> ")}`,
  });

  await login(page, STAFF);
  await visit(page, `/cases/${reference}`);
  const timeline = page.locator("ol.timeline");
  await expect
    .poll(async () => {
      await page.reload();
      return timeline.innerText();
    })
    .toContain(reply);
  const entry = timeline.getByRole("listitem").filter({ hasText: reply });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("More information from the person");
  // The quoted acknowledgement was trimmed: only what the person wrote is on the case.
  await expect(entry).not.toContainText("Recourse wrote");
  await expectNoAxeViolations(page);
});
