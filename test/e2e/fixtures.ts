import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { simpleParser, type ParsedMail } from "mailparser";
import { mkdirSync, watch } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { AXE_MS, EMAIL_MS, HYDRATION_MS } from "./budgets";

export { expect };

export const DEMO_PASSWORD = "Recourse-demo-2026";

/**
 * The page fixture fails a test when the browser throws or logs an error (a failed hydration, for
 * one): a broken page even when the assertions happen to pass. A 4xx answer the test asked for
 * (an invalid form, a page not found) is logged by the browser as a failed load: that one is fine.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
      errors.push(`${page.url()}: console.error: ${message.text()}`);
    });
    await use(page);
    expect(errors, "errors in the browser").toEqual([]);
  },
});

/** Remix attaches its router when the page is hydrated: before that, a click may do nothing. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state?: { initialized?: boolean } } }).__remixRouter?.state
        ?.initialized === true,
    undefined,
    { timeout: HYDRATION_MS },
  );
}

/** A full page load (goto, a plain link, a plain form) then hydration. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForHydration(page);
}

/** Waits until a client-side navigation or form submission has finished. */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const state = (
        window as unknown as {
          __remixRouter?: { state?: { navigation?: { state?: string }; revalidation?: string } };
        }
      ).__remixRouter?.state;
      return state?.navigation?.state === "idle" && state?.revalidation === "idle";
    },
    undefined,
    { timeout: HYDRATION_MS },
  );
}

/** WCAG 2.1 A and AA checks on the page as it is now; fails listing each violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await withinBudget(
    new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze(),
    AXE_MS,
    `axe's WCAG run on ${page.url()}`,
  );
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ") ?? ""}`).join("\n"),
  );
  expect(found, `accessibility violations on ${page.url()}:\n${found.join("\n")}`).toEqual([]);
}

const SIGN_OUT = /^(Sign out|Se déconnecter)$/;

/** Signs in through the staff form and waits for the landing page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await visit(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // The account's own language from here on (a French account signs in to French).
  await expect(page.getByRole("button", { name: SIGN_OUT })).toBeVisible();
  await waitForIdle(page);
}

/** Signs out with the header button (a plain form post: a full page load). */
export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: SIGN_OUT }).click();
  await expect(page.getByRole("link", { name: /^(Staff sign in|Connexion du personnel)$/ })).toBeVisible();
  await waitForHydration(page);
}

export function mailDir(): string {
  const dir = process.env.RECOURSE_E2E_MAIL_DIR;
  if (!dir) throw new Error("RECOURSE_E2E_MAIL_DIR is not set: run the tests through playwright.config.ts");
  return dir;
}

const parsedMail = new Map<string, ParsedMail>();

