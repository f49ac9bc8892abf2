import type { Kysely } from "kysely";
import type { Database } from "../schema";

export async function insertFilerSession(
  db: Kysely<Database>,
  session: { id: string; caseId: number; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto("filer_sessions")
    .values({ id: session.id, case_id: session.caseId, created_at: session.now, expires_at: session.expiresAt })
    .execute();
}

export async function findFilerSessionCase(db: Kysely<Database>, id: string, now: string): Promise<number | null> {
  const row = await db
    .selectFrom("filer_sessions")
    .select("case_id")
    .where("id", "=", id)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row?.case_id ?? null;
}

export async function deleteFilerSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("filer_sessions").where("id", "=", id).execute();
}

/** Ends every open filer session of a case (its access code was replaced). */
export async function deleteFilerSessionsOfCase(db: Kysely<Database>, caseId: number): Promise<void> {
  await db.deleteFrom("filer_sessions").where("case_id", "=", caseId).execute();
}
