import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { languageCookieFor, languageOf } from "./utils/language.server";
import { logError } from "./utils/log.server";
import { DEMO_USERS, seedDemoData } from "../scripts/seed/demo-data";
import { bootRecourse as bootWith } from "./services/boot.server";
import { RequestRenderingContext } from "./utils/request-context";

/** What server.ts runs before taking requests; the demo seed is wired in here, outside the services. */
export const bootRecourse = () => bootWith({ seed: seedDemoData, accountEmails: DEMO_USERS.map((u) => u.email) });
// server.ts puts this handle in every load context: the bundle's own instance, not a second one.
export { getDb } from "./utils/db.server";
// server.ts reaches the app's one metrics registry through the build (it is bundled apart).
export { metricsText, observeRequest } from "./utils/metrics.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // server.ts made this response's nonce and named it in its Content-Security-Policy: every inline
  // script React and Remix write (hydration data, scroll restoration, streamed data) must carry it.
  const nonce = loadContext.cspNonce;
  // ?lng=fr on any page switches the language and remembers it.
  const languageCookie = languageCookieFor(request);
  if (languageCookie) responseHeaders.append("Set-Cookie", languageCookie);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RequestRenderingContext.Provider
        value={{ nonce, language: languageOf(request), requestId: loadContext.requestId }}
      >
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </RequestRenderingContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logError("Rendering failed after the page began", error, loadContext.requestId);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  // A page that does not exist is an answer, not a fault: only real errors are logged.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logError(
    `Unhandled error on ${request.method} ${redactSecrets(new URL(request.url).pathname)}`,
    error,
    context.requestId,
  );
}

/**
 * Survey, invitation, reset and case links carry a secret token in the path: logs keep only its
 * first characters.
 */
export function redactSecrets(pathname: string): string {
  return pathname.replace(/^\/(survey|invite|reset-password|status\/open)\/([^/]{4})[^/]+/, "/$1/$2…");
}
