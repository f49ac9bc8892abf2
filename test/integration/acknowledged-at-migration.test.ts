import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, type DB } from "../../db/client";
import type { SchemaFreeDb } from "../../db/dialect";
import { databaseMigratedTo } from "../fixtures/migrated-to";

// Migration 0027 (issue #18): cases.acknowledged_at, when staff took the acknowledge step, taken
// for existing cases from their first "acknowledged" timeline entry, so no case can be acknowledged
// (and emailed) twice after the upgrade; and email_outbox.meets_clock, empty on every old email.

let db: DB;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await databaseMigratedTo("0026_inbound_reviewed_by_fk"));
  const old = db as unknown as SchemaFreeDb;
  const policy = await old
    .selectFrom("policies")
    .select("id")
    .where("area_slug", "=", "durham")
    .executeTakeFirstOrThrow();
  const caseRow = (reference: string, status: string) => ({
    reference,
    area_slug: "durham",
    kind: "client_complaint",
    channel: "web",
    status,
    level: 1,
    filer_name: "Sam",
    filer_email: "sam@example.com",
    language: "en",
    accommodation_needed: 0,
    description: "d",
    outcome_wanted: "o",
    secret_hash: "x",
    policy_id: policy.id,
    received_at: "2026-06-02T14:00:00.000Z",
    version: 3,
    created_at: "2026-06-02T14:00:00.000Z",
    updated_at: "2026-06-02T14:00:00.000Z",
  });
  const ids = [];
  for (const [reference, status] of [
    ["DUR-2026-00001", "acknowledged"],
    ["DUR-2026-00002", "received"],
  ] as const) {
    ids.push(
      (await old.insertInto("cases").values(caseRow(reference, status)).returning("id").executeTakeFirstOrThrow())
        .id as number,
    );
  }
  const event = (caseId: number, type: string, at: string) => ({
    case_id: caseId,
    type,
    visibility: "public",
    actor_kind: "staff",
    level: 1,
    created_at: at,
  });
  await old
    .insertInto("case_events")
    .values([
      event(ids[0]!, "filed", "2026-06-02T14:00:00.000Z"),
      event(ids[0]!, "acknowledged", "2026-06-03T15:00:00.000Z"),
      event(ids[1]!, "filed", "2026-06-02T14:00:00.000Z"),
    ])
    .execute();
  await old
    .insertInto("email_outbox")
    .values({
      dedupe_key: "k1",
      case_id: ids[0]!,
      recipient: "sam@example.com",
      language: "en",
      template: "acknowledged",
      subject: "s",
      text_body: "t",
      html_body: "h",
      status: "sent",
      attempts: 1,
      next_attempt_at: "2026-06-03T15:00:00.000Z",
      created_at: "2026-06-03T15:00:00.000Z",
      sent_at: "2026-06-03T15:00:01.000Z",
    })
    .execute();
  await migrateToLatest(db);
});
afterAll(async () => cleanup());

describe("migration 0027: when staff acknowledged, and what an email meets", () => {
  it("dates each acknowledged case from its timeline, leaves the others open, and keeps every row", async () => {
    const cases = await db
      .selectFrom("cases")
      .select(["reference", "status", "version", "acknowledged_at"])
      .orderBy("reference")
      .execute();
    expect(cases).toEqual([
      { reference: "DUR-2026-00001", status: "acknowledged", version: 3, acknowledged_at: "2026-06-03T15:00:00.000Z" },
      { reference: "DUR-2026-00002", status: "received", version: 3, acknowledged_at: null },
    ]);
    const emails = await db.selectFrom("email_outbox").select(["template", "status", "meets_clock"]).execute();
    expect(emails).toEqual([{ template: "acknowledged", status: "sent", meets_clock: null }]);
  });
});
