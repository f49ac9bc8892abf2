import type { Page } from "@playwright/test";
import { caseVersion, expectStatus, recordComplaint } from "./api-flows";
import { signedInClient } from "./api-session";
import { expect, expectNoAxeViolations, lookUpComplaint, queryDb, test, visit } from "./fixtures";
import { unexplainedTerms } from "../support/client-words";

// Issue #18, "words a client uses": every public page and the status page, in English and in
// French, as a browser renders them (the page's title and the visible text), hold no unexplained
// "SSM", "upheld", "Level 1", "phase" or "prototype", and call the filer "you".

const STAFF = "staff@hamilton-niagara.example.org";

async function readPage(page: Page): Promise<string> {
  return `${await page.title()}\n${await page.locator("body").innerText()}`;
}

async function staffActs(reference: string, forms: Record<string, string>[]): Promise<void> {
  const staff = await signedInClient(STAFF);
  try {
    for (const form of forms) {
      const response = await staff.post(`/cases/${reference}`, {
        form: { ...form, version: String(caseVersion(reference)) },
      });
      await expectStatus(response, 200, `staff: ${form.intent}`);
    }
  } finally {
    await staff.dispose();
  }
}

for (const language of ["en", "fr"] as const) {
  test(`(${language}) the public pages read in a client's words`, async ({ page }) => {
    const areas = queryDb<{ slug: string }>("SELECT slug FROM areas ORDER BY slug").map((a) => a.slug);
    expect(areas.length).toBeGreaterThan(1);
    const paths = [
      "/",
      "/?place=Hamilton",
      "/?place=Nowhere-on-earth",
      ...areas.map((slug) => `/process/${slug}`),
      "/file",
      "/file?area=hamilton-niagara",
      "/status",
      "/status/lost",
      "/survey/not-a-real-link",
    ];
    const problems: string[] = [];
    for (const path of paths) {
      await visit(page, `${path}${path.includes("?") ? "&" : "?"}lng=${language}`);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      for (const problem of unexplainedTerms(await readPage(page), language)) problems.push(`${path}: ${problem}`);
    }
    expect(problems).toEqual([]);
    await expectNoAxeViolations(page);
  });

  test(`(${language}) the status page reads in a client's words, from filing to the decision`, async ({ page }) => {
    const staff = await signedInClient(STAFF);
    const { reference, secret } = await recordComplaint(staff, { language, email: `words-${language}@example.org` });
    await staff.dispose();
    const problems: string[] = [];
    const check = async (when: string) => {
      for (const problem of unexplainedTerms(await readPage(page), language)) problems.push(`${when}: ${problem}`);
    };

    await lookUpComplaint(page, reference, secret, `lng=${language}`);
    await check("received");
    await visit(page, `/status?withdraw=confirm&lng=${language}`);
    await check("asked to confirm a withdrawal");
    await staffActs(reference, [{ intent: "acknowledge" }, { intent: "request_info", question: "Which office?" }]);
    await visit(page, `/status?lng=${language}`);
    await check("waiting for the filer");
    await staffActs(reference, [
      { intent: "resume", resumeReason: "Answered by phone." },
      { intent: "decide", outcome: "partly_upheld", reasons: "The office will call you." },
    ]);
    await visit(page, `/status?lng=${language}`);
    await expect(page.getByRole("region", { name: /^(Decision|Décision)$/ })).toBeVisible();
    await check("decided");
    expect(problems).toEqual([]);
    await expectNoAxeViolations(page);
  });
}
