import { type Kysely, sql } from "kysely";

// The queue's "needs attention first" list (#20: a message after closing, a filer to call) looked at
// every case of the SSM to find the few flagged: 245 ms for Toronto's 126,000 cases at a million,
// on every queue page. A partial index holds only the flagged cases, so the list reads those and
// nothing else. Same SQL on SQLite and PostgreSQL; the queue's query repeats the index's condition
// word for word, which SQLite needs to use a partial index. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_attention on cases (area_slug)
    where message_after_close_at is not null or call_filer_since is not null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
