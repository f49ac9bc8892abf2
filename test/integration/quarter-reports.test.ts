import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileClientComplaint } from "../../app/services/filing.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import type { SessionUser } from "../../app/services/auth.server";
import {
  liveFigures,
  publicQuarterFigures,
  quarterComparison,
  reportDueAt,
  submitQuarterReport,
  versionsForMinistry,
} from "../../app/services/quarter-reports.server";
import { reportPageView } from "../../app/services/report-pages.server";
import { sendReportReminders } from "../../app/services/report-reminders.server";
import { acceptMail } from "../fixtures/accept-mail";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

// Sign-off of a quarter: the draft is live, a submission freezes it, a correction is a new version
// with a reason, the ministry and the managers are told, and each person sees what they may.

const AREA = "hamilton-niagara";
const QUARTER = "2026-Q1"; // April to June 2026
const IN_QUARTER = new Date("2026-05-12T14:00:00Z");
const AFTER_QUARTER = new Date("2026-07-10T15:00:00Z");
const settings = { threshold: 5, dueDays: 30 };
const narrative = {
  actionsTaken: "Met every provider about cancelled appointments.",
  lessonsLearned: "Call filers back within a day.",
  systemicIssues: "None this quarter.",
};

let t: TestDatabase;
let manager: SessionUser;
let staff: SessionUser;
let otherManager: SessionUser;
let analyst: SessionUser;

async function fileAt(now: Date, overrides = {}) {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(overrides), now });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}

function submit(input: Partial<Parameters<typeof submitQuarterReport>[0]> = {}) {
  return submitQuarterReport({
    db: t.db,
    user: manager,
    areaSlug: AREA,
    quarter: QUARTER,
    narrative,
    amendmentReason: null,
    expectedVersion: 0,
    threshold: 5,
    now: AFTER_QUARTER,
    ...input,
  });
}

async function outbox() {
  return t.db.selectFrom("email_outbox").selectAll().orderBy("id").execute();
}

beforeAll(async () => {
  t = await createTestDatabase(new Date("2026-04-01T12:00:00Z"));
  manager = await createStaff(t.db, { areaSlug: AREA, role: "ssm_manager", email: "boss@hamilton.example.org" });
  staff = await createStaff(t.db, { areaSlug: AREA });
  otherManager = await createStaff(t.db, { areaSlug: "ottawa", role: "ssm_manager" });
  analyst = await createStaff(t.db, {
    areaSlug: AREA,
    role: "ministry_analyst",
    email: "analyst@ministry.example.org",
  });
  // An analyst works for the ministry: the account and the signed-in person both say so.
  const ministryId = (
    await t.db.selectFrom("organizations").select("id").where("kind", "=", "ministry").executeTakeFirstOrThrow()
  ).id;
  await t.db.updateTable("users").set({ organization_id: ministryId }).where("id", "=", analyst.id).execute();
  analyst = { ...analyst, organization_id: ministryId };
  for (let i = 0; i < 6; i++)
    await fileAt(new Date(IN_QUARTER.getTime() + i * 3_600_000), { name: `Filer Number${i}` });
});
afterAll(() => t.cleanup());

describe("the draft", () => {
  it("follows the cases live until it is submitted", async () => {
    const before = await liveFigures(t.db, AREA, QUARTER, AFTER_QUARTER);
    expect(before.received.total).toBe(6);
    await fileAt(new Date("2026-06-20T14:00:00Z"));
    const after = await liveFigures(t.db, AREA, QUARTER, AFTER_QUARTER);
    expect(after.received.total).toBe(7);
    expect(after.openAtEnd).toBe(7);
  });

  it("cannot be submitted before the quarter ends", async () => {
    expect(await submit({ now: new Date("2026-06-29T15:00:00Z") })).toEqual({
      ok: false,
      kind: "conflict",
      reason: "reports.form.notEndedRefusal",
    });
    expect(await t.db.selectFrom("quarter_reports").selectAll().execute()).toHaveLength(0);
  });

  it("is not shown to the ministry, nor to another SSM", async () => {
    const ministry = await reportPageView({
      db: t.db,
      user: analyst,
      areaSlug: AREA,
      quarter: QUARTER,
      version: null,
      settings,
      now: AFTER_QUARTER,
    });
    expect(ministry?.kind).toBe("ministry");
    expect(ministry?.selected).toBeNull();
    expect(
      await reportPageView({
        db: t.db,
        user: otherManager,
        areaSlug: AREA,
        quarter: QUARTER,
        version: null,
        settings,
        now: AFTER_QUARTER,
      }),
    ).toBeNull();
    const own = await reportPageView({
      db: t.db,
      user: staff,
      areaSlug: AREA,
      quarter: QUARTER,
      version: null,
      settings,
      now: AFTER_QUARTER,
    });
    expect(own?.kind === "ssm" && own.canSubmit).toBe(false);
  });
});

