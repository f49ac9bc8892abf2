import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/services/audit-verify.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { startBuiltServer, type BuiltServer } from "../fixtures/built-server";
import { createStaff, sampleComplaint } from "../fixtures/people";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #8: three instances of the built server on one database (a SQLite file, or PostgreSQL under
// `npm run test:pg`), each running its clock sweep every second and its outbox worker every 200 ms.
// Complaints filed two months ago have missed every deadline: the instances race to breach the
// clocks, escalate the cases, and send the mail. Each case must escalate once and each email arrive
// once, whichever instance did the work.

const CASES = 24;
const INSTANCES = 3;
let t: TestDatabase;
let smtp: TestSmtp;
const servers: BuiltServer[] = [];
const caseIds: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
  await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager", email: "manager@hamilton.test" });
  const longAgo = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000);
  for (let i = 0; i < CASES; i++) {
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ email: `filer${i}@example.org` }),
      now: longAgo,
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    caseIds.push(filed.caseId);
  }
  const env = {
    DATABASE_URL: t.url,
    SEED_DEMO: "false",
    NODE_ENV: "production",
    SMTP_URL: smtp.url,
    SWEEP_INTERVAL_MS: "1000",
    OUTBOX_INTERVAL_MS: "200",
    ATTACHMENTS_DIR: `${t.path}-attachments`,
  };
  // Every server that starts is kept for afterAll to stop, even when another fails to start.
  const started = await Promise.allSettled(Array.from({ length: INSTANCES }, () => startBuiltServer(env, 60_000)));
  for (const outcome of started) if (outcome.status === "fulfilled") servers.push(outcome.value);
  const failed = started.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
});

afterAll(async () => {
  for (const server of servers) server.child.kill("SIGTERM");
  await Promise.all(servers.map((s) => s.exited));
  await smtp?.stop();
  await t?.cleanup();
});

async function settled(): Promise<boolean> {
  const open = await t.db.selectFrom("email_outbox").select("id").where("status", "!=", "sent").execute();
  const escalated = await t.db
    .selectFrom("cases")
    .select("id")
    .where("id", "in", caseIds)
    .where("level", "=", 2)
    .execute();
  return open.length === 0 && escalated.length === CASES;
}

describe("three instances on one database", () => {
  it("escalate each overdue case once and send each email once", async () => {
    const deadline = Date.now() + 120_000;
    while (!(await settled())) {
      if (Date.now() > deadline)
        throw new Error(`not settled in 120 s:\n${servers.map((s) => s.output()).join("\n---\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // One more round of every instance, to catch anything sent or escalated twice late.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    for (const caseId of caseIds) {
      const escalations = await t.db
        .selectFrom("case_events")
        .select("id")
        .where("case_id", "=", caseId)
        .where("type", "=", "escalated")
        .execute();
      expect(escalations, `case ${caseId}`).toHaveLength(1);
      const levelTwoClocks = await t.db
        .selectFrom("case_clocks")
        .select("id")
        .where("case_id", "=", caseId)
        .where("kind", "=", "decision")
        .where("level", "=", 2)
        .execute();
      expect(levelTwoClocks, `case ${caseId}`).toHaveLength(1);
    }

    const outbox = await t.db.selectFrom("email_outbox").select(["dedupe_key", "attempts"]).execute();
    // Filing confirmations, overdue alerts and escalation notices, for every case.
    expect(outbox.length).toBeGreaterThanOrEqual(CASES * 3);
    const received = smtp.messages.map((m) => m.messageId);
    expect(new Set(received).size).toBe(received.length);
    expect(received).toHaveLength(outbox.length);
    expect(outbox.every((e) => e.attempts === 1)).toBe(true);
    expect(
      smtp.messages
        .filter((m) => m.to && !Array.isArray(m.to) && m.to.text === "filer0@example.org")
        .map((m) => m.subject).length,
    ).toBeGreaterThanOrEqual(2);

    // Three writers appended to one audit chain: still one unbroken chain.
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
