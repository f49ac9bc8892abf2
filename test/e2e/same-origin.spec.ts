import { expect, queryDb, test } from "./fixtures";

// A form on another site posting into Recourse (cross-site request forgery) is refused before any
// route runs; the same request from our own pages goes through.
test("a state-changing request from another site is refused with 403", async ({ request }) => {
  const crossSite = await request.post("/file?area=hamilton-niagara", {
    form: { area: "hamilton-niagara", name: "Forged" },
    headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);

  const oldBrowser = await request.post("/logout", {
    headers: { Origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(oldBrowser.status()).toBe(403);

  const ours = await request.post("/logout", { headers: { "Sec-Fetch-Site": "same-origin" }, maxRedirects: 0 });
  expect(ours.status()).toBe(302);
});

test("every response says not to sniff types or be framed", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

// Every method that can change something, on a sample of actions: refused from another site before
// any route runs, whatever the method, so the refusal cannot be side-stepped with PUT or DELETE.
const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND"];
const FOREIGN: Record<string, Record<string, string>> = {
  "Sec-Fetch-Site: cross-site": { "Sec-Fetch-Site": "cross-site" },
  "Sec-Fetch-Site: same-site (a sibling subdomain)": {
    "Sec-Fetch-Site": "same-site",
    Origin: "https://other.recourse.example",
  },
  "Sec-Fetch-Site: cross-site with a matching Origin": { "Sec-Fetch-Site": "cross-site", Origin: "http://127.0.0.1" },
  "an old browser: a foreign Origin": { Origin: "https://attacker.example" },
  "an old browser: Origin null (a sandboxed frame)": { Origin: "null" },
  "an old browser: an Origin that is not an address": { Origin: "attacker" },
};

test("every state-changing method from another site is refused with 403, and changes nothing", async ({
  request,
  baseURL,
}) => {
  const counts = () =>
    queryDb("SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM rate_limit_events) AS attempts")[0];
  const before = counts();
  for (const path of [
    "/logout",
    "/file?area=hamilton-niagara",
    "/status",
    "/login",
    "/cases/new",
    "/admin/users",
    "/survey/not-a-token",
  ]) {
    for (const method of STATE_CHANGING) {
      for (const [what, headers] of Object.entries(FOREIGN)) {
        const response = await request.fetch(path, {
          method,
          headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
          data: "intent=lookup&reference=HAM-2026-000001&secret=x&email=a%40b.c&password=x",
          maxRedirects: 0,
        });
        expect(response.status(), `${method} ${path}, ${what}`).toBe(403);
        expect(await response.text()).toBe("Forbidden: cross-origin request");
      }
    }
  }
  expect(counts(), "no complaint filed, no look-up or sign-in attempted").toEqual(before);
  // A foreign Origin's host must match exactly: the same host on another port is another origin.
  const port = new URL(baseURL!).port;
  const otherPort = await request.post("/logout", {
    headers: { Origin: `http://127.0.0.1:${Number(port) + 1}` },
    maxRedirects: 0,
  });
  expect(otherPort.status()).toBe(403);
});

test("GET and HEAD from another site still work (a link from elsewhere), and our own pages may post", async ({
  request,
  baseURL,
}) => {
  for (const method of ["GET", "HEAD"]) {
    const response = await request.fetch("/process/hamilton-niagara", {
      method,
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://elsewhere.example" },
    });
    expect(response.status(), method).toBe(200);
  }
  const ours: Record<string, Record<string, string>> = {
    "Sec-Fetch-Site: same-origin": { "Sec-Fetch-Site": "same-origin" },
    "Sec-Fetch-Site: none (typed or bookmarked)": { "Sec-Fetch-Site": "none" },
    "an old browser: our own Origin": { Origin: baseURL! },
    // Documented in app/utils/http.server.ts: a client that sends neither header is not a browser,
    // so it cannot carry a victim's cookies into a forged request; it passes this check only.
    "neither header (curl, a monitor)": {},
  };
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    for (const [what, headers] of Object.entries(ours)) {
      const response = await request.fetch("/logout", { method, headers, maxRedirects: 0 });
      expect(response.status(), `${method} /logout, ${what}`).toBe(302);
    }
  }
});
