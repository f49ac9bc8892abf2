import type { Insertable, Kysely } from "kysely";
import type { AttachmentRow, AttachmentTable, Database } from "../schema";

export async function insertAttachment(db: Kysely<Database>, row: Insertable<AttachmentTable>): Promise<number> {
  const inserted = await db.insertInto("attachments").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function listAttachmentsOfCase(
  db: Kysely<Database>,
  caseId: number,
  options: { publicOnly: boolean },
): Promise<AttachmentRow[]> {
  let query = db.selectFrom("attachments").selectAll().where("case_id", "=", caseId).orderBy("id");
  if (options.publicOnly) query = query.where("visibility", "=", "public");
  return query.execute();
}

export async function findAttachmentById(db: Kysely<Database>, id: number): Promise<AttachmentRow | null> {
  return (await db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Shows the client the files of the provider's answer once the answer itself is theirs to read. */
export async function shareRespondentAttachments(db: Kysely<Database>, caseId: number): Promise<void> {
  await db
    .updateTable("attachments")
    .set({ visibility: "public" })
    .where("case_id", "=", caseId)
    .where("uploaded_by_kind", "=", "respondent")
    .where("visibility", "=", "internal")
    .execute();
}
