import type { Kysely } from "kysely";
import type { Database } from "../schema";

// Evidence files as numbered chunks (migration 0025), written inside the attachment's transaction.

export async function insertAttachmentChunk(
  db: Kysely<Database>,
  storedName: string,
  seq: number,
  data: Uint8Array,
): Promise<void> {
  await db.insertInto("attachment_chunks").values({ stored_name: storedName, seq, data }).execute();
}

/** One chunk, or null past the last one (or for a file that is not there). */
export async function readAttachmentChunk(
  db: Kysely<Database>,
  storedName: string,
  seq: number,
): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom("attachment_chunks")
    .select("data")
    .where("stored_name", "=", storedName)
    .where("seq", "=", seq)
    .executeTakeFirst();
  return row ? row.data : null;
}

/** Removes the files' chunks; returns how many files had any. */
export async function deleteAttachmentChunks(db: Kysely<Database>, storedNames: readonly string[]): Promise<number> {
  if (storedNames.length === 0) return 0;
  const files = await db
    .selectFrom("attachment_chunks")
    .select("stored_name")
    .where("stored_name", "in", [...storedNames])
    .where("seq", "=", 0)
    .execute();
  await db
    .deleteFrom("attachment_chunks")
    .where("stored_name", "in", [...storedNames])
    .execute();
  return files.length;
}
