import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "recourse-inbound-"));
process.env.ATTACHMENTS_DIR = dir;
process.env.REPLY_TOKEN_SECRET = "inbound-test-secret-0123456789abcdef";
process.env.INBOUND_SMTP_PORT = "2525";
process.env.PUBLIC_URL = "https://recourse.test";

import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileClientComplaint } from "../../app/services/filing.server";
import { performFilerAction } from "../../app/services/filer-actions.server";
import { startInboundSmtp, type InboundSmtpListener } from "../../app/services/inbound-smtp.server";
import type { InboundResult } from "../../app/services/inbound-mail.server";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import { signToken } from "../../app/utils/reply-token.server";
import { createMailTransport } from "../../emails/transport";
import { sampleComplaint } from "../fixtures/people";
import { fileAndReadReplyTo as fileReplyAddressed } from "../fixtures/reply-address";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

const SECRET = process.env.REPLY_TOKEN_SECRET!;
const NOW = new Date("2026-11-23T15:00:00Z");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

let t: TestDatabase;
let outgoing: TestSmtp;
let listener: InboundSmtpListener;
type Handled = InboundResult | { kind: "refused"; code: number };
const waiting: ((r: Handled) => void)[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  outgoing = await startTestSmtp();
  listener = await startInboundSmtp({
    db: t.db,
    port: 0,
    host: "127.0.0.1",
    maxBytes: 25 * 1024 * 1024,
    settings: { secret: SECRET },
    onHandled: (r) => waiting.shift()?.(r),
  });
});
afterAll(async () => {
  await listener.stop();
  await outgoing.stop();
  await t.cleanup();
});

/** Sends one message to the listener as a mail server would, and waits until it is handled. */
async function deliver(message: SendMailOptions): Promise<Handled> {
  let handled: Handled | undefined;
  waiting.push((r) => (handled = r));
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  });
  // The listener reports before it answers the DATA command, so once the send settles the result is known.
  const error = await transport.sendMail({ from: "jordan@example.com", ...message }).then(
    () => null,
    (e: { responseCode?: number }) => e,
  );
  if (!handled) throw new Error(`not handled by the listener: ${String(error)}`);
  if (handled.kind === "refused") expect(error?.responseCode).toBe(handled.code);
  return handled;
}

/** Files a complaint, sends its acknowledgement, and returns the Reply-To address the filer sees. */
const fileAndReadReplyTo = (email = "jordan@example.com") =>
  fileReplyAddressed({ db: t.db, outgoing, secret: SECRET, now: NOW, email });

async function filerMessages(caseId: number) {
  return t.db
    .selectFrom("case_events")
    .select(["body", "data_json"])
    .where("case_id", "=", caseId)
    .where("type", "=", "filer_info")
    .execute();
}

