import { type Kysely, PostgresAdapter } from "kysely";

/** Whether this handle talks to PostgreSQL (else SQLite): the few places the dialects differ ask this. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** `postgres://` and `postgresql://` URLs name a PostgreSQL server; anything else is a SQLite file. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}