describe("reminders", () => {
  it("tell each manager once when the quarter closes and once more when the report is late", async () => {
    const firstDay = new Date("2026-07-01T13:00:00Z");
    await sendReportReminders({ db: t.db, now: firstDay, dueDays: 30 });
    await sendReportReminders({ db: t.db, now: new Date(firstDay.getTime() + 60_000), dueDays: 30 });
    const closed = (await outbox()).filter((e) => e.template === "report_closed" && e.recipient === manager.email);
    expect(closed).toHaveLength(1);
    // People read the quarter's name, not the id "2026-Q1"; the id stays in the link (#19).
    expect(closed[0]!.subject).toBe("Your report for fiscal 2026–27, Q1 (April–June 2026) is due Jul 30, 2026");
    expect(closed[0]!.text_body).not.toContain(`Quarter ${QUARTER}`);
    expect(closed[0]!.text_body).toContain(`/reports/${AREA}/${QUARTER}`);
    expect((await outbox()).some((e) => e.template === "report_late")).toBe(false);

    const due = reportDueAt(QUARTER, 30);
    expect(due.toISOString()).toBe("2026-07-31T03:59:59.999Z"); // end of July 30 in Toronto
    await sendReportReminders({ db: t.db, now: new Date(due.getTime() + 1), dueDays: 30 });
    const late = (await outbox()).filter((e) => e.template === "report_late" && e.recipient === manager.email);
    expect(late).toHaveLength(1);
    expect(late[0]!.subject).toMatch(/late/);
  });
});

describe("submission", () => {
  it("freezes the figures with who and when, and tells the analysts without personal information", async () => {
    const result = await submit();
    expect(result).toEqual({ ok: true, version: 1 });
    const [row] = await t.db.selectFrom("quarter_reports").selectAll().execute();
    expect(row).toMatchObject({
      area_slug: AREA,
      quarter: QUARTER,
      version: 1,
      submitted_by: manager.id,
      submitted_at: AFTER_QUARTER.toISOString(),
      amendment_reason: null,
    });
    expect(JSON.parse(row!.figures_json).received.total).toBe(7);

    const emails = (await outbox()).filter((e) => e.template === "report_submitted");
    expect(emails.map((e) => e.recipient)).toEqual([analyst.email]);
    expect(emails[0]!.text_body).toContain("7"); // received
    expect(emails[0]!.text_body).toContain(`/reports/${AREA}/${QUARTER}`);
    expect(emails[0]!.text_body).not.toMatch(/Filer Number|Jordan|@example\.org/);
    const audit = await t.db.selectFrom("audit_log").select("action").where("action", "like", "report.%").execute();
    expect(audit.map((a) => a.action)).toContain("report.submitted");
  });

  it("does not change when cases change afterwards", async () => {
    await fileAt(new Date("2026-06-25T14:00:00Z")); // recorded late, in the quarter
    const live = await liveFigures(t.db, AREA, QUARTER, AFTER_QUARTER);
    expect(live.received.total).toBe(8);
    const [row] = await t.db.selectFrom("quarter_reports").selectAll().execute();
    expect(JSON.parse(row!.figures_json).received.total).toBe(7);
  });

  it("stops the reminders", async () => {
    const count = (await outbox()).length;
    await sendReportReminders({ db: t.db, now: new Date("2026-08-15T15:00:00Z"), dueDays: 30 });
    expect((await outbox()).filter((e) => e.recipient === manager.email)).toHaveLength(2);
    expect((await outbox()).length).toBeGreaterThanOrEqual(count);
  });

  it("refuses a second submission made from an outdated page", async () => {
    expect(await submit({ expectedVersion: 0, amendmentReason: "double click" })).toEqual({
      ok: false,
      kind: "conflict",
      reason: "reports.form.stale",
    });
    expect(await t.db.selectFrom("quarter_reports").selectAll().execute()).toHaveLength(1);
  });
});

