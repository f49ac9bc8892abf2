import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { clearCaseAttention } from "../../app/services/case-attention.server";
import { performFilerAction } from "../../app/services/filer-actions.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { fileProviderDispute, providerDisputeAction } from "../../app/services/provider-disputes.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { listCasesNeedingAttention } from "../../db/repositories/cases";
import { insertUser } from "../../db/repositories/users";
import { createProvider, createStaff, sampleComplaint } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Nothing after closing is lost (#20), whatever the channel: /status and the provider portal too.
let t: TestDatabase;
let staff: SessionUser;
let provider: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  const orgId = await createProvider(t.db, "hamilton-niagara", "Alpha Jobs");
  const email = "alice@alpha.example";
  const id = await insertUser(t.db, {
    email,
    display_name: "alice",
    password_hash: "x",
    role: "provider_user",
    organization_id: orgId,
    language: "en",
    disabled_at: null,
    created_at: NOW.toISOString(),
  });
  provider = { id, email, display_name: "alice", role: "provider_user", organization_id: orgId, language: "en" };
});
afterAll(async () => t.cleanup());

async function caseState(reference: string) {
  const row = await t.db
    .selectFrom("cases")
    .select(["id", "status", "version", "message_after_close_at", "call_filer_since"])
    .where("reference", "=", reference)
    .executeTakeFirstOrThrow();
  const messages = await t.db
    .selectFrom("case_events")
    .select(["body", "data_json"])
    .where("case_id", "=", row.id)
    .where("type", "=", "filer_info")
    .execute();
  return { ...row, messages };
}

async function fileComplaint() {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: NOW });
  if (filed.kind !== "filed") throw new Error("not filed");
  return { reference: filed.reference, id: (await caseState(filed.reference)).id };
}

describe("a message after closing, by any channel (issue #20)", () => {
  it("on /status, a message on a withdrawn case is accepted, on its timeline, and flags the case", async () => {
    const { reference, id } = await fileComplaint();
    await performFilerAction({ db: t.db, caseId: id, command: { action: "withdraw" }, now: NOW });
    const sent = await performFilerAction({
      db: t.db,
      caseId: id,
      command: { action: "add_information", message: "It happened again." },
      now: later(1),
    });
    expect(sent).toEqual({ ok: true });
    const state = await caseState(reference);
    expect(state.status).toBe("withdrawn");
    expect(state.message_after_close_at).toBe(later(1).toISOString());
    expect(state.messages.map((m) => m.body)).toEqual(["It happened again."]);
  });

  it("on /status, a message on a decided case flags it too", async () => {
    const { reference } = await fileComplaint();
    await performStaffAction({
      db: t.db,
      user: staff,
      reference,
      expectedVersion: 1,
      command: { action: "acknowledge" },
      now: later(1),
    });
    const decided = await performStaffAction({
      db: t.db,
      user: staff,
      reference,
      expectedVersion: 2,
      command: { action: "decide", outcome: "not_upheld", reasons: "No fault found." },
      now: later(2),
    });
    expect(decided).toMatchObject({ ok: true });
    const { id } = await caseState(reference);
    await performFilerAction({
      db: t.db,
      caseId: id,
      command: { action: "add_information", message: "I disagree." },
      now: later(3),
    });
    const state = await caseState(reference);
    expect(state.status).toBe("decided");
    expect(state.message_after_close_at).toBe(later(3).toISOString());
  });

  it("from the provider portal, a message on its withdrawn dispute is accepted and flags it", async () => {
    const filed = await fileProviderDispute({
      db: t.db,
      user: provider,
      dispute: { area: "hamilton-niagara", category: "referrals", description: "Stopped.", outcomeWanted: "Resume." },
      now: NOW,
    });
    if (filed?.kind !== "filed") throw new Error("not filed");
    const act = (command: Parameters<typeof providerDisputeAction>[0]["command"], now: Date) =>
      providerDisputeAction({ db: t.db, user: provider, reference: filed.reference, command, now });
    expect(await act({ action: "withdraw" }, NOW)).toEqual({ ok: true });
    expect(await act({ action: "add_information", message: "New facts." }, later(1))).toEqual({ ok: true });
    const state = await caseState(filed.reference);
    expect(state.message_after_close_at).toBe(later(1).toISOString());
    expect(state.messages.map((m) => m.body)).toEqual(["New facts."]);
  });
});

describe("staff mark a queue task dealt with (issue #20)", () => {
  it("clears the new-message flag from the case page, audited, and the queue no longer lists it", async () => {
    const { reference, id } = await fileComplaint();
    await performFilerAction({ db: t.db, caseId: id, command: { action: "withdraw" }, now: NOW });
    await performFilerAction({
      db: t.db,
      caseId: id,
      command: { action: "add_information", message: "One more thing." },
      now: later(1),
    });
    expect((await listCasesNeedingAttention(t.db, "hamilton-niagara")).map((r) => r.reference)).toContain(reference);
    const cleared = await clearCaseAttention({
      db: t.db,
      user: staff,
      reference,
      task: "message_after_close",
      note: "Read; nothing to reopen.",
      now: later(2),
    });
    expect(cleared).toEqual({ ok: true });
    expect((await caseState(reference)).message_after_close_at).toBeNull();
    expect((await listCasesNeedingAttention(t.db, "hamilton-niagara")).map((r) => r.reference)).not.toContain(
      reference,
    );
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("target_id", "=", reference)
      .where("action", "=", "case.attention_cleared")
      .execute();
    expect(audit).toHaveLength(1);
    // Twice is refused: nothing is open any more.
    expect(
      await clearCaseAttention({
        db: t.db,
        user: staff,
        reference,
        task: "message_after_close",
        note: null,
        now: later(3),
      }),
    ).toEqual({ ok: false, reason: "not_open" });
  });

  it("a provider user cannot clear a task on the SSM's case", async () => {
    const { reference, id } = await fileComplaint();
    await performFilerAction({ db: t.db, caseId: id, command: { action: "withdraw" }, now: NOW });
    await performFilerAction({ db: t.db, caseId: id, command: { action: "add_information", message: "x" }, now: NOW });
    expect(
      await clearCaseAttention({
        db: t.db,
        user: provider,
        reference,
        task: "message_after_close",
        note: null,
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect((await caseState(reference)).message_after_close_at).not.toBeNull();
  });
});
