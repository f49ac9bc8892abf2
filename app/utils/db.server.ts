import { openDatabase, type DB } from "../../db/client";
import { env } from "./env.server";

// One handle per process: on SQLite one connection (better-sqlite3 is synchronous and Kysely
// serialises its use), on PostgreSQL a pool of DATABASE_POOL_SIZE connections.
let instance: DB | undefined;

export function getDb(): DB {
  instance ??= openDatabase(env().DATABASE_URL, {
    busyTimeoutMs: env().SQLITE_BUSY_TIMEOUT_MS,
    poolSize: env().DATABASE_POOL_SIZE,
  });
  return instance;
}