describe("amendment", () => {
  it("needs a reason", async () => {
    expect(await submit({ expectedVersion: 1, amendmentReason: "   " })).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.amendmentReason",
      fields: { amendmentReason: { key: "error.amendmentReason" } },
    });
  });

  it("is a new version; the ministry sees both and what changed", async () => {
    const result = await submit({
      expectedVersion: 1,
      amendmentReason: "One complaint was recorded after we submitted.",
      narrative: { ...narrative, systemicIssues: "Late recording of phone complaints." },
    });
    expect(result).toEqual({ ok: true, version: 2 });
    const view = await reportPageView({
      db: t.db,
      user: analyst,
      areaSlug: AREA,
      quarter: QUARTER,
      version: null,
      settings,
      now: AFTER_QUARTER,
    });
    if (view?.kind !== "ministry") throw new Error("expected the ministry's view");
    expect(view.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(view.selected?.version).toBe(2);
    expect(view.selected?.amendmentReason).toBe("One complaint was recorded after we submitted.");
    expect(view.selected?.narrative.systemicIssues).toBe("Late recording of phone complaints.");
    const changes = view.versions[1]!.changes;
    expect(changes).toContainEqual(expect.objectContaining({ path: "received.total", before: 7, after: 8 }));
    const first = await reportPageView({
      db: t.db,
      user: analyst,
      areaSlug: AREA,
      quarter: QUARTER,
      version: 1,
      settings,
      now: AFTER_QUARTER,
    });
    expect(first?.kind === "ministry" && first.selected?.figures.received.total).toBe(7);
    expect((await outbox()).filter((e) => e.template === "report_amended").map((e) => e.recipient)).toEqual([
      analyst.email,
    ]);
  });
});

describe("what leaves the SSM", () => {
  it("suppresses small counts for the ministry and the public, and never shows the draft", async () => {
    const comparison = await quarterComparison(t.db, QUARTER, 5, 30, AFTER_QUARTER);
    const row = comparison.rows.find((r) => r.area.slug === AREA)!;
    expect(row.report?.figures.received.total).toBe(8);
    // All 8 were web complaints about one program: nothing small to hide there...
    expect(row.report?.figures.received.byChannel).toEqual([{ key: "web", count: 8 }]);
    // ...but 8 open cases and no decision: the one SSM's small clock counts are hidden.
    expect(JSON.stringify(row.report?.figures)).not.toContain("Filer Number");
    expect(comparison.rows.filter((r) => r.report === null)).toHaveLength(comparison.expected - 1);
    const others = comparison.rows.find((r) => r.area.slug === "ottawa")!;
    expect(others.late).toBe(false);

    const publicFigures = await publicQuarterFigures(t.db, AREA, 5);
    expect(publicFigures).toMatchObject({ quarter: QUARTER, received: 8 });
    expect(await publicQuarterFigures(t.db, "ottawa", 5)).toBeNull();
  });

  it("hides a count under the threshold wherever the ministry looks", async () => {
    await performStaffAction({
      db: t.db,
      user: staff,
      reference: (await t.db.selectFrom("cases").select("reference").orderBy("id").executeTakeFirstOrThrow()).reference,
      expectedVersion: 1,
      command: { action: "acknowledge" },
      now: new Date("2026-05-12T15:00:00Z"),
    });
    await acceptMail(t.db, new Date("2026-05-12T15:00:00Z"));
    const result = await submit({ expectedVersion: 2, amendmentReason: "One acknowledgement was missing." });
    expect(result).toEqual({ ok: true, version: 3 });
    const comparison = await quarterComparison(t.db, QUARTER, 5, 30, AFTER_QUARTER);
    const figures = comparison.rows.find((r) => r.area.slug === AREA)!.report!.figures;
    const acknowledge = figures.clocks.find((c) => c.kind === "acknowledge");
    expect(acknowledge?.ended).toBe("small");
    expect(acknowledge?.onTimeShare).toBeNull();
    expect(comparison.province?.clocks.find((c) => c.kind === "acknowledge")?.ended).not.toBe(1);
  });

  it("records each submission as a release, and shows each older version as it was released", async () => {
    const releases = await t.db
      .selectFrom("report_releases")
      .selectAll()
      .where("quarter", "=", QUARTER)
      .orderBy("sequence")
      .execute();
    expect(releases.map((r) => [r.sequence, r.area_slug, r.version])).toEqual([
      [1, AREA, 1],
      [2, AREA, 2],
      [3, AREA, 3],
    ]);
    const stored = releases.map(
      (r) => JSON.parse(r.release_json) as { reports: { areaSlug: string; shown: unknown }[] },
    );
    const versions = await versionsForMinistry(t.db, AREA, QUARTER, 5);
    expect(versions.map((v) => v.figures)).toEqual(
      stored.map((r) => r.reports.find((x) => x.areaSlug === AREA)!.shown),
    );
    const comparison = await quarterComparison(t.db, QUARTER, 5, 30, AFTER_QUARTER);
    expect(comparison.rows.find((r) => r.area.slug === AREA)!.report!.figures).toEqual(versions[2]!.figures);
  });
});
