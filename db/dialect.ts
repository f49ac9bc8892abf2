import { type Kysely, PostgresAdapter } from "kysely";

/**
 * A handle that reaches tables by name whatever today's Database type says: the migrator and the
 * copy tool work table by table, as Kysely advises for migrations. Everything else uses Kysely<Database>.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one schema-free handle, see above
export type SchemaFreeDb = Kysely<any>;

/** Whether this handle talks to PostgreSQL (else SQLite): the few places the dialects differ ask this. */
export function isPostgres<Tables>(db: Kysely<Tables>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** `postgres://` and `postgresql://` URLs name a PostgreSQL server; anything else is a SQLite file. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}
