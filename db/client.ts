import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import { isPostgres, isPostgresUrl, type SchemaFreeDb } from "./dialect";
import { migrations } from "./migrations/index";
import { chainHash, CHAIN_HASH_SQL_FUNCTION } from "./repositories/audit-log";
import type { Database } from "./schema";
import { withStatementCache } from "./sqlite-statement-cache";

export type DB = Kysely<Database>;

/** The advisory lock key of writeTransaction on PostgreSQL (any constant not used elsewhere). */
const WRITE_LOCK_KEY = 7_150_001;

/** `file:data/recourse.db` → `data/recourse.db`; a bare path is taken as is. */
export function sqlitePathFromUrl(databaseUrl: string): string {
  return databaseUrl.startsWith("file:") ? databaseUrl.slice("file:".length) : databaseUrl;
}

export interface OpenOptions {
  /** SQLite: how long a write waits for another process's write lock. */
  busyTimeoutMs?: number;
  /** PostgreSQL: connections this process may hold. */
  poolSize?: number;
}

/** `postgres://…` opens a connection pool on a PostgreSQL server; anything else a SQLite file. */
export function openDatabase(databaseUrl: string, options: OpenOptions = {}): DB {
  return isPostgresUrl(databaseUrl) ? openPostgres(databaseUrl, options) : openSqlite(databaseUrl, options);
}

// count(*) and sum() are bigint and numeric on PostgreSQL, which pg hands over as strings; SQLite
// gives numbers. Recourse's counts stay far below 2^53, so both arrive as numbers everywhere.
const numericTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function openPostgres(databaseUrl: string, options: OpenOptions): DB {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    types: numericTypes as pg.CustomTypesConfig,
  });
  // An idle connection the server drops (restart, failover) must not take the process down.
  pool.on("error", (error) => console.error("database: idle connection failed", error.message));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function openSqlite(databaseUrl: string, options: OpenOptions): DB {
  const path = sqlitePathFromUrl(databaseUrl);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run while a filing is written; FULL sync means a filing that got a
  // reference survives a power cut; the busy timeout covers a second process (npm run sweep).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  sqlite.pragma("analysis_limit = 400");
  // Lets one INSERT chain an audit entry to the newest (db/repositories/audit-log.ts).
  sqlite.function(CHAIN_HASH_SQL_FUNCTION, { deterministic: true }, (prev, canonical) =>
    chainHash(String(prev), String(canonical)),
  );
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

export async function migrateToLatest(db: SchemaFreeDb): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed`, { cause: error });
  }
  // SQLite keeps no statistics until asked: without them it chose the wrong index for the queue
  // filtered by provider and dates at a million cases. This refreshes those a new index or a grown
  // table needs (at most 400 rows read per index: under a second at a million cases, nothing when
  // they are current). PostgreSQL's autovacuum does the same by itself.
  if (!isPostgres(db)) await sql`pragma optimize = 0x10002`.execute(db);
}

let writeLockObserver: ((seconds: number) => void) | null = null;

/** Told how long each write transaction waited for the write lock (the server's /metrics, issue #22). */
export function observeWriteLockWaits(observer: ((seconds: number) => void) | null): void {
  writeLockObserver = observer;
}

/**
 * A write transaction that runs alone among write transactions, whichever process or instance
 * starts it, so read-then-write work (the sweep, a staff action) never acts on a state another
 * writer has since changed. SQLite: its write lock, taken at BEGIN (BEGIN IMMEDIATE). PostgreSQL:
 * a transaction-scoped advisory lock, which every one of them takes first (so none can deadlock on
 * another), under READ COMMITTED so each statement sees what the writer before it committed. Plain
 * reads and single-statement writes (outbox leases, rate limits) do not wait for it. Use the handle
 * it passes, never `db`, inside: on SQLite Kysely holds one connection.
 */
export async function writeTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  if (isPostgres(db)) {
    return db.transaction().execute(async (trx) => {
      const waitFrom = performance.now();
      await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx);
      writeLockObserver?.((performance.now() - waitFrom) / 1000);
      return work(trx);
    });
  }
  return db.connection().execute(async (conn) => {
    // SQLite waits here (its busy timeout) while another process holds the write lock.
    const waitFrom = performance.now();
    await sql`begin immediate`.execute(conn);
    writeLockObserver?.((performance.now() - waitFrom) / 1000);
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

/**
 * Runs `work` in a savepoint of the caller's write transaction: if it throws, what it wrote is undone
 * and the transaction goes on. Lets independent changes (the sweep's clocks) share one commit, so
 * one disk flush, without one failure undoing the others. Same SQL on SQLite and PostgreSQL.
 */
export async function withSavepoint<T>(trx: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  await sql`savepoint one_change`.execute(trx);
  try {
    const result = await work(trx);
    await sql`release savepoint one_change`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint one_change`.execute(trx);
    await sql`release savepoint one_change`.execute(trx);
    throw error;
  }
}
