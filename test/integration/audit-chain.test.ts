import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/services/audit-verify.server";
import { writeTransaction, type DB } from "../../db/client";
import { isPostgres } from "../../db/dialect";
import { appendAuditEntry, auditEntryHash, type AuditEntry } from "../../db/repositories/audit-log";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

const run = promisify(execFile);

// Each test gets its own file: tampering is done with the protections removed, as someone holding
// the database file could, and must then be caught by recomputing the chain.
let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

function entry(n: number): AuditEntry {
  return {
    at: new Date(Date.UTC(2026, 10, 23, 15, 0, n)).toISOString(),
    actorUserId: n,
    actorLabel: `officer${n}@example.org`,
    organizationId: 7,
    action: "case.read",
    targetType: "case",
    targetId: `HAM-2026-${String(n).padStart(6, "0")}`,
    details: n % 2 ? { n } : null,
  };
}

async function logOf(count: number): Promise<DB> {
  t = await createTestDatabase();
  for (let n = 1; n <= count; n++) await appendAuditEntry(t.db, entry(n));
  return t.db;
}

/** What someone with the database's owner rights can do: drop the triggers and the index. */
async function removeProtections(db: DB): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger audit_log_no_update_or_delete on audit_log`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_no_delete`.execute(db);
  }
  await sql`drop index audit_log_prev_hash`.execute(db);
}

async function row(db: DB, id: number) {
  return db.selectFrom("audit_log").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** Makes room for a row at `id` by moving every later row up by one. */
async function shiftFrom(db: DB, id: number): Promise<void> {
  await sql`update audit_log set id = id + 1000000 where id >= ${id}`.execute(db);
  await sql`update audit_log set id = id - 999999 where id >= 1000000`.execute(db);
}

describe("the audit log's database guard", () => {
  it("refuses UPDATE and DELETE, even written by hand", async () => {
    const db = await logOf(3);
    await expect(
      db.updateTable("audit_log").set({ action: "nothing.happened" }).where("id", "=", 2).execute(),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.deleteFrom("audit_log").where("id", "=", 2).execute()).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await row(db, 2)).action).toBe("case.read");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
  });

  it("refuses a second entry chained to the same one (a fork)", async () => {
    const db = await logOf(2);
    const first = await row(db, 1);
    const forged = { ...entry(9) };
    await expect(
      db
        .insertInto("audit_log")
        .values({
          at: forged.at,
          actor_user_id: forged.actorUserId,
          actor_label: forged.actorLabel,
          organization_id: forged.organizationId,
          action: forged.action,
          target_type: forged.targetType,
          target_id: forged.targetId,
          details_json: null,
          prev_hash: first.hash,
          hash: auditEntryHash(first.hash, forged),
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE|duplicate key/);
  });
});

describe("recomputing the chain", () => {
  it("passes an untouched log, and reports its head", async () => {
    const db = await logOf(5);
    const head = await row(db, 5);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 5, head: { id: 5, hash: head.hash } });
  });

  it("names an entry whose contents were altered", async () => {
    const db = await logOf(8);
    await removeProtections(db);
    await db.updateTable("audit_log").set({ actor_label: "someone.else@example.org" }).where("id", "=", 4).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: { kind: "altered", entryId: 4 } });
  });

  it("names an entry altered and rehashed, which breaks the link to the next", async () => {
    const db = await logOf(8);
    await removeProtections(db);
    const target = await row(db, 4);
    const altered = { ...entry(4), action: "case.nothing" };
    await db
      .updateTable("audit_log")
      .set({ action: altered.action, hash: auditEntryHash(target.prev_hash, altered) })
      .where("id", "=", 4)
      .execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: { kind: "altered", entryId: 4 } });
  });

  it("names a deleted entry", async () => {
    const db = await logOf(8);
    await removeProtections(db);
    await db.deleteFrom("audit_log").where("id", "=", 5).execute();
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, problem: { kind: "deleted", entryId: 6 } });
    expect(!report.ok && report.problem.message).toContain("#5");
  });

  it("names deleted first entries", async () => {
    const db = await logOf(4);
    await removeProtections(db);
    await db.deleteFrom("audit_log").where("id", "<=", 2).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: { kind: "deleted", entryId: 3 } });
  });

  it("names a forged entry inserted in the middle with a correctly computed hash", async () => {
    const db = await logOf(8);
    await removeProtections(db);
    await shiftFrom(db, 5);
    const before = await row(db, 4);
    const forged = { ...entry(99), action: "case.close" };
    await db
      .insertInto("audit_log")
      .values({
        id: 5,
        at: forged.at,
        actor_user_id: forged.actorUserId,
        actor_label: forged.actorLabel,
        organization_id: forged.organizationId,
        action: forged.action,
        target_type: forged.targetType,
        target_id: forged.targetId,
        details_json: JSON.stringify(forged.details),
        prev_hash: before.hash,
        hash: auditEntryHash(before.hash, forged),
      })
      .execute();
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, problem: { kind: "inserted", entryId: 5 } });
    expect(!report.ok && report.problem.message).toContain("entry #6 chains straight to entry #4");
  });

  it("names a forged entry inserted in the middle with a made-up hash", async () => {
    const db = await logOf(8);
    await removeProtections(db);
    await shiftFrom(db, 3);
    await db
      .insertInto("audit_log")
      .values({
        id: 3,
        at: entry(50).at,
        actor_user_id: null,
        actor_label: "x",
        organization_id: null,
        action: "case.read",
        target_type: null,
        target_id: null,
        details_json: null,
        prev_hash: "f".repeat(64),
        hash: "e".repeat(64),
      })
      .execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: { kind: "inserted", entryId: 3 } });
  });

  it("names entries that were reordered", async () => {
    const db = await logOf(8);
    await removeProtections(db);
    await sql`update audit_log set id = -1 where id = 6`.execute(db);
    await sql`update audit_log set id = 6 where id = 3`.execute(db);
    await sql`update audit_log set id = 3 where id = -1`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: { kind: "reordered", entryId: 3 } });
  });

  it("catches entries cut off the end, or a rewritten chain, against a head noted down earlier", async () => {
    const db = await logOf(6);
    const head = await row(db, 6);
    expect(await verifyAuditChain(db, [{ id: 6, hash: head.hash }])).toMatchObject({ ok: true });
    await removeProtections(db);
    await db.deleteFrom("audit_log").where("id", ">=", 5).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 4 }); // the chain alone cannot tell
    expect(await verifyAuditChain(db, [{ id: 6, hash: head.hash }])).toMatchObject({
      ok: false,
      problem: { kind: "anchor", entryId: 6 },
    });
  });
});

