import type { APIRequestContext, APIResponse } from "@playwright/test";
import fc from "fast-check";
import { NAVIGATION_MS } from "./budgets";
import { PDF } from "./api-flows";
import { ID_FIELDS, NAME_FIELDS, type FormSpec, type World } from "./form-catalogue";
import { expect } from "./fixtures";
import { distinctive, hostileId, hostileText, MARKUP_SIGNATURES } from "./hostile-values";

/**
 * How hostile-input.spec.ts builds and sends its submissions: the bodies (URL-encoded or multipart,
 * with invalid UTF-8 where a value holds a lone surrogate), the single-fetch data address, and the
 * checks every answer must pass.
 */

export interface FilePart {
  filename: string;
  contentType: string;
  bytes: Buffer;
}
export type Value = string | FilePart;
export interface Submission {
  entries: [string, Value][];
  encoding: "urlencoded" | "multipart";
  /** Remix's single-fetch data request (what a hydrated page sends) rather than a full page post. */
  dataRequest: boolean;
}

/**
 * UTF-8, except that a lone surrogate (which UTF-8 cannot encode, and which a browser would replace)
 * is sent as the three bytes a careless encoder writes: invalid UTF-8 the server must survive.
 */
function wtf8(s: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      parts.push(Buffer.from([0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]));
    else parts.push(Buffer.from(ch, "utf8"));
  }
  return Buffer.concat(parts);
}

