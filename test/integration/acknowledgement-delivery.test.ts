import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { markUndeliverable } from "../../app/services/mail-bounces.server";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { createMailTransport } from "../../emails/transport";
import { createStaff, sampleComplaint } from "../fixtures/people";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #18 and its clarification: an acknowledgement is met by a contact that reached the person.
// For a case with email, that is the SMTP server accepting the acknowledgement, at the time it
// accepted it; a bounce reported later undoes it (the clock is owed again, staff are asked to call).

let t: TestDatabase;
let smtp: TestSmtp;
let staff: SessionUser;
const FROM = "Recourse <no-reply@recourse.test>";
// Monday 2026-11-23, 10:00 in Toronto.
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
});
afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

const transport = () => createMailTransport({ smtpUrl: smtp.url, mailDir: "unused" });

async function fileWithEmail(email: string) {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint({ email }), now: NOW });
  if (filed.kind !== "filed") throw new Error("not filed");
  // The filing's own confirmation goes first, so each test below sends only the acknowledgement.
  await deliverDueEmails({ db: t.db, transport: transport(), from: FROM, now: NOW });
  return filed.reference;
}

async function acknowledge(reference: string, at: Date) {
  const row = await t.db
    .selectFrom("cases")
    .select("version")
    .where("reference", "=", reference)
    .executeTakeFirstOrThrow();
  return performStaffAction({
    db: t.db,
    user: staff,
    reference,
    expectedVersion: row.version,
    command: { action: "acknowledge" },
    now: at,
  });
}

async function acknowledgementClock(reference: string) {
  return t.db
    .selectFrom("case_clocks")
    .innerJoin("cases", "cases.id", "case_clocks.case_id")
    .select([
      "case_clocks.state",
      "case_clocks.met_at",
      "case_clocks.breached_at",
      "case_clocks.due_at",
      "cases.call_filer_since",
      "cases.next_due_at",
    ])
    .where("cases.reference", "=", reference)
    .where("case_clocks.kind", "=", "acknowledge")
    .executeTakeFirstOrThrow();
}

/** The mail server takes what is queued, all of it at `at`. */
const acceptAllAt = (at: Date) =>
  deliverDueEmails({ db: t.db, transport: transport(), from: FROM, now: at, acceptedAt: () => at });

async function acknowledgementEmail(reference: string) {
  return t.db
    .selectFrom("email_outbox")
    .innerJoin("cases", "cases.id", "email_outbox.case_id")
    .select(["email_outbox.id", "email_outbox.status", "email_outbox.sent_at"])
    .where("cases.reference", "=", reference)
    .where("email_outbox.template", "=", "acknowledged")
    .executeTakeFirstOrThrow();
}

async function timeline(reference: string) {
  const rows = await t.db
    .selectFrom("case_events")
    .innerJoin("cases", "cases.id", "case_events.case_id")
    .select(["case_events.type", "case_events.created_at"])
    .where("cases.reference", "=", reference)
    .orderBy("case_events.id")
    .execute();
  return rows.map((r) => r.type);
}

