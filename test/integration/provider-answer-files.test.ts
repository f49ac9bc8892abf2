import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Files go to a temporary folder for this suite (read lazily by the service at first use).
const dir = mkdtempSync(join(tmpdir(), "recourse-answer-files-"));
process.env.ATTACHMENTS_DIR = dir;

import type { SessionUser } from "../../app/services/auth.server";
import { attachmentForFiler, attachmentForUser, attachToCase } from "../../app/services/attachments.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { answerAsProvider, performProviderStageAction } from "../../app/services/provider-stage.server";
import { DEFAULT_POLICY, type DisputePolicy } from "../../app/domain/policy";
import { insertPolicyVersion } from "../../db/repositories/policies";
import { insertUser } from "../../db/repositories/users";
import { createProvider, createStaff, sampleComplaint, viewAsFiler } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// A provider's answer may carry files (issue #17): checked like every upload, seen by staff always,
// by the client only once the answer is theirs to read, and never by another provider.

let t: TestDatabase;
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const SCRIPT = new TextEncoder().encode("#!/bin/sh\necho not a document\n");
let hamiltonStaff: SessionUser;
let ottawaStaff: SessionUser;
let alice: SessionUser; // Alpha Jobs, Hamilton–Niagara: no staff check
let bob: SessionUser; // Beta Careers, Hamilton–Niagara
let olga: SessionUser; // Ottawa Works: staff check the answer first
let alpha: number;
let ottawaWorks: number;

async function providerUser(orgId: number, email: string): Promise<SessionUser> {
  const name = email.split("@")[0]!;
  const id = await insertUser(t.db, {
    email,
    display_name: name,
    password_hash: "x",
    role: "provider_user",
    organization_id: orgId,
    language: "en",
    disabled_at: null,
    created_at: NOW.toISOString(),
  });
  return { id, email, display_name: name, role: "provider_user", organization_id: orgId, language: "en" };
}

async function referAlways(areaSlug: string, staffCheck: boolean) {
  const policy: DisputePolicy = {
    ...DEFAULT_POLICY,
    providerStage: {
      referral: "always",
      responseDays: 10,
      reviewWindowDays: 10,
      silence: "close_resolved",
      staffCheck,
    },
  };
  await insertPolicyVersion(t.db, {
    areaSlug,
    effectiveFrom: "2026-11-01",
    policy,
    createdBy: null,
    now: NOW.toISOString(),
  });
}

async function file(areaSlug: string, provider: number, name: string) {
  const filed = await fileClientComplaint({
    db: t.db,
    complaint: sampleComplaint({
      area: areaSlug,
      provider: String(provider),
      shareIdentity: "no",
      name,
      email: `${name.toLowerCase()}@example.com`,
    }),
    now: NOW,
  });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}

