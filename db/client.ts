import SQLite from "better-sqlite3";
import { Kysely, Migrator, sql, SqliteDialect } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrations } from "./migrations/index";
import { chainHash, CHAIN_HASH_SQL_FUNCTION } from "./repositories/audit-log";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

/** `file:data/recourse.db` → `data/recourse.db`; a bare path is taken as is. */
export function sqlitePathFromUrl(databaseUrl: string): string {
  return databaseUrl.startsWith("file:") ? databaseUrl.slice("file:".length) : databaseUrl;
}

export function openDatabase(databaseUrl: string, options: { busyTimeoutMs?: number } = {}): DB {
  const path = sqlitePathFromUrl(databaseUrl);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run while a filing is written; FULL sync means a filing that got a
  // reference survives a power cut; the busy timeout covers a second process (npm run sweep).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  // Lets one INSERT chain an audit entry to the newest (db/repositories/audit-log.ts).
  sqlite.function(CHAIN_HASH_SQL_FUNCTION, { deterministic: true }, (prev, canonical) => chainHash(String(prev), String(canonical)));
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed`, { cause: error });
  }
}

/**
 * A write transaction that takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE), so read-then-write
 * work (the sweep, a staff action) never finds its snapshot outdated by another process's write.
 * Use the handle it passes, never `db`, inside: Kysely holds one connection.
 */
export async function writeTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
