import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileClientComplaint } from "../../app/services/filing.server";
import { verifyAuditChain } from "../../app/services/audit-verify.server";
import {
  backupDatabase,
  BackupVerificationError,
  restoreDatabase,
  verifyBackupFile,
  type TableCounts,
} from "../../db/backup";
import { migrateToLatest, openDatabase } from "../../db/client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { sampleComplaint } from "../fixtures/people";
import SQLite from "better-sqlite3";

const run = promisify(execFile);
const NOW = new Date("2026-11-23T15:00:00Z");

let t: TestDatabase;
let folder: string;
beforeAll(async () => {
  t = await createTestDatabase(NOW);
  folder = dirname(t.path);
  for (let i = 0; i < 150; i++)
    await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ description: `Complaint ${i} `.repeat(40) }),
      now: NOW,
    });
});
afterAll(() => t.cleanup());

function countsOf(path: string): TableCounts {
  const db = new SQLite(path, { readonly: true });
  try {
    const tables = (
      db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    return Object.fromEntries(
      tables.map((name) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

describe("npm run backup", () => {
  let backup: Awaited<ReturnType<typeof backupDatabase>>;

  it("copies one consistent snapshot while another connection keeps filing", async () => {
    let writing = true;
    let filedDuring = 0;
    const writer = (async () => {
      while (writing) {
        await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: NOW });
        filedDuring++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // A few pages per step, so the copy spans many turns of the event loop and the writer's commits.
    backup = await backupDatabase({
      sourcePath: t.path,
      destinationPath: join(folder, "backups", "during-writes.db"),
      pagesPerStep: 4,
    });
    writing = false;
    await writer;

    expect(filedDuring).toBeGreaterThan(0);
    const live = await t.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBeGreaterThan(backup.counts.cases!);
    // The copy holds exactly the snapshot it reported, and every filing in it is whole.
    expect(countsOf(backup.path)).toEqual(backup.counts);
    expect(backup.counts.cases).toBe(backup.counts.email_outbox);
    expect(backup.counts.case_clocks).toBe(backup.counts.cases! * 3);
    expect(verifyBackupFile(backup.path, backup.counts)).toEqual(backup.counts);
    expect(existsSync(`${backup.path}-wal`)).toBe(false);
    expect(backup.auditHead?.id).toBe(backup.counts.audit_log);
  });

  it("restoring the backup gives back the same rows per table, migrated and with an intact audit chain", async () => {
    const target = join(folder, "restored", "recourse.db");
    const restored = await restoreDatabase({ backupPath: backup.path, targetPath: target, now: NOW });
    expect(restored.previousCopy).toBeNull();
    const db = openDatabase(`file:${target}`);
    try {
      await migrateToLatest(db);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: backup.counts.audit_log });
    } finally {
      await db.destroy();
    }
    expect(countsOf(target)).toEqual(backup.counts);
  });

  it("restores over a live database in WAL mode, keeping the one it replaces aside", async () => {
    const before = countsOf(t.path);
    const restored = await restoreDatabase({ backupPath: backup.path, targetPath: t.path, now: NOW });
    expect(restored.previousCopy).toMatch(/before-restore-2026-11-23T15-00-00Z\.db$/);
    expect(countsOf(restored.previousCopy!)).toEqual(before);
    // The test's own connection, opened before the restore, now reads the restored data.
    const cases = await t.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(cases.n)).toBe(backup.counts.cases);
    expect(countsOf(t.path)).toEqual(backup.counts);
  });

  it("refuses a damaged backup", async () => {
    const damaged = join(folder, "backups", "damaged.db");
    const copy = new SQLite(backup.path, { readonly: true });
    await copy.backup(damaged);
    copy.close();
    const db = new SQLite(damaged);
    db.exec("drop table kysely_migration");
    db.close();
    expect(() => verifyBackupFile(damaged)).toThrow(BackupVerificationError);
    await expect(
      restoreDatabase({ backupPath: damaged, targetPath: join(folder, "never.db"), now: NOW }),
    ).rejects.toThrow(/not a Recourse database/);
    expect(existsSync(join(folder, "never.db"))).toBe(false);
  });

  it("runs as a script: verified copy at the default place, a summary, exit 0", async () => {
    const env = { ...process.env, DATABASE_URL: `file:${t.path}` };
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/backup.ts"], { env });
    expect(stdout).toMatch(/Backup written and verified: .*backups\/recourse-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db/);
    expect(stdout).toMatch(/integrity ok/);
    expect(stdout).toMatch(/Audit head: \d+:[0-9a-f]{64}/);
    expect(readdirSync(join(folder, "backups")).some((f) => /^recourse-.*\.db$/.test(f))).toBe(true);
    const again = await run(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--to", backup.path], {
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in again && again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });
});
