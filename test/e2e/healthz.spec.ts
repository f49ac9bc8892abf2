import { expect, test } from "./fixtures";

test("GET /healthz answers 200 ok, uncached, for load balancers and monitors", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.text()).toBe("ok");
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(response.headers()["cache-control"]).toBe("no-store");
});
