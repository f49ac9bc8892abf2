import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { createMailTransport } from "../../emails/transport";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { sampleComplaint } from "../fixtures/people";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";

let t: TestDatabase;
let smtp: TestSmtp;
const FROM = "Recourse <no-reply@recourse.test>";
const NOW = new Date("2026-11-23T15:00:00Z");
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

async function outboxStatus() {
  return t.db.selectFrom("email_outbox").select(["id", "status", "attempts", "last_error"]).orderBy("id").execute();
}

describe("emails through a real SMTP server", () => {
  it("delivers the acknowledgement in the filer's language with the reference and no secret", async () => {
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ language: "fr", name: "Chloé Gagnon", email: "chloe@example.com" }),
      now: NOW,
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    const result = await deliverDueEmails({ db: t.db, transport, from: FROM, now: NOW });
    expect(result).toEqual({ sent: 1, failed: 0 });

    const mail = smtp.messages.find((m) => m.subject?.includes(filed.reference));
    expect(mail?.subject).toBe(`Nous avons reçu votre plainte ${filed.reference}`);
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("chloe@example.com");
    expect(mail?.headers.get("content-language")).toBe("fr");
    expect(mail?.text).toContain("Bonjour Chloé Gagnon");
    expect(mail?.text).toContain(`/status?reference=${filed.reference}`);
    expect(mail?.text).not.toContain(filed.secret);
    expect(mail?.html).toContain('lang="fr"');

    // Sent once: a second round finds nothing more to send.
    expect(await deliverDueEmails({ db: t.db, transport, from: FROM, now: minutes(1) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(smtp.messages.filter((m) => m.subject?.includes(filed.reference))).toHaveLength(1);
  });

  it("keeps an email through an SMTP outage and delivers it exactly once when the server is back", async () => {
    const down = await startTestSmtp();
    const port = down.port;
    await down.stop(); // nothing listens on this port now
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ email: "outage@example.com" }),
      now: NOW,
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: "unused" });

    const failed = await deliverDueEmails({ db: t.db, transport, from: FROM, now: NOW });
    expect(failed).toEqual({ sent: 0, failed: 1 });
    const row = (await outboxStatus()).at(-1)!;
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeTruthy();

    // Not retried before its back-off delay...
    expect(await deliverDueEmails({ db: t.db, transport, from: FROM, now: minutes(0.1) })).toEqual({
      sent: 0,
      failed: 0,
    });

    const back = await startTestSmtp(port);
    try {
      expect(await deliverDueEmails({ db: t.db, transport, from: FROM, now: minutes(5) })).toEqual({
        sent: 1,
        failed: 0,
      });
      expect(await deliverDueEmails({ db: t.db, transport, from: FROM, now: minutes(60) })).toEqual({
        sent: 0,
        failed: 0,
      });
      expect(back.messages.filter((m) => m.subject?.includes(filed.reference))).toHaveLength(1);
    } finally {
      await back.stop();
    }
  });

  it("dead-letters an email the server refuses permanently, and retries a temporary refusal", async () => {
    const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    smtp.refuseWith(451);
    await fileClientComplaint({ db: t.db, complaint: sampleComplaint({ email: "temp@example.com" }), now: NOW });
    await deliverDueEmails({ db: t.db, transport, from: FROM, now: NOW });
    expect((await outboxStatus()).at(-1)!.status).toBe("pending");

    smtp.refuseWith(550);
    await deliverDueEmails({ db: t.db, transport, from: FROM, now: minutes(10) });
    const dead = (await outboxStatus()).at(-1)!;
    expect(dead.status).toBe("dead");
    expect(dead.attempts).toBe(2);
    smtp.refuseWith(null);
  });
});
