import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { translator } from "./app/i18n";
import type { DB } from "./db/client";
import { parseEnv } from "./app/utils/env.server";
import { compressResponses } from "./app/utils/compression.server";
import { createRemixHandler } from "./app/utils/express-handler.server";
import { precompressedStatic } from "./app/utils/precompressed-static.server";
import { isApiPath, isFormBody, isJsonBody, isSameOriginRequest } from "./app/utils/http.server";
import { readLimitedBody } from "./app/utils/limited-body.server";
import { logError } from "./app/utils/log.server";
import { newRequestFacts, type RequestFacts } from "./app/utils/request-facts.server";
import { routePatternMatcher } from "./app/utils/route-pattern.server";
import { DYNAMIC_CACHE_CONTROL, newCspNonce, securityHeaders } from "./app/utils/security-headers.server";

// `npm start` (the README's demo command) passes --demo and so asks for the demo seed; a deployment runs
// `npm run serve` or docs/recourse.service, which never pass it.
if (process.argv.includes("--demo")) process.env.SEED_DEMO = "true";

// Validate configuration before anything else: a bad value stops here, naming the variable.
let config;
try {
  config = parseEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const build = (await import(pathToFileURL("./build/index.js").href)) as ServerBuild & {
  entry: {
    module: {
      bootRecourse: () => Promise<void>;
      getDb: () => DB;
      metricsText: () => Promise<{ contentType: string; body: string }>;
      observeRequest: (input: { method: string; route: string; status: number; seconds: number }) => void;
    };
  };
};
const { metricsText, observeRequest } = build.entry.module;
const routePattern = routePatternMatcher(build.routes);
await build.entry.module.bootRecourse();

const app = express();
app.disable("x-powered-by");
const production = config.NODE_ENV === "production";
// Before anything else, so every answer has them: static files, pages, exports, 403s, errors.
app.use((req, res, next) => {
  // A request id, shown on error pages and written with the error to the log, so a person's report
  // leads to the log line without the page saying anything about the error itself.
  res.locals.requestId = randomBytes(6).toString("hex");
  res.setHeader("X-Request-Id", res.locals.requestId as string);
  logWhenAnswered(req, res);
  const nonce = newCspNonce();
  res.locals.cspNonce = nonce;
  for (const [name, value] of Object.entries(
    securityHeaders({ nonce, production, devOrigin: process.env.REMIX_DEV_ORIGIN }),
  )) {
    res.setHeader(name, value);
  }
  next();
});
// Prometheus metrics for the operator, behind a bearer token (issue #22); without METRICS_TOKEN the
// address does not exist.
app.get("/metrics", (req, res, next) => {
  if (!config.METRICS_TOKEN) return next();
  const given = Buffer.from(/^Bearer (.+)$/i.exec(req.get("authorization") ?? "")?.[1] ?? "");
  const expected = Buffer.from(config.METRICS_TOKEN);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res
      .status(401)
      .set("WWW-Authenticate", 'Bearer realm="metrics"')
      .set("Cache-Control", DYNAMIC_CACHE_CONTROL)
      .type("text/plain")
      .send("Unauthorized");
    return;
  }
  metricsText().then(
    ({ contentType, body }) => res.set("Cache-Control", DYNAMIC_CACHE_CONTROL).type(contentType).send(body),
    (error: unknown) => next(error),
  );
});
// No address of ours has a NUL character in it; one in a search or a path is a probe, and
// PostgreSQL would refuse it deep inside a query (a 500) where SQLite would store it.
app.use((req, res, next) => {
  // eslint-disable-next-line no-control-regex -- the NUL character is exactly what is looked for
  if (!/%00|\u0000/i.test(req.originalUrl)) return next();
  res.status(400).set("Cache-Control", DYNAMIC_CACHE_CONTROL).type("text/plain").send("Bad request");
});