/** Every .eml written so far, parsed as a mail client would (each file parsed once). */
export async function readAllMail(): Promise<{ file: string; mail: ParsedMail }[]> {
  let files: string[];
  try {
    files = (await readdir(mailDir())).filter((f) => f.endsWith(".eml")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const out: { file: string; mail: ParsedMail }[] = [];
  for (const file of files) {
    let mail = parsedMail.get(file);
    if (!mail) {
      mail = await simpleParser(await readFile(join(mailDir(), file)));
      parsedMail.set(file, mail);
    }
    out.push({ file, mail });
  }
  return out;
}

/**
 * Waits for an email whose subject contains `reference` and, if given, also matches `subject`;
 * returns it parsed.
 */
export async function waitForEmail(
  reference: string,
  options: { subject?: string | RegExp; timeoutMs?: number } = {},
): Promise<ParsedMail> {
  const matches = (s: string) =>
    s.includes(reference) &&
    (options.subject === undefined ||
      (typeof options.subject === "string" ? s.includes(options.subject) : options.subject.test(s)));
  const description = `about ${reference}${options.subject ? ` with subject ${String(options.subject)}` : ""}`;
  return waitForEmailWhere(description, (mail) => matches(mail.subject ?? ""), options.timeoutMs ?? EMAIL_MS).catch(
    async (error: Error) => {
      const subjects = (await readAllMail()).map(({ mail }) => mail.subject).filter((s) => s?.includes(reference));
      throw new Error(`${error.message}. Emails about it: ${JSON.stringify(subjects)}`);
    },
  );
}

/**
 * The acknowledgement is met when the mail server takes its email, not on the click (issue #18):
 * waits for that email to be written, then reloads the staff case page until its timeline says the
 * server accepted it (the clock is met in the same transaction). English or French page.
 */
export async function waitForAcknowledgementAccepted(page: Page, reference: string): Promise<void> {
  await waitForEmail(reference, { subject: /We are looking at your complaint|Nous examinons votre plainte/ });
  const accepted = page
    .locator(".timeline__title")
    .filter({ hasText: /Acknowledgement email accepted by the mail server|Courriel d'accusé de réception accepté/ });
  await expect(async () => {
    await page.reload();
    await expect(accepted).toHaveCount(1, { timeout: 1000 });
  }).toPass();
  await waitForHydration(page);
}

/**
 * The first email that `matches` (for one whose subject alone is ambiguous: two SSMs run by one
 * organization share its name), as soon as the server writes it: woken by each new file in the
 * mail folder (the server writes each message aside and renames it in, so a file seen is whole),
 * not by polling on a timer. Fails after `timeoutMs` with none.
 */
export async function waitForEmailWhere(
  description: string,
  matches: (mail: ParsedMail) => boolean,
  timeoutMs = EMAIL_MS,
): Promise<ParsedMail> {
  const dir = mailDir();
  // The server makes the folder on its first email; watching needs it now.
  mkdirSync(dir, { recursive: true });
  let wake = () => {};
  const watcher = watch(dir, () => wake());
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<"out of time">(
    (resolve) => (timer = setTimeout(() => resolve("out of time"), timeoutMs)),
  );
  try {
    for (;;) {
      // Armed before looking, so a file that lands while the folder is read still wakes the next round.
      const changed = new Promise<"changed">((resolve) => (wake = () => resolve("changed")));
      const found = (await readAllMail()).find(({ mail }) => matches(mail));
      if (found) return found.mail;
      if ((await Promise.race([changed, outOfTime])) === "out of time") {
        const last = (await readAllMail()).find(({ mail }) => matches(mail));
        if (last) return last.mail;
        throw new Error(`No email ${description} in ${dir} after ${timeoutMs} ms`);
      }
    }
  } finally {
    clearTimeout(timer);
    watcher.close();
  }
}

/** The address a parsed email was sent to. */
export function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? "";
}

/**
 * A read-only query on the run's database, for what no page shows on purpose (stored
 * self-identification answers, rate-limit counters). Never writes: the server owns the database.
 */
export function queryDb<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  const dir = process.env.RECOURSE_E2E_DIR;
  if (!dir) throw new Error("RECOURSE_E2E_DIR is not set: run the tests through playwright.config.ts");
  const db = new Database(join(dir, "recourse.db"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export interface TestFiler {
  name: string;
  email: string;
  description: string;
  outcome: string;
  /** A program's English label; "Employment Service" unless given. */
  program?: string;
}

/**
 * Fills the English complaint form for Hamilton–Niagara (already open at /file?area=hamilton-niagara)
 * with the required answers, found by their labels; does not send it.
 */
export async function fillComplaintForm(page: Page, filer: TestFiler): Promise<void> {
  await page
    .getByLabel("Which service provider is your complaint about?")
    .selectOption({ label: "Hamilton Employment Centre" });
  await page
    .getByLabel("Which program or service was it?")
    .selectOption({ label: filer.program ?? "Employment Service" });
  await page.getByLabel("What happened?").fill(filer.description);
  await page.getByLabel("What would you like to happen?").fill(filer.outcome);
  await page.getByLabel("Your name").fill(filer.name);
  await page.getByLabel(/^Email/).fill(filer.email);
  await page.getByLabel(/I have read the notice/).check();
}

/**
 * The filer's look-up on /status (a full page post): reference and access code. Starts from the
 * look-up form: a case this browser has open already (its access cookie) is closed first.
 */
export async function lookUpComplaint(page: Page, reference: string, code: string, query = ""): Promise<void> {
  const path = `/status?reference=${encodeURIComponent(reference)}${query ? `&${query}` : ""}`;
  await visit(page, path);
  const close = page.getByRole("button", { name: /^(Sign out of this complaint|Me déconnecter de cette plainte)$/ });
  if (await close.count()) {
    await submitFullPage(page, close);
    await visit(page, path);
  }
  await expect(page.getByRole("textbox", { name: /^(Reference number|Numéro de référence)/ })).toHaveValue(reference);
  await page.getByLabel(/^(Access code|Code d’accès)/).fill(code);
  await submitFullPage(page, page.getByRole("button", { name: /^(Check|Vérifier)$/ }));
}

/**
 * Clicks a button of a plain (reloadDocument) form and waits for the answer's page to load and
 * hydrate: the address may stay the same (an error answer), so it waits for the new document.
 */
export async function submitFullPage(page: Page, button: Locator): Promise<void> {
  const navigated = page.waitForEvent("framenavigated", (frame) => frame === page.mainFrame());
  await button.click();
  await navigated;
  await page.waitForLoadState("load");
  await waitForHydration(page);
}

/**
 * A page in its own browser context (its own cookies): a second person beside the signed-in one,
 * failing on browser errors like the page fixture does.
 */
export async function withFreshPage<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
      errors.push(`${page.url()}: ${message.text()}`);
  });
  try {
    return await run(page);
  } finally {
    await context.close();
    expect(errors, "errors in the second browser").toEqual([]);
  }
}

/**
 * The subjects of every email the server has queued about a case, sent or not, oldest first. The
 * outbox row is written in the same transaction as the action that causes the email, so once the
 * action's answer is on the page, this is complete: no need to wait for the worker to prove a
 * message was never queued.
 */
export function queuedEmailSubjects(reference: string): string[] {
  return queryDb<{ subject: string }>(
    "SELECT o.subject FROM email_outbox o JOIN cases c ON c.id = o.case_id WHERE c.reference = ? ORDER BY o.id",
    reference,
  ).map((row) => row.subject);
}

/** Resolves to `work`'s result, or fails naming the step once `budgetMs` has passed. */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${step} took over ${budgetMs} ms`)), budgetMs)),
  );
  try {
    return await Promise.race([work, overrun]);
  } finally {
    clearTimeout(timer);
  }
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF), as a spreadsheet reads them. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 1;
    } else field += c;
  }
  if (field !== "" || record.length) records.push([...record, field]);
  return records;
}

/** The staff case page's one composer (#19): the kind of message, chosen by its radio button. */
export type ComposerKind =
  | "Public reply"
  | "Internal note"
  | "Question to the person"
  | "Réponse publique"
  | "Note interne"
  | "Question à la personne";

/** Writes in the case page's composer, and sends unless told not to (a test that sends later). */
export async function composeOnCase(page: Page, kind: ComposerKind, text: string, send = true): Promise<void> {
  const composer = page.getByRole("region", { name: /^(Write to the case|Écrire au dossier)$/ });
  await composer.getByRole("radio", { name: kind, exact: true }).check();
  await composer.getByRole("textbox", { name: /^Message/ }).fill(text);
  if (send) await composer.getByRole("button", { name: /^(Send|Envoyer)$/ }).click();
}
