import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, type DB } from "../../db/client";
import type { SchemaFreeDb } from "../../db/dialect";
import { databaseMigratedTo } from "../fixtures/migrated-to";

// Migration 0013 (issue #13) turns clocks into a history and repairs what the old rules wrote:
// data written by 0012's rules, migrated, must read as the new rules would have written it.

let db: DB;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await databaseMigratedTo("0012_queue_provider_index"));
});
afterAll(async () => cleanup());

async function oldCase(
  db: SchemaFreeDb,
  reference: string,
  status: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const policy = await db
    .selectFrom("policies")
    .select("id")
    .where("area_slug", "=", "hamilton-niagara")
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto("cases")
    .values({
      reference,
      area_slug: "hamilton-niagara",
      kind: "client_complaint",
      channel: "web",
      status,
      level: 1,
      filer_name: "Jordan Lee",
      language: "en",
      description: "d",
      outcome_wanted: "o",
      secret_hash: "x",
      policy_id: policy.id,
      received_at: "2026-06-01T14:00:00.000Z",
      created_at: "2026-06-01T14:00:00.000Z",
      updated_at: "2026-06-01T14:00:00.000Z",
      ...extra,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
type OldClock = {
  kind: string;
  level?: number;
  started_at: string;
  due_at: string;
  state: string;
  met_at?: string | null;
  breached_at?: string | null;
  reminded_at?: string | null;
  taken_business_days?: number | null;
};
async function oldClock(db: SchemaFreeDb, caseId: number, c: OldClock) {
  await db
    .insertInto("case_clocks")
    .values({ case_id: caseId, level: 1, paused_business_ms: 0, ...c })
    .execute();
}
async function oldEvent(db: SchemaFreeDb, caseId: number, type: string, createdAt: string) {
  await db
    .insertInto("case_events")
    .values({ case_id: caseId, type, visibility: "public", actor_kind: "staff", level: 1, created_at: createdAt })
    .execute();
}

describe("migration 0013: clocks as a history", () => {
  it("repairs breaches, finished cases and reopened decision clocks, and then allows a second clock per level", async () => {
    const anyDb = db as SchemaFreeDb;
    // A breach the sweep dated on October 2 for a deadline of September 30.
    const late = await oldCase(anyDb, "HAM-OLD-1", "in_review");
    await oldClock(anyDb, late, {
      kind: "acknowledge",
      started_at: "2026-09-28T14:00:00.000Z",
      due_at: "2026-09-30T20:30:00.000Z",
      state: "breached",
      breached_at: "2026-10-02T14:00:00.000Z",
    });
    // A withdrawn case still owing a missed acknowledgement.
    const withdrawn = await oldCase(anyDb, "HAM-OLD-2", "withdrawn", { next_due_at: "2026-06-03T20:30:00.000Z" });
    await oldClock(anyDb, withdrawn, {
      kind: "acknowledge",
      started_at: "2026-06-01T14:00:00.000Z",
      due_at: "2026-06-03T20:30:00.000Z",
      state: "breached",
      breached_at: "2026-06-05T14:00:00.000Z",
    });
    // Decided June 2, reopened September 1, decided September 2: one row kept the June start.
    const reopened = await oldCase(anyDb, "HAM-OLD-3", "decided");
    await oldClock(anyDb, reopened, {
      kind: "decision",
      started_at: "2026-06-01T14:00:00.000Z",
      due_at: "2026-09-29T20:30:00.000Z",
      state: "met",
      met_at: "2026-09-02T14:00:00.000Z",
      reminded_at: "2026-06-26T14:00:00.000Z",
      taken_business_days: 66,
    });
    await oldEvent(anyDb, reopened, "decided", "2026-06-02T14:00:00.000Z");
    await oldEvent(anyDb, reopened, "reopened", "2026-09-01T14:00:00.000Z");
    await oldEvent(anyDb, reopened, "decided", "2026-09-02T14:00:00.000Z");

    await migrateToLatest(db);

    const clocksOf = (caseId: number) =>
      db
        .selectFrom("case_clocks")
        .select(["kind", "state", "started_at", "due_at", "met_at", "breached_at", "taken_business_days"])
        .where("case_id", "=", caseId)
        .orderBy("started_at")
        .execute();
    expect((await clocksOf(late))[0]!.breached_at).toBe("2026-09-30T20:30:00.000Z");
    expect((await clocksOf(withdrawn)).map((c) => [c.state, c.breached_at])).toEqual([
      ["stopped", "2026-06-03T20:30:00.000Z"],
    ]);
    expect(
      (await db.selectFrom("cases").select("next_due_at").where("id", "=", withdrawn).executeTakeFirstOrThrow())
        .next_due_at,
    ).toBeNull();
    expect((await clocksOf(reopened)).map((c) => [c.started_at, c.met_at, c.state, c.taken_business_days])).toEqual([
      ["2026-06-01T14:00:00.000Z", "2026-06-02T14:00:00.000Z", "met", 1],
      ["2026-09-01T14:00:00.000Z", "2026-09-02T14:00:00.000Z", "met", 1],
    ]);
  });
});
