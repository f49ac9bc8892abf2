import { openDatabase, type DB } from "../../db/client";
import { env } from "./env.server";

// One connection per process: better-sqlite3 is synchronous and Kysely serialises its use.
let instance: DB | undefined;

export function getDb(): DB {
  instance ??= openDatabase(env().DATABASE_URL, { busyTimeoutMs: env().SQLITE_BUSY_TIMEOUT_MS });
  return instance;
}
