import express from "express";
import type { AddressInfo } from "node:net";
import { request, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressResponses } from "../../app/utils/compression.server";

// What the production server compresses (issue #18), through the same middleware on a small
// Express app: a download of an already-compressed file and a stream of server-sent events go out
// as they are; text goes out compressed.

const text = "Recourse ".repeat(1000);
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(compressResponses());
  app.get("/page", (req, res) => res.type("text/html").send(`<p>${text}</p>`));
  app.get("/export.csv", (req, res) => res.type("text/csv").attachment("cases.csv").send(text));
  for (const [name, type] of [
    ["scan.pdf", "application/pdf"],
    ["photo.jpg", "image/jpeg"],
    ["photo.png", "image/png"],
    ["papers.zip", "application/zip"],
  ] as const) {
    app.get(`/files/${name}`, (req, res) => res.type(type).attachment(name).send(Buffer.from(text)));
  }
  app.get("/events", (req, res) => {
    res.type("text/event-stream");
    res.write(`data: ${text}\n\n`);
    res.end();
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function encodingOf(path: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers: { "Accept-Encoding": "gzip, deflate, br" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.headers["content-encoding"]));
    })
      .on("error", reject)
      .end();
  });
}

describe("which answers are compressed", () => {
  it("compresses pages and CSV exports", async () => {
    expect(await encodingOf("/page")).toBe("br");
    expect(await encodingOf("/export.csv")).toBe("br");
  });

  it.each(["scan.pdf", "photo.jpg", "photo.png", "papers.zip"])("sends the download %s as stored", async (name) => {
    expect(await encodingOf(`/files/${name}`)).toBeUndefined();
  });

  it("never holds back server-sent events in a compressor", async () => {
    expect(await encodingOf("/events")).toBeUndefined();
  });
});
