import { expect, test } from "@playwright/test";

// A form on another site posting into Recourse (cross-site request forgery) is refused before any
// route runs; the same request from our own pages goes through.
test("a state-changing request from another site is refused with 403", async ({ request }) => {
  const crossSite = await request.post("/file?area=hamilton-niagara", {
    form: { area: "hamilton-niagara", name: "Forged" },
    headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);

  const oldBrowser = await request.post("/logout", { headers: { Origin: "https://attacker.example" }, maxRedirects: 0 });
  expect(oldBrowser.status()).toBe(403);

  const ours = await request.post("/logout", { headers: { "Sec-Fetch-Site": "same-origin" }, maxRedirects: 0 });
  expect(ours.status()).toBe(302);
});

test("every response says not to sniff types or be framed", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
