import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { staffQueue } from "../../app/services/case-queue.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import type { SessionUser } from "../../app/services/auth.server";
import { acceptMail } from "../fixtures/accept-mail";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint, viewAsFiler } from "../fixtures/people";

let t: TestDatabase;
let hamilton: SessionUser;
let ottawa: SessionUser;
let analyst: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase();
  hamilton = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  ottawa = await createStaff(t.db, { areaSlug: "ottawa" });
  analyst = { ...hamilton, id: hamilton.id, role: "ministry_analyst" };
});
afterAll(async () => t.cleanup());

async function fileOne(overrides = {}) {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(overrides), now: NOW });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}

describe("staff handling a case", () => {
  it("acknowledges, replies, notes and decides, each on the timeline with who and when", async () => {
    const { reference, secret, caseId } = await fileOne();
    const act = (expectedVersion: number, command: Parameters<typeof performStaffAction>[0]["command"], at: Date) =>
      performStaffAction({ db: t.db, user: hamilton, reference, expectedVersion, command, now: at });

    expect(await act(1, { action: "acknowledge" }, later(1))).toEqual({ ok: true });
    // The mail server takes the acknowledgement a minute on: that meets its clock (issue #18), and
    // leaves the version staff hold as it was.
    const accepted = new Date(later(1).getTime() + 60_000);
    await acceptMail(t.db, accepted);
    expect(await act(2, { action: "reply", message: "We have asked the provider for its notes." }, later(2))).toEqual({
      ok: true,
    });
    expect(await act(3, { action: "note", message: "Provider manager is on leave until Monday." }, later(3))).toEqual({
      ok: true,
    });
    expect(
      await act(
        3,
        { action: "decide", outcome: "upheld", reasons: "Appointments were cancelled without notice." },
        later(4),
      ),
    ).toEqual({ ok: true });

    const view = await staffCaseView({ db: t.db, user: hamilton, reference, now: later(5) });
    expect(view?.case.status).toBe("decided");
    expect(view?.case.outcome).toBe("upheld");
    expect(view?.clocks.map((c) => [c.kind, c.state, c.metAt])).toEqual([
      ["acknowledge", "met", accepted.toISOString()],
      ["first_response", "met", later(2).toISOString()],
      ["decision", "met", later(4).toISOString()],
    ]);
    expect(view?.case.next_due_at).toBeNull();
    // Decided at level 1 of 4: the filer may ask for recourse within 15 business days.
    expect(view?.case.recourse_deadline_at).toBeTruthy();
    expect(view?.events.map((e) => [e.type, e.visibility, e.actor_name])).toEqual([
      ["filed", "public", null],
      ["acknowledged", "public", hamilton.display_name],
      ["acknowledgement_delivered", "internal", null],
      ["public_reply", "public", hamilton.display_name],
      ["internal_note", "internal", hamilton.display_name],
      ["decided", "public", hamilton.display_name],
    ]);
    expect(view?.case).not.toHaveProperty("secret_hash");

    // The filer sees the reply and the decision, never the internal note.
    const filerView = await viewAsFiler(t.db, reference, secret);
    expect(filerView?.events.map((e) => e.type)).toEqual(["filed", "acknowledged", "public_reply", "decided"]);
    expect(JSON.stringify(filerView)).not.toContain("on leave");

    // Emails: acknowledgement at filing, then the reply and the decision, in order.
    const mail = await t.db
      .selectFrom("email_outbox")
      .select(["template", "subject"])
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute();
    expect(mail.map((m) => m.template)).toEqual(["acknowledgement", "acknowledged", "public_reply", "decision"]);
    expect(mail[3]!.subject).toBe(`Decision on your complaint ${reference}`);

    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", reference)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "case.filed",
      "case.acknowledge",
      "case.reply",
      "case.note",
      "case.decide",
      "case.read",
      "filer.access_opened",
    ]);
  });

  it("refuses an action the case's state does not allow, and changes nothing", async () => {
    const { reference } = await fileOne();
    const refused = await performStaffAction({
      db: t.db,
      user: hamilton,
      reference,
      expectedVersion: 1,
      command: { action: "decide", outcome: "upheld", reasons: "Too early." },
      now: later(1),
    });
    expect(refused).toEqual({ ok: false, reason: "not_yet_acknowledged" });
    const view = await staffCaseView({ db: t.db, user: hamilton, reference, now: later(1) });
    expect(view?.case.status).toBe("received");
    expect(view?.case.version).toBe(1);
    expect(view?.events).toHaveLength(1);
  });

  it("tells the second of two staff acting on the same version that the case changed", async () => {
    const { reference } = await fileOne();
    const [first, second] = await Promise.all([
      performStaffAction({
        db: t.db,
        user: hamilton,
        reference,
        expectedVersion: 1,
        command: { action: "acknowledge" },
        now: later(1),
      }),
      performStaffAction({
        db: t.db,
        user: hamilton,
        reference,
        expectedVersion: 1,
        command: { action: "acknowledge" },
        now: later(1),
      }),
    ]);
    expect([first, second]).toContainEqual({ ok: true });
    expect([first, second]).toContainEqual({ ok: false, reason: "stale" });

    const stale = await performStaffAction({
      db: t.db,
      user: hamilton,
      reference,
      expectedVersion: 1,
      command: { action: "reply", message: "Based on an old view of the case." },
      now: later(2),
    });
    expect(stale).toEqual({ ok: false, reason: "stale" });
    const events = await staffCaseView({ db: t.db, user: hamilton, reference, now: later(2) });
    expect(events?.events.filter((e) => e.type === "public_reply")).toHaveLength(0);
  });
});

