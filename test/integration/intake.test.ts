import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { recordComplaintOnBehalf } from "../../app/services/intake.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

let t: TestDatabase;
let staff: SessionUser;
const NOW = new Date("2026-11-25T15:00:00Z"); // Wednesday 10:00 Toronto

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: "windsor-sarnia" });
});
afterAll(async () => t.cleanup());

describe("a complaint staff record on someone's behalf", () => {
  it("is filed in the staff member's SSM, with its channel, clocks from when it was really received", async () => {
    const result = await recordComplaintOnBehalf({
      db: t.db,
      user: staff,
      // The form's area is ignored: staff record for their own SSM only.
      complaint: sampleComplaint({ area: "toronto", email: undefined, phone: "519-555-0100" }),
      extras: { channel: "phone", receivedAt: "2026-11-23T10:00" }, // Monday, two days ago
      now: NOW,
    });
    if (result?.kind !== "filed") throw new Error(`not filed: ${JSON.stringify(result)}`);
    expect(result.reference).toMatch(/^WIN-2026-/);
    expect(result.emailedTo).toBeNull();
    const row = await t.db.selectFrom("cases").selectAll().where("id", "=", result.caseId).executeTakeFirstOrThrow();
    expect([row.area_slug, row.channel, row.received_at]).toEqual([
      "windsor-sarnia",
      "phone",
      "2026-11-23T15:00:00.000Z",
    ]);
    const ack = await t.db
      .selectFrom("case_clocks")
      .select("due_at")
      .where("case_id", "=", result.caseId)
      .where("kind", "=", "acknowledge")
      .executeTakeFirstOrThrow();
    expect(ack.due_at).toBe("2026-11-25T21:30:00.000Z"); // counted from Monday, not from today
    const filed = await t.db
      .selectFrom("case_events")
      .selectAll()
      .where("case_id", "=", result.caseId)
      .executeTakeFirstOrThrow();
    expect([filed.actor_kind, filed.actor_user_id]).toEqual(["staff", staff.id]);
    expect(
      await t.db.selectFrom("email_outbox").select("id").where("case_id", "=", result.caseId).execute(),
    ).toHaveLength(0);
  });

  it("sends the acknowledgement when the person gave an email", async () => {
    const result = await recordComplaintOnBehalf({
      db: t.db,
      user: staff,
      complaint: sampleComplaint({ email: "walkin@example.com" }),
      extras: { channel: "in_person", receivedAt: "2026-11-25T09:45" },
      now: NOW,
    });
    if (result?.kind !== "filed") throw new Error("not filed");
    expect(result.emailedTo).toBe("walkin@example.com");
  });

  it("refuses a time in the future or more than a year ago, and gives non-staff nothing", async () => {
    const at = (receivedAt: string) =>
      recordComplaintOnBehalf({
        db: t.db,
        user: staff,
        complaint: sampleComplaint(),
        extras: { channel: "mail", receivedAt },
        now: NOW,
      });
    expect(await at("2026-11-26T09:00")).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.future",
      fields: { receivedAt: { key: "error.future" } },
    });
    expect(await at("2024-11-01T09:00")).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.tooOld",
      fields: { receivedAt: { key: "error.tooOld" } },
    });
    expect(await at("2026-11-25T25:00")).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.dateTime",
      fields: { receivedAt: { key: "error.dateTime" } },
    });
    const analyst = { ...staff, role: "ministry_analyst" as const };
    expect(
      await recordComplaintOnBehalf({
        db: t.db,
        user: analyst,
        complaint: sampleComplaint(),
        extras: { channel: "mail", receivedAt: "2026-11-25T09:00" },
        now: NOW,
      }),
    ).toBeNull();
  });
});
