import { type Kysely, PostgresAdapter, sql } from "kysely";

// The queue's search (a reference or a filer's name, anywhere in it: `lower(x) like '%…%'`) cannot
// use a b-tree index. SQLite walks the SSM's cases in queue order in process and stops at the page
// (20 ms at a million cases); PostgreSQL read Toronto's 126,000 cases for it, 203 ms (bench/RESULTS.md).
// On PostgreSQL a trigram index (pg_trgm, a standard module every distribution ships, trusted, so a
// database owner may add it) answers the same condition, word for word. Where the module is not
// installed or the role may not add it, the search stays correct, only slower: nothing is created.
// Nothing on SQLite. Frozen once released.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  const { rows } = await sql<{ usable: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm')
      or (exists (select 1 from pg_available_extensions where name = 'pg_trgm')
          and has_database_privilege(current_user, current_database(), 'CREATE')) as usable`.execute(db);
  if (!rows[0]?.usable) {
    console.warn("Migration 0029: pg_trgm is not available here; the queue's search works without its index.");
    return;
  }
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index cases_reference_trgm on cases using gin (lower(reference) gin_trgm_ops)`.execute(db);
  await sql`create index cases_filer_name_trgm on cases using gin (lower(filer_name) gin_trgm_ops)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