describe("tenant isolation", () => {
  it("never shows one SSM's case or queue to another SSM's staff", async () => {
    const { reference } = await fileOne();
    expect(await staffCaseView({ db: t.db, user: ottawa, reference, now: later(1) })).toBeNull();
    const acted = await performStaffAction({
      db: t.db,
      user: ottawa,
      reference,
      expectedVersion: 1,
      command: { action: "note", message: "x" },
      now: later(1),
    });
    expect(acted).toEqual({ ok: false, reason: "not_found" });

    const ottawaQueue = await staffQueue({ db: t.db, user: ottawa });
    expect(ottawaQueue?.rows.map((r) => r.reference)).not.toContain(reference);
    const hamiltonQueue = await staffQueue({ db: t.db, user: hamilton });
    expect(hamiltonQueue?.rows.map((r) => r.reference)).toContain(reference);
    expect(hamiltonQueue?.rows.every((r) => r.reference.startsWith("HAM-"))).toBe(true);
  });

  it("gives a ministry analyst no case at all", async () => {
    const { reference } = await fileOne();
    expect(await staffCaseView({ db: t.db, user: analyst, reference, now: later(1) })).toBeNull();
  });

  it("orders the queue by the next deadline, overdue first", async () => {
    const queue = await staffQueue({ db: t.db, user: hamilton });
    const dues = queue!.rows.map((r) => r.next_due_at).filter((d): d is string => d !== null);
    expect(dues).toEqual([...dues].sort());
    const firstNull = queue!.rows.findIndex((r) => r.next_due_at === null);
    if (firstNull >= 0) expect(queue!.rows.slice(firstNull).every((r) => r.next_due_at === null)).toBe(true);
  });
});

