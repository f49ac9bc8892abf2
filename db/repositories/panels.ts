import type { Kysely } from "kysely";
import type { PanelMember } from "../../app/domain/panel";
import type { Database } from "../schema";

export interface StoredPanelMember extends PanelMember {
  affiliation: string;
}

function toMember(row: {
  id: number;
  name: string;
  affiliation: string;
  affiliation_org_id: number | null;
  user_id: number | null;
  conflict_org_ids_json: string;
}): StoredPanelMember {
  return {
    id: row.id,
    name: row.name,
    affiliation: row.affiliation,
    affiliationOrgId: row.affiliation_org_id,
    userId: row.user_id,
    conflictOrgIds: JSON.parse(row.conflict_org_ids_json) as number[],
  };
}

/** The SSM's active roster, by name. */
export async function listPanelMembers(db: Kysely<Database>, ssmOrgId: number): Promise<StoredPanelMember[]> {
  const rows = await db
    .selectFrom("panel_members")
    .selectAll()
    .where("ssm_org_id", "=", ssmOrgId)
    .where("active", "=", 1)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(toMember);
}

export async function insertPanelMember(
  db: Kysely<Database>,
  input: {
    ssmOrgId: number;
    name: string;
    affiliation: string;
    affiliationOrgId: number | null;
    userId: number | null;
    conflictOrgIds: number[];
    at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("panel_members")
    .values({
      ssm_org_id: input.ssmOrgId,
      name: input.name,
      affiliation: input.affiliation,
      affiliation_org_id: input.affiliationOrgId,
      user_id: input.userId,
      conflict_org_ids_json: JSON.stringify([...new Set(input.conflictOrgIds)].sort((a, b) => a - b)),
      active: 1,
      created_at: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Taken off the roster; panels it sat on keep naming it. */
export async function retirePanelMember(db: Kysely<Database>, ssmOrgId: number, id: number): Promise<boolean> {
  const result = await db
    .updateTable("panel_members")
    .set({ active: 0 })
    .where("id", "=", id)
    .where("ssm_org_id", "=", ssmOrgId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The newest panel formed for the case at `level`: who sits, by name. */
export async function findCasePanel(
  db: Kysely<Database>,
  caseId: number,
  level: number,
): Promise<{ memberIds: number[]; names: string[]; formedAt: string } | null> {
  const row = await db
    .selectFrom("case_panels")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("level", "=", level)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!row) return null;
  const memberIds = JSON.parse(row.member_ids_json) as number[];
  const members = memberIds.length
    ? await db.selectFrom("panel_members").select(["id", "name"]).where("id", "in", memberIds).execute()
    : [];
  const names = memberIds.map((id) => members.find((m) => m.id === id)?.name ?? `#${id}`);
  return { memberIds, names, formedAt: row.formed_at };
}

export async function insertCasePanel(
  db: Kysely<Database>,
  input: { caseId: number; level: number; memberIds: number[]; formedBy: number; at: string },
): Promise<void> {
  await db
    .insertInto("case_panels")
    .values({
      case_id: input.caseId,
      level: input.level,
      member_ids_json: JSON.stringify(input.memberIds),
      formed_by: input.formedBy,
      formed_at: input.at,
    })
    .execute();
}

/** SSM staff who acted on the case, or were assigned it, below `level`: who may not sit on its panel. */
export async function listCaseHandlersBelow(db: Kysely<Database>, caseId: number, level: number): Promise<number[]> {
  const rows = await db
    .selectFrom("case_events")
    .select(["actor_user_id", "type", "data_json"])
    .where("case_id", "=", caseId)
    .where("level", "<", level)
    .where("actor_kind", "=", "staff")
    .execute();
  const ids = new Set<number>();
  for (const r of rows) {
    if (r.actor_user_id !== null) ids.add(r.actor_user_id);
    if (r.type === "assigned" && r.data_json) {
      const assignee = (JSON.parse(r.data_json) as { id?: unknown }).id;
      if (typeof assignee === "number") ids.add(assignee);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