async function caseRow(reference: string) {
  return t.db.selectFrom("cases").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestDatabase(NOW);
  alpha = await createProvider(t.db, "hamilton-niagara", "Alpha Jobs");
  const beta = await createProvider(t.db, "hamilton-niagara", "Beta Careers");
  ottawaWorks = await createProvider(t.db, "ottawa", "Ottawa Works");
  alice = await providerUser(alpha, "alice@alpha.example");
  bob = await providerUser(beta, "bob@beta.example");
  olga = await providerUser(ottawaWorks, "olga@ottawa-works.example");
  hamiltonStaff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  ottawaStaff = await createStaff(t.db, { areaSlug: "ottawa" });
  await referAlways("hamilton-niagara", false);
  await referAlways("ottawa", true);
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("files on a provider's answer", () => {
  it("without a staff check: staff and the client see the file at once, another provider never", async () => {
    const filed = await file("hamilton-niagara", alpha, "Robin");
    const answered = await answerAsProvider({
      db: t.db,
      user: alice,
      reference: filed.reference,
      answer: "We rebooked you; the letter is attached.",
      proposedResolution: null,
      files: [{ name: "rebooking letter.pdf", bytes: PDF }],
      now: later(1),
    });
    expect(answered).toEqual({ ok: true });

    const staffView = await staffCaseView({ db: t.db, user: hamiltonStaff, reference: filed.reference, now: later(1) });
    const staffFile = staffView?.attachments.find((a) => a.original_name === "rebooking letter.pdf");
    expect(staffFile).toBeDefined();
    expect(await attachmentForUser({ db: t.db, user: hamiltonStaff, id: staffFile!.id, now: later(1) })).not.toBeNull();

    const clientView = await viewAsFiler(t.db, filed.reference, filed.secret, later(1));
    expect(clientView?.attachments.map((a) => a.original_name)).toContain("rebooking letter.pdf");
    const caseId = (await caseRow(filed.reference)).id;
    const download = await attachmentForFiler({ db: t.db, caseId, id: staffFile!.id, now: later(1) });
    expect(await new Response(download!.body).text()).toContain("%PDF");

    // The provider that answered may read back its own file; another provider may not.
    expect(await attachmentForUser({ db: t.db, user: alice, id: staffFile!.id, now: later(1) })).not.toBeNull();
    expect(await attachmentForUser({ db: t.db, user: bob, id: staffFile!.id, now: later(1) })).toBeNull();
    expect(await attachmentForUser({ db: t.db, user: olga, id: staffFile!.id, now: later(1) })).toBeNull();
  });

  it("with a staff check: the client sees the file only once staff release the answer", async () => {
    const filed = await file("ottawa", ottawaWorks, "Sam");
    expect(
      await answerAsProvider({
        db: t.db,
        user: olga,
        reference: filed.reference,
        answer: "Our notes are attached.",
        proposedResolution: null,
        files: [{ name: "notes.pdf", bytes: PDF }],
        now: later(1),
      }),
    ).toEqual({ ok: true });
    const caseId = (await caseRow(filed.reference)).id;
    const staffView = await staffCaseView({ db: t.db, user: ottawaStaff, reference: filed.reference, now: later(1) });
    const held = staffView?.attachments.find((a) => a.original_name === "notes.pdf");
    expect(held).toBeDefined();
    expect((await viewAsFiler(t.db, filed.reference, filed.secret, later(1)))?.attachments).toEqual([]);
    expect(await attachmentForFiler({ db: t.db, caseId, id: held!.id, now: later(1) })).toBeNull();

    const released = await performProviderStageAction({
      db: t.db,
      acting: {
        kind: "staff",
        user: ottawaStaff,
        reference: filed.reference,
        expectedVersion: (await caseRow(filed.reference)).version,
      },
      command: { by: "staff", action: "release_answer" },
      now: later(2),
    });
    expect(released).toEqual({ ok: true });
    expect(
      (await viewAsFiler(t.db, filed.reference, filed.secret, later(2)))?.attachments.map((a) => a.original_name),
    ).toEqual(["notes.pdf"]);
    expect(await attachmentForFiler({ db: t.db, caseId, id: held!.id, now: later(2) })).not.toBeNull();
  });

  it("a file that is not a document is refused with the answer, which is not recorded", async () => {
    const filed = await file("hamilton-niagara", alpha, "Kim");
    const refused = await answerAsProvider({
      db: t.db,
      user: alice,
      reference: filed.reference,
      answer: "See the script.",
      proposedResolution: null,
      files: [{ name: "run.sh", bytes: SCRIPT }],
      now: later(1),
    });
    expect(refused).toEqual({ ok: false, reason: "type" });
    expect((await caseRow(filed.reference)).status).toBe("with_provider");
    const view = await viewAsFiler(t.db, filed.reference, filed.secret, later(1));
    expect(view?.providerAnswer?.step).toBe("awaiting_answer");
  });

  it("the client's own files stay withheld from the provider", async () => {
    const filed = await file("hamilton-niagara", alpha, "Lee");
    const mine = await attachToCase({
      db: t.db,
      caseId: filed.caseId,
      file: { name: "my pay stub.pdf", bytes: PDF },
      uploadedBy: { kind: "filer", userId: null, label: "filer" },
      visibility: "public",
      now: NOW,
    });
    if (!mine.ok) throw new Error("not attached");
    expect(await attachmentForUser({ db: t.db, user: alice, id: mine.id, now: later(1) })).toBeNull();
  });
});
