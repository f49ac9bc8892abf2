import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// ATTACHMENTS_STORE=database (issue #21): evidence files kept in the database in chunks, for
// instances on several machines; the same type checks and download rules as on disk. Runs on
// SQLite here and on PostgreSQL in `npm run test:pg`. Read lazily by the service at first use.
const dir = mkdtempSync(join(tmpdir(), "recourse-attachments-db-"));
process.env.ATTACHMENTS_DIR = dir;
process.env.ATTACHMENTS_STORE = "database";

import type { SessionUser } from "../../app/services/auth.server";
import {
  attachAsStaff,
  attachmentForFiler,
  attachmentForUser,
  attachToCase,
} from "../../app/services/attachments.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { attachmentResponse } from "../../app/utils/attachment-response.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

let t: TestDatabase;
let staff: SessionUser;
let otherSsm: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");

/** A PDF of `size` bytes whose every byte says where it is, so a chunk out of order shows. */
function pdfOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 251;
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"), 0);
  return bytes;
}

async function received(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; chunks: number }> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, chunks: parts.length };
}

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  otherSsm = await createStaff(t.db, { areaSlug: "ottawa" });
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function fileOne() {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: NOW });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}

describe("evidence files kept in the database", () => {
  it("stores a 9 MB file as chunks, nothing on disk, and gives it back whole, chunk by chunk, with its length", async () => {
    const { caseId, reference } = await fileOne();
    const bytes = pdfOf(9 * 1024 * 1024 + 123);
    const result = await attachAsStaff({
      db: t.db,
      user: staff,
      reference,
      file: { name: "evidence.pdf", bytes },
      share: true,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true });
    expect(readdirSync(dir)).toEqual([]);
    const id = result!.ok ? result!.id : 0;

    const file = await attachmentForFiler({ db: t.db, caseId, id, now: new Date() });
    expect(file?.name).toBe("evidence.pdf");
    const response = attachmentResponse(file!);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    const back = await received(response.body!);
    // 256 KiB at a time: never the whole file at once.
    expect(back.chunks).toBe(Math.ceil(bytes.length / (256 * 1024)));
    expect(Buffer.from(back.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("judges the type by content and refuses what is empty or too big, storing nothing", async () => {
    const { caseId } = await fileOne();
    const attach = (name: string, bytes: Uint8Array) =>
      attachToCase({
        db: t.db,
        caseId,
        file: { name, bytes },
        uploadedBy: { kind: "filer", userId: null, label: "filer" },
        visibility: "public",
        now: NOW,
      });
    expect(await attach("script.pdf", new TextEncoder().encode("<script>alert(1)</script>"))).toEqual({
      ok: false,
      reason: "type",
    });
    expect(await attach("empty.pdf", new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    expect(await attach("big.pdf", pdfOf(10 * 1024 * 1024 + 1))).toEqual({ ok: false, reason: "too_big" });
    const chunks = await t.db.selectFrom("attachment_chunks").select("stored_name").distinct().execute();
    expect(chunks).toHaveLength(1); // the first test's file only
  });

  it("serves an internal file to the case's SSM only, and never to the filer", async () => {
    const { caseId, reference } = await fileOne();
    const internal = await attachAsStaff({
      db: t.db,
      user: staff,
      reference,
      file: { name: "notes.pdf", bytes: pdfOf(1000) },
      share: false,
      now: NOW,
    });
    const id = internal!.ok ? internal!.id : 0;
    const mine = await attachmentForUser({ db: t.db, user: staff, id, now: new Date() });
    expect((await received(mine!.body)).bytes.length).toBe(1000);
    expect(await attachmentForUser({ db: t.db, user: otherSsm, id, now: new Date() })).toBeNull();
    expect(await attachmentForFiler({ db: t.db, caseId, id, now: new Date() })).toBeNull();
  });
});