describe("an acknowledgement by email is met when the mail server accepts it (issue #18)", () => {
  it("the click alone leaves the clock owed; the server's acceptance meets it at the time it accepted", async () => {
    const reference = await fileWithEmail("accepted@example.com");
    expect(await acknowledge(reference, later(30))).toEqual({ ok: true });

    const before = await acknowledgementClock(reference);
    expect(before.state).toBe("running");
    expect(before.met_at).toBeNull();
    // The case page says why the step is still due although its button is gone.
    const waiting = await staffCaseView({ db: t.db, user: staff, reference, now: later(30) });
    expect(waiting?.acknowledgementAwaitsServer).toBe(true);
    expect(waiting?.nextStep?.kind).toBe("acknowledge");

    const acceptedAt = later(31);
    const sent = await acceptAllAt(acceptedAt);
    expect(sent).toEqual({ sent: 1, failed: 0 });
    expect(smtp.messages.some((m) => m.to && "text" in m.to && m.to.text === "accepted@example.com")).toBe(true);

    const after = await acknowledgementClock(reference);
    expect(after.state).toBe("met");
    expect(after.met_at).toBe(acceptedAt.toISOString());
    expect((await acknowledgementEmail(reference)).sent_at).toBe(acceptedAt.toISOString());
    // Staff see on the timeline what met it.
    expect(await timeline(reference)).toContain("acknowledgement_delivered");
    const done = await staffCaseView({ db: t.db, user: staff, reference, now: later(32) });
    expect(done?.acknowledgementAwaitsServer).toBe(false);
    expect(done?.nextStep?.kind).not.toBe("acknowledge");
  });

  it("a round of several acknowledgements records each at the moment the server took it", async () => {
    const references = [];
    for (const name of ["round-a", "round-b", "round-c"]) {
      const reference = await fileWithEmail(`${name}@example.com`);
      expect(await acknowledge(reference, later(60))).toEqual({ ok: true });
      references.push(reference);
    }
    let n = 0;
    const times: string[] = [];
    const result = await deliverDueEmails({
      db: t.db,
      transport: transport(),
      from: FROM,
      now: later(61),
      acceptedAt: () => {
        const at = new Date(later(61).getTime() + ++n * 1000);
        times.push(at.toISOString());
        return at;
      },
    });
    expect(result).toEqual({ sent: 3, failed: 0 });
    const met = await Promise.all(references.map(async (r) => (await acknowledgementClock(r)).met_at));
    const sentAt = await Promise.all(references.map(async (r) => (await acknowledgementEmail(r)).sent_at));
    // Each case's clock met when its own email was taken; the three at three moments.
    expect(met).toEqual(sentAt);
    expect([...met].sort()).toEqual(times);
  });

  it("while the acknowledgement waits for the server, a second click sends nothing more", async () => {
    const reference = await fileWithEmail("waiting@example.com");
    expect(await acknowledge(reference, later(10))).toEqual({ ok: true });
    expect(await acknowledge(reference, later(11))).toEqual({ ok: false, reason: "already_acknowledged" });
    const queued = await t.db
      .selectFrom("email_outbox")
      .innerJoin("cases", "cases.id", "email_outbox.case_id")
      .select("email_outbox.id")
      .where("cases.reference", "=", reference)
      .where("email_outbox.template", "=", "acknowledged")
      .execute();
    expect(queued).toHaveLength(1);
    // Once the server takes the one email, the acknowledgement is done.
    await deliverDueEmails({ db: t.db, transport: transport(), from: FROM, now: later(12) });
    expect((await acknowledgementClock(reference)).state).toBe("met");
  });

  it("a permanent refusal leaves the clock owed and asks staff to call", async () => {
    const reference = await fileWithEmail("refused@example.com");
    expect(await acknowledge(reference, later(20))).toEqual({ ok: true });
    smtp.refuseWith(550);
    try {
      const result = await deliverDueEmails({ db: t.db, transport: transport(), from: FROM, now: later(21) });
      expect(result).toEqual({ sent: 0, failed: 1 });
    } finally {
      smtp.refuseWith(null);
    }
    const clock = await acknowledgementClock(reference);
    expect(clock.met_at).toBeNull();
    expect(clock.state).toBe("running");
    expect(clock.call_filer_since).toBe(later(21).toISOString());
    expect(await timeline(reference)).toContain("email_undeliverable");
  });

  it("a bounce reported after the server accepted undoes the acknowledgement and asks staff to call", async () => {
    const reference = await fileWithEmail("bounced@example.com");
    expect(await acknowledge(reference, later(40))).toEqual({ ok: true });
    const acceptedAt = later(41);
    await acceptAllAt(acceptedAt);
    expect((await acknowledgementClock(reference)).state).toBe("met");
    const dueBefore = (await acknowledgementClock(reference)).next_due_at;

    const email = await acknowledgementEmail(reference);
    const bouncedAt = later(90);
    expect(
      await markUndeliverable({ db: t.db, outboxId: email.id, detail: "550 5.1.1 User unknown", now: bouncedAt }),
    ).toBe(true);

    const clock = await acknowledgementClock(reference);
    expect(clock.met_at).toBeNull();
    expect(clock.state).toBe("running");
    expect(clock.call_filer_since).toBe(bouncedAt.toISOString());
    // The acknowledgement is owed again: the queue sorts the case by its due time.
    expect(clock.next_due_at).not.toBe(dueBefore);
    expect(clock.next_due_at).not.toBeNull();
  });

  it("a bounce reported after the acknowledgement's deadline leaves it overdue, dated at the deadline", async () => {
    const reference = await fileWithEmail("late-bounce@example.com");
    expect(await acknowledge(reference, later(50))).toEqual({ ok: true });
    const acceptedAt = later(51);
    await acceptAllAt(acceptedAt);
    const email = await acknowledgementEmail(reference);
    // Ten days on, well past the two-business-day acknowledgement.
    await markUndeliverable({ db: t.db, outboxId: email.id, detail: "5.1.1", now: later(10 * 24 * 60) });
    const clock = await acknowledgementClock(reference);
    expect(clock.state).toBe("breached");
    expect(clock.met_at).toBeNull();
    expect(clock.breached_at).toBe(clock.due_at);
  });
});
