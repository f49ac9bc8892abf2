import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgres } from "../../db/dialect";
import { casesNeedingAttentionQuery } from "../../db/repositories/cases";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// The queue's "needs attention first" list runs on every queue page. It read every case of the SSM
// to find the few flagged: 245 ms at a million cases, half a second a queue page (bench/RESULTS.md).
// A test cannot hold a timing; it can hold the plan: only the partial index of flagged cases is read.

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.cleanup());

describe("the queue's queries use their indexes (issue #21)", () => {
  it("the attention list reads only the flagged cases, through the partial index cases_attention", async () => {
    if (isPostgres(t.db)) {
      // PostgreSQL plans by its statistics (an empty test database scans); the index must hold the
      // list's own condition.
      const index = await sql<{
        indexdef: string;
      }>`select indexdef from pg_indexes where indexname = 'cases_attention'`.execute(t.db);
      expect(index.rows[0]?.indexdef).toMatch(
        /WHERE \(\(message_after_close_at IS NOT NULL\) OR \(call_filer_since IS NOT NULL\)\)/,
      );
      return;
    }
    const query = casesNeedingAttentionQuery(t.db, "toronto").compile();
    const plan = await t.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    expect(plan.rows.map((r) => r.detail).join(" | ")).toContain("USING INDEX cases_attention");
  });
});