describe("appending from many writers at once", () => {
  it("keeps one chain when appends outside a transaction interleave in one process", async () => {
    const db = await logOf(1);
    await Promise.all(Array.from({ length: 40 }, (_, i) => appendAuditEntry(db, entry(100 + i))));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 41 });
  });

  it("keeps one chain when two processes append at once, in and out of write transactions", async () => {
    const db = await logOf(1);
    const worker = "test/fixtures/audit-append-worker.ts";
    await Promise.all([
      run(process.execPath, ["--import", "tsx", worker, t!.url, "150", "a"]),
      run(process.execPath, ["--import", "tsx", worker, t!.url, "150", "b"]),
      writeTransaction(db, (trx) => appendAuditEntry(trx, entry(2))),
    ]);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, entries: 302 });
  });
});

describe("npm run audit:verify", () => {
  it("exits 0 on an intact log and 1 naming the first tampered entry", async () => {
    const db = await logOf(4);
    const env = { ...process.env, DATABASE_URL: t!.url };
    const ok = await run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env });
    expect(ok.stdout).toContain("Audit log intact: 4 entries.");
    const head = /Head: (\d+:[0-9a-f]{64})/.exec(ok.stdout)![1]!;

    await removeProtections(db);
    await db.updateTable("audit_log").set({ organization_id: 8 }).where("id", "=", 2).execute();
    const failed = await run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--anchor", head], {
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in failed && failed.code).toBe(1);
    expect(failed.stderr).toContain("TAMPERED (altered, entry #2)");

    const bad = await run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--anchor", "nonsense"], {
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in bad && bad.code).toBe(2);
  });
});
