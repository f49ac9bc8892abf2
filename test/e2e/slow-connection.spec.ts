import { emulateSlowConnection, kib, SLOW_KBPS, SLOW_RTT_MS } from "../support/slow-connection";
import { expect, expectNoAxeViolations, fillComplaintForm, test, waitForHydration } from "./fixtures";

// Issue #18, "Light on the wire": a person filing from a phone on a poor connection (400 kbps each
// way, 400 ms round trips, Chromium's own network emulation) gets the complaint form, working,
// for at most 150 KiB transferred with its JavaScript, in two round trips of requests: the page,
// then everything it needs at once. Bytes are exact (what the browser received, headers and
// compression included), so the test holds them to the budget; the time depends on the machine,
// so it is printed here and measured by `npm run bench` (bench/RESULTS.md), never asserted.

const BUDGET_BYTES = 150 * 1024;

test("the complaint form arrives within 150 KiB with its JavaScript on a slow phone connection, and files", async ({
  page,
}) => {
  const { transfers, restore } = await emulateSlowConnection(page);
  const started = Date.now();
  await page.goto("/file?area=hamilton-niagara", { waitUntil: "commit" });
  const form = page.getByRole("button", { name: "Send my complaint" });
  await expect(form).toBeVisible();
  const shownMs = Date.now() - started;
  await waitForHydration(page);
  const hydratedMs = Date.now() - started;
  // Whatever the page still fetches once hydrated (route discovery for its links) counts too.
  await page.waitForLoadState("networkidle");
  await expect.poll(() => [...transfers.values()].every((t) => t.done)).toBe(true);

  const all = [...transfers.values()];
  const total = all.reduce((sum, t) => sum + t.bytes, 0);
  console.log(
    `/file on ${SLOW_KBPS} kbps, ${SLOW_RTT_MS} ms RTT: ${kib(total)} in ${all.length} requests; form shown after ${shownMs} ms, ` +
      `usable (hydrated) after ${hydratedMs} ms\n` +
      all
        .map((t) => `  ${kib(t.bytes).padStart(10)}  ${t.encoding.padEnd(5)} ${t.type.padEnd(10)} ${t.url}`)
        .join("\n"),
  );
  expect(total, "bytes transferred for /file").toBeLessThanOrEqual(BUDGET_BYTES);
  // Two round trips of requests: every script and the stylesheet are named in the page itself, so the
  // browser asks for them all as soon as the HTML arrives; none waits for another script to run.
  const assets = all.filter((t) => t.type === "Script" || t.type === "Stylesheet");
  expect(assets.length).toBeGreaterThan(0);
  expect(
    assets.filter((t) => t.initiator !== "parser").map((t) => t.url),
    "scripts found only by running another script",
  ).toEqual([]);
  // Text is compressed.
  const document = all.find((t) => t.type === "Document")!;
  expect(document.encoding).toMatch(/^(gzip|br)$/);
  for (const asset of assets.filter((t) => t.bytes > 2048)) expect(asset.encoding, asset.url).toMatch(/^(gzip|br)$/);

  // Submittable on the same connection: the filing goes through and the reference comes back.
  await fillComplaintForm(page, {
    name: "Slow Connection",
    email: `slow-${Date.now().toString(36)}@example.org`,
    description: "Filed from a phone on a slow connection.",
    outcome: "An answer.",
  });
  await form.click();
  await expect(page.getByTestId("reference")).toBeVisible();

  await restore();
  await expectNoAxeViolations(page);
});
