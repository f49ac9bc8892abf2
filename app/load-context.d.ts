// What server.ts adds to the load context beside clientIp (app/single-fetch.d.ts).
import "@remix-run/node";
import type { DB } from "../db/client";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce: entry.server puts it on every inline script. */
    cspNonce: string;
    /**
     * The process's database handle (app/utils/db.server.ts, the same one the services and the
     * background work use): routes hand it to the services they call and never import db themselves.
     */
    db: DB;
    /** Shown on error pages and written with the error to the log (server.ts). */
    requestId: string;
  }
}
