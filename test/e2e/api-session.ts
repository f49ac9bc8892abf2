import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { NAVIGATION_MS } from "./budgets";
import { DEMO_PASSWORD } from "./fixtures";

/**
 * HTTP clients for the browser-less specs (security headers, hostile input): Playwright's
 * APIRequestContext, much faster than a page. Every request says it comes from the site itself
 * (Origin), as a browser's form post would, so the same-origin check lets it through.
 */

export function baseUrl(): string {
  const port = process.env.RECOURSE_E2E_PORT;
  if (!port) throw new Error("RECOURSE_E2E_PORT is not set: run the tests through playwright.config.ts");
  return `http://127.0.0.1:${port}`;
}

/** An anonymous client, or one that sends the given cookies. */
export async function apiClient(cookies: Record<string, string> = {}): Promise<APIRequestContext> {
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return playwrightRequest.newContext({
    baseURL: baseUrl(),
    extraHTTPHeaders: { Origin: baseUrl(), ...(cookie ? { Cookie: cookie } : {}) },
    // Production cookies are Secure and the tests run over http: cookies are carried by hand
    // (above), never by the context's own jar, so what is sent is always what the test chose.
    storageState: { cookies: [], origins: [] },
    // One request's budget: a page's worth of work, like a navigation in the browser.
    timeout: NAVIGATION_MS,
  });
}

/** name → value of every cookie a response sets (Max-Age=0 ones too, with an empty value). */
export function cookiesSetBy(response: APIResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of response.headersArray()) {
    if (header.name.toLowerCase() !== "set-cookie") continue;
    const [pair = ""] = header.value.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

/** Signs in with the staff form and returns a client carrying the session cookie. */
export async function signedInClient(email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const anonymous = await apiClient();
  try {
    const response = await anonymous.post("/login", { form: { email, password }, maxRedirects: 0 });
    expect(response.status(), `sign-in of ${email}`).toBe(302);
    const session = Object.entries(cookiesSetBy(response)).filter(([name, value]) => /session/.test(name) && value);
    expect(session, `session cookie for ${email}`).toHaveLength(1);
    return apiClient(Object.fromEntries(session));
  } finally {
    await anonymous.dispose();
  }
}
