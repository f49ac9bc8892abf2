import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { pathToFileURL } from "node:url";
import { parseEnv } from "./app/utils/env.server";
import { createRemixHandler } from "./app/utils/express-handler.server";
import { isSameOriginRequest } from "./app/utils/http.server";

// Validate configuration before anything else: a bad value stops here, naming the variable.
let config;
try {
  config = parseEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const build = (await import(pathToFileURL("./build/index.js").href)) as ServerBuild & {
  entry: { module: { bootRecourse: () => Promise<void> } };
};
await build.entry.module.bootRecourse();

const app = express();
app.disable("x-powered-by");
app.use((req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
  if (config.NODE_ENV === "production") {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  next();
});
// Every state-changing request must come from our own pages (a cross-site form post is refused).
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const headers = new Headers();
  for (const name of ["sec-fetch-site", "origin"]) {
    const value = req.get(name);
    if (value) headers.set(name, value);
  }
  if (!isSameOriginRequest(headers, `${req.protocol}://${req.get("host")}${req.originalUrl}`)) {
    res.status(403).type("text/plain").send("Forbidden: cross-origin request");
    return;
  }
  next();
});
app.use(
  "/build",
  express.static("public/build", { immutable: true, maxAge: "1y" }),
);
app.use(express.static("public", { maxAge: "1h" }));
if (config.TRUST_PROXY) app.set("trust proxy", config.TRUST_PROXY);
app.all(
  "*",
  createRemixHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

const server = app.listen(config.PORT, config.HOST ?? "0.0.0.0", () => {
  console.log(`Recourse is ready at http://localhost:${config.PORT}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
