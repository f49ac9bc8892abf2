import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { performFilerAction } from "../../app/services/filer-actions.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { createMailTransport } from "../../emails/transport";
import { createStaff, sampleComplaint } from "../fixtures/people";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #20: a message from the filer (on /status, by an email reply, from the provider portal)
// "notifies the assignee": the staff member the case is assigned to is emailed, in their language,
// through the outbox and a real SMTP server. An unassigned case has nobody to email: the queue shows it.

let t: TestDatabase;
let smtp: TestSmtp;
let english: SessionUser;
let french: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase(NOW);
  smtp = await startTestSmtp();
  english = await createStaff(t.db, { areaSlug: "hamilton-niagara", email: "officer.en@example.org" });
  french = await createStaff(t.db, { areaSlug: "hamilton-niagara", email: "agente.fr@example.org" });
  await t.db.updateTable("users").set({ language: "fr" }).where("id", "=", french.id).execute();
  french = { ...french, language: "fr" };
});
afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

async function fileAssignedTo(user: SessionUser | null) {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: NOW });
  if (filed.kind !== "filed") throw new Error("not filed");
  if (user) {
    const taken = await performStaffAction({
      db: t.db,
      user,
      reference: filed.reference,
      expectedVersion: 1,
      command: { action: "take" },
      now: NOW,
    });
    expect(taken).toEqual({ ok: true });
  }
  return filed;
}

async function send(now: Date) {
  await deliverDueEmails({
    db: t.db,
    transport: createMailTransport({ smtpUrl: smtp.url, mailDir: "unused" }),
    from: "Recourse <no-reply@recourse.test>",
    now,
  });
}

const to = (address: string) => smtp.messages.filter((m) => JSON.stringify(m.to).includes(address));

describe("a filer's message notifies the assignee", () => {
  it("a message on /status emails the assigned officer, once, with the case's reference and a link", async () => {
    const filed = await fileAssignedTo(english);
    const before = to(english.email).length;
    const added = await performFilerAction({
      db: t.db,
      caseId: filed.caseId,
      command: { action: "add_information", message: "I found the letter they sent me." },
      now: later(1),
    });
    expect(added).toEqual({ ok: true });
    await send(later(1));
    const mails = to(english.email).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(filed.reference);
    expect(mails[0]!.subject).toMatch(/new message/i);
    expect(mails[0]!.text).toContain(`/cases/${filed.reference}`);
    // The officer reads the message on the case: the email does not carry the filer's words.
    expect(mails[0]!.text).not.toContain("I found the letter");
  });

  it("an email reply emails a French officer in French, and says it came by email", async () => {
    const filed = await fileAssignedTo(french);
    await performFilerAction({
      db: t.db,
      caseId: filed.caseId,
      command: { action: "add_information", message: "Voici ma réponse.", via: "email" },
      now: later(2),
    });
    await send(later(2));
    const mails = to(french.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/nouveau message/i);
    expect(mails[0]!.text).toMatch(/par courriel/i);
  });

  it("a message on a closed case still reaches the assignee", async () => {
    const filed = await fileAssignedTo(english);
    const row = await t.db.selectFrom("cases").selectAll().where("id", "=", filed.caseId).executeTakeFirstOrThrow();
    await performFilerAction({ db: t.db, caseId: filed.caseId, command: { action: "withdraw" }, now: later(3) });
    expect(row.assignee_id).toBe(english.id);
    const before = to(english.email).length;
    await performFilerAction({
      db: t.db,
      caseId: filed.caseId,
      command: { action: "add_information", message: "Actually, one more thing." },
      now: later(4),
    });
    await send(later(4));
    const mails = to(english.email).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/closed/i);
  });

  it("a case nobody is assigned to emails nobody", async () => {
    const filed = await fileAssignedTo(null);
    const before = smtp.messages.length;
    await performFilerAction({
      db: t.db,
      caseId: filed.caseId,
      command: { action: "add_information", message: "Hello?" },
      now: later(5),
    });
    await send(later(5));
    const staffMail = smtp.messages.slice(before).filter((m) => JSON.stringify(m.to).includes("@example.org"));
    expect(staffMail).toEqual([]);
  });
});
