import type { Kysely } from "kysely";
import type { Database } from "../schema";

export async function countEventsSince(db: Kysely<Database>, bucket: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("rate_limit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("bucket", "=", bucket)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordEvent(db: Kysely<Database>, bucket: string, at: string): Promise<void> {
  await db.insertInto("rate_limit_events").values({ bucket, at }).execute();
}

export async function pruneEventsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom("rate_limit_events").where("at", "<", before).execute();
}
