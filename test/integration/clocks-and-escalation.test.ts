import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepClocks } from "../../app/services/clock-sweep.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { performFilerAction } from "../../app/services/filer-actions.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { performStaffAction, type StaffCommand } from "../../app/services/staff-actions.server";
import type { SessionUser } from "../../app/services/auth.server";
import { acceptMail } from "../fixtures/accept-mail";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint, viewAsFiler } from "../fixtures/people";

const run = promisify(execFile);
let t: TestDatabase;
let staff: SessionUser;
let manager: SessionUser;
// Monday 2026-11-23, 10:00 Toronto.
const FILED = new Date("2026-11-23T15:00:00Z");
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  manager = await createStaff(t.db, {
    areaSlug: "hamilton-niagara",
    role: "ssm_manager",
    email: "manager@hamilton.test",
  });
});
afterAll(async () => t.cleanup());

async function fileOne() {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: FILED });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}
/** A staff action, with the mail server up: what it sends is accepted at once (issue #18). */
async function act(reference: string, command: StaffCommand, now: Date, user = staff) {
  const view = await staffCaseView({ db: t.db, user, reference, now });
  const done = await performStaffAction({
    db: t.db,
    user,
    reference,
    expectedVersion: view!.case.version,
    command,
    now,
  });
  await acceptMail(t.db, now);
  return done;
}
async function clocksOf(caseId: number) {
  return t.db.selectFrom("case_clocks").selectAll().where("case_id", "=", caseId).orderBy("id").execute();
}
async function emailsOf(caseId: number) {
  return t.db
    .selectFrom("email_outbox")
    .select(["template", "recipient", "dedupe_key"])
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

describe("the sweep with time passing", () => {
  it("marks a missed acknowledgement, alerts managers once, and leaves met clocks alone", async () => {
    const { caseId, reference } = await fileOne();
    // Wednesday 16:29: not yet due.
    await sweepClocks({ db: t.db, now: at("2026-11-25T21:29:00Z") });
    expect((await clocksOf(caseId))[0]!.state).toBe("running");
    // Thursday morning: the acknowledgement deadline (Wednesday 16:30) has passed.
    const first = await sweepClocks({ db: t.db, now: at("2026-11-26T14:00:00Z") });
    expect(first.breached).toBeGreaterThanOrEqual(1);
    expect((await clocksOf(caseId))[0]!.state).toBe("breached");
    const alerts = (await emailsOf(caseId)).filter((e) => e.template === "overdue_alert");
    expect(alerts.map((a) => a.recipient)).toEqual(["manager@hamilton.test"]);
    // Sweeping again sends nothing new.
    await sweepClocks({ db: t.db, now: at("2026-11-26T15:00:00Z") });
    expect((await emailsOf(caseId)).filter((e) => e.template === "overdue_alert")).toHaveLength(1);
    const view = await staffCaseView({ db: t.db, user: staff, reference, now: at("2026-11-26T15:00:00Z") });
    expect(view?.events.some((e) => e.type === "clock_breached")).toBe(true);
    // Acknowledging late records when it was done; the clock stays a breach for the record.
    expect(await act(reference, { action: "acknowledge" }, at("2026-11-26T16:00:00Z"))).toEqual({ ok: true });
    const ack = (await clocksOf(caseId))[0]!;
    expect([ack.state, ack.met_at]).toEqual(["breached", "2026-11-26T16:00:00.000Z"]);
  });

  it("escalates a case whose decision deadline passes, opens level 2's clock and tells filer and managers", async () => {
    const { caseId, reference, secret } = await fileOne();
    await act(reference, { action: "acknowledge" }, at("2026-11-23T16:00:00Z"));
    await act(reference, { action: "reply", message: "Looking into it." }, at("2026-11-24T16:00:00Z"));
    // Level 1's decision is due Monday 2026-12-21 16:30; the sweep on Tuesday finds it missed.
    const result = await sweepClocks({ db: t.db, now: at("2026-12-22T14:00:00Z") });
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    const clocks = await clocksOf(caseId);
    expect(clocks.map((c) => [c.kind, c.level, c.state])).toEqual([
      ["acknowledge", 1, "met"],
      ["first_response", 1, "met"],
      ["decision", 1, "breached"],
      ["decision", 2, "running"],
    ]);
    // Level 2 starts at the sweep (Tue 22nd) and skips Christmas, Boxing Day (observed Mon 28) and New Year's Day.
    expect(clocks[3]!.due_at).toBe("2027-01-22T21:30:00.000Z");
    const view = await staffCaseView({ db: t.db, user: staff, reference, now: at("2026-12-22T15:00:00Z") });
    expect([view?.case.level, view?.case.status, view?.case.next_due_at]).toEqual([
      2,
      "in_review",
      "2027-01-22T21:30:00.000Z",
    ]);
    const templates = (await emailsOf(caseId)).map((e) => e.template);
    expect(templates).toContain("escalated");
    expect(templates).toContain("escalation_notice");
    const filer = await viewAsFiler(t.db, reference, secret, at("2026-12-22T15:00:00Z"));
    expect(filer?.level).toBe(2);
    expect(filer?.events.map((e) => e.type)).toContain("escalated");
    expect(filer?.events.map((e) => e.type)).not.toContain("clock_breached");
  });

  it("pauses the decision clock while waiting for the filer and moves its deadline by the business days paused", async () => {
    const { caseId, reference, secret } = await fileOne();
    await act(reference, { action: "acknowledge" }, at("2026-11-23T16:00:00Z"));
    const before = (await clocksOf(caseId))[2]!.due_at;
    // Ask on Tuesday 10:00; the filer answers Thursday 10:00: two business days paused.
    expect(
      await act(
        reference,
        { action: "request_info", message: "Which office did you visit?" },
        at("2026-11-24T15:00:00Z"),
      ),
    ).toEqual({ ok: true });
    expect((await clocksOf(caseId))[2]!.state).toBe("paused");
    // A paused clock is never breached, however long the wait.
    await sweepClocks({ db: t.db, now: at("2027-03-01T15:00:00Z") });
    expect((await clocksOf(caseId))[2]!.state).toBe("paused");

    const caseRow = await t.db
      .selectFrom("cases")
      .select("id")
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(
      await performFilerAction({
        db: t.db,
        caseId: caseRow.id,
        command: { action: "add_information", message: "The Main Street office." },
        now: at("2026-11-26T15:00:00Z"),
      }),
    ).toEqual({ ok: true });
    const decision = (await clocksOf(caseId))[2]!;
    expect(decision.state).toBe("running");
    expect(decision.paused_business_ms).toBe(2 * 8 * 3_600_000);
    expect(Date.parse(decision.due_at) - Date.parse(before)).toBeGreaterThan(0);
    // The pause touched Tuesday, Wednesday and Thursday: three business days after Monday 21st, at closing.
    expect(decision.due_at).toBe("2026-12-24T21:30:00.000Z");
    const view = await staffCaseView({ db: t.db, user: staff, reference, now: at("2026-11-26T16:00:00Z") });
    expect(view?.case.status).toBe("in_review");
    const types = view!.events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["info_requested", "clock_paused", "filer_info", "clock_resumed"]));
    const filer = await viewAsFiler(t.db, reference, secret, at("2026-11-26T16:00:00Z"));
    expect(filer?.events.map((e) => e.type)).not.toContain("clock_paused");
  });

  it("adds back a pause of months: more business milliseconds than 32 bits hold", async () => {
    const { caseId, reference } = await fileOne();
    await act(reference, { action: "acknowledge" }, at("2026-11-23T16:00:00Z"));
    await act(reference, { action: "request_info", message: "Please send the letter." }, at("2026-11-24T15:00:00Z"));
    const caseRow = await t.db
      .selectFrom("cases")
      .select("id")
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    // The filer answers the next autumn: well over 75 business days (2^31 ms of 8-hour days).
    expect(
      await performFilerAction({
        db: t.db,
        caseId: caseRow.id,
        command: { action: "add_information", message: "Here it is." },
        now: at("2027-10-01T14:00:00Z"),
      }),
    ).toEqual({ ok: true });
    const decision = (await clocksOf(caseId))[2]!;
    expect(decision.state).toBe("running");
    expect(decision.paused_business_ms).toBeGreaterThan(2 ** 31);
    expect(decision.due_at > "2027-10-01").toBe(true);
  });

  it("lets the filer ask for recourse within the window, once, and not after it", async () => {
    const { caseId, reference } = await fileOne();
    await act(reference, { action: "acknowledge" }, at("2026-11-23T16:00:00Z"));
    await act(
      reference,
      { action: "decide", outcome: "not_upheld", reasons: "The workshop was offered twice." },
      at("2026-11-27T15:00:00Z"),
    );
    const decided = await t.db.selectFrom("cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow();
    // 15 business days after Friday 2026-11-27: Friday 2026-12-18, 16:30.
    expect(decided.recourse_deadline_at).toBe("2026-12-18T21:30:00.000Z");

    const late = await performFilerAction({
      db: t.db,
      caseId,
      command: { action: "request_recourse", reasons: "I disagree." },
      now: at("2026-12-19T15:00:00Z"),
    });
    expect(late).toEqual({ ok: false, reason: "window_closed" });
    const ok = await performFilerAction({
      db: t.db,
      caseId,
      command: { action: "request_recourse", reasons: "I was never offered a date." },
      now: at("2026-12-01T15:00:00Z"),
    });
    expect(ok).toEqual({ ok: true });
    const after = await t.db.selectFrom("cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow();
    expect([after.level, after.status]).toEqual([2, "in_review"]);
    const again = await performFilerAction({
      db: t.db,
      caseId,
      command: { action: "request_recourse", reasons: "Again." },
      now: at("2026-12-01T16:00:00Z"),
    });
    expect(again).toEqual({ ok: false, reason: "not_decided" });
    expect((await emailsOf(caseId)).map((e) => e.template)).toEqual(
      expect.arrayContaining(["decision", "escalated", "escalation_notice"]),
    );
  });

  it("requires the panel at level 3 and refers to the ministry at level 4, where no clock runs", async () => {
    const { caseId, reference } = await fileOne();
    await act(reference, { action: "acknowledge" }, at("2026-11-23T16:00:00Z"));
    expect(await act(reference, { action: "escalate", reason: "Needs review." }, at("2026-11-23T17:00:00Z"))).toEqual({
      ok: false,
      reason: "managers_only",
    });
    expect(
      await act(reference, { action: "escalate", reason: "Serious allegation." }, at("2026-11-23T17:00:00Z"), manager),
    ).toEqual({ ok: true });
    expect(
      await act(
        reference,
        { action: "escalate", reason: "Conflict of interest at the SSM." },
        at("2026-11-23T18:00:00Z"),
        manager,
      ),
    ).toEqual({ ok: true });
    expect(
      await act(reference, { action: "decide", outcome: "upheld", reasons: "Founded." }, at("2026-11-24T15:00:00Z")),
    ).toEqual({ ok: false, reason: "panel_required" });
    expect(
      await act(
        reference,
        {
          action: "decide",
          outcome: "upheld",
          reasons: "Founded.",
          panel: "A. Chair (community member)\nB. Lawyer (independent)",
        },
        at("2026-11-24T15:00:00Z"),
      ),
    ).toEqual({ ok: true });

    const row = await t.db.selectFrom("cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow();
    expect(
      await performFilerAction({
        db: t.db,
        caseId,
        command: { action: "request_recourse", reasons: "Still unhappy." },
        now: at("2026-11-25T15:00:00Z"),
      }),
    ).toEqual({ ok: true });
    const referred = await t.db.selectFrom("cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow();
    expect([row.level, referred.level, referred.status, referred.next_due_at]).toEqual([
      3,
      4,
      "referred_to_ministry",
      null,
    ]);
    expect((await clocksOf(caseId)).every((c) => c.state !== "running" && c.state !== "paused")).toBe(true);
    expect((await emailsOf(caseId)).map((e) => e.template)).toContain("referred_to_ministry");
    const decided = await t.db
      .selectFrom("case_events")
      .select("data_json")
      .where("case_id", "=", caseId)
      .where("type", "=", "decided")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(decided.data_json!).panel).toContain("A. Chair");
  });

  it("reminds the assignee once, one business day before a deadline", async () => {
    const { caseId, reference } = await fileOne();
    await act(reference, { action: "take" }, at("2026-11-23T15:30:00Z"));
    // Monday: the acknowledgement is due Wednesday, 2 business days away: no reminder yet.
    await sweepClocks({ db: t.db, now: at("2026-11-23T16:00:00Z") });
    expect((await emailsOf(caseId)).filter((e) => e.template === "due_soon_reminder")).toHaveLength(0);
    // Tuesday: due tomorrow.
    await sweepClocks({ db: t.db, now: at("2026-11-24T14:00:00Z") });
    await sweepClocks({ db: t.db, now: at("2026-11-24T15:00:00Z") });
    const reminders = (await emailsOf(caseId)).filter((e) => e.template === "due_soon_reminder");
    expect(reminders.map((r) => r.recipient)).toEqual([staff.email]);
  });
});

describe("two sweeps at once", () => {
  it("escalate each case once and queue each email once, from two processes", async () => {
    const filed = await Promise.all([fileOne(), fileOne(), fileOne()]);
    const sweep = () =>
      run(process.execPath, ["--import", "tsx", "scripts/sweep.ts", "--now", "2026-12-22T14:00:00Z"], {
        env: { ...process.env, DATABASE_URL: t.url },
      });
    const [a, b] = await Promise.all([sweep(), sweep()]);
    const results = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(results[0].escalated + results[1].escalated).toBeGreaterThanOrEqual(3);
    for (const { caseId } of filed) {
      const clocks = await clocksOf(caseId);
      expect(clocks.filter((c) => c.kind === "decision" && c.level === 2)).toHaveLength(1);
      const events = await t.db
        .selectFrom("case_events")
        .select("type")
        .where("case_id", "=", caseId)
        .where("type", "=", "escalated")
        .execute();
      expect(events).toHaveLength(1);
      const keys = (await emailsOf(caseId)).map((e) => e.dedupe_key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.filter((k) => k.includes("escalated:2"))).toHaveLength(2); // the filer and the one manager
    }
  });
});
