import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "recourse-audit-files-"));
process.env.ATTACHMENTS_DIR = dir;

import { attachAsStaff, attachmentForFiler, attachmentForUser } from "../../app/services/attachments.server";
import { signIn, type SessionUser } from "../../app/services/auth.server";
import { verifyAuditChain } from "../../app/services/audit-verify.server";
import { caseIdForFilerAccess, openFilerAccess } from "../../app/services/case-lookup.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { sweepClocks } from "../../app/services/clock-sweep.server";
import { performFilerAction } from "../../app/services/filer-actions.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { submitQuarterReport } from "../../app/services/quarter-reports.server";
import { reportCsvRows } from "../../app/services/report-exports.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { hashPassword } from "../../app/utils/password.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

// Issue 7: every sign-in, failed sign-in, case read by staff, case change, export and report
// submission is in the audit log with who, what, when (UTC) and the organization.

const AREA = "hamilton-niagara";
const FILED = new Date("2026-05-12T14:00:00Z"); // a Tuesday in 2026-Q1
const LATER = new Date("2026-05-12T16:00:00Z");
const AFTER_QUARTER = new Date("2026-07-10T15:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

let t: TestDatabase;
let staff: SessionUser;
let manager: SessionUser;
let ssmId: number;

beforeAll(async () => {
  t = await createTestDatabase(new Date("2026-04-01T12:00:00Z"));
  staff = await createStaff(t.db, {
    areaSlug: AREA,
    email: "officer@hamilton.example.org",
    passwordHash: await hashPassword("a long enough passphrase"),
  });
  manager = await createStaff(t.db, { areaSlug: AREA, role: "ssm_manager" });
  ssmId = staff.organization_id;
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function lastEntry(action: string) {
  return t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

/** Who (a user or a named actor), what (action and target), when (an ISO instant in UTC), which organization. */
async function expectAudited(
  action: string,
  who: { userId: number | null; label: string },
  target: string | null,
  when: Date,
  organizationId = ssmId,
) {
  const entry = await lastEntry(action);
  expect(entry).toMatchObject({
    actor_user_id: who.userId,
    actor_label: who.label,
    organization_id: organizationId,
    target_id: target,
    at: when.toISOString(),
  });
  expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  return entry;
}

describe("what the audit log records", () => {
  it("sign-in and failed sign-in", async () => {
    expect(
      await signIn({ db: t.db, email: staff.email, password: "a long enough passphrase", now: FILED }),
    ).not.toBeNull();
    await expectAudited("auth.sign_in", { userId: staff.id, label: staff.email }, null, FILED);
    expect(await signIn({ db: t.db, email: staff.email, password: "not the passphrase", now: LATER })).toBeNull();
    await expectAudited("auth.sign_in_failed", { userId: staff.id, label: staff.email }, null, LATER);
  });

  it("every kind of case change, a staff read of the case and of its evidence, an export and a report submission", async () => {
    const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint({ area: AREA }), now: FILED });
    if (filed.kind !== "filed") throw new Error("not filed");
    const ref = filed.reference;
    await expectAudited("case.filed", { userId: null, label: "filer" }, ref, FILED);

    expect(await staffCaseView({ db: t.db, user: staff, reference: ref, now: LATER })).not.toBeNull();
    await expectAudited("case.read", { userId: staff.id, label: staff.email }, ref, LATER);

    expect(
      await performStaffAction({
        db: t.db,
        user: staff,
        reference: ref,
        expectedVersion: 1,
        command: { action: "acknowledge" },
        now: LATER,
      }),
    ).toEqual({ ok: true });
    await expectAudited("case.acknowledge", { userId: staff.id, label: staff.email }, ref, LATER);

    const attached = await attachAsStaff({
      db: t.db,
      user: staff,
      reference: ref,
      file: { name: "notes.pdf", bytes: PDF },
      share: true,
      now: LATER,
    });
    if (!attached?.ok) throw new Error("not attached");
    const added = await expectAudited("case.attachment_added", { userId: staff.id, label: staff.email }, ref, LATER);
    expect(JSON.parse(added.details_json!)).toMatchObject({ attachmentId: attached.id });

    expect(await attachmentForUser({ db: t.db, user: staff, id: attached.id, now: LATER })).not.toBeNull();
    const read = await expectAudited("case.attachment_read", { userId: staff.id, label: staff.email }, ref, LATER);
    expect(JSON.parse(read.details_json!)).toEqual({ attachmentId: attached.id });

    // The filer's sign-in on /status, with a wrong and then the right access code.
    expect(await openFilerAccess({ db: t.db, reference: ref, secret: "AAAA-BBBB", now: FILED })).toBeNull();
    await expectAudited("filer.access_failed", { userId: null, label: "filer" }, ref, FILED);
    const token = await openFilerAccess({ db: t.db, reference: ref, secret: filed.secret, now: LATER });
    await expectAudited("filer.access_opened", { userId: null, label: "filer" }, ref, LATER);
    const caseId = (await caseIdForFilerAccess(t.db, token!, LATER))!;
    expect(await attachmentForFiler({ db: t.db, caseId, id: attached.id, now: LATER })).not.toBeNull();
    await expectAudited("case.attachment_read", { userId: null, label: "filer" }, ref, LATER);

    expect(
      await performFilerAction({
        db: t.db,
        caseId,
        command: { action: "add_information", message: "The office was on King Street." },
        now: LATER,
      }),
    ).toEqual({ ok: true });
    await expectAudited("case.filer.add_information", { userId: null, label: "filer" }, ref, LATER);

    // The sweep, acting for nobody, records a missed deadline under the SSM.
    const late = new Date("2026-07-01T15:00:00Z");
    expect((await sweepClocks({ db: t.db, now: late })).breached).toBeGreaterThan(0);
    await expectAudited("clock.breached", { userId: null, label: "sweep" }, ref, late);

    const rows = await reportCsvRows({
      db: t.db,
      user: manager,
      query: { view: "trend", area: AREA },
      settings: { threshold: 5, dueDays: 30 },
      language: "en",
      now: LATER,
    });
    expect(rows).not.toBeNull();
    const exported = await expectAudited(
      "report.exported",
      { userId: manager.id, label: manager.email },
      "trend",
      LATER,
    );
    expect(JSON.parse(exported.details_json!)).toEqual({ view: "trend", area: AREA, language: "en" });
    // An export refused (another SSM's trend) is not recorded as one.
    const count = await t.db
      .selectFrom("audit_log")
      .where("action", "=", "report.exported")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(
      await reportCsvRows({
        db: t.db,
        user: manager,
        query: { view: "trend", area: "ottawa" },
        settings: { threshold: 5, dueDays: 30 },
        language: "en",
        now: LATER,
      }),
    ).toBeNull();
    expect(
      await t.db
        .selectFrom("audit_log")
        .where("action", "=", "report.exported")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual(count);

    const narrative = { actionsTaken: "Met providers.", lessonsLearned: "Call back sooner.", systemicIssues: "None." };
    const submitted = await submitQuarterReport({
      db: t.db,
      user: manager,
      areaSlug: AREA,
      quarter: "2026-Q1",
      narrative,
      amendmentReason: null,
      expectedVersion: 0,
      threshold: 5,
      now: AFTER_QUARTER,
    });
    expect(submitted).toMatchObject({ ok: true });
    await expectAudited(
      "report.submitted",
      { userId: manager.id, label: manager.email },
      `${AREA}/2026-Q1`,
      AFTER_QUARTER,
    );

    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
