import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "../../db/client";
import { seedReferenceData } from "../../db/seed/reference-data";
import { createPostgresDatabase, createTestDatabase, testPostgresUrl, type TestDatabase } from "../fixtures/test-db";

// Every suite starts from a copy of the run's template (test/fixtures/template-db.ts). The copy must
// hold exactly what migrating and seeding at the suite's own `now` would: else a suite would pass
// on the copy and fail on a real install, or the reverse.
const NOW = new Date("2026-03-02T15:30:00Z");

let copy: TestDatabase;
let fresh: DB;
let cleanupFresh: () => Promise<void>;

beforeAll(async () => {
  copy = await createTestDatabase(NOW);
  const server = testPostgresUrl();
  const dir = mkdtempSync(join(tmpdir(), "recourse-fresh-"));
  const created = server ? await createPostgresDatabase(server) : null;
  fresh = openDatabase(created ? created.url : `file:${join(dir, "fresh.db")}`, { poolSize: 2 });
  await migrateToLatest(fresh);
  await seedReferenceData(fresh, NOW);
  cleanupFresh = async () => {
    await fresh.destroy();
    await created?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
});
afterAll(async () => {
  await copy?.cleanup();
  await cleanupFresh?.();
});

describe("a suite's database, copied from the template", () => {
  it("has every migration applied, as a fresh install does", async () => {
    const names = (db: DB) =>
      db
        .selectFrom("kysely_migration" as never)
        .select("name" as never)
        .orderBy("name" as never)
        .execute();
    expect(await names(copy.db)).toEqual(await names(fresh));
  });

  it("holds the areas, SSMs, ministry and default policies a seed at the suite's now writes, stamped with that now", async () => {
    const rows = (db: DB) =>
      Promise.all([
        db.selectFrom("areas").selectAll().orderBy("slug").execute(),
        db.selectFrom("organizations").selectAll().orderBy("slug").execute(),
        db.selectFrom("policies").selectAll().orderBy("area_slug").execute(),
      ]);
    expect(await rows(copy.db)).toEqual(await rows(fresh));
    const stamps = await copy.db.selectFrom("organizations").select("created_at").distinct().execute();
    expect(stamps).toEqual([{ created_at: NOW.toISOString() }]);
  });
});
