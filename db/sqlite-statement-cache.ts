import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * The SQLite connection as Kysely's SqliteDialect sees it, keeping prepared statements by their SQL
 * text: Kysely prepares every statement afresh, which the bench measured at about 0.75 ms of a
 * filing's 10 ms and 9 % of a sweep round. Reusing one is safe because Kysely runs one statement at
 * a time on its single connection (a streamed SELECT holds the connection until it ends), and
 * SQLite re-prepares a statement by itself when a migration changes the schema. The least recently
 * used statement goes when `capacity` is reached (lists of ids give every length its own text).
 */
export function withStatementCache(database: SQLite.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