describe("replies by email land on the case (issue #20)", () => {
  it("an acknowledgement carries a reply address and says 'reply to this email', not 'do not reply'", async () => {
    const { mail, replyTo } = await fileAndReadReplyTo();
    expect(replyTo).toMatch(/^reply\+[a-z0-9-]+@replies\.recourse\.test$/);
    expect(mail.text).toContain("Reply to this email");
    expect(mail.text).not.toContain("do not reply");
  });

  it("a reply sent to the listener is on the case once, without the quoted history; a replay adds nothing", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo();
    const reply = {
      to: replyTo,
      subject: "Re: We received your complaint",
      messageId: "<reply-once@example.com>",
      text: "The office was on King Street.\n\nOn Mon, Nov 23, 2026 at 10:00 AM Recourse wrote:\n> We received your complaint",
    };
    expect(await deliver(reply)).toMatchObject({ kind: "added", caseId });
    expect(await deliver(reply)).toEqual({ kind: "duplicate" });
    const messages = await filerMessages(caseId);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toBe("The office was on King Street.");
    expect(JSON.parse(messages[0]!.data_json ?? "{}")).toEqual({ via: "email" });
  });

  it("a forged or missing token goes to the review list, never onto a case, and the sender learns nothing", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo();
    const forged = replyTo.replace(
      /-([a-z2-7]{24})@/,
      (_m, mac: string) => `-${mac.startsWith("a") ? "b" : "a"}${mac.slice(1)}@`,
    );
    const other = signToken({
      secret: "another-secret-0123456789abcdefghij",
      purpose: "reply",
      id: caseId,
      expiresAt: new Date("2030-01-01"),
    });
    expect(await deliver({ to: forged, text: "Forged one", messageId: "<forged-1@example.com>" })).toEqual({
      kind: "review",
      reason: "forged",
    });
    expect(
      await deliver({
        to: `reply+${other}@replies.recourse.test`,
        text: "Other secret",
        messageId: "<forged-2@example.com>",
      }),
    ).toEqual({ kind: "review", reason: "forged" });
    expect(
      await deliver({ to: "someone@replies.recourse.test", text: "No token", messageId: "<missing@example.com>" }),
    ).toEqual({ kind: "review", reason: "missing" });
    expect(await filerMessages(caseId)).toHaveLength(0);
    const review = await t.db
      .selectFrom("inbound_messages")
      .select(["case_id", "body_text"])
      .where("outcome", "=", "review")
      .execute();
    expect(review.map((r) => r.body_text).sort()).toEqual(["Forged one", "No token", "Other secret"]);
    expect(review.every((r) => r.case_id === null)).toBe(true);
  });

  it("a 20 MB attachment is refused in the SMTP conversation with the reason, as an upload would be", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo();
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024, 32)]);
    const result = await deliver({
      to: replyTo,
      text: "Here is the letter.",
      messageId: "<big@example.com>",
      attachments: [{ filename: "letter.pdf", content: big, contentType: "application/pdf" }],
    });
    expect(result).toEqual({ kind: "refused", code: 552 });
    expect(await filerMessages(caseId)).toHaveLength(0);
  });

  it("a small PDF attachment is added to the case with the message", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo();
    const result = await deliver({
      to: replyTo,
      text: "Here is the letter.",
      messageId: "<small@example.com>",
      attachments: [{ filename: "letter.pdf", content: PDF, contentType: "application/pdf" }],
    });
    expect(result).toMatchObject({ kind: "added", caseId });
    const files = await t.db.selectFrom("attachments").select("original_name").where("case_id", "=", caseId).execute();
    expect(files.map((f) => f.original_name)).toEqual(["letter.pdf"]);
  });

  it("an HTML-only reply keeps its text; its script is never stored", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo();
    await deliver({
      to: replyTo,
      messageId: "<html@example.com>",
      html: "<p>I called <b>twice</b>.</p><script>alert('x')</script><img src=x onerror=alert(1)>",
    });
    const [message] = await filerMessages(caseId);
    expect(message!.body).toContain("I called twice.");
    expect(message!.body).not.toMatch(/script|alert|onerror/);
    const stored = await t.db
      .selectFrom("inbound_messages")
      .select("body_text")
      .where("message_id", "=", "<html@example.com>")
      .executeTakeFirstOrThrow();
    expect(stored.body_text).not.toMatch(/script|alert|onerror/);
  });

  it("an auto-reply is recorded but not added, and nothing is sent back", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo();
    const before = outgoing.messages.length;
    for (const [i, headers] of [
      { "Auto-Submitted": "auto-replied" },
      { Precedence: "bulk" },
      { "X-Autoreply": "yes" },
    ].entries()) {
      expect(
        await deliver({ to: replyTo, text: "I am out of the office.", messageId: `<ooo-${i}@example.com>`, headers }),
      ).toEqual({ kind: "auto_reply" });
    }
    expect(await filerMessages(caseId)).toHaveLength(0);
    await deliverDueEmails({
      db: t.db,
      transport: createMailTransport({ smtpUrl: outgoing.url, mailDir: "unused" }),
      from: "x@recourse.test",
      now: NOW,
    });
    expect(outgoing.messages.length).toBe(before);
  });
});

