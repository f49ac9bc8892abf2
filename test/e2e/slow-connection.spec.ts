import type { CDPSession, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, fillComplaintForm, test, waitForHydration } from "./fixtures";

// Issue #18, "Light on the wire": a person filing from a phone on a poor connection (400 kbps each
// way, 400 ms round trips, Chromium's own network emulation) gets the complaint form, working,
// for at most 150 KiB transferred with its JavaScript, in two round trips of requests: the page,
// then everything it needs at once. Bytes are exact (what the browser received, headers and
// compression included), so the test holds them to the budget; the time depends on the machine,
// so it is printed here and measured by `npm run bench` (bench/RESULTS.md), never asserted.

const BUDGET_BYTES = 150 * 1024;
const KBPS = 400;
const RTT_MS = 400;

interface Transfer {
  url: string;
  type: string;
  encoding: string;
  initiator: string;
  bytes: number;
  done: boolean;
}

/** Every request the page makes from now on, with what crossed the (emulated) wire for it. */
async function watchNetwork(page: Page): Promise<{ cdp: CDPSession; transfers: Map<string, Transfer> }> {
  const cdp = await page.context().newCDPSession(page);
  const transfers = new Map<string, Transfer>();
  cdp.on("Network.requestWillBeSent", (event) => {
    transfers.set(event.requestId, {
      url: event.request.url,
      type: event.type ?? "Other",
      encoding: "",
      initiator: event.initiator.type,
      bytes: 0,
      done: false,
    });
  });
  cdp.on("Network.responseReceived", (event) => {
    const transfer = transfers.get(event.requestId);
    if (!transfer) return;
    const header = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === "content-encoding");
    transfer.encoding = header ? String(header[1]) : "none";
  });
  cdp.on("Network.loadingFinished", (event) => {
    const transfer = transfers.get(event.requestId);
    if (transfer) Object.assign(transfer, { bytes: event.encodedDataLength, done: true });
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: RTT_MS,
    // Chromium takes throughput in bytes a second.
    downloadThroughput: (KBPS * 1000) / 8,
    uploadThroughput: (KBPS * 1000) / 8,
  });
  return { cdp, transfers };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

test("the complaint form arrives within 150 KiB with its JavaScript on a slow phone connection, and files", async ({
  page,
}) => {
  const { cdp, transfers } = await watchNetwork(page);
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
    `/file on ${KBPS} kbps, ${RTT_MS} ms RTT: ${kib(total)} in ${all.length} requests; form shown after ${shownMs} ms, ` +
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

  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expectNoAxeViolations(page);
});
