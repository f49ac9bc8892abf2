import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "recourse-retention-files-"));
process.env.ATTACHMENTS_DIR = dir;

import { attachAsStaff, attachmentForUser } from "../../app/services/attachments.server";
import type { SessionUser } from "../../app/services/auth.server";
import { verifyAuditChain } from "../../app/services/audit-verify.server";
import { openFilerAccess } from "../../app/services/case-lookup.server";
import { performFilerAction } from "../../app/services/filer-actions.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { periodOf, submitQuarterReport } from "../../app/services/quarter-reports.server";
import { purgeExpiredPersonalInformation, retentionCutoff } from "../../app/services/retention.server";
import { performStaffAction, type StaffCommand } from "../../app/services/staff-actions.server";
import { computeQuarterFigures } from "../../db/repositories/report-figures";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

const run = promisify(execFile);

// Retention: seven years after a case ended, its personal information goes; every figure stays.

const AREA = "hamilton-niagara";
const at = (iso: string) => new Date(iso);
const PURGE_NOW = at("2033-08-01T12:00:00Z"); // cutoff 2026-08-01T12:00Z
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3"];

let t: TestDatabase;
let staff: SessionUser;
let manager: SessionUser;
const refs: Record<string, { reference: string; caseId: number; secret: string }> = {};

/** Cases A to D end before the cut-off: their texts say "Secret"; E and F are kept: "Kept". */
async function file(key: string, when: string, overrides: Parameters<typeof sampleComplaint>[0] = {}) {
  const kept = key === "E" || key === "F";
  const mark = kept ? "Kept" : "Secret";
  const filed = await fileClientComplaint({
    db: t.db,
    complaint: sampleComplaint({
      area: AREA,
      name: `${kept ? "Keep" : "Purge"} Subject ${key}`,
      email: `${kept ? "keep" : "subject"}-${key.toLowerCase()}@example.com`,
      phone: kept ? "905-555-0100" : "905-555-0199",
      description: `${mark} description ${key}`,
      outcomeWanted: `${mark} outcome ${key}`,
      accommodation: "yes",
      accommodationDetails: `${mark} accommodation ${key}`,
      group_disability: "yes",
      group_newcomer: "no",
      ...overrides,
    }),
    now: at(when),
  });
  if (filed.kind !== "filed") throw new Error("not filed");
  refs[key] = filed;
  return filed;
}

async function act(key: string, command: StaffCommand, when: string, user = staff) {
  const row = await t.db
    .selectFrom("cases")
    .select("version")
    .where("reference", "=", refs[key]!.reference)
    .executeTakeFirstOrThrow();
  expect(
    await performStaffAction({
      db: t.db,
      user,
      reference: refs[key]!.reference,
      expectedVersion: row.version,
      command,
      now: at(when),
    }),
    `${key} ${command.action}`,
  ).toEqual({ ok: true });
}

async function figures() {
  return Promise.all(QUARTERS.map((q) => computeQuarterFigures(t.db, periodOf(AREA, q)!, "fixed")));
}

/** Every row of every table, as text: what must no longer hold a purged filer's details. */
async function everything(): Promise<string> {
  const tables = await t.db.introspection.getTables();
  const dump: Record<string, unknown[]> = {};
  for (const table of tables)
    dump[table.name] = await t.db
      .selectFrom(table.name as "cases")
      .selectAll()
      .execute();
  return JSON.stringify(dump);
}

