import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { LIMITED_BODY } from "./limited-body.server";
import { newRequestFacts, withRequestFacts, type RequestFacts } from "./request-facts.server";
import { dynamicCacheControl } from "./security-headers.server";

/**
 * Remix behind Express, like @remix-run/express, except for how a response body is sent: through
 * a stream pipeline, which waits for a slow client before pulling more and cancels the body when
 * the client goes away. The Express adapter writes without waiting, so a large CSV export would
 * be read into memory as fast as the database yields it.
 */
export function createRemixHandler(input: {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  const handle = createRequestHandler(input.build, input.mode);
  // Express ignores a handler's promise; every failure below reaches next() instead.
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction): void => void respond(req, res, next);
  async function respond(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    try {
      // Who asked, as a role, for the request's log line (server.ts).
      const facts = (res.locals.requestFacts as RequestFacts | undefined) ?? newRequestFacts();
      const response = await withRequestFacts(facts, () =>
        handle(toFetchRequest(req, res), input.getLoadContext(req, res)),
      );
      res.statusMessage = response.statusText;
      res.status(response.status);
      // A route's header replaces server.ts's of the same name (an attachment's own nosniff would
      // otherwise read "nosniff, nosniff"); only Set-Cookie may repeat.
      for (const [key, value] of response.headers.entries()) {
        if (key === "set-cookie") res.append(key, value);
        else res.setHeader(key, value);
      }
      // Whatever the route said, nothing Remix answers is stored by a cache (pages, data, exports,
      // files and errors may all hold personal information).
      res.setHeader("Cache-Control", dynamicCacheControl(response.headers.get("Cache-Control")));
      if (!response.body) {
        res.end();
        return;
      }
      await pipeline(Readable.fromWeb(response.body as unknown as NodeWebStream), res).catch((error: unknown) => {
        // A client that leaves mid-download is not a server fault.
        if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
      });
    } catch (error) {
      next(error);
    }
  }
}

function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // req.hostname honours "trust proxy"; the port comes from X-Forwarded-Host or Host.
  const port = (req.get("X-Forwarded-Host") ?? req.get("host") ?? "").split(":")[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  // Loaders and actions are aborted if the client leaves before the response is finished.
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => {
    controller = null;
    // Once the answer is sent, what the app did not read of the body never will be (an action that
    // stopped at the multipart end marker, a redirect before reading the form). Discard it, as Node
    // does with a body nobody touched: left paused, it would block the next request on this
    // keep-alive connection until the idle timeout reset it.
    if (!req.complete) {
      req.removeAllListeners("data");
      req.resume();
    }
  });
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    // A post with no body at all (server.ts lets only forms carry one) is an empty form, so that
    // request.formData() in an action answers an empty form instead of throwing.
    if (!headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded");
    // server.ts has read the body within its route's limits (limited-body.server.ts).
    const limited = res.locals[LIMITED_BODY] as Buffer | undefined;
    init.body = limited
      ? new Uint8Array(limited.buffer as ArrayBuffer, limited.byteOffset, limited.length)
      : createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}
