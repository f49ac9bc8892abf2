import SQLite from "better-sqlite3";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { migrations } from "./migrations/index";

// Backups through SQLite's online backup API (better-sqlite3's `db.backup`), which copies pages
// while the server keeps writing. The source connection holds one read transaction for the whole
// copy, so in WAL mode every page comes from the same snapshot: the copy is the database as it was
// at one instant, and the row counts read in that transaction are exactly the copy's.

export type TableCounts = Record<string, number>;

export interface BackupResult {
  path: string;
  bytes: number;
  /** Rows per table in the snapshot that was copied. */
  counts: TableCounts;
  /** The newest audit entry in the copy, to note down for `audit:verify --anchor`. */
  auditHead: { id: number; hash: string } | null;
  ms: number;
}

export class BackupVerificationError extends Error {}

function tablesOf(db: SQLite.Database): string[] {
  return (
    db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function countRows(db: SQLite.Database): TableCounts {
  const counts: TableCounts = {};
  for (const table of tablesOf(db)) {
    counts[table] = (db.prepare(`select count(*) as n from "${table.replace(/"/g, '""')}"`).get() as { n: number }).n;
  }
  return counts;
}

function auditHeadOf(db: SQLite.Database): BackupResult["auditHead"] {
  if (!tablesOf(db).includes("audit_log")) return null;
  return (
    (db.prepare("select id, hash from audit_log order by id desc limit 1").get() as
      { id: number; hash: string } | undefined) ?? null
  );
}

/** `data/recourse.db` → `data/backups/recourse-2026-11-24T19-02-45Z.db`. */
export function defaultBackupPath(databasePath: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
  return join(dirname(databasePath), "backups", `recourse-${stamp}.db`);
}

/**
 * Copies the live database at `sourcePath` to `destinationPath` (which must not exist yet), then
 * checks the copy: integrity, the same rows per table as the snapshot, migrations this version
 * knows. Throws BackupVerificationError when the copy is not sound.
 */
export async function backupDatabase(input: {
  sourcePath: string;
  destinationPath: string;
  pagesPerStep?: number;
}): Promise<BackupResult> {
  const started = Date.now();
  if (existsSync(input.destinationPath))
    throw new Error(`${input.destinationPath} already exists: choose another --to`);
  mkdirSync(dirname(input.destinationPath), { recursive: true });
  const source = new SQLite(input.sourcePath, { fileMustExist: true });
  let counts: TableCounts;
  let auditHead: BackupResult["auditHead"];
  try {
    source.pragma("busy_timeout = 5000");
    source.exec("begin");
    try {
      counts = countRows(source); // starts the read transaction: the snapshot the copy will hold
      auditHead = auditHeadOf(source);
      const pages = input.pagesPerStep ?? 1000;
      await source.backup(input.destinationPath, { progress: () => pages });
    } finally {
      source.exec("commit");
    }
  } finally {
    source.close();
  }
  // One self-contained file: rollback journal rather than WAL, so no -wal file has to travel with it
  // (a restore puts it back in WAL mode).
  const copy = new SQLite(input.destinationPath);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  verifyBackupFile(input.destinationPath, counts);
  return {
    path: input.destinationPath,
    bytes: statSync(input.destinationPath).size,
    counts,
    auditHead,
    ms: Date.now() - started,
  };
}

/**
 * A backup is sound when SQLite finds it intact, it holds `expected` rows per table (when given),
 * and every migration it records is one this version of Recourse knows (so it opens and migrates).
 */
export function verifyBackupFile(path: string, expected?: TableCounts): TableCounts {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupVerificationError(`${path}: integrity check failed: ${String(integrity)}`);
    const counts = countRows(db);
    if (expected) {
      const tables = new Set([...Object.keys(expected), ...Object.keys(counts)]);
      for (const table of tables) {
        if (counts[table] !== expected[table]) {
          throw new BackupVerificationError(
            `${path}: table ${table} has ${counts[table] ?? "no"} rows, the database had ${expected[table] ?? "none"}`,
          );
        }
      }
    }
    if (!("kysely_migration" in counts))
      throw new BackupVerificationError(`${path} is not a Recourse database (no migrations recorded)`);
    const applied = (db.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length)
      throw new BackupVerificationError(
        `${path} was written by a newer Recourse (migrations ${unknown.join(", ")}): restore it with that version`,
      );
    return counts;
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** The database as it was before the restore, kept aside; null when there was none. */
  previousCopy: string | null;
  counts: TableCounts;
}

/**
 * Replaces the database at `targetPath` with the backup at `backupPath`, through the same backup
 * API, which writes the target in one transaction and deals with its WAL file itself (copying a
 * file over a WAL database while an old -wal file lies beside it would corrupt it). The database
 * being replaced is first copied aside. Run with the server stopped.
 */
export async function restoreDatabase(input: {
  backupPath: string;
  targetPath: string;
  now: Date;
}): Promise<RestoreResult> {
  const counts = verifyBackupFile(input.backupPath);
  let previousCopy: string | null = null;
  if (existsSync(input.targetPath)) {
    previousCopy = defaultBackupPath(input.targetPath, input.now).replace(
      /recourse-([^/]+)\.db$/,
      "before-restore-$1.db",
    );
    await backupDatabase({ sourcePath: input.targetPath, destinationPath: previousCopy });
  } else {
    mkdirSync(dirname(input.targetPath), { recursive: true });
  }
  const backup = new SQLite(input.backupPath, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(input.targetPath);
  } finally {
    backup.close();
  }
  return { previousCopy, counts };
}