export function percentEncode(s: string): string {
  let out = "";
  for (const byte of wtf8(s)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9*._-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function encode(submission: Submission): { body: Buffer; contentType: string } {
  if (submission.encoding === "urlencoded") {
    const body = submission.entries
      .map(
        ([name, value]) =>
          `${percentEncode(name)}=${percentEncode(typeof value === "string" ? value : value.bytes.toString("latin1"))}`,
      )
      .join("&");
    return { body: Buffer.from(body, "latin1"), contentType: "application/x-www-form-urlencoded" };
  }
  const boundary = `----hostile${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of submission.entries) {
    const quotedName = wtf8(name).toString("latin1").replace(/"/g, "%22").replace(/\r|\n/g, " ");
    parts.push(Buffer.from(`--${boundary}\r\n`, "latin1"));
    if (typeof value === "string") {
      parts.push(
        Buffer.from(`Content-Disposition: form-data; name="${quotedName}"\r\n\r\n`, "latin1"),
        wtf8(value),
        Buffer.from("\r\n"),
      );
    } else {
      const filename = wtf8(value.filename).toString("latin1").replace(/"/g, "%22").replace(/\r|\n/g, " ");
      parts.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${quotedName}"; filename="${filename}"\r\nContent-Type: ${value.contentType}\r\n\r\n`,
          "latin1",
        ),
        value.bytes,
        Buffer.from("\r\n"),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`, "latin1"));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** `/file?area=durham` → `/file.data?area=durham`: the address Remix's client posts to. */
export function dataUrl(path: string): string {
  const [pathname, query] = path.split("?");
  return `${pathname}.data${query ? `?${query}` : ""}`;
}

export function summary(submission: Submission): string {
  const show = (v: Value) =>
    typeof v === "string"
      ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v)
      : `file ${JSON.stringify(v.filename.slice(0, 60))} (${v.bytes.length} bytes)`;
  return `${submission.encoding}${submission.dataRequest ? " data request" : ""}: ${submission.entries.map(([n, v]) => `${n.slice(0, 30)}=${show(v)}`).join(", ")}`;
}

/** What no answer may contain: a stack trace, a database error, or a hostile payload's raw markup. */
export async function expectHandled(response: APIResponse, what: string): Promise<void> {
  const body = await response.text();
  expect(response.status(), `${what}\n→ ${response.status()} ${body.slice(0, 300)}`).toBeLessThan(500);
  expect(body, `${what}: no stack trace or database error`).not.toMatch(
    /SQLITE_|SqliteError|\n\s+at [^\n]+:\d+:\d+\)?\n/,
  );
  if ((response.headers()["content-type"] ?? "").startsWith("text/html")) {
    for (const signature of MARKUP_SIGNATURES) expect(body, `${what}: raw markup in the page`).not.toMatch(signature);
  }
}

export async function sendSubmission(
  client: APIRequestContext,
  path: string,
  submission: Submission,
): Promise<APIResponse> {
  const { body, contentType } = encode(submission);
  const started = Date.now();
  try {
    return await client.post(submission.dataRequest ? dataUrl(path) : path, {
      data: body,
      headers: { "Content-Type": contentType },
      maxRedirects: 0,
      timeout: NAVIGATION_MS,
    });
  } catch (error) {
    // A dropped connection is a failure too: say what was sent.
    throw new Error(
      `${path}, ${summary(submission)} (${body.length} bytes, after ${Date.now() - started} ms, ${started - lastSent} ms after the previous one): ${(error as Error).message.split("\n")[0]}`,
    );
  } finally {
    lastSent = Date.now();
  }
}

let lastSent = 0;

/** FC_SEED=… FC_PATH=… replays a failure fast-check reported (the world differs, the values do not). */
export const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};

// ---------------------------------------------------------------------------------------------
// Generating submissions

const NOT_TEXT: FilePart = {
  filename: "field.txt",
  contentType: "text/plain",
  bytes: Buffer.from("a file where text was expected"),
};

const uploadArb: fc.Arbitrary<FilePart> = fc.record({
  filename: fc.oneof(
    hostileText.map((s) => `${s}.pdf`),
    // Cut at 120 characters by the server: an emoji across the cut must not leave half of itself.
    fc.integer({ min: 110, max: 125 }).map((n) => `${"a".repeat(n)}😀😀.pdf`),
    fc.constantFrom(
      "../../etc/passwd",
      "..\\..\\boot.ini",
      "evil.pdf\r\nContent-Type: text/html",
      "x.pdf\u0000.html",
      "\"; filename*=UTF-8''evil.html",
      "",
      " ",
      "🧾\u202Efdp.exe",
    ),
  ),
  contentType: fc.constantFrom("application/pdf", "text/html", "image/svg+xml", "application/octet-stream", ""),
  bytes: fc.oneof(
    { weight: 3, arbitrary: fc.constant(PDF) },
    { weight: 1, arbitrary: fc.constant(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  ),
});

export function submissions(form: FormSpec, world: World): fc.Arbitrary<Submission> {
  const accepted = form.accepted(world);
  const names = Object.keys(accepted);
  const hostileFor = (name: string) =>
    ID_FIELDS.has(name) ? hostileId : NAME_FIELDS.has(name) ? distinctive(hostileText) : hostileText;
  const acceptedValue = (name: string): fc.Arbitrary<Value[]> => accepted[name]!.map((v) => [v]);
  const mutation = (name: string): fc.Arbitrary<Value[]> =>
    fc.oneof(
      { weight: 3, arbitrary: hostileFor(name).map((v): Value[] => [v]) },
      { weight: 2, arbitrary: fc.constant<Value[]>([]) }, // missing
      { weight: 2, arbitrary: fc.tuple(hostileFor(name), accepted[name]!).map(([a, b]): Value[] => [a, b]) }, // repeated
      { weight: 1, arbitrary: fc.tuple(accepted[name]!, hostileFor(name)).map(([a, b]): Value[] => [a, b]) },
      { weight: 1, arbitrary: fc.constant<Value[]>([NOT_TEXT]) }, // a file where text is expected
    );
  const record = (pick: (name: string) => fc.Arbitrary<Value[]>) =>
    fc.record(Object.fromEntries(names.map((n) => [n, pick(n)])) as Record<string, fc.Arbitrary<Value[]>>);
  const allAccepted = record(acceptedValue);
  const someMutated = record((n) =>
    fc.oneof({ weight: 2, arbitrary: acceptedValue(n) }, { weight: 1, arbitrary: mutation(n) }),
  );
  const fields = form.acceptAll === false || names.length === 0 ? someMutated : fc.oneof(allAccepted, someMutated);
  const extras = fc.array(
    fc.tuple(fc.oneof(hostileText, fc.constantFrom("__proto__", "constructor", "_data", "intent", "")), hostileText),
    { maxLength: 3 },
  );
  const upload = form.upload ? fc.option(uploadArb, { freq: 2 }) : fc.constant(null);
  return fc
    .record({ fields, extras, upload, multipart: fc.boolean(), dataRequest: fc.boolean() })
    .map(({ fields: f, extras: x, upload: file, multipart, dataRequest }) => {
      // An upload's intent comes first: a form's first value of a name is the one read.
      const entries: [string, Value][] = file
        ? [
            ["intent", "attach"],
            ["attachment", file],
          ]
        : [];
      for (const [name, values] of Object.entries(f)) for (const v of values) entries.push([name, v]);
      for (const [name, v] of x) entries.push([name, v]);
      const needsMultipart = entries.some(([, v]) => typeof v !== "string");
      return {
        entries,
        encoding: needsMultipart || multipart ? "multipart" : "urlencoded",
        dataRequest,
      } satisfies Submission;
    });
}
