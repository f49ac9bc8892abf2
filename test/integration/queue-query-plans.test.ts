import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgres } from "../../db/dialect";
import { casesNeedingAttentionQuery } from "../../db/repositories/cases";
import { providerStageClocksQuery } from "../../db/repositories/provider-stage";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Two lists run on every queue page and read every case of the SSM to find the few they show, at a
// million cases (bench/RESULTS.md): "needs attention first", 245 ms, and the provider stage's
// overview, 209 ms. A test cannot hold a timing; it can hold the plan: each reads its partial index.

/** SQLite's plan of a query, as one line. */
async function planOf(query: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  const plan = await t.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
  );
  return plan.rows.map((r) => r.detail).join(" | ");
}

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
    expect(await planOf(casesNeedingAttentionQuery(t.db, "toronto").compile())).toContain(
      "USING INDEX cases_attention",
    );
  });

  it("the provider stage's overview reads only the cases referred to a provider (cases_referred_to_provider)", async () => {
    if (isPostgres(t.db)) {
      const index = await sql<{
        indexdef: string;
      }>`select indexdef from pg_indexes where indexname = 'cases_referred_to_provider'`.execute(t.db);
      expect(index.rows[0]?.indexdef).toMatch(/WHERE \(provider_referred_at IS NOT NULL\)/);
      return;
    }
    expect(await planOf(providerStageClocksQuery(t.db, "toronto").compile())).toContain(
      "USING INDEX cases_referred_to_provider",
    );
  });
});