beforeAll(async () => {
  t = await createTestDatabase(at("2026-04-01T12:00:00Z"));
  staff = await createStaff(t.db, { areaSlug: AREA });
  manager = await createStaff(t.db, { areaSlug: AREA, role: "ssm_manager" });

  // A: handled at two levels and closed in May 2026, with a file, a filer session and a survey.
  await file("A", "2026-05-12T14:00:00Z");
  await act("A", { action: "acknowledge" }, "2026-05-12T15:00:00Z");
  await act("A", { action: "take", assigneeId: staff.id }, "2026-05-12T15:05:00Z");
  await act("A", { action: "reply", message: "Secret reply to Purge Subject A" }, "2026-05-13T14:00:00Z");
  await act("A", { action: "note", message: "Secret note about Purge Subject A" }, "2026-05-13T14:10:00Z");
  const attached = await attachAsStaff({
    db: t.db,
    user: staff,
    reference: refs.A!.reference,
    file: { name: "purge-subject-a.pdf", bytes: PDF },
    share: true,
    now: at("2026-05-13T14:20:00Z"),
  });
  if (!attached?.ok) throw new Error("not attached");
  await act("A", { action: "decide", outcome: "not_upheld", reasons: "Secret reasons A1" }, "2026-05-14T14:00:00Z");
  expect(
    await performFilerAction({
      db: t.db,
      caseId: refs.A!.caseId,
      command: { action: "request_recourse", reasons: "Secret recourse reasons A" },
      now: at("2026-05-15T14:00:00Z"),
    }),
  ).toEqual({ ok: true });
  await act("A", { action: "decide", outcome: "upheld", reasons: "Secret reasons A2" }, "2026-05-20T14:00:00Z");
  await act("A", { action: "close" }, "2026-05-21T14:00:00Z");
  expect(
    await openFilerAccess({
      db: t.db,
      reference: refs.A!.reference,
      secret: refs.A!.secret,
      now: at("2026-05-22T14:00:00Z"),
    }),
  ).not.toBeNull();

  // B withdrawn, C referred out (a program the ministry keeps), D climbed to the ministry.
  await file("B", "2026-05-12T14:10:00Z");
  expect(
    await performFilerAction({
      db: t.db,
      caseId: refs.B!.caseId,
      command: { action: "withdraw" },
      now: at("2026-05-14T14:00:00Z"),
    }),
  ).toEqual({ ok: true });
  await file("C", "2026-05-12T14:20:00Z", { program: "literacy_basic_skills" });
  await file("D", "2026-05-12T14:30:00Z");
  await act("D", { action: "acknowledge" }, "2026-05-12T15:00:00Z");
  for (const hour of [16, 17, 18])
    await act("D", { action: "escalate", reason: "Secret escalation reason D" }, `2026-05-13T${hour}:00:00Z`, manager);

  // Kept: E still open, F closed after the cutoff.
  await file("E", "2026-05-12T14:40:00Z", { name: "Keep Subject E" });
  await act("E", { action: "acknowledge" }, "2026-05-12T15:00:00Z");
  await file("F", "2026-09-14T14:00:00Z", { name: "Keep Subject F" });
  await act("F", { action: "acknowledge" }, "2026-09-14T15:00:00Z");
  await act("F", { action: "decide", outcome: "upheld", reasons: "Kept reasons F" }, "2026-09-15T15:00:00Z");
  await act("F", { action: "close" }, "2026-09-16T15:00:00Z");

  await t.db
    .insertInto("survey_responses")
    .values([
      {
        area_slug: AREA,
        quarter: "2026-Q1",
        clear: 4,
        fair: 3,
        timely: 2,
        comment: "Secret survey comment from Purge Subject A",
      },
      { area_slug: AREA, quarter: "2026-Q3", clear: 5, fair: 5, timely: 5, comment: "Kept survey comment" },
    ])
    .execute();
  const narrative = { actionsTaken: "Met providers.", lessonsLearned: "Call back sooner.", systemicIssues: "None." };
  expect(
    await submitQuarterReport({
      db: t.db,
      user: manager,
      areaSlug: AREA,
      quarter: "2026-Q1",
      narrative,
      amendmentReason: null,
      expectedVersion: 0,
      threshold: 5,
      now: at("2026-07-10T15:00:00Z"),
    }),
  ).toMatchObject({ ok: true });
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run purge", () => {
  it("counts the cut-off in calendar years", () => {
    expect(retentionCutoff(PURGE_NOW, 7).toISOString()).toBe("2026-08-01T12:00:00.000Z");
  });

  it("rehearses with --dry-run: counts what it would remove and changes nothing", async () => {
    const before = await everything();
    const dry = await purgeExpiredPersonalInformation({
      db: t.db,
      now: PURGE_NOW,
      olderThanYears: 7,
      attachmentsDir: dir,
      dryRun: true,
    });
    expect(dry).toMatchObject({
      dryRun: true,
      cases: 4,
      files: 1,
      attachments: 1,
      surveyComments: 1,
      surveyInvitations: 1,
      filerSessions: 1,
    });
    expect(await everything()).toBe(before);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it("removes the personal information of cases ended before the cut-off, and keeps every figure", async () => {
    const figuresBefore = await figures();
    const reportsBefore = await t.db.selectFrom("quarter_reports").selectAll().execute();
    const dry = await purgeExpiredPersonalInformation({
      db: t.db,
      now: PURGE_NOW,
      olderThanYears: 7,
      attachmentsDir: dir,
      dryRun: true,
    });

    const result = await purgeExpiredPersonalInformation({
      db: t.db,
      now: PURGE_NOW,
      olderThanYears: 7,
      attachmentsDir: dir,
      dryRun: false,
    });
    expect(result).toEqual({ ...dry, dryRun: false });
    expect(result.cases).toBe(4);

    expect(await figures()).toEqual(figuresBefore);
    expect(await t.db.selectFrom("quarter_reports").selectAll().execute()).toEqual(reportsBefore);

    const purged = await t.db
      .selectFrom("cases")
      .selectAll()
      .where(
        "reference",
        "in",
        ["A", "B", "C", "D"].map((k) => refs[k]!.reference),
      )
      .execute();
    expect(purged.map((c) => c.status).sort()).toEqual(["closed", "referred_out", "referred_to_ministry", "withdrawn"]);
    for (const c of purged) {
      expect(c).toMatchObject({
        filer_name: "[removed]",
        filer_email: null,
        filer_phone: null,
        description: "[removed]",
        outcome_wanted: "[removed]",
        accommodation_details: null,
        purged_at: PURGE_NOW.toISOString(),
      });
      // Kept: what the figures group by, the client-group answers among them.
      expect(JSON.parse(c.self_identification_json!)).toEqual({ disability: "yes", newcomer: "no" });
    }
    const text = await everything();
    for (const secret of ["Purge Subject", "subject-a@", "subject-d@", "Secret", "905-555-0199", "purge-subject-a.pdf"])
      expect(text.includes(secret), secret).toBe(false);
    // Cases still open, or closed since the cut-off, keep everything.
    for (const kept of [
      "Keep Subject E",
      "keep-f@example.com",
      "Kept description F",
      "Kept reasons F",
      "Kept survey comment",
    ])
      expect(text.includes(kept), kept).toBe(true);

    // The filer's way in is gone: access code, sessions, survey link; the file is deleted.
    expect(
      await openFilerAccess({ db: t.db, reference: refs.A!.reference, secret: refs.A!.secret, now: PURGE_NOW }),
    ).toBeNull();
    expect(await t.db.selectFrom("filer_sessions").where("case_id", "=", refs.A!.caseId).selectAll().execute()).toEqual(
      [],
    );
    expect(
      await t.db.selectFrom("survey_invitations").where("case_id", "=", refs.A!.caseId).selectAll().execute(),
    ).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    const attachment = await t.db
      .selectFrom("attachments")
      .selectAll()
      .where("case_id", "=", refs.A!.caseId)
      .executeTakeFirstOrThrow();
    expect(attachment).toMatchObject({
      original_name: "[removed]",
      size_bytes: PDF.length,
      content_type: "application/pdf",
    });
    expect(await attachmentForUser({ db: t.db, user: staff, id: attachment.id, now: PURGE_NOW })).toBeNull();

    // The timeline keeps its shape, levels, outcomes and causes; its texts are gone.
    const events = await t.db
      .selectFrom("case_events")
      .selectAll()
      .where("case_id", "=", refs.A!.caseId)
      .orderBy("id")
      .execute();
    expect(events.filter((e) => e.body !== null).every((e) => e.body === "[removed]")).toBe(true);
    expect(events.filter((e) => e.type === "decided").map((e) => [e.level, JSON.parse(e.data_json!)])).toEqual([
      [1, { outcome: "not_upheld" }],
      [2, { outcome: "upheld" }],
    ]);
    // The assignee's name goes; their account id (a staff member's, kept for the panel rule) stays.
    expect(JSON.parse(events.find((e) => e.type === "assigned")!.data_json!)).toEqual({
      name: "[removed]",
      id: expect.any(Number),
    });
    expect(JSON.parse(events.find((e) => e.type === "attachment_added")!.data_json!)).toEqual({
      attachmentId: attachment.id,
      name: "[removed]",
    });
    const escalated = await t.db
      .selectFrom("case_events")
      .select("data_json")
      .where("case_id", "=", refs.D!.caseId)
      .where("type", "=", "escalated")
      .execute();
    expect(escalated.map((e) => JSON.parse(e.data_json!))).toEqual(
      [1, 2, 3].map((from) => ({ from, to: from + 1, cause: "manual" })),
    );

    // Emails keep their kind, status and dates; none can still go out.
    const mail = await t.db.selectFrom("email_outbox").selectAll().where("case_id", "=", refs.A!.caseId).execute();
    expect(mail.length).toBeGreaterThan(3);
    for (const m of mail)
      expect(m).toMatchObject({
        recipient: "[removed]",
        subject: "[removed]",
        text_body: "[removed]",
        html_body: "[removed]",
        status: "dead",
      });
    expect(new Set(mail.map((m) => m.template))).toContain("decision");

    // Audited per SSM with counts only, and the chain still holds.
    const audit = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "retention.purged").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_label: "retention",
      organization_id: staff.organization_id,
      target_id: AREA,
      at: PURGE_NOW.toISOString(),
    });
    expect(JSON.parse(audit[0]!.details_json!)).toEqual({
      olderThanYears: 7,
      cutoff: "2026-08-01T12:00:00.000Z",
      cases: 4,
      events: result.events,
      eventData: result.eventData,
      attachments: 1,
      emails: result.emails,
      filerSessions: 1,
      surveyInvitations: 1,
      surveyComments: 1,
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("changes nothing when run again", async () => {
    const before = await everything();
    const again = await purgeExpiredPersonalInformation({
      db: t.db,
      now: PURGE_NOW,
      olderThanYears: 7,
      attachmentsDir: dir,
      dryRun: false,
    });
    expect(again).toMatchObject({
      cases: 0,
      events: 0,
      eventData: 0,
      attachments: 0,
      emails: 0,
      filerSessions: 0,
      surveyInvitations: 0,
      surveyComments: 0,
      files: 0,
    });
    expect(await everything()).toBe(before);
  });

  it("deletes a purged case's file left behind by a run that stopped before deleting it", async () => {
    const attachment = await t.db
      .selectFrom("attachments")
      .select("stored_name")
      .where("case_id", "=", refs.A!.caseId)
      .executeTakeFirstOrThrow();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, attachment.stored_name), PDF);
    const again = await purgeExpiredPersonalInformation({
      db: t.db,
      now: PURGE_NOW,
      olderThanYears: 7,
      attachmentsDir: dir,
      dryRun: false,
    });
    expect(again).toMatchObject({ cases: 0, files: 1 });
    expect(existsSync(join(dir, attachment.stored_name))).toBe(false);
  });

  it("runs as a script with --older-than-years, --dry-run and --now, and refuses bad arguments", async () => {
    const env = { ...process.env, DATABASE_URL: t.url, ATTACHMENTS_DIR: dir, RETENTION_YEARS: "7" };
    const script = ["--import", "tsx", "scripts/purge.ts"];
    const { stdout } = await run(
      process.execPath,
      [...script, "--dry-run", "--now", "2034-01-01T12:00:00Z", "--older-than-years", "5"],
      { env },
    );
    // Five years before 2034 also reaches F, closed in September 2026.
    expect(JSON.parse(stdout)).toMatchObject({
      dryRun: true,
      cases: 1,
      olderThanYears: 5,
      cutoff: "2029-01-01T12:00:00.000Z",
    });
    const bad = await run(process.execPath, [...script, "--older-than-years", "0"], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect("code" in bad && bad.code).toBe(2);
    expect(bad.stderr).toContain("--older-than-years must be at least 1");
  });
});
