import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/services/audit-verify.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { migrateToLatest, openDatabase, type DB } from "../../db/client";
import type { SchemaFreeDb } from "../../db/dialect";
import { checkTargetIsEmpty, COPY_TABLES, copyDatabase, type TableName } from "../../db/copy";
import { DEMO_USERS, seedDemoData } from "../../scripts/seed/demo-data";
import { seedReferenceData } from "../../db/seed/reference-data";
import { sampleComplaint } from "../fixtures/people";
import { createPostgresDatabase, testPostgresUrl } from "../fixtures/test-db";

// `npm run db:copy` (issue 8): the demo database, seeded on SQLite as `npm start` seeds it, moved to
// an empty PostgreSQL database by the real script, then compared row for row.

const run = promisify(execFile);
const NOW = new Date("2026-12-02T15:00:00Z");

let dir: string;
let sourceUrl: string;
let source: DB;
let target: DB;
let targetUrl: string;
let dropTarget: () => Promise<void>;
let firstRun: { stdout: string; stderr: string; ms: number };

type Outcome = { code: number; stdout: string; stderr: string };

async function dbCopy(args: string[], databaseUrl = sourceUrl): Promise<Outcome> {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function counts(db: DB): Promise<Record<TableName, number>> {
  const result = {} as Record<TableName, number>;
  for (const { name } of COPY_TABLES) {
    const row = await (db as SchemaFreeDb)
      .selectFrom(name)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    result[name] = Number(row.n);
  }
  return result;
}

async function maxId(db: DB, table: TableName): Promise<number> {
  const row = await (db as SchemaFreeDb)
    .selectFrom(table)
    .select((eb) => eb.fn.max<number>("id").as("m"))
    .executeTakeFirstOrThrow();
  return Number(row.m ?? 0);
}

beforeAll(async () => {
  const server = testPostgresUrl();
  if (!server) throw new Error("db-copy.pg.test.ts needs TEST_POSTGRES_URL: run it with -c vitest.pg.config.ts");
  dir = mkdtempSync(join(tmpdir(), "recourse-db-copy-"));
  sourceUrl = `file:${join(dir, "source.db")}`;
  source = openDatabase(sourceUrl);
  await migrateToLatest(source);
  await seedReferenceData(source, NOW);
  await seedDemoData(source, NOW);

  const created = await createPostgresDatabase(server);
  targetUrl = created.url;
  dropTarget = created.drop;
  target = openDatabase(targetUrl, { poolSize: 2 });

  const started = performance.now();
  const outcome = await dbCopy(["--to", targetUrl]);
  if (outcome.code !== 0) throw new Error(`db:copy exited ${outcome.code}: ${outcome.stderr}`);
  firstRun = { stdout: outcome.stdout, stderr: outcome.stderr, ms: Math.round(performance.now() - started) };
  console.log(`db:copy of the demo database: ${firstRun.ms} ms\n${firstRun.stdout}`);
});

afterAll(async () => {
  await target?.destroy();
  await source?.destroy();
  await dropTarget?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:copy", () => {
  it("copies every application table the SQLite file holds, with the same number of rows", async () => {
    const sqliteTables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
      source,
    );
    expect(sqliteTables.rows.map((r) => r.name)).toEqual(COPY_TABLES.map((t) => t.name).sort());

    const before = await counts(source);
    expect(await counts(target)).toEqual(before);
    expect(before.cases).toBeGreaterThan(1000);
    expect(before.audit_log).toBeGreaterThan(0);
    expect(firstRun.stdout).toMatch(/^cases\s+(\d+)\s+\1\s+\d+$/m);
    expect(firstRun.stdout).toMatch(
      new RegExp(
        `Copied \\d+ rows in ${COPY_TABLES.length} tables in [\\d.]+ s; row counts match; audit chain verified \\(\\d+ entries\\)\\.`,
      ),
    );
  });

  it("keeps a case, its events and clocks, field by field (ISO instants, 0/1 flags, fractional business days)", async () => {
    const busiest = await source
      .selectFrom("case_clocks")
      .select("case_id")
      .where("taken_business_days", "is not", null)
      .where("paused_business_ms", ">", 0)
      .orderBy("case_id")
      .executeTakeFirstOrThrow();
    const read = (db: DB) =>
      Promise.all([
        db.selectFrom("cases").selectAll().where("id", "=", busiest.case_id).executeTakeFirstOrThrow(),
        db.selectFrom("case_events").selectAll().where("case_id", "=", busiest.case_id).orderBy("id").execute(),
        db.selectFrom("case_clocks").selectAll().where("case_id", "=", busiest.case_id).orderBy("id").execute(),
      ]);
    const [sourceCase, sourceEvents, sourceClocks] = await read(source);
    const [targetCase, targetEvents, targetClocks] = await read(target);
    expect(targetCase).toEqual(sourceCase);
    expect(targetEvents).toEqual(sourceEvents);
    expect(targetClocks).toEqual(sourceClocks);
    expect(sourceEvents.length).toBeGreaterThan(1);
    expect(targetClocks.some((c) => c.taken_business_days !== null && !Number.isInteger(c.taken_business_days))).toBe(
      true,
    );
    expect(typeof targetCase.accommodation_needed).toBe("number");
  });

  it("keeps users (password hashes included) and frozen quarter reports byte for byte", async () => {
    const user = (db: DB) =>
      db.selectFrom("users").selectAll().where("email", "=", DEMO_USERS[0]!.email).executeTakeFirstOrThrow();
    expect(await user(target)).toEqual(await user(source));

    const amended = await source
      .selectFrom("quarter_reports")
      .selectAll()
      .where("version", ">", 1)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const copied = await target
      .selectFrom("quarter_reports")
      .selectAll()
      .where("id", "=", amended.id)
      .executeTakeFirstOrThrow();
    expect(copied).toEqual(amended);
    expect(copied.figures_json).toBe(amended.figures_json);
    expect(JSON.parse(copied.figures_json)).toEqual(JSON.parse(amended.figures_json));
  });

  it("leaves an audit chain that verifies on the target, to the same head", async () => {
    const onSource = await verifyAuditChain(source);
    const onTarget = await verifyAuditChain(target);
    expect(onTarget).toEqual(onSource);
    expect(onTarget.ok && onTarget.entries).toBeGreaterThan(0);
  });

  it("moves every id sequence past the copied ids: a case filed afterwards gets fresh ids and chains on", async () => {
    const tables = ["cases", "case_events", "case_clocks", "email_outbox", "audit_log"] as const;
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await maxId(target, t)] as const)));
    const filed = await fileClientComplaint({ db: target, complaint: sampleComplaint(), now: NOW });
    expect(filed.kind).toBe("filed");
    if (filed.kind !== "filed") return;
    expect(filed.caseId).toBe(before.cases! + 1);
    for (const t of tables) expect(await maxId(target, t), t).toBeGreaterThan(before[t]!);

    const org = await target
      .insertInto("organizations")
      .values({
        slug: "copy-test-provider",
        kind: "provider",
        name_en: "After the copy",
        name_fr: "Après la copie",
        area_slug: "toronto",
        created_at: NOW.toISOString(),
        contact_email: null,
        contact_phone: null,
        contact_address: null,
        contact_in_person: null,
        retired_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(org.id).toBe((await maxId(source, "organizations")) + 1);
    expect(await verifyAuditChain(target)).toMatchObject({ ok: true });
  });

  it("refuses a second run into the now non-empty target, exit 1, and changes nothing", async () => {
    const before = await counts(target);
    const second = await dbCopy(["--to", targetUrl]);
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.stderr).toMatch(
      /^db:copy refused: the target already holds data \(areas, .*\): db:copy only fills an empty database, nothing was written$/m,
    );
    expect(second.stdout).toBe("");
    expect(await counts(target)).toEqual(before);
  });

  it("only copies from a SQLite file that exists to a postgres:// URL", async () => {
    const elsewhere = join(dir, "other.db");
    const wrongWay = await dbCopy(["--to", `file:${elsewhere}`]);
    expect(wrongWay.code).toBe(2);
    expect(wrongWay.stderr.trim()).toBe("--to must be a postgres:// URL: db:copy only copies SQLite to PostgreSQL");
    expect(existsSync(elsewhere)).toBe(false);

    const fromPostgres = await dbCopy(["--from", targetUrl, "--to", targetUrl]);
    expect(fromPostgres.code).toBe(2);
    expect(fromPostgres.stderr).toContain("--from must be a SQLite file");

    const missing = join(dir, "missing.db");
    const noSource = await dbCopy(["--to", targetUrl], `file:${missing}`);
    expect(noSource.code).toBe(1);
    expect(noSource.stderr.trim()).toBe(`no SQLite database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe("a copy that cannot finish", () => {
  let empty: { url: string; drop: () => Promise<void> };
  let emptyDb: DB;
  beforeAll(async () => {
    empty = await createPostgresDatabase(testPostgresUrl()!);
    emptyDb = openDatabase(empty.url, { poolSize: 2 });
  });
  afterAll(async () => {
    await emptyDb?.destroy();
    await empty?.drop();
  });

  it("rolls the whole copy back when a check fails before commit: the target holds no rows", async () => {
    await checkTargetIsEmpty(emptyDb);
    await migrateToLatest(emptyDb);
    await expect(
      copyDatabase({
        source,
        target: emptyDb,
        beforeCommit: async () => Promise.reject(new Error("verification failed")),
      }),
    ).rejects.toThrow("verification failed");
    expect(Object.values(await counts(emptyDb)).every((n) => n === 0)).toBe(true);
  });

  it("refuses values PostgreSQL cannot store before writing any: an integer beyond 4 bytes, a NUL in text", async () => {
    const oddUrl = `file:${join(dir, "odd.db")}`;
    const odd = openDatabase(oddUrl);
    try {
      await migrateToLatest(odd);
      await seedReferenceData(odd, NOW);
      await odd
        .insertInto("reference_counters")
        .values({ area_slug: "toronto", year: 2026, last_value: 3_000_000_000 })
        .execute();
      await odd.updateTable("areas").set({ name_fr: "Toronto\u0000" }).where("slug", "=", "toronto").execute();
    } finally {
      await odd.destroy();
    }
    const refused = await dbCopy(["--to", empty.url], oddUrl);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "db:copy refused: areas.name_fr holds 1 value(s) with a NUL character, which PostgreSQL text cannot store; reference_counters.last_value holds 1 value(s) beyond PostgreSQL's integer (up to 3000000000): the target column needs bigint",
    );
    expect(Object.values(await counts(emptyDb)).every((n) => n === 0)).toBe(true);
  });
});