// Every state-changing request must come from our own pages (a cross-site form post is refused):
// every method but GET and HEAD, which Remix never sends to an action, so a link from another site
// still works.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  // The JSON API (issue #22) is called with a bearer token and never reads a cookie, so a
  // cross-site request carries nothing that authorizes it: it takes JSON, from anywhere.
  if (isApiPath(req.path)) {
    const noBody = Number(req.get("content-length") ?? 0) === 0 && req.get("transfer-encoding") === undefined;
    if (!noBody && !isJsonBody(req.get("content-type"))) {
      res
        .status(415)
        .set("Cache-Control", DYNAMIC_CACHE_CONTROL)
        .type("application/json")
        .send(JSON.stringify({ error: { code: "unsupported_media_type", reason: "not_json", message: "Send JSON." } }));
      return;
    }
    return next();
  }
  const headers = new Headers();
  for (const name of ["sec-fetch-site", "origin"]) {
    const value = req.get(name);
    if (value) headers.set(name, value);
  }
  if (!isSameOriginRequest(headers, `${req.protocol}://${req.get("host")}${req.originalUrl}`)) {
    res
      .status(403)
      .set("Cache-Control", DYNAMIC_CACHE_CONTROL)
      .type("text/plain")
      .send("Forbidden: cross-origin request");
    return;
  }
  // A body must be a form (an empty one is read as an empty form: express-handler.server.ts).
  const hasBody = req.get("transfer-encoding") !== undefined || Number(req.get("content-length") ?? 0) > 0;
  if (hasBody && !isFormBody(req.get("content-type"))) {
    res
      .status(415)
      .set("Cache-Control", DYNAMIC_CACHE_CONTROL)
      .type("text/plain")
      .send("Unsupported media type: send a form");
    return;
  }
  next();
});
// Every body within its route's limits, counted as it arrives, before anything parses it.
app.use(readLimitedBody);
// Everything below (static files, pages, exports) goes out compressed where that saves bytes.
app.use(compressResponses());
// Fingerprinted: a new build names new files, so a browser keeps these a year and never asks again
// (no ETag or Last-Modified to revalidate with).
app.use(
  "/build",
  precompressedStatic("public/build", {
    immutable: true,
    maxAge: "1y",
    etag: false,
    lastModified: false,
    // Scripts are read whole: no Accept-Ranges header on each of them.
    acceptRanges: false,
  }),
);
// public/'s own few files (the favicon, the print stylesheet), known by name at start: a bare
// express.static would ask the disk about every page's address before Remix answers it.
const publicFiles = new Set(
  readdirSync("public", { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${entry.name}`),
);
const publicStatic = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));
if (config.TRUST_PROXY) app.set("trust proxy", config.TRUST_PROXY);
app.all(
  "*",
  createRemixHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: String(res.locals.cspNonce),
      db: build.entry.module.getDb(),
      requestId: String(res.locals.requestId),
    }),
  }),
);
// What escapes Remix (a malformed address express cannot decode, a broken stream): a plain answer
// with no stack trace, in both languages; the details go to the log only.
app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (res.headersSent) return next(error);
  const status = Number((error as { status?: unknown }).status);
  const clientError = Number.isInteger(status) && status >= 400 && status < 500;
  if (!clientError)
    logError(`Unhandled error on ${req.method} ${req.path.slice(0, 200)}`, error, String(res.locals.requestId));
  const message = clientError
    ? "Bad request. / Requête invalide."
    : `${translator("en")("error.generic")}\n${translator("fr")("error.generic")}\n${translator("en")("error.requestId", { id: String(res.locals.requestId) })}\n${translator("fr")("error.requestId", { id: String(res.locals.requestId) })}`;
  res
    .status(clientError ? status : 500)
    .set("Cache-Control", DYNAMIC_CACHE_CONTROL)
    .type("text/plain")
    .send(message);
});

/**
 * One JSON line per request once its answer is sent or the client left (issue #22): the request id
 * the person may quote, the role (not the person), the route pattern (not the address, which may
 * hold a reference or a token), the status and the time taken. Never a name, email, code, token or
 * case text: nothing from the address, the headers or the body is written.
 */
function logWhenAnswered(req: express.Request, res: express.Response): void {
  const startedAt = process.hrtime.bigint();
  const facts: RequestFacts = newRequestFacts();
  res.locals.requestFacts = facts;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const status = res.headersSent ? res.statusCode : 499;
    const route =
      req.path === "/metrics" ? "/metrics" : (routePattern(req.path) ?? (status < 400 ? "(static)" : "(unmatched)"));
    observeRequest({ method: req.method, route, status, seconds });
    process.stdout.write(
      `${JSON.stringify({
        at: new Date().toISOString(),
        level: "info",
        event: "request",
        requestId: String(res.locals.requestId),
        method: req.method,
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        role: facts.role ?? "anonymous",
      })}\n`,
    );
  };
  res.once("finish", finish);
  res.once("close", finish);
}

const server = app.listen(config.PORT, config.HOST ?? "0.0.0.0", () => {
  console.log(`Recourse is ready at http://localhost:${config.PORT} (${config.NODE_ENV} mode)`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
