import type { Kysely } from "kysely";
import type { Database } from "../schema";

export async function insertCaseAccessLink(
  db: Kysely<Database>,
  link: { caseId: number; tokenHash: string; purpose: "acknowledgement" | "recovery"; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto("case_access_links")
    .values({
      case_id: link.caseId,
      token_hash: link.tokenHash,
      purpose: link.purpose,
      created_at: link.now,
      expires_at: link.expiresAt,
      used_at: null,
      revoked_at: null,
    })
    .execute();
}

/** The case a link opens, while it is unused, unrevoked and unexpired. */
export async function findUsableCaseAccessLink(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<{ id: number; caseId: number } | null> {
  const row = await db
    .selectFrom("case_access_links")
    .select(["id", "case_id"])
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row ? { id: row.id, caseId: row.case_id } : null;
}

/** Uses the link only if nobody used or revoked it first: true when this call won. */
export async function useCaseAccessLink(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("case_access_links")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeOpenCaseAccessLinks(db: Kysely<Database>, caseId: number, now: string): Promise<void> {
  await db
    .updateTable("case_access_links")
    .set({ revoked_at: now })
    .where("case_id", "=", caseId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}
