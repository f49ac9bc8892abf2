import { writeTransaction, type DB } from "../../db/client";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { insertCaseEvent } from "../../db/repositories/case-events";
import { listActiveProvidersInArea } from "../../db/repositories/areas";
import {
  findCasePanel,
  insertCasePanel,
  insertPanelMember,
  listCaseHandlersBelow,
  listPanelMembers,
  retirePanelMember,
} from "../../db/repositories/panels";
import { listActiveUsersOfOrganization } from "../../db/repositories/users";
import type { CaseRow } from "../../db/schema";
import { formPanel, type PanelConflict, type PanelParties } from "../domain/panel";
import { actorOf, authorize, caseFor, caseScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";

/** The SSM of a manager who may keep the roster, or null (shown as not found). */
async function rosterScope(db: DB, user: SessionUser) {
  const actor = await actorOf(db, user);
  const area = actor.organization?.areaSlug;
  if (!area || !authorize(actor, "panel.roster", { type: "area", areaSlug: area })) return null;
  return { ssmOrgId: actor.organization!.id, areaSlug: area };
}

/** The roster page: members, and what a member may be tied to (the area's providers, the SSM's staff). */
export async function panelRosterView(db: DB, user: SessionUser) {
  const scope = await rosterScope(db, user);
  if (!scope) return null;
  const [members, providers, staff] = await Promise.all([
    listPanelMembers(db, scope.ssmOrgId),
    listActiveProvidersInArea(db, scope.areaSlug),
    listActiveUsersOfOrganization(db, scope.ssmOrgId),
  ]);
  return {
    members,
    providers: providers.map((p) => ({ id: p.id, name_en: p.name_en, name_fr: p.name_fr })),
    staff: staff.map((u) => ({ id: u.id, name: u.display_name })),
  };
}

export async function addPanelMember(input: {
  db: DB;
  user: SessionUser;
  name: string;
  affiliation: string;
  affiliationOrgId: number | null;
  userId: number | null;
  conflictOrgIds: number[];
  now: Date;
}): Promise<boolean> {
  const { db, user, now } = input;
  return writeTransaction(db, async (trx) => {
    const scope = await rosterScope(trx, user);
    if (!scope) return false;
    // Only the area's own providers and the SSM's own staff may be named: ids from a form are checked.
    const providers = new Set((await listActiveProvidersInArea(trx, scope.areaSlug)).map((p) => p.id));
    const staff = new Set((await listActiveUsersOfOrganization(trx, scope.ssmOrgId)).map((u) => u.id));
    if (input.affiliationOrgId !== null && !providers.has(input.affiliationOrgId)) return false;
    if (input.userId !== null && !staff.has(input.userId)) return false;
    const id = await insertPanelMember(trx, {
      ssmOrgId: scope.ssmOrgId,
      name: input.name,
      affiliation: input.affiliation,
      affiliationOrgId: input.affiliationOrgId,
      userId: input.userId,
      conflictOrgIds: input.conflictOrgIds.filter((o) => providers.has(o)),
      at: now.toISOString(),
    });
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "panel.roster_add",
      targetType: "panel_member",
      targetId: String(id),
      details: null,
    });
    return true;
  });
}

export async function removePanelMember(input: { db: DB; user: SessionUser; memberId: number; now: Date }) {
  const { db, user, now } = input;
  return writeTransaction(db, async (trx) => {
    const scope = await rosterScope(trx, user);
    if (!scope || !(await retirePanelMember(trx, scope.ssmOrgId, input.memberId))) return false;
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "panel.roster_remove",
      targetType: "panel_member",
      targetId: String(input.memberId),
      details: null,
    });
    return true;
  });
}

async function partiesOf(db: DB, row: CaseRow): Promise<PanelParties> {
  return {
    respondentOrgId: row.respondent_org_id,
    filerOrgId: row.filer_org_id,
    handlerUserIds: await listCaseHandlersBelow(db, row.id, row.level),
  };
}

export type FormPanelResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_panel_level" | "empty" | "unknown_member" }
  | { ok: false; reason: "conflicted"; conflicts: { name: string; conflict: PanelConflict }[] };

/** A manager seats a panel on a level-3 case; refused whole if any chosen member is conflicted. */
export async function formCasePanel(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  memberIds: number[];
  now: Date;
}): Promise<FormPanelResult> {
  const { db, user, now } = input;
  return writeTransaction(db, async (trx): Promise<FormPanelResult> => {
    const actor = await actorOf(trx, user);
    const row = await caseFor(trx, actor, "case.read", { reference: input.reference });
    if (!row || !authorize(actor, "panel.form", { type: "case", case: caseScopeOf(row) }))
      return { ok: false, reason: "not_found" };
    const result = formPanel({
      level: row.level,
      roster: await listPanelMembers(trx, user.organization_id),
      chosenIds: input.memberIds,
      parties: await partiesOf(trx, row),
    });
    if (!result.ok) {
      const r = result.refusal;
      return r.reason === "conflicted"
        ? {
            ok: false,
            reason: "conflicted",
            conflicts: r.conflicts.map((c) => ({ name: c.member.name, conflict: c.conflict })),
          }
        : { ok: false, reason: r.reason };
    }
    const at = now.toISOString();
    await insertCasePanel(trx, {
      caseId: row.id,
      level: row.level,
      memberIds: result.members.map((m) => m.id),
      formedBy: user.id,
      at,
    });
    await insertCaseEvent(trx, {
      case_id: row.id,
      type: "internal_note",
      visibility: "internal",
      actor_kind: "staff",
      actor_user_id: user.id,
      level: row.level,
      body: result.members.map((m) => m.name).join(", "),
      data_json: JSON.stringify({ panelFormed: result.members.map((m) => m.id) }),
      created_at: at,
    });
    await appendAuditEntry(trx, {
      at,
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "case.panel_form",
      targetType: "case",
      targetId: row.reference,
      details: { members: result.members.map((m) => m.id) },
    });
    return { ok: true };
  });
}

/** Who sits on the case's panel at its level, by name: what a level-3 decision records. */
export async function panelNamesOf(db: DB, row: Pick<CaseRow, "id" | "level">): Promise<string[] | null> {
  const panel = await findCasePanel(db, row.id, row.level);
  return panel ? panel.names : null;
}
