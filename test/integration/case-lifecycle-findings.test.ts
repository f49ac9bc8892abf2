import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffQueue } from "../../app/services/case-queue.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { sweepClocks } from "../../app/services/clock-sweep.server";
import { performFilerAction } from "../../app/services/filer-actions.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { liveFigures } from "../../app/services/quarter-reports.server";
import { performStaffAction, type StaffCommand } from "../../app/services/staff-actions.server";
import type { SessionUser } from "../../app/services/auth.server";
import { acceptMail } from "../fixtures/accept-mail";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint, viewAsFiler } from "../fixtures/people";

// The six wrong results of issue #13 ("Wrong today"), each driven through the services as staff,
// filers and the sweep would, on a real database.

let t: TestDatabase;
let staff: SessionUser;
let haltonStaff: SessionUser;
const AREA = "hamilton-niagara";
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: AREA });
  haltonStaff = await createStaff(t.db, { areaSlug: "halton" });
});
afterAll(async () => t.cleanup());

async function fileAt(now: Date, area = AREA) {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint({ area }), now });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}
async function act(reference: string, command: StaffCommand, now: Date, user = staff) {
  const view = await staffCaseView({ db: t.db, user, reference, now });
  return performStaffAction({ db: t.db, user, reference, expectedVersion: view!.case.version, command, now });
}
async function clocksOf(caseId: number) {
  return t.db.selectFrom("case_clocks").selectAll().where("case_id", "=", caseId).orderBy("id").execute();
}
async function overdueReferences(now: Date): Promise<string[]> {
  const queue = await staffQueue({ db: t.db, user: staff, filters: { clock: "overdue" }, now });
  return queue!.rows.map((r) => r.reference);
}
async function queueRow(reference: string, now: Date) {
  const queue = await staffQueue({ db: t.db, user: staff, filters: { q: reference }, now });
  return queue!.rows.find((r) => r.reference === reference);
}
/** Not met and not finally breached (a missed decision is final: the case moved up): what a finished case must no longer have. */
function pending(clock: { kind: string; state: string; met_at: string | null }) {
  return (
    clock.state === "running" ||
    clock.state === "paused" ||
    (clock.state === "breached" && clock.met_at === null && clock.kind !== "decision")
  );
}

describe("1. a finished case is never overdue", () => {
  it("a withdrawn case whose acknowledgement was missed leaves the overdue queue", async () => {
    // Monday 2026-11-02 10:00 Toronto; acknowledgement due Wednesday 16:30, never done.
    const { caseId, reference } = await fileAt(at("2026-11-02T15:00:00Z"));
    await sweepClocks({ db: t.db, now: at("2026-11-06T15:00:00Z") });
    expect(await overdueReferences(at("2026-11-06T15:00:00Z"))).toContain(reference);

    expect(
      await performFilerAction({ db: t.db, caseId, command: { action: "withdraw" }, now: at("2026-11-09T15:00:00Z") }),
    ).toEqual({ ok: true });
    const later = at("2026-11-10T15:00:00Z");
    expect(await overdueReferences(later)).not.toContain(reference);
    const row = await queueRow(reference, later);
    expect([row?.overdue, row?.next_due_at]).toEqual([false, null]);
    expect((await clocksOf(caseId)).filter(pending)).toEqual([]);
  });

  it("a case decided and closed after it escalated unacknowledged leaves the overdue queue", async () => {
    // Filed Monday 2026-10-05; nothing done until the level-1 decision deadline passes.
    const { caseId, reference } = await fileAt(at("2026-10-05T14:00:00Z"));
    await sweepClocks({ db: t.db, now: at("2026-11-05T15:00:00Z") });
    expect(
      (await t.db.selectFrom("cases").select("level").where("id", "=", caseId).executeTakeFirstOrThrow()).level,
    ).toBe(2);
    expect(
      await act(
        reference,
        { action: "decide", outcome: "not_upheld", reasons: "Reviewed." },
        at("2026-11-06T15:00:00Z"),
      ),
    ).toEqual({ ok: true });
    expect(await act(reference, { action: "close" }, at("2026-11-06T15:05:00Z"))).toEqual({ ok: true });
    const later = at("2026-11-09T15:00:00Z");
    expect(await overdueReferences(later)).not.toContain(reference);
    expect((await queueRow(reference, later))?.overdue).toBe(false);
    expect((await clocksOf(caseId)).filter(pending)).toEqual([]);
  });
});