async function callTask(caseId: number) {
  const row = await t.db
    .selectFrom("cases")
    .select("call_filer_since")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const events = await t.db
    .selectFrom("case_events")
    .select("visibility")
    .where("case_id", "=", caseId)
    .where("type", "=", "email_undeliverable")
    .execute();
  return { since: row.call_filer_since, events };
}

describe("bounces reach staff (issue #20)", () => {
  it("a delivery status notification to the bounce address marks the email undeliverable and raises a call task, once", async () => {
    const { mail, caseId } = await fileAndReadReplyTo("nobody@example.com");
    const bounceTo = (mail.headers.get("return-path") as { value?: { address?: string }[] } | undefined)?.value?.[0]
      ?.address;
    const outbox = await t.db
      .selectFrom("email_outbox")
      .select("id")
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    const envelope = signToken({ secret: SECRET, purpose: "bounce", id: outbox.id, expiresAt: new Date("2030-01-01") });
    const dsn = {
      from: "MAILER-DAEMON@mx.example.com",
      to: bounceTo ?? `bounce+${envelope}@replies.recourse.test`,
      subject: "Undelivered Mail Returned to Sender",
      messageId: "<dsn-1@mx.example.com>",
      headers: { "Auto-Submitted": "auto-replied" },
      text: "This is the mail system. The message could not be delivered.",
      attachments: [
        {
          contentType: "message/delivery-status",
          content:
            "Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; nobody@example.com\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n",
        },
      ],
    };
    // nodemailer cannot set multipart/report itself; the report part is what the service reads.
    const envelopeTo = `bounce+${envelope}@replies.recourse.test`;
    expect(await deliver({ ...dsn, envelope: { from: "", to: envelopeTo } })).toEqual({ kind: "bounce" });
    expect(await deliver({ ...dsn, envelope: { from: "", to: envelopeTo } })).toEqual({ kind: "duplicate" });
    const task = await callTask(caseId);
    expect(task.since).not.toBeNull();
    expect(task.events).toEqual([{ visibility: "internal" }]);
    expect(await filerMessages(caseId)).toHaveLength(0);
  });

  it("a permanent SMTP refusal of an email to the filer raises the call task at once", async () => {
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ email: "gone@example.com" }),
      now: NOW,
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    outgoing.refuseWith(550);
    try {
      await deliverDueEmails({
        db: t.db,
        transport: createMailTransport({ smtpUrl: outgoing.url, mailDir: "unused" }),
        from: "Recourse <no-reply@recourse.test>",
        now: NOW,
      });
    } finally {
      outgoing.refuseWith(null);
    }
    const row = await t.db
      .selectFrom("cases")
      .select("id")
      .where("reference", "=", filed.reference)
      .executeTakeFirstOrThrow();
    expect((await callTask(row.id)).since).not.toBeNull();
  });
});

describe("nothing after closing is lost (issue #20)", () => {
  it("a reply to a withdrawn case goes on its timeline and flags it for staff as a new message on a closed case", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo();
    expect(await performFilerAction({ db: t.db, caseId, command: { action: "withdraw" }, now: NOW })).toEqual({
      ok: true,
    });
    const later = await deliver({
      to: replyTo,
      text: "Actually, it happened again.",
      messageId: "<after-close@example.com>",
    });
    expect(later).toMatchObject({ kind: "added", caseId });
    expect((await filerMessages(caseId)).map((m) => m.body)).toEqual(["Actually, it happened again."]);
    const row = await t.db
      .selectFrom("cases")
      .select(["status", "message_after_close_at"])
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("withdrawn");
    expect(row.message_after_close_at).not.toBeNull();
  });
});
