// `npm run bench -- --database postgres://…` (issue #21): the same generated province, copied into a
// new database of its own on that server by the app's own `db:copy` code, so PostgreSQL is measured
// on exactly the rows SQLite is. The database is dropped at the end.
import { sql } from "kysely";
import pg from "pg";
import { migrateToLatest, openDatabase, type DB } from "../../db/client";
import { copyDatabase } from "../../db/copy";
import { postgresRaw, type RawDriver } from "./raw-driver";

export interface PostgresTarget {
  url: string;
  db: DB;
  raw: RawDriver;
  version: string;
  copySeconds: number;
  drop: () => Promise<void>;
}

/** The server's URL with another database named in it. */
function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function copyToPostgres(input: {
  serverUrl: string;
  sqlitePath: string;
  log: (message: string) => void;
}): Promise<PostgresTarget> {
  const name = `recourse_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: input.serverUrl });
  await admin.connect();
  const version = String((await admin.query("show server_version")).rows[0].server_version);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(input.serverUrl, name);
  const db = openDatabase(url, { poolSize: 4 });
  const source = openDatabase(`file:${input.sqlitePath}`);
  const started = Date.now();
  try {
    await migrateToLatest(db);
    let lastTable = "";
    await copyDatabase({
      source,
      target: db,
      onProgress: ({ table, copied, total }) => {
        if (table !== lastTable || copied === total || copied % 500_000 < 1000) {
          input.log(`  ${table}: ${copied.toLocaleString("en-CA")} of ${total.toLocaleString("en-CA")}`);
          lastTable = table;
        }
      },
    });
    // As after any bulk load (PostgreSQL's "Populating a Database"): the planner's statistics, and
    // the visibility map and frozen rows that autovacuum would otherwise work out during the
    // measurements (minutes of reading a 6 GB file, throttled, beside every query).
    await sql`vacuum (analyze, freeze)`.execute(db);
  } finally {
    await source.destroy();
  }
  const copySeconds = (Date.now() - started) / 1000;
  const raw = await postgresRaw(url, 4);
  return {
    url,
    db,
    raw,
    version,
    copySeconds,
    async drop() {
      await raw.close();
      await db.destroy();
      const again = new pg.Client({ connectionString: input.serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
