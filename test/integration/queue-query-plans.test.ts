import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgres } from "../../db/dialect";
import { casesNeedingAttentionQuery, queueQuery } from "../../db/repositories/cases";
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

  it("the search by name or reference reads the trigram indexes on PostgreSQL, the queue's order on SQLite", async () => {
    const search = queueQuery(t.db, { areaSlug: "toronto", text: "Lavoie", limit: 51 }).compile();
    if (isPostgres(t.db)) {
      // PostgreSQL plans by its statistics: an SSM's worth of cases, 20 of them named Lavoie (on
      // 20,000 it still reads them all in one pass, which is right for so few).
      await sql`insert into cases (reference, area_slug, kind, channel, status, level, filer_name, language,
          accommodation_needed, description, outcome_wanted, secret_hash, submission_key, policy_id,
          received_at, next_due_at, version, created_at, updated_at)
        select 'TOR-2025-' || lpad(i::text, 6, '0'), 'toronto', 'client_complaint', 'web', 'received', 1,
          case when i % 5000 = 0 then 'Marie Lavoie' else 'Person ' || md5(i::text) end, 'en', 0, 'x', 'y',
          md5(i::text), md5('key' || i::text), (select min(id) from policies where area_slug = 'toronto'),
          '2025-06-02T14:00:00.000Z', '2025-06-09T21:00:00.000Z', 1, '2025-06-02T14:00:00.000Z',
          '2025-06-02T14:00:00.000Z'
        from generate_series(1, 100000) as i`.execute(t.db);
      await sql`analyze cases`.execute(t.db);
      const plan = await t.db.executeQuery<{ "QUERY PLAN": string }>(
        CompiledQuery.raw(`explain ${search.sql}`, [...search.parameters]),
      );
      const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text).toContain("cases_filer_name_trgm");
      expect(text).toContain("cases_reference_trgm");
      const found = await queueQuery(t.db, { areaSlug: "toronto", text: "lavoie", limit: 51 }).execute();
      expect(found).toHaveLength(20);
      expect(new Set(found.map((r) => r.filer_name))).toEqual(new Set(["Marie Lavoie"]));
      return;
    }
    // SQLite cannot index a search inside a name either: it walks the SSM's cases in queue order and
    // stops at the page, never sorting them all.
    const plan = await planOf(search);
    expect(plan).toContain("USING INDEX cases_area_queue_order");
    expect(plan).not.toContain("TEMP B-TREE");
  });
});
