import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { sweepClocks } from "../../app/services/clock-sweep.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import {
  complaintForRespondent,
  complaintsAboutOwnProvider,
  performProviderStageAction,
  providerStageOverview,
} from "../../app/services/provider-stage.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import { insertPolicyVersion } from "../../db/repositories/policies";
import { insertUser } from "../../db/repositories/users";
import { createProvider, createStaff, sampleComplaint, viewAsFiler } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// The provider stage through the services on a real database (issue #17).

let t: TestDatabase;
let alpha: number;
let beta: number;
let alice: SessionUser; // Alpha Jobs
let bob: SessionUser; // Beta Careers, same area
let staff: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

async function providerUser(orgId: number, email: string): Promise<SessionUser> {
  const name = email.split("@")[0]!;
  const id = await insertUser(t.db, {
    email,
    display_name: name,
    password_hash: "x",
    role: "provider_user",
    organization_id: orgId,
    language: "en",
    disabled_at: null,
    created_at: NOW.toISOString(),
  });
  return { id, email, display_name: name, role: "provider_user", organization_id: orgId, language: "en" };
}

async function file(provider: number, share: "yes" | "no", name: string) {
  const filed = await fileClientComplaint({
    db: t.db,
    complaint: sampleComplaint({
      provider: String(provider),
      shareIdentity: share,
      name,
      email: `${name.toLowerCase()}@example.com`,
    }),
    now: NOW,
  });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}

async function caseRow(reference: string) {
  return t.db.selectFrom("cases").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestDatabase(NOW);
  alpha = await createProvider(t.db, "hamilton-niagara", "Alpha Jobs");
  beta = await createProvider(t.db, "hamilton-niagara", "Beta Careers");
  alice = await providerUser(alpha, "alice@alpha.example");
  bob = await providerUser(beta, "bob@beta.example");
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  await insertPolicyVersion(t.db, {
    areaSlug: "hamilton-niagara",
    effectiveFrom: "2026-11-01",
    policy: {
      ...DEFAULT_POLICY,
      providerStage: {
        referral: "always",
        responseDays: 10,
        reviewWindowDays: 10,
        silence: "close_resolved",
        staffCheck: false,
      },
    },
    createdBy: null,
    now: NOW.toISOString(),
  });
});
afterAll(async () => t.cleanup());

describe("the provider as respondent", () => {
  it("an 'always' policy refers a complaint about a named provider at filing, and tells the client", async () => {
    const filed = await file(alpha, "no", "Robin");
    const row = await caseRow(filed.reference);
    expect([row.status, row.level, row.identity_shared]).toEqual(["with_provider", 1, 0]);
    expect(row.provider_referred_at).not.toBeNull();
    const view = await viewAsFiler(t.db, filed.reference, filed.secret, NOW);
    expect(view?.providerAnswer?.step).toBe("awaiting_answer");
  });

  it("a provider sees only the complaints about itself, and who complained only with consent", async () => {
    const hidden = await file(alpha, "no", "Sam");
    const shared = await file(alpha, "yes", "Kim");
    const other = await file(beta, "yes", "Lee");
    const mine = (await complaintsAboutOwnProvider({ db: t.db, user: alice, now: NOW }))!.map((c) => c.reference);
    expect(mine).toEqual(expect.arrayContaining([hidden.reference, shared.reference]));
    expect(mine).not.toContain(other.reference);
    expect(await complaintForRespondent({ db: t.db, user: bob, reference: hidden.reference, now: NOW })).toBeNull();

    const factsOnly = await complaintForRespondent({ db: t.db, user: alice, reference: hidden.reference, now: NOW });
    expect(factsOnly?.complaint.client).toBeNull();
    expect(JSON.stringify(factsOnly)).not.toMatch(/Sam|sam@example\.com/);
    const named = await complaintForRespondent({ db: t.db, user: alice, reference: shared.reference, now: NOW });
    expect(named?.complaint.client).toMatchObject({ name: "Kim", email: "kim@example.com" });

    // Another provider cannot answer it either: the complaint does not exist for it.
    expect(
      await performProviderStageAction({
        db: t.db,
        acting: { kind: "provider", user: bob, reference: hidden.reference },
        command: { by: "provider", action: "answer", answer: "x", proposedResolution: null },
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
  });

  it("answered, not satisfied: the SSM decides at level 2 with the answer on file", async () => {
    const filed = await file(alpha, "no", "Ash");
    const answered = await performProviderStageAction({
      db: t.db,
      acting: { kind: "provider", user: alice, reference: filed.reference },
      command: { by: "provider", action: "answer", answer: "We rebooked you.", proposedResolution: "A new counsellor" },
      now: later(1),
    });
    expect(answered).toEqual({ ok: true });
    const seen = await viewAsFiler(t.db, filed.reference, filed.secret, later(1));
    expect(seen?.providerAnswer?.answer?.body).toBe("We rebooked you.");
    const mail = await t.db
      .selectFrom("email_outbox")
      .select("template")
      .where("case_id", "=", (await caseRow(filed.reference)).id)
      .execute();
    expect(mail.map((m) => m.template)).toEqual(
      expect.arrayContaining(["acknowledgement", "provider_stage_answer_ready"]),
    );

    const caseId = (await caseRow(filed.reference)).id;
    expect(
      await performProviderStageAction({
        db: t.db,
        acting: { kind: "client", caseId },
        command: { by: "client", action: "refuse", reasons: "Nothing changed." },
        now: later(2),
      }),
    ).toEqual({ ok: true });
    let row = await caseRow(filed.reference);
    expect([row.status, row.level]).toEqual(["in_review", 2]);
    const staffView = await staffCaseView({ db: t.db, user: staff, reference: filed.reference, now: later(2) });
    expect(staffView?.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["provider_answered", "client_refused_answer", "escalated"]),
    );
    await performStaffAction({
      db: t.db,
      user: staff,
      reference: filed.reference,
      expectedVersion: row.version,
      command: { action: "acknowledge" },
      now: later(2),
    });
    row = await caseRow(filed.reference);
    const decided = await performStaffAction({
      db: t.db,
      user: staff,
      reference: filed.reference,
      expectedVersion: row.version,
      command: { action: "decide", outcome: "upheld", reasons: "The provider must rebook." },
      now: later(3),
    });
    expect(decided).toEqual({ ok: true });
    expect((await caseRow(filed.reference)).status).toBe("decided");
  });

  it("a provider late on its clock hands the case to the SSM in the sweep, and the queue counts it", async () => {
    const filed = await file(beta, "no", "Pat");
    await sweepClocks({ db: t.db, now: later(30) });
    const row = await caseRow(filed.reference);
    expect([row.status, row.level]).toEqual(["in_review", 2]);
    const overview = await providerStageOverview({ db: t.db, user: staff, now: later(30) });
    expect(overview?.find((p) => p.providerId === beta)?.lateEver).toBeGreaterThanOrEqual(1);
  });
});
