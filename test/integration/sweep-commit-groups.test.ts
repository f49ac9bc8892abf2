import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepClocks } from "../../app/services/clock-sweep.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { isPostgres } from "../../db/dialect";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

// The sweep commits its clocks in groups (one disk flush per group, not per clock) with a savepoint
// per clock: a clock that fails must be undone alone, and every other clock of its group kept.

let t: TestDatabase;
// Monday 2026-11-23, 10:00 Toronto: acknowledgements due Wednesday 16:30.
const FILED = new Date("2026-11-23T15:00:00Z");
const THURSDAY = new Date("2026-11-26T14:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager", email: "manager@hamilton.test" });
});
afterAll(async () => t.cleanup());

// A trigger makes one case's timeline refuse the sweep's entry (on PostgreSQL, where an error
// aborts the whole transaction unless its savepoint is rolled back, this matters most).
describe("a sweep round in commit groups", () => {
  it("undoes a failing clock alone and keeps the rest of its group", async () => {
    const caseIds: number[] = [];
    for (let i = 0; i < 70; i++) {
      const filed = await fileClientComplaint({
        db: t.db,
        complaint: sampleComplaint({ submissionKey: undefined }),
        now: FILED,
      });
      if (filed.kind !== "filed") throw new Error("not filed");
      caseIds.push(filed.caseId);
    }
    const broken = caseIds[10]!;
    if (isPostgres(t.db)) {
      await sql
        .raw(
          `create function refuse_breach() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`,
        )
        .execute(t.db);
      await sql
        .raw(
          `create trigger refuse_breach before insert on case_events for each row when (new.case_id = ${broken} and new.type = 'clock_breached') execute function refuse_breach()`,
        )
        .execute(t.db);
    } else {
      await sql
        .raw(
          `create trigger refuse_breach before insert on case_events when new.case_id = ${broken} and new.type = 'clock_breached' begin select raise(abort, 'refused'); end`,
        )
        .execute(t.db);
    }
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    const result = await sweepClocks({ db: t.db, now: THURSDAY }).finally(() => (console.error = original));

    // 70 acknowledgements were due: 69 breached (two groups), the broken case's undone and logged.
    expect(result.breached).toBe(69);
    expect(errors).toHaveLength(1);
    const states = await t.db
      .selectFrom("case_clocks")
      .select(["case_id", "state"])
      .where("kind", "=", "acknowledge")
      .execute();
    for (const s of states) expect(s.state).toBe(s.case_id === broken ? "running" : "breached");
    const breachEntries = await t.db
      .selectFrom("case_events")
      .select("case_id")
      .where("type", "=", "clock_breached")
      .execute();
    expect(breachEntries).toHaveLength(69);

    // Once it no longer fails, the next round takes it, and only it.
    await sql
      .raw(isPostgres(t.db) ? "drop trigger refuse_breach on case_events" : "drop trigger refuse_breach")
      .execute(t.db);
    expect((await sweepClocks({ db: t.db, now: THURSDAY })).breached).toBe(1);
  });
});
