import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Files go to a temporary folder for this suite (read lazily by the service at first use).
const dir = mkdtempSync(join(tmpdir(), "recourse-attachments-"));
process.env.ATTACHMENTS_DIR = dir;

import type { SessionUser } from "../../app/services/auth.server";
import {
  attachAsStaff,
  attachmentForFiler,
  attachmentForUser,
  attachToCase,
} from "../../app/services/attachments.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

let t: TestDatabase;
let staff: SessionUser;
let otherSsm: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

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

describe("attachments", () => {
  it("stores a PDF under a server-made name outside public/ and records it on the timeline", async () => {
    const { caseId } = await fileOne();
    const result = await attachToCase({
      db: t.db,
      caseId,
      file: { name: "../../etc/letter.pdf", bytes: PDF },
      uploadedBy: { kind: "filer", userId: null, label: "filer" },
      visibility: "public",
      now: NOW,
    });
    expect(result.ok).toBe(true);
    const row = await t.db
      .selectFrom("attachments")
      .selectAll()
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(row.original_name).toBe("letter.pdf");
    expect(row.stored_name).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(row.content_type).toBe("application/pdf");
    expect(readFileSync(join(dir, row.stored_name))).toEqual(Buffer.from(PDF));
    expect(readdirSync(dir)).not.toContain("letter.pdf");
    const events = await t.db.selectFrom("case_events").select("type").where("case_id", "=", caseId).execute();
    expect(events.map((e) => e.type)).toContain("attachment_added");
  });

  it("judges the type by content, not by name, and refuses files over 10 MB or empty, storing nothing", async () => {
    const { caseId } = await fileOne();
    const before = readdirSync(dir).length;
    const attach = (name: string, bytes: Uint8Array) =>
      attachToCase({
        db: t.db,
        caseId,
        file: { name, bytes },
        uploadedBy: { kind: "filer", userId: null, label: "filer" },
        visibility: "public",
        now: NOW,
      });
    expect(await attach("invoice.pdf", new TextEncoder().encode("MZ\x90\x00 this is an executable"))).toEqual({
      ok: false,
      reason: "type",
    });
    expect(await attach("page.pdf", new TextEncoder().encode("<html><script>alert(1)</script></html>"))).toEqual({
      ok: false,
      reason: "type",
    });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(await attach("big.pdf", big)).toEqual({ ok: false, reason: "too_big" });
    expect(await attach("empty.pdf", new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    expect((await attach("photo.txt", PNG)).ok).toBe(true); // a PNG named .txt is still a PNG
    expect(readdirSync(dir).length).toBe(before + 1);
  });

  it("serves a file only to those allowed to see the case", async () => {
    const { caseId, reference } = await fileOne();
    const internal = await attachAsStaff({
      db: t.db,
      user: staff,
      reference,
      file: { name: "notes.pdf", bytes: PDF },
      share: false,
      now: NOW,
    });
    const shared = await attachAsStaff({
      db: t.db,
      user: staff,
      reference,
      file: { name: "decision.pdf", bytes: PDF },
      share: true,
      now: NOW,
    });
    if (!internal?.ok || !shared?.ok) throw new Error("not attached");
    expect((await attachmentForUser({ db: t.db, user: staff, id: internal.id, now: new Date() }))?.name).toBe(
      "notes.pdf",
    );
    expect(await attachmentForUser({ db: t.db, user: otherSsm, id: internal.id, now: new Date() })).toBeNull();
    expect(
      await attachAsStaff({
        db: t.db,
        user: otherSsm,
        reference,
        file: { name: "x.pdf", bytes: PDF },
        share: true,
        now: NOW,
      }),
    ).toBeNull();
    // The filer sees what was shared with them, never internal files, and nothing of other cases.
    expect((await attachmentForFiler({ db: t.db, caseId, id: shared.id, now: new Date() }))?.name).toBe("decision.pdf");
    expect(await attachmentForFiler({ db: t.db, caseId, id: internal.id, now: new Date() })).toBeNull();
    const other = await fileOne();
    expect(await attachmentForFiler({ db: t.db, caseId: other.caseId, id: shared.id, now: new Date() })).toBeNull();
    expect(existsSync(join(process.cwd(), "public", "notes.pdf"))).toBe(false);
  });
});
