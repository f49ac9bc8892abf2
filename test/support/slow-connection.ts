import type { CDPSession, Page } from "@playwright/test";

// Issue #18's phone on a poor connection, by Chromium's own network emulation over a DevTools
// session: 400 kbps each way, 400 ms round trips, nothing cached. Shared by the browser test
// (test/e2e/slow-connection.spec.ts, which holds the bytes to the budget) and the bench
// (bench/measure-slow-file.ts, which measures the time).

export const SLOW_KBPS = 400;
export const SLOW_RTT_MS = 400;

export interface Transfer {
  url: string;
  type: string;
  encoding: string;
  initiator: string;
  /** What crossed the wire for it: headers and compressed body (Network.loadingFinished). */
  bytes: number;
  done: boolean;
}

/** Emulates the connection on `page` and records every request it makes from now on. */
export async function emulateSlowConnection(
  page: Page,
): Promise<{ cdp: CDPSession; transfers: Map<string, Transfer>; restore: () => Promise<void> }> {
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
    latency: SLOW_RTT_MS,
    // Chromium takes throughput in bytes a second.
    downloadThroughput: (SLOW_KBPS * 1000) / 8,
    uploadThroughput: (SLOW_KBPS * 1000) / 8,
  });
  const restore = async () => {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  };
  return { cdp, transfers, restore };
}

/** The page's hydration: Remix's router is attached and initialized. */
export function remixHydrated(page: Page, timeoutMs: number): Promise<unknown> {
  return page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state?: { initialized?: boolean } } }).__remixRouter?.state
        ?.initialized === true,
    undefined,
    { timeout: timeoutMs },
  );
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
