import type { Kysely } from "kysely";
import type { CaseLinkKind, CaseStatus } from "../../app/domain/vocabulary";
import type { Database } from "../schema";

export interface LinkedCase {
  linkId: number;
  kind: CaseLinkKind;
  caseId: number;
  reference: string;
  status: CaseStatus;
  /** The other case was merged into this one, or this one into it. */
  mergedIntoCaseId: number | null;
}

/** Every case linked to `caseId`, whichever side the link was written from. */
export async function listLinkedCases(db: Kysely<Database>, caseId: number): Promise<LinkedCase[]> {
  const rows = await db
    .selectFrom("case_links as l")
    .innerJoin("cases as c", (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb("l.case_id", "=", caseId), eb("c.id", "=", eb.ref("l.related_case_id"))]),
          eb.and([eb("l.related_case_id", "=", caseId), eb("c.id", "=", eb.ref("l.case_id"))]),
        ]),
      ),
    )
    .select(["l.id as linkId", "l.kind", "c.id as caseId", "c.reference", "c.status", "c.merged_into_case_id"])
    .orderBy("l.id")
    .execute();
  return rows.map((r) => ({
    linkId: r.linkId,
    kind: r.kind,
    caseId: r.caseId,
    reference: r.reference,
    status: r.status,
    mergedIntoCaseId: r.merged_into_case_id,
  }));
}

export async function insertCaseLink(
  db: Kysely<Database>,
  link: { caseId: number; relatedCaseId: number; kind: CaseLinkKind; createdBy: number; at: string },
): Promise<void> {
  await db
    .insertInto("case_links")
    .values({
      case_id: link.caseId,
      related_case_id: link.relatedCaseId,
      kind: link.kind,
      created_by: link.createdBy,
      created_at: link.at,
    })
    .execute();
}