describe("2. a case escalated before it was acknowledged", () => {
  it("can still be acknowledged, once", async () => {
    const { caseId, reference } = await fileAt(at("2026-10-05T14:00:00Z"));
    await sweepClocks({ db: t.db, now: at("2026-11-05T15:00:00Z") });
    expect(await act(reference, { action: "acknowledge" }, at("2026-11-05T16:00:00Z"))).toEqual({ ok: true });
    // Met when the mail server takes the acknowledgement (issue #18), here as it is queued.
    await acceptMail(t.db, at("2026-11-05T16:00:00Z"));
    const ack = (await clocksOf(caseId)).find((c) => c.kind === "acknowledge")!;
    expect(ack.met_at).toBe("2026-11-05T16:00:00.000Z");
    expect(await act(reference, { action: "acknowledge" }, at("2026-11-05T17:00:00Z"))).toEqual({
      ok: false,
      reason: "already_acknowledged",
    });
  });
});

describe("3. closing keeps the recourse window", () => {
  it("the filer may ask for a review of a closed case within the window, not after", async () => {
    // Monday 2026-11-23 10:00; decided Wednesday, closed a minute later.
    const { reference, secret } = await fileAt(at("2026-11-23T15:00:00Z"));
    await act(reference, { action: "acknowledge" }, at("2026-11-23T16:00:00Z"));
    await act(
      reference,
      { action: "decide", outcome: "not_upheld", reasons: "No fault found." },
      at("2026-11-25T15:00:00Z"),
    );
    expect(await act(reference, { action: "close" }, at("2026-11-25T15:01:00Z"))).toEqual({ ok: true });

    // 15 business days from Wednesday 2026-11-25: Wednesday 2026-12-16, 16:30.
    const inside = at("2026-12-16T21:00:00Z");
    const view = await viewAsFiler(t.db, reference, secret, inside);
    expect(view?.canAskRecourse).toBe(true);
    const asked = await performFilerAction({
      db: t.db,
      caseId: await caseIdOf(reference),
      command: { action: "request_recourse", reasons: "I disagree." },
      now: inside,
    });
    expect(asked).toEqual({ ok: true });
    const row = await t.db
      .selectFrom("cases")
      .select(["status", "level", "closed_at"])
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "in_review", level: 2, closed_at: null });
  });

  it("after the window the request is refused as late", async () => {
    const { reference } = await fileAt(at("2026-11-23T15:00:00Z"));
    await act(reference, { action: "acknowledge" }, at("2026-11-23T16:00:00Z"));
    await act(
      reference,
      { action: "decide", outcome: "not_upheld", reasons: "No fault found." },
      at("2026-11-25T15:00:00Z"),
    );
    await act(reference, { action: "close" }, at("2026-11-25T15:01:00Z"));
    const late = at("2026-12-16T21:31:00Z");
    expect(
      await performFilerAction({
        db: t.db,
        caseId: await caseIdOf(reference),
        command: { action: "request_recourse", reasons: "Late." },
        now: late,
      }),
    ).toEqual({ ok: false, reason: "window_closed" });
  });
});

async function caseIdOf(reference: string): Promise<number> {
  return (await t.db.selectFrom("cases").select("id").where("reference", "=", reference).executeTakeFirstOrThrow()).id;
}

describe("4. reopening starts a new clock and keeps the old one", () => {
  it("counts the second decision from the reopening and keeps the first for its own quarter", async () => {
    // Filed Monday 2026-06-01 10:00, decided June 2; reopened Tuesday September 1, decided September 2.
    const { caseId, reference } = await fileAt(at("2026-06-01T14:00:00Z"));
    await act(reference, { action: "acknowledge" }, at("2026-06-01T15:00:00Z"));
    await act(reference, { action: "decide", outcome: "upheld", reasons: "Fixed." }, at("2026-06-02T14:00:00Z"));
    await act(reference, { action: "reopen", reason: "New facts." }, at("2026-09-01T14:00:00Z"));

    const reopened = await staffCaseView({ db: t.db, user: staff, reference, now: at("2026-09-01T15:00:00Z") });
    const current = reopened!.clocks.filter((c) => c.kind === "decision" && c.level === 1 && c.metAt === null);
    expect(current.map((c) => c.countsFrom)).toEqual(["2026-09-01"]);
    await act(
      reference,
      { action: "decide", outcome: "partly_upheld", reasons: "Partly." },
      at("2026-09-02T14:00:00Z"),
    );

    const decisions = (await clocksOf(caseId)).filter((c) => c.kind === "decision" && c.level === 1);
    expect(decisions.map((c) => [c.started_at, c.met_at, c.state])).toEqual([
      ["2026-06-01T14:00:00.000Z", "2026-06-02T14:00:00.000Z", "met"],
      ["2026-09-01T14:00:00.000Z", "2026-09-02T14:00:00.000Z", "met"],
    ]);
    expect(decisions.map((c) => c.taken_business_days)).toEqual([1, 1]);

    // The report of each quarter counts its own decision: 1 business day each, not 66.
    const figuresAt = at("2026-09-03T14:00:00Z");
    const level1 = async (quarter: string) =>
      (await liveFigures(t.db, AREA, quarter, figuresAt)).clocks.find((c) => c.kind === "decision" && c.level === 1);
    expect([(await level1("2026-Q1"))?.ended, (await level1("2026-Q1"))?.p90Days]).toEqual([1, 1]);
    expect([(await level1("2026-Q2"))?.ended, (await level1("2026-Q2"))?.p90Days]).toEqual([1, 1]);
  });

  it("reminds the assignee again before the reopened decision is due", async () => {
    // Halton, filed Monday 2026-06-01; decision due Monday June 29 (20 business days).
    const { caseId, reference } = await fileAt(at("2026-06-01T14:00:00Z"), "halton");
    await act(reference, { action: "take" }, at("2026-06-01T14:10:00Z"), haltonStaff);
    await act(reference, { action: "acknowledge" }, at("2026-06-01T14:20:00Z"), haltonStaff);
    await sweepClocks({ db: t.db, now: at("2026-06-26T14:00:00Z") });
    await act(
      reference,
      { action: "decide", outcome: "upheld", reasons: "Fixed." },
      at("2026-06-26T15:00:00Z"),
      haltonStaff,
    );
    await act(reference, { action: "reopen", reason: "New facts." }, at("2026-09-01T14:00:00Z"), haltonStaff);
    // The reopened decision is due Wednesday September 30 (Labour Day closed); the sweep the day before reminds.
    await sweepClocks({ db: t.db, now: at("2026-09-29T14:00:00Z") });
    const reminders = await t.db
      .selectFrom("email_outbox")
      .select("template")
      .where("case_id", "=", caseId)
      .where("template", "=", "due_soon_reminder")
      .execute();
    expect(reminders).toHaveLength(2);
  });
});

