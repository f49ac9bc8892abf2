import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { staffCaseView } from "../../app/services/case-view.server";
import {
  fileProviderDispute,
  listProviderDisputes,
  providerDisputeAction,
  providerDisputeView,
} from "../../app/services/provider-disputes.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { insertUser } from "../../db/repositories/users";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createProvider, createStaff } from "../fixtures/people";

let t: TestDatabase;
let alice: SessionUser; // provider A
let bob: SessionUser; // provider B, same area
let staff: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");

async function providerUser(orgId: number, email: string): Promise<SessionUser> {
  const id = await insertUser(t.db, {
    email,
    display_name: email.split("@")[0]!,
    password_hash: "x",
    role: "provider_user",
    organization_id: orgId,
    language: "en",
    disabled_at: null,
    created_at: NOW.toISOString(),
  });
  return {
    id,
    email,
    display_name: email.split("@")[0]!,
    role: "provider_user",
    organization_id: orgId,
    language: "en",
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  alice = await providerUser(await createProvider(t.db, "hamilton-niagara", "Alpha Jobs"), "alice@alpha.example");
  bob = await providerUser(await createProvider(t.db, "hamilton-niagara", "Beta Careers"), "bob@beta.example");
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
});
afterAll(async () => t.cleanup());

const dispute = {
  area: "hamilton-niagara",
  category: "referrals" as const,
  description: "Referrals stopped.",
  outcomeWanted: "Resume them.",
};

describe("provider disputes", () => {
  it("are raised with the SSM of an area the provider serves, with clocks and an acknowledgement", async () => {
    const filed = await fileProviderDispute({ db: t.db, user: alice, dispute, now: NOW });
    if (filed?.kind !== "filed") throw new Error("not filed");
    const row = await t.db.selectFrom("cases").selectAll().where("id", "=", filed.caseId).executeTakeFirstOrThrow();
    expect([row.kind, row.channel, row.category, row.filer_email]).toEqual([
      "provider_dispute",
      "provider_portal",
      "referrals",
      "alice@alpha.example",
    ]);
    const ssm = await t.db
      .selectFrom("organizations")
      .select("id")
      .where("slug", "=", "ssm-hamilton-niagara")
      .executeTakeFirstOrThrow();
    expect(row.respondent_org_id).toBe(ssm.id);
    const mail = await t.db
      .selectFrom("email_outbox")
      .selectAll()
      .where("case_id", "=", filed.caseId)
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(`/disputes/${filed.reference}`);
    expect(mail.text_body).not.toContain("access code");
    // SSM staff see it in their case view like any other case.
    expect((await staffCaseView({ db: t.db, user: staff, reference: filed.reference, now: NOW }))?.case.kind).toBe(
      "provider_dispute",
    );
  });

  it("cannot be raised in an area the provider does not serve", async () => {
    expect(
      await fileProviderDispute({ db: t.db, user: alice, dispute: { ...dispute, area: "ottawa" }, now: NOW }),
    ).toEqual({ ok: false, kind: "invalid", reason: "error.choose", fields: { area: { key: "error.choose" } } });
  });

  it("are seen and acted on only by the provider that raised them", async () => {
    const filed = await fileProviderDispute({ db: t.db, user: alice, dispute, now: NOW });
    if (filed?.kind !== "filed") throw new Error("not filed");
    expect(
      (await providerDisputeView({ db: t.db, user: alice, reference: filed.reference, now: NOW }))?.reference,
    ).toBe(filed.reference);
    expect(await providerDisputeView({ db: t.db, user: bob, reference: filed.reference, now: NOW })).toBeNull();
    expect(
      await providerDisputeAction({
        db: t.db,
        user: bob,
        reference: filed.reference,
        command: { action: "withdraw" },
        now: NOW,
      }),
    ).toBeNull();
    expect((await listProviderDisputes({ db: t.db, user: bob }))?.disputes).toEqual([]);
    expect((await listProviderDisputes({ db: t.db, user: alice }))?.disputes.map((d) => d.reference)).toContain(
      filed.reference,
    );
    // Staff are not providers: the provider pages give them nothing.
    expect(await listProviderDisputes({ db: t.db, user: staff })).toBeNull();
  });

  it("lets the provider add information and ask for recourse after a decision", async () => {
    const filed = await fileProviderDispute({ db: t.db, user: alice, dispute, now: NOW });
    if (filed?.kind !== "filed") throw new Error("not filed");
    const later = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
    expect(
      await providerDisputeAction({
        db: t.db,
        user: alice,
        reference: filed.reference,
        command: { action: "add_information", message: "Here is the referral log." },
        now: later(1),
      }),
    ).toEqual({ ok: true });
    await performStaffAction({
      db: t.db,
      user: staff,
      reference: filed.reference,
      expectedVersion: 1,
      command: { action: "acknowledge" },
      now: later(2),
    });
    await performStaffAction({
      db: t.db,
      user: staff,
      reference: filed.reference,
      expectedVersion: 2,
      command: { action: "decide", outcome: "not_upheld", reasons: "Referrals paused for a system change." },
      now: later(3),
    });
    expect(
      await providerDisputeAction({
        db: t.db,
        user: alice,
        reference: filed.reference,
        command: { action: "request_recourse", reasons: "We were not told." },
        now: later(4),
      }),
    ).toEqual({ ok: true });
    const view = await providerDisputeView({ db: t.db, user: alice, reference: filed.reference, now: later(5) });
    expect([view?.level, view?.status]).toEqual([2, "in_review"]);
    const events = await t.db
      .selectFrom("case_events")
      .select(["type", "actor_user_id"])
      .where("case_id", "=", filed.caseId)
      .where("type", "=", "filer_info")
      .execute();
    expect(events).toEqual([{ type: "filer_info", actor_user_id: alice.id }]);
  });
});
