import { request } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltServer, type BuiltServer } from "../fixtures/built-server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #18, "Light on the wire": the production server compresses what it sends (pages, scripts,
// styles), so a phone on a slow connection downloads a quarter of the bytes. Read with node:http,
// which, unlike fetch, hands over the bytes as sent.

let folder: string;
let server: BuiltServer;
let t: TestDatabase;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "recourse-compression-"));
  t = await createTestDatabase();
  server = await startBuiltServer({
    DATABASE_URL: t.url,
    SEED_DEMO: "false",
    NODE_ENV: "production",
    MAIL_DIR: join(folder, "mail"),
    OUTBOX_INTERVAL_MS: "3600000",
  });
});

afterAll(async () => {
  if (server) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  await t?.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, acceptEncoding: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressed responses", () => {
  it("sends a page and every script and style it loads gzip-compressed to a browser that accepts gzip", async () => {
    const page = await get("/", "gzip, deflate");
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toBe("gzip");
    const html = gunzipSync(page.body).toString("utf8");
    expect(html).toContain("<html");
    expect(page.body.length).toBeLessThan(Buffer.byteLength(html) / 2);

    const assets = [...html.matchAll(/(?:src|href)="(\/build\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of new Set(assets)) {
      const answer = await get(asset, "gzip, deflate");
      expect(answer.status, asset).toBe(200);
      // A file of a few bytes is not worth compressing (the middleware's 1 KiB threshold).
      if (Number(answer.headers["content-length"] ?? Infinity) < 1024) continue;
      expect(answer.headers["content-encoding"], asset).toBe("gzip");
      expect(answer.headers.vary, asset).toMatch(/accept-encoding/i);
    }
  });

  it("sends brotli to a browser that accepts it (Chromium does over HTTPS)", async () => {
    const page = await get("/process/toronto", "gzip, deflate, br");
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toBe("br");
  });

  it("sends the build's scripts compressed once at build time, as brotli or gzip, cached for a year", async () => {
    const html = brotliDecompressSync((await get("/file", "br")).body).toString("utf8");
    const scripts = [...html.matchAll(/href="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const sizes = scripts.map((path) => ({ path, bytes: readFileSync(`public${path}`) }));
    const largest = sizes.sort((a, b) => b.bytes.length - a.bytes.length)[0]!;
    const br = await get(largest.path, "gzip, deflate, br, zstd");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toMatch(/max-age=31536000.*immutable/);
    expect(br.headers.etag).toBeUndefined();
    expect(brotliDecompressSync(br.body).equals(largest.bytes)).toBe(true);
    const gzip = await get(largest.path, "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(largest.bytes)).toBe(true);
    const plain = await get(largest.path, "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(largest.bytes)).toBe(true);
  });

  it("sends a page uncompressed to a client that asks for no encoding", async () => {
    const page = await get("/", "identity");
    expect(page.headers["content-encoding"]).toBeUndefined();
    expect(page.body.toString("utf8")).toContain("<html");
  });
});
