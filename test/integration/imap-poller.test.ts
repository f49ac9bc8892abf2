import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "recourse-imap-"));
process.env.ATTACHMENTS_DIR = dir;
process.env.REPLY_TOKEN_SECRET = "imap-test-secret-0123456789abcdef";
process.env.PUBLIC_URL = "https://recourse.test";

import { ImapFlow } from "imapflow";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startImapPoller, type ImapPoller, type PollRound } from "../../app/services/imap-poller.server";
import { startTestDovecot, type TestDovecot } from "../fixtures/dovecot";
import { fileAndReadReplyTo } from "../fixtures/reply-address";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

const SECRET = process.env.REPLY_TOKEN_SECRET!;
const NOW = new Date("2026-11-23T15:00:00Z");
const PROCESSED = "Recourse/Processed";
const REFUSED = "Recourse/Refused";

let t: TestDatabase;
let outgoing: TestSmtp;
let dovecot: TestDovecot;
let poller: ImapPoller;
const rounds: PollRound[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  outgoing = await startTestSmtp();
  dovecot = await startTestDovecot();
  poller = startImapPoller({
    db: t.db,
    url: dovecot.url,
    // Rounds in these tests are run with pollNow; the timer's own round would come after the tests.
    intervalMs: 3_600_000,
    processedFolder: PROCESSED,
    refusedFolder: REFUSED,
    maxBytes: 25 * 1024 * 1024,
    settings: { secret: SECRET },
    onRound: (r) => rounds.push(r),
  });
  // The round the poller runs at start, on an empty mailbox.
  await poller.pollNow();
});
afterAll(async () => {
  await poller.stop();
  await dovecot.cleanup();
  await outgoing.stop();
  await t.cleanup();
});

/** Signs in to the test mailbox as the SSM's own mail client would. */
async function signIn(): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  return client;
}

/** A person's mail client (or Microsoft 365 delivering) puts a message in the mailbox. */
async function appendToInbox(message: Mail.Options, folder = "INBOX"): Promise<void> {
  const raw = await new MailComposer({ from: "jordan@example.com", ...message }).compile().build();
  const client = await signIn();
  try {
    await client.append(folder, raw);
  } finally {
    await client.logout();
  }
}

/** How many messages each folder holds, as the SSM would see them in Outlook. */
async function folderCounts(): Promise<Record<string, number>> {
  const client = await signIn();
  try {
    const counts: Record<string, number> = {};
    for (const folder of ["INBOX", PROCESSED, REFUSED]) {
      const status = await client.status(folder, { messages: true });
      counts[folder] = (status && status.messages) || 0;
    }
    return counts;
  } finally {
    await client.logout();
  }
}

async function filerMessages(caseId: number) {
  return t.db
    .selectFrom("case_events")
    .select(["body", "data_json"])
    .where("case_id", "=", caseId)
    .where("type", "=", "filer_info")
    .execute();
}

