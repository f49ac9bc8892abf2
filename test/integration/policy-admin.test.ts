import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyInputSchema } from "../../app/domain/policy-input";
import { fileClientComplaint } from "../../app/services/filing.server";
import { policyAdminView, publishPolicyVersion } from "../../app/services/policy-admin.server";
import { publishedProcess } from "../../app/services/public-areas.server";
import type { SessionUser } from "../../app/services/auth.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

let t: TestDatabase;
let manager: SessionUser;
let staff: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  manager = await createStaff(t.db, { areaSlug: "london", role: "ssm_manager" });
  staff = await createStaff(t.db, { areaSlug: "london" });
});
afterAll(async () => t.cleanup());

const raw = (overrides: Record<string, string> = {}) => ({
  effectiveFrom: "2026-12-01",
  timeZone: "America/Toronto",
  acknowledgeDays: "1",
  firstResponseDays: "3",
  decisionDays1: "15",
  decisionDays2: "20",
  decisionDays3: "30",
  recourseWindowDays: "10",
  civic_holiday: "on",
  extraClosures: "2027-01-04\n2026-12-31",
  ...overrides,
});
const form = (overrides: Record<string, string> = {}) => policyInputSchema.parse(raw(overrides));

describe("an SSM manager's policy", () => {
  it("publishes a new version from a date on; cases keep the version they were filed under", async () => {
    const before = await fileClientComplaint({ db: t.db, complaint: sampleComplaint({ area: "london" }), now: NOW });
    expect(await publishPolicyVersion({ db: t.db, user: manager, policy: form(), now: NOW })).toEqual({
      ok: true,
      version: 2,
    });

    // Until December 1st the process page still promises version 1's times.
    const nov = await publishedProcess({ db: t.db, areaSlug: "london", now: NOW });
    expect([nov?.policy.version, nov?.policy.policy.acknowledgeDays]).toEqual([1, 2]);
    const dec = await publishedProcess({ db: t.db, areaSlug: "london", now: new Date("2026-12-01T15:00:00Z") });
    expect([
      dec?.policy.version,
      dec?.policy.policy.acknowledgeDays,
      dec?.policy.policy.levels[0]?.decisionDays,
    ]).toEqual([2, 1, 15]);
    expect(dec?.policy.policy.calendar.optionalClosures).toEqual(["civic_holiday"]);
    expect(dec?.policy.policy.calendar.extraClosures).toEqual(["2026-12-31", "2027-01-04"]);

    // A case filed on December 1st runs on version 2: acknowledged within 1 business day.
    const after = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ area: "london" }),
      now: new Date("2026-12-01T15:00:00Z"),
    });
    if (before.kind !== "filed" || after.kind !== "filed") throw new Error("not filed");
    const rows = await t.db
      .selectFrom("cases")
      .innerJoin("policies", "policies.id", "cases.policy_id")
      .select(["cases.reference", "policies.version"])
      .where("cases.area_slug", "=", "london")
      .orderBy("cases.id")
      .execute();
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    const ack = await t.db
      .selectFrom("case_clocks")
      .select("due_at")
      .where("case_id", "=", after.caseId)
      .where("kind", "=", "acknowledge")
      .executeTakeFirstOrThrow();
    expect(ack.due_at).toBe("2026-12-02T21:30:00.000Z");

    const view = await policyAdminView({ db: t.db, user: manager, now: NOW });
    expect(view?.versions.map((v) => v.version)).toEqual([2, 1]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "policy.published")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("extra closures push a deadline past the closed day", async () => {
    await publishPolicyVersion({
      db: t.db,
      user: manager,
      policy: form({ effectiveFrom: "2027-01-01", extraClosures: "2027-01-05" }),
      now: NOW,
    });
    // Monday 2027-01-04 10:00: acknowledge in 1 business day, but Tuesday the 5th is closed.
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ area: "london" }),
      now: new Date("2027-01-04T15:00:00Z"),
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    const ack = await t.db
      .selectFrom("case_clocks")
      .select("due_at")
      .where("case_id", "=", filed.caseId)
      .where("kind", "=", "acknowledge")
      .executeTakeFirstOrThrow();
    expect(ack.due_at).toBe("2027-01-06T21:30:00.000Z");
  });

  it("refuses a date in the past, a non-manager, and inconsistent times", async () => {
    expect(
      await publishPolicyVersion({ db: t.db, user: manager, policy: form({ effectiveFrom: "2026-11-01" }), now: NOW }),
    ).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.notBeforeToday",
      fields: { effectiveFrom: { key: "error.notBeforeToday" } },
    });
    expect(await publishPolicyVersion({ db: t.db, user: staff, policy: form(), now: NOW })).toMatchObject({
      ok: false,
      kind: "not-found",
    });
    expect(await policyAdminView({ db: t.db, user: staff, now: NOW })).toBeNull();
    const bad = policyInputSchema.safeParse(raw({ acknowledgeDays: "5", firstResponseDays: "3" }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toContain("error.firstAfterAck");
    const badDate = policyInputSchema.safeParse(raw({ extraClosures: "next tuesday" }));
    expect(badDate.error?.issues.map((i) => i.message)).toContain("error.dateList");
  });
});