describe("5. a pause moves a deadline by whole business days", () => {
  it("a one-hour pause moves 'due at closing' to closing of the next business day, shown on the case page", async () => {
    // Monday 2026-11-23 10:00: decision due Monday 2026-12-21 16:30.
    const { caseId, reference } = await fileAt(at("2026-11-23T15:00:00Z"));
    await act(reference, { action: "acknowledge" }, at("2026-11-23T16:00:00Z"));
    expect((await clocksOf(caseId)).find((c) => c.kind === "decision")!.due_at).toBe("2026-12-21T21:30:00.000Z");
    await act(reference, { action: "request_info", message: "Which office?" }, at("2026-11-25T15:00:00Z"));
    await performFilerAction({
      db: t.db,
      caseId,
      command: { action: "add_information", message: "Downtown." },
      now: at("2026-11-25T16:00:00Z"),
    });

    const decision = (await clocksOf(caseId)).find((c) => c.kind === "decision")!;
    expect([decision.state, decision.due_at]).toEqual(["running", "2026-12-22T21:30:00.000Z"]);
    const view = await staffCaseView({ db: t.db, user: staff, reference, now: at("2026-11-25T17:00:00Z") });
    const shown = view!.clocks.find((c) => c.kind === "decision")!;
    expect(shown.pauses).toEqual([
      {
        pausedAt: "2026-11-25T15:00:00.000Z",
        resumedAt: "2026-11-25T16:00:00.000Z",
        businessDays: 1,
        dueBefore: "2026-12-21T21:30:00.000Z",
        dueAfter: "2026-12-22T21:30:00.000Z",
      },
    ]);
  });
});

describe("6. a breach is dated at its deadline", () => {
  it("an acknowledgement due September 30 and swept in October counts in the July–September quarter", async () => {
    // Monday 2026-09-28 10:00: acknowledgement due Wednesday September 30, 16:30; the sweep runs October 2.
    // Peel: no other case of this file is counted there.
    const { caseId } = await fileAt(at("2026-09-28T14:00:00Z"), "peel");
    await sweepClocks({ db: t.db, now: at("2026-10-02T14:00:00Z") });
    const ack = (await clocksOf(caseId)).find((c) => c.kind === "acknowledge")!;
    expect([ack.state, ack.breached_at]).toEqual(["breached", ack.due_at]);
    expect(ack.due_at).toBe("2026-09-30T20:30:00.000Z");
    const before = (await liveFigures(t.db, "peel", "2026-Q3", at("2026-10-02T15:00:00Z"))).clocks.find(
      (c) => c.kind === "acknowledge" && c.level === 1,
    );
    const q2 = (await liveFigures(t.db, "peel", "2026-Q2", at("2026-10-02T15:00:00Z"))).clocks.find(
      (c) => c.kind === "acknowledge" && c.level === 1,
    );
    expect(before?.ended ?? 0).toBe(0);
    expect((q2?.ended ?? 0) - (q2?.onTime ?? 0)).toBeGreaterThanOrEqual(1);
  });
});