describe("the IMAP poller brings replies from an SSM's mailbox onto the case (issue #20)", () => {
  it("a filer's reply in INBOX lands on the case once and moves to the processed folder; a replay adds nothing", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo({ db: t.db, outgoing, secret: SECRET, now: NOW });
    const start = await folderCounts();
    const reply = {
      to: replyTo,
      subject: "Re: We received your complaint",
      messageId: "<imap-reply-once@example.com>",
      text: "The office was on King Street.\n\nOn Mon, Nov 23, 2026 at 10:00 AM Recourse wrote:\n> We received your complaint",
    };
    await appendToInbox(reply);
    const first = await poller.pollNow();
    expect(first.error).toBeUndefined();
    expect(first.handled).toEqual([expect.objectContaining({ kind: "added", caseId })]);
    const messages = await filerMessages(caseId);
    expect(messages.map((m) => m.body)).toEqual(["The office was on King Street."]);
    expect(JSON.parse(messages[0]!.data_json ?? "{}")).toEqual({ via: "email" });
    expect(await folderCounts()).toEqual({
      INBOX: 0,
      [PROCESSED]: start[PROCESSED]! + 1,
      [REFUSED]: start[REFUSED]!,
    });

    await appendToInbox(reply);
    const replay = await poller.pollNow();
    expect(replay.handled).toEqual([{ kind: "duplicate" }]);
    expect(await filerMessages(caseId)).toHaveLength(1);
    expect((await folderCounts())[PROCESSED]).toBe(start[PROCESSED]! + 2);
  });

  it("a reply the mailbox's owner already opened (marked read) is still picked up", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo({ db: t.db, outgoing, secret: SECRET, now: NOW });
    const raw = await new MailComposer({
      from: "jordan@example.com",
      to: replyTo,
      messageId: "<imap-read@example.com>",
      text: "Read in Outlook first.",
    })
      .compile()
      .build();
    const client = await signIn();
    await client.append("INBOX", raw, ["\\Seen"]);
    await client.logout();
    expect((await poller.pollNow()).handled).toEqual([expect.objectContaining({ kind: "added", caseId })]);
    expect((await filerMessages(caseId)).map((m) => m.body)).toEqual(["Read in Outlook first."]);
  });

  it("a forged token goes to the review list, never onto a case", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo({ db: t.db, outgoing, secret: SECRET, now: NOW });
    const forged = replyTo.replace(
      /-([a-z2-7]{24})@/,
      (_m, mac: string) => `-${mac.startsWith("a") ? "b" : "a"}${mac.slice(1)}@`,
    );
    await appendToInbox({ to: forged, text: "Forged by IMAP", messageId: "<imap-forged@example.com>" });
    expect((await poller.pollNow()).handled).toEqual([{ kind: "review", reason: "forged" }]);
    expect(await filerMessages(caseId)).toHaveLength(0);
    const review = await t.db
      .selectFrom("inbound_messages")
      .select(["case_id", "channel"])
      .where("body_text", "=", "Forged by IMAP")
      .executeTakeFirstOrThrow();
    expect(review).toEqual({ case_id: null, channel: "imap" });
    expect((await folderCounts()).INBOX).toBe(0);
  });

  it("a reply with a file a case refuses goes to the refused folder, not onto the case, and is not deleted", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo({ db: t.db, outgoing, secret: SECRET, now: NOW });
    const start = await folderCounts();
    await appendToInbox({
      to: replyTo,
      text: "Here is a program.",
      messageId: "<imap-exe@example.com>",
      attachments: [
        {
          filename: "run.exe",
          content: Buffer.from("MZ\x90\x00 not a document"),
          contentType: "application/octet-stream",
        },
      ],
    });
    expect((await poller.pollNow()).handled).toEqual([{ kind: "refused", reason: "type" }]);
    expect(await filerMessages(caseId)).toHaveLength(0);
    expect(await folderCounts()).toEqual({ ...start, [REFUSED]: start[REFUSED]! + 1 });
  });

  it("keeps going when the IMAP server stops and comes back: the reply waiting meanwhile lands once", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo({ db: t.db, outgoing, secret: SECRET, now: NOW });
    await appendToInbox({
      to: replyTo,
      text: "Sent while the server was down.",
      messageId: "<imap-outage@example.com>",
    });
    await dovecot.stop();
    const down = await poller.pollNow();
    expect(down.error).toBeDefined();
    expect(down.handled).toEqual([]);
    expect(await filerMessages(caseId)).toHaveLength(0);

    await dovecot.start();
    const back = await poller.pollNow();
    expect(back.error).toBeUndefined();
    expect(back.handled).toEqual([expect.objectContaining({ kind: "added", caseId })]);
    expect((await filerMessages(caseId)).map((m) => m.body)).toEqual(["Sent while the server was down."]);
    expect(rounds.at(-1)).toBe(back);
  });

  it("polls on its own from start-up, and after stop() it touches the mailbox no more", async () => {
    const { replyTo, caseId } = await fileAndReadReplyTo({ db: t.db, outgoing, secret: SECRET, now: NOW });
    await appendToInbox({ to: replyTo, text: "Picked up at start.", messageId: "<imap-startup@example.com>" });
    let firstRound: (r: PollRound) => void = () => {};
    const roundSeen = new Promise<PollRound>((resolve) => (firstRound = resolve));
    const own = startImapPoller({
      db: t.db,
      url: dovecot.url,
      intervalMs: 3_600_000,
      processedFolder: PROCESSED,
      refusedFolder: REFUSED,
      maxBytes: 25 * 1024 * 1024,
      settings: { secret: SECRET },
      onRound: (r) => firstRound(r),
    });
    expect((await roundSeen).handled).toEqual([expect.objectContaining({ kind: "added", caseId })]);
    await own.stop();
    await appendToInbox({ to: replyTo, text: "After shutdown.", messageId: "<imap-after-stop@example.com>" });
    expect(await own.pollNow()).toEqual({ handled: [] });
    expect((await folderCounts()).INBOX).toBe(1);
    expect((await filerMessages(caseId)).map((m) => m.body)).toEqual(["Picked up at start."]);
  });
});
