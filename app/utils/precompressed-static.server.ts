import express, { type NextFunction, type Request, type Response } from "express";
import { readdirSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";

// Issue #18: the build's scripts go out as compressed once at build time, at brotli's highest
// quality (scripts/precompress-assets.ts), instead of compressed again for every request at the
// middleware's lower one. A browser that accepts neither brotli nor gzip gets the file itself.

const ENCODINGS = [
  ["br", ".br"],
  ["gzip", ".gz"],
] as const;

function precompressedFiles(root: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.add(`/${relative(root, path).split(sep).join("/")}`);
    }
  };
  walk(root);
  return found;
}

/**
 * express.static over `root` (options as given), except that a file with a .br or .gz copy beside
 * it is sent as that copy, with its encoding named and the original's type, to a browser that
 * accepts the encoding. The copies are listed once, when the server starts, after the build.
 */
export function precompressedStatic(root: string, options: Parameters<typeof express.static>[1] = {}) {
  const available = precompressedFiles(root);
  const serve = express.static(root, {
    ...options,
    setHeaders(res, path, stat) {
      const encoding = ENCODINGS.find(([, suffix]) => path.endsWith(suffix));
      if (encoding) {
        res.setHeader("Content-Encoding", encoding[0]);
        res.type(extname(path.slice(0, -encoding[1].length)));
      }
      // Module scripts are always read as UTF-8: the shortest type says enough, on every file.
      if (/\.js(\.br|\.gz)?$/.test(path)) res.setHeader("Content-Type", "text/javascript");
      // Only a file with compressed copies varies by encoding; the small ones are sent as they are.
      if (encoding || available.has(`/${relative(root, path).split(sep).join("/")}.br`))
        res.setHeader("Vary", "Accept-Encoding");
      options.setHeaders?.(res, path, stat);
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return serve(req, res, next);
    // Brotli first whatever the browser's order: it is the smaller.
    const accepted = req.acceptsEncodings();
    const choice = ENCODINGS.find(([name, suffix]) => accepted.includes(name) && available.has(`${req.path}${suffix}`));
    if (!choice) return serve(req, res, next);
    const original = req.url;
    req.url = `${req.path}${choice[1]}`;
    serve(req, res, (error?: unknown) => {
      req.url = original;
      next(error);
    });
  };
}
