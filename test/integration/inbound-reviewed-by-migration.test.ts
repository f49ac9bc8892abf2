import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, type DB } from "../../db/client";
import type { SchemaFreeDb } from "../../db/dialect";
import { databaseMigratedTo } from "../fixtures/migrated-to";

// Migration 0026 (issue #20) gives inbound_messages.reviewed_by its foreign key to users, which
// 0018 left off after an SQLite foreign-key failure: the failing test had marked mail reviewed by a
// made-up user id (1, in a database with no users). Every row is kept; a "reviewed by" naming
// nobody (only such a test could write one) is cleared, its "reviewed at" kept.

let db: DB;
let cleanup: () => Promise<void>;
let officerId: number;

beforeAll(async () => {
  ({ db, cleanup } = await databaseMigratedTo("0021_survey_review_tasks"));
  const old = db as unknown as SchemaFreeDb;
  const ssm = await old.selectFrom("organizations").select("id").where("kind", "=", "ssm").executeTakeFirstOrThrow();
  officerId = (
    await old
      .insertInto("users")
      .values({
        email: "officer@example.org",
        display_name: "Officer",
        password_hash: "x",
        role: "ssm_staff",
        organization_id: ssm.id,
        language: "en",
        disabled_at: null,
        created_at: "2026-06-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id as number;
  const message = (n: number, reviewedBy: number | null) => ({
    message_id: `<m${n}@example.com>`,
    received_at: "2026-06-02T00:00:00.000Z",
    channel: "smtp",
    outcome: "review",
    reason: "forged",
    organization_id: ssm.id,
    from_address: "someone@example.com",
    subject: `Message ${n}`,
    body_text: "Hello",
    reviewed_at: reviewedBy === null ? null : "2026-06-03T00:00:00.000Z",
    reviewed_by: reviewedBy,
  });
  await old
    .insertInto("inbound_messages")
    .values([message(1, officerId), message(2, officerId + 1000), message(3, null)])
    .execute();
  await migrateToLatest(db);
});
afterAll(async () => cleanup());

describe("migration 0026: inbound_messages.reviewed_by references users", () => {
  it("keeps every message, who reviewed it where that person exists, and when", async () => {
    const rows = await db
      .selectFrom("inbound_messages")
      .select(["message_id", "reviewed_at", "reviewed_by", "subject"])
      .orderBy("message_id")
      .execute();
    expect(rows).toEqual([
      {
        message_id: "<m1@example.com>",
        reviewed_at: "2026-06-03T00:00:00.000Z",
        reviewed_by: officerId,
        subject: "Message 1",
      },
      {
        message_id: "<m2@example.com>",
        reviewed_at: "2026-06-03T00:00:00.000Z",
        reviewed_by: null,
        subject: "Message 2",
      },
      { message_id: "<m3@example.com>", reviewed_at: null, reviewed_by: null, subject: "Message 3" },
    ]);
  });

  it("refuses a reviewer who is not a user, and keeps the Message-ID unique", async () => {
    await expect(
      db
        .updateTable("inbound_messages")
        .set({ reviewed_by: officerId + 5000 })
        .where("message_id", "=", "<m3@example.com>")
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    const row = await db
      .selectFrom("inbound_messages")
      .selectAll()
      .where("message_id", "=", "<m1@example.com>")
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = row;
    await expect(db.insertInto("inbound_messages").values(copy).execute()).rejects.toThrow(/unique|duplicate/i);
  });
});