describe("closing and reopening", () => {
  it("closes only a decided case, stopping its clocks; reopening opens a fresh decision clock", async () => {
    const { reference, caseId } = await fileOne();
    const act = async (command: Parameters<typeof performStaffAction>[0]["command"], at: Date) => {
      const view = await staffCaseView({ db: t.db, user: hamilton, reference, now: at });
      return performStaffAction({
        db: t.db,
        user: hamilton,
        reference,
        expectedVersion: view!.case.version,
        command,
        now: at,
      });
    };
    expect(await act({ action: "close" }, later(1))).toEqual({ ok: false, reason: "not_decided" });
    await act({ action: "acknowledge" }, later(1));
    await act({ action: "decide", outcome: "resolved_informally", reasons: "Agreed on a new plan." }, later(2));
    expect(await act({ action: "close" }, later(3))).toEqual({ ok: true });
    const closed = await staffCaseView({ db: t.db, user: hamilton, reference, now: later(4) });
    expect([closed?.case.status, closed?.case.next_due_at]).toEqual(["closed", null]);
    expect(await act({ action: "reply", message: "Late." }, later(4))).toEqual({ ok: false, reason: "case_finished" });

    expect(await act({ action: "reopen", reason: "The provider did not keep the agreement." }, later(5))).toEqual({
      ok: true,
    });
    const reopened = await staffCaseView({ db: t.db, user: hamilton, reference, now: later(6) });
    expect([reopened?.case.status, reopened?.case.outcome]).toEqual(["in_review", null]);
    const decision = reopened!.clocks.filter((c) => c.kind === "decision" && c.level === 1).at(-1)!;
    expect(decision.state).toBe("running");
    expect(reopened?.case.next_due_at).toBe(decision.dueAt);
    expect(reopened?.events.map((e) => e.type)).toEqual(expect.arrayContaining(["closed", "reopened"]));
    // The first decision's met clock is kept; the owed decision is a new clock.
    const clocks = await t.db
      .selectFrom("case_clocks")
      .select(["kind", "level", "state"])
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute();
    expect(clocks.filter((c) => c.kind === "decision" && c.level === 1).map((c) => c.state)).toEqual([
      "met",
      "running",
    ]);
  });
});

describe("assigning", () => {
  it("assigns to oneself or to a colleague of the same SSM, never to someone of another SSM", async () => {
    const { reference } = await fileOne();
    const colleague = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
    const take = (assigneeId: number | undefined, version: number) =>
      performStaffAction({
        db: t.db,
        user: hamilton,
        reference,
        expectedVersion: version,
        command: { action: "take", assigneeId },
        now: later(1),
      });
    expect(await take(ottawa.id, 1)).toEqual({ ok: false, reason: "not_found" });
    expect(await take(colleague.id, 1)).toEqual({ ok: true });
    let view = await staffCaseView({ db: t.db, user: hamilton, reference, now: later(2) });
    expect(view?.assigneeName).toBe(colleague.display_name);
    expect(view?.assignable.map((u) => u.id)).toEqual(expect.arrayContaining([hamilton.id, colleague.id]));
    expect(view?.assignable.map((u) => u.id)).not.toContain(ottawa.id);
    expect(await take(undefined, 2)).toEqual({ ok: true });
    view = await staffCaseView({ db: t.db, user: hamilton, reference, now: later(3) });
    expect(view?.assigneeName).toBe(hamilton.display_name);
  });
});

describe("pausing and resuming by staff", () => {
  it("restarts the decision clock with the reason on the internal timeline", async () => {
    const { reference } = await fileOne();
    const act = async (command: Parameters<typeof performStaffAction>[0]["command"], at: Date) => {
      const view = await staffCaseView({ db: t.db, user: hamilton, reference, now: at });
      return performStaffAction({
        db: t.db,
        user: hamilton,
        reference,
        expectedVersion: view!.case.version,
        command,
        now: at,
      });
    };
    await act({ action: "acknowledge" }, later(1));
    expect(await act({ action: "resume", reason: "Nothing to resume." }, later(2))).toEqual({
      ok: false,
      reason: "not_waiting",
    });
    await act({ action: "request_info", message: "Which office?" }, later(2));
    expect(await act({ action: "request_info", message: "Again?" }, later(3))).toEqual({
      ok: false,
      reason: "already_waiting",
    });
    expect(await act({ action: "resume", reason: "The person answered by phone." }, later(26))).toEqual({ ok: true });
    const view = await staffCaseView({ db: t.db, user: hamilton, reference, now: later(27) });
    expect(view?.case.status).toBe("in_review");
    expect(view?.clocks.find((c) => c.kind === "decision")?.state).toBe("running");
    const resumed = view!.events.find((e) => e.type === "clock_resumed")!;
    expect([resumed.visibility, resumed.body]).toEqual(["internal", "The person answered by phone."]);
  });
});
