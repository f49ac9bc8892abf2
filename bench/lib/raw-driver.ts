// The limit each measurement is held to: the same rows read or written by hand-written SQL on the
// database's own driver, better-sqlite3 or node-postgres, without Kysely or the app around it. One
// interface for both, so a measurement runs unchanged on SQLite and on PostgreSQL (issue #21).
import SQLite from "better-sqlite3";
import pg from "pg";

export interface RawStatement {
  all<T = Record<string, unknown>>(...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(...params: unknown[]): Promise<T | undefined>;
  run(...params: unknown[]): Promise<void>;
}

export interface RawDriver {
  kind: "sqlite" | "postgres";
  /** A statement written with `?` for each parameter, prepared once and run many times. */
  prepare(sql: string): RawStatement;
  /** `fn` in one write transaction; SQLite runs nothing else meanwhile, PostgreSQL on its own connection. */
  transaction<T>(fn: (tx: RawDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type SqliteRaw = RawDriver & { kind: "sqlite"; handle: SQLite.Database };

/** SQLite's own connection, for what only SQLite can run (its JSON functions, named parameters). */
export function isSqliteRaw(raw: RawDriver): raw is SqliteRaw {
  return raw.kind === "sqlite";
}

/** The app's durability settings (db/client.ts): WAL, synchronous FULL. */
export function sqliteRaw(path: string): SqliteRaw {
  const handle = new SQLite(path);
  handle.pragma("journal_mode = WAL");
  handle.pragma("synchronous = FULL");
  handle.pragma("busy_timeout = 5000");
  // Prepared once per text, however often a transaction asks again, as a driver's cache would.
  const prepared = new Map<string, SQLite.Statement>();
  const driver: SqliteRaw = {
    kind: "sqlite",
    handle,
    prepare(sql) {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = handle.prepare(sql)));
      const reads = statement.reader;
      return {
        all: async <T>(...params: unknown[]) => statement.all(...params) as T[],
        get: async <T>(...params: unknown[]) => statement.get(...params) as T | undefined,
        run: async (...params: unknown[]) => {
          if (reads) statement.all(...params);
          else statement.run(...params);
        },
      };
    },
    async transaction(fn) {
      // better-sqlite3 is synchronous: nothing else runs on the connection while `fn` has no await
      // of its own to wait on, which is the case for these statements.
      handle.exec("begin immediate");
      try {
        const result = await fn(driver);
        handle.exec("commit");
        return result;
      } catch (error) {
        handle.exec("rollback");
        throw error;
      }
    },
    async close() {
      handle.close();
    },
  };
  return driver;
}

/** `?` placeholders as PostgreSQL's `$1, $2…` (none of the bench's statements has a `?` in a string). */
export function numberedParameters(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// One name per statement text: PostgreSQL parses and plans a named statement once per connection,
// as better-sqlite3 does once, however often a transaction prepares it again.
const statementNames = new Map<string, string>();

function pgStatements(query: (config: pg.QueryConfig) => Promise<pg.QueryResult>) {
  return (sql: string): RawStatement => {
    const text = numberedParameters(sql);
    let name = statementNames.get(text);
    if (!name) statementNames.set(text, (name = `bench_${statementNames.size + 1}`));
    const rows = async (params: unknown[]) => (await query({ name, text, values: params })).rows;
    return {
      all: async <T>(...params: unknown[]) => (await rows(params)) as T[],
      get: async <T>(...params: unknown[]) => (await rows(params))[0] as T | undefined,
      run: async (...params: unknown[]) => {
        await rows(params);
      },
    };
  };
}

/** A pool of `connections` on the server `url` names; a transaction takes one connection of its own. */
export async function postgresRaw(url: string, connections = 1): Promise<RawDriver> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query("select 1");
  const driver: RawDriver = {
    kind: "postgres",
    prepare: pgStatements((config) => pool.query(config)),
    async transaction(fn) {
      const client = await pool.connect();
      const tx: RawDriver = {
        ...driver,
        prepare: pgStatements((config) => client.query(config)),
        transaction: (inner) => inner(tx),
      };
      try {
        await client.query("begin");
        const result = await fn(tx);
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback");
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
  return driver;
}
