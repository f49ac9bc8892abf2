// Tells Remix's types that single fetch is on (remix.config.js), so loader and action data are
// typed as what the functions return, including values wrapped in data().
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  /** What server.ts hands every loader and action. */
  interface AppLoadContext {
    /** The client's address (behind a proxy, as TRUST_PROXY allows express to read it). */
    clientIp: string;
  }
}
