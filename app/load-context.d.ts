// What server.ts adds to the load context beside clientIp (app/single-fetch.d.ts).
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce: entry.server puts it on every inline script. */
    cspNonce: string;
    /** Shown on error pages and written with the error to the log (server.ts). */
    requestId: string;
  }
}
