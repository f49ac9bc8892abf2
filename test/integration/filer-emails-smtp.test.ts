import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import type { SessionUser } from "../../app/services/auth.server";
import { formatLongDate } from "../../app/utils/format-date";
import { createMailTransport } from "../../emails/transport";
import { findAreaWithSsm } from "../../db/repositories/areas";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { unexplainedTerms } from "../support/client-words";

// Issue #19, "emails that work": every email to a filer names the SSM and its phone number (the
// one staff keep on admin.contacts), gives dates as dates ("ask for a review by January 7, 2027",
// never "15 business days"), and no time reads "a.m..". Issue #18: in a client's words. Asserted on
// the mail as a real SMTP server received and parsed it, in English and in French.

let t: TestDatabase;
let smtp: TestSmtp;
let staff: SessionUser;
const FROM = "Recourse <no-reply@recourse.test>";
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const PHONE = "905-546-2424 ext. 7777";

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  // The SSM's published phone, as staff set it on /admin/contacts.
  const area = await findAreaWithSsm(t.db, "hamilton-niagara");
  await t.db.updateTable("organizations").set({ contact_phone: PHONE }).where("id", "=", area!.ssm.id).execute();
});
afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

async function deliver(at: Date): Promise<void> {
  const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused" });
  await deliverDueEmails({ db: t.db, transport, from: FROM, now: at });
}

function mailAbout(reference: string, subject: string): ParsedMail {
  const mail = smtp.messages.find((m) => m.subject?.includes(reference) && m.subject.startsWith(subject));
  if (!mail)
    throw new Error(`no mail "${subject}" for ${reference}: ${smtp.messages.map((m) => m.subject).join(" | ")}`);
  return mail;
}

const WORDS = {
  en: {
    ssm: "Fedcap Canada",
    ack: "We received your complaint",
    ackDate: (d: string) => `We will confirm receipt by ${d}`,
    decision: "Decision on your complaint",
    review: (d: string) => `you can ask for a review by ${d}.`,
    outcome: "We agree with part of your complaint",
    explained: "is your Service System Manager, the organization that runs Employment Ontario services in your area",
  },
  fr: {
    ssm: "Fedcap Canada",
    ack: "Nous avons reçu votre plainte",
    ackDate: (d: string) => `Nous confirmerons la réception au plus tard le ${d}`,
    decision: "Décision sur votre plainte",
    review: (d: string) => `vous pouvez demander une révision au plus tard le ${d}.`,
    outcome: "Nous sommes d’accord avec une partie de votre plainte",
    explained: "est votre gestionnaire de système de services, l’organisme qui gère les services d’Emploi Ontario",
  },
} as const;

describe("emails to a filer, through a real SMTP server", () => {
  for (const language of ["en", "fr"] as const) {
    const w = WORDS[language];
    it(`(${language}) name the SSM and its phone, give dates as dates, and read in a client's words`, async () => {
      const filed = await fileClientComplaint({
        db: t.db,
        complaint: sampleComplaint({ language, email: `smtp-${language}@example.com` }),
        now: NOW,
      });
      if (filed.kind !== "filed") throw new Error("not filed");
      const act = async (command: Parameters<typeof performStaffAction>[0]["command"], at: Date) => {
        const row = await t.db
          .selectFrom("cases")
          .select("version")
          .where("id", "=", filed.caseId)
          .executeTakeFirstOrThrow();
        expect(
          await performStaffAction({
            db: t.db,
            user: staff,
            reference: filed.reference,
            expectedVersion: row.version,
            command,
            now: at,
          }),
        ).toEqual({ ok: true });
      };
      await act({ action: "acknowledge" }, later(1));
      await act({ action: "decide", outcome: "partly_upheld", reasons: "The office will call you." }, later(2));
      await deliver(later(3));

      const clocks = await t.db.selectFrom("case_clocks").selectAll().where("case_id", "=", filed.caseId).execute();
      const ackDue = clocks.find((c) => c.kind === "acknowledge")!.due_at;
      const row = await t.db.selectFrom("cases").selectAll().where("id", "=", filed.caseId).executeTakeFirstOrThrow();

      const ack = mailAbout(filed.reference, w.ack);
      expect(ack.text).toContain(w.ackDate(formatLongDate(ackDue, language)));
      const decision = mailAbout(filed.reference, w.decision);
      expect(decision.text).toContain(w.outcome);
      expect(decision.text).toContain(w.review(formatLongDate(row.recourse_deadline_at!, language)));

      const mails = smtp.messages.filter((m) => m.subject?.includes(filed.reference));
      expect(mails.length).toBeGreaterThanOrEqual(3); // received, acknowledged, decision
      for (const mail of mails) {
        const text = mail.text ?? "";
        expect(text, mail.subject).toContain(`${w.ssm} ${w.explained}`);
        expect(text, mail.subject).toContain(PHONE);
        expect(mail.html || "", mail.subject).toContain(PHONE);
        expect(text, mail.subject).not.toMatch(/\d+ (business days|jours ouvrables)/);
        expect(text, mail.subject).not.toMatch(/(a\.m|p\.m)\.\./);
        expect(unexplainedTerms(`${mail.subject}\n${text}`, language), mail.subject).toEqual([]);
      }
    });
  }
});
