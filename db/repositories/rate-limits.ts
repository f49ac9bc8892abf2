import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";
import type { Database } from "../schema";

/** The first key of the two-key advisory locks taken on PostgreSQL per bucket (any constant not used elsewhere). */
const BUCKET_LOCK_CLASS = 7_150_002;

export async function countEventsSince(db: Kysely<Database>, bucket: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("rate_limit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("bucket", "=", bucket)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface ReserveInput {
  buckets: string[];
  since: string;
  at: string;
  max: number;
}

/**
 * Counts each bucket's events since `since` and, only if every count is under `max`, records one
 * event at `at` in each: true when recorded. The count and the insert are one step that no other
 * caller, in this process or another, can come between (issue #15: 40 simultaneous guesses all
 * counted 9 and all went on). SQLite: the write lock, taken at BEGIN IMMEDIATE. PostgreSQL: an
 * advisory lock per bucket, taken in sorted order so two callers never wait on each other, held to
 * the commit; READ COMMITTED lets the count after it see what the previous holder inserted.
 */
export async function reserveEvents(db: Kysely<Database>, input: ReserveInput): Promise<boolean> {
  const buckets = [...new Set(input.buckets)].sort();
  const work = (trx: Kysely<Database>) => reserveEventsInWriteTransaction(trx, input);
  if (isPostgres(db)) {
    return db.transaction().execute(async (trx) => {
      for (const bucket of buckets)
        await sql`select pg_advisory_xact_lock(${BUCKET_LOCK_CLASS}, hashtext(${bucket}::text))`.execute(trx);
      return work(trx);
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const reserved = await work(conn);
      await sql`commit`.execute(conn);
      return reserved;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/**
 * reserveEvents' count and insert, for a caller already inside a write transaction that runs alone
 * among writers (db/client.ts writeTransaction: SQLite's write lock, PostgreSQL's write lock), so
 * nothing can come between them; used where the attempt's own writes share the commit (a filing).
 */
export async function reserveEventsInWriteTransaction(trx: Kysely<Database>, input: ReserveInput): Promise<boolean> {
  const buckets = [...new Set(input.buckets)].sort();
  for (const bucket of buckets) {
    if ((await countEventsSince(trx, bucket, input.since)) >= input.max) return false;
  }
  if (buckets.length)
    await trx
      .insertInto("rate_limit_events")
      .values(buckets.map((bucket) => ({ bucket, at: input.at })))
      .execute();
  return true;
}

/** Takes back one event per bucket recorded at `at` (by reserveEvents): the attempt did not count. */
export async function releaseEvents(db: Kysely<Database>, buckets: string[], at: string): Promise<void> {
  // The table has no id; any one row of a bucket with that time is as good as another. rowid and
  // ctid are each database's own row address.
  const rowAddress = isPostgres(db) ? sql.raw("ctid") : sql.raw("rowid");
  for (const bucket of new Set(buckets)) {
    await sql`delete from rate_limit_events where ${rowAddress} = (select ${rowAddress} from rate_limit_events where bucket = ${bucket} and at = ${at} limit 1)`.execute(
      db,
    );
  }
}

export async function pruneEventsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom("rate_limit_events").where("at", "<", before).execute();
}
