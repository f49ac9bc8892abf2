import { type Kysely, sql } from "kysely";

// Two lists on every queue page looked at every case of the SSM to find the few they show (Toronto's
// 126,000 cases at a million): "needs attention first" (#20: a message after closing, a filer to
// call), 245 ms, and the provider stage's overview (#17: cases referred to their provider), 209 ms.
// A partial index for each holds only the cases it can show. Same SQL on SQLite and PostgreSQL; each
// query repeats its index's condition word for word, which SQLite needs to use a partial index.
// Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_attention on cases (area_slug)
    where message_after_close_at is not null or call_filer_since is not null`.execute(db);
  await sql`create index cases_referred_to_provider on cases (area_slug) where provider_referred_at is not null`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
