import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { cookiesSetBy } from "./api-session";
import { queryDb } from "./fixtures";

/** Small HTTP-level steps the browser-less specs share (no page is opened). */

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

/** The text React rendered for an element with this data-testid (no nested markup expected). */
export function testIdText(html: string, testId: string): string | null {
  const match = new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html);
  return match ? decodeEntities(match[1]!.trim()) : null;
}

/** The value attribute of the input named `name` in server-rendered HTML. */
export function inputValue(html: string, name: string): string | null {
  const tag = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  const value = tag ? /\bvalue="([^"]*)"/.exec(tag)?.[1] : undefined;
  return value === undefined ? null : decodeEntities(value);
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A body answered and read, with the status in the failure message if it is not the expected one. */
export async function expectStatus(response: APIResponse, status: number | number[], what: string): Promise<string> {
  const body = await response.text();
  const allowed = Array.isArray(status) ? status : [status];
  expect(allowed, `${what}: ${response.status()} ${body.slice(0, 300)}`).toContain(response.status());
  return body;
}

/**
 * A complaint recorded by signed-in SSM staff on /cases/new (phone channel, received now, unknown
 * provider): no email is needed, and the case lands in that staff member's own SSM.
 */
export async function recordComplaint(
  staff: APIRequestContext,
  fields: Partial<Record<string, string>> = {},
): Promise<{ reference: string; secret: string }> {
  const form = await expectStatus(await staff.get("/cases/new"), 200, "the intake form");
  const receivedAt = inputValue(form, "receivedAt");
  const area = inputValue(form, "area");
  expect(receivedAt, "the intake form's received-at default").toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  const response = await staff.post("/cases/new", {
    form: {
      area: area ?? "",
      submissionKey: crypto.randomUUID(),
      channel: "phone",
      receivedAt: receivedAt ?? "",
      provider: "unknown",
      program: "employment_service",
      description: "Told to come back next month, three months in a row.",
      outcomeWanted: "An appointment this month.",
      name: "Robin Tester",
      phone: "905-555-0100",
      language: "en",
      accommodation: "no",
      consent: "on",
      ...(fields as Record<string, string>),
    },
    maxRedirects: 0,
  });
  const html = await expectStatus(response, 200, "recording a complaint");
  const reference = testIdText(html, "reference");
  const secret = testIdText(html, "secret");
  expect(reference, "the recorded complaint's reference").toMatch(/^[A-Z]{3}-\d{4}-\d{6}$/);
  return { reference: reference!, secret: secret ?? "" };
}

/** The case's optimistic-lock version, as the staff form sends it back. */
export function caseVersion(reference: string): number {
  const [row] = queryDb<{ version: number }>("SELECT version FROM cases WHERE reference = ?", reference);
  expect(row, `case ${reference}`).toBeDefined();
  return row!.version;
}

/** Opens the filer's hour of access on /status: returns the access cookie. */
export async function filerAccess(
  anonymous: APIRequestContext,
  reference: string,
  secret: string,
): Promise<Record<string, string>> {
  const response = await anonymous.post("/status", { form: { intent: "lookup", reference, secret }, maxRedirects: 0 });
  await expectStatus(response, 302, `looking up ${reference}`);
  const cookies = cookiesSetBy(response);
  expect(Object.keys(cookies), "the filer's access cookie").toHaveLength(1);
  return cookies;
}
