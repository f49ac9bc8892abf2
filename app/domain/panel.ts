import { PANEL_LEVEL } from "./case-lifecycle";

/**
 * Independent panels at level 3 (issue #17): who may sit. A member is refused when they work for
 * the respondent provider, are SSM staff who handled the case at an earlier level, or declared a
 * conflict with a party (the respondent provider, or the provider that raised a dispute). Pure:
 * the service loads the roster, the parties and the case's handlers, and asks here.
 */
export interface PanelMember {
  id: number;
  name: string;
  /** The organization the member works for, when the app knows it. */
  affiliationOrgId: number | null;
  /** The member's SSM staff account, when they are also staff. */
  userId: number | null;
  conflictOrgIds: readonly number[];
}

export interface PanelParties {
  /** The provider the complaint is about (or the SSM a dispute is with: never a roster org). */
  respondentOrgId: number | null;
  /** The provider that raised a dispute; null for a client's complaint. */
  filerOrgId: number | null;
  /** SSM staff who acted on or were assigned the case at levels 1–2. */
  handlerUserIds: readonly number[];
}

export type PanelConflict = "respondent" | "handled" | "declared";

/** Why this member may not sit, or null: the first reason that applies. */
export function panelConflict(member: PanelMember, parties: PanelParties): PanelConflict | null {
  if (parties.respondentOrgId !== null && member.affiliationOrgId === parties.respondentOrgId) return "respondent";
  if (member.userId !== null && parties.handlerUserIds.includes(member.userId)) return "handled";
  const partyOrgs = [parties.respondentOrgId, parties.filerOrgId].filter((id): id is number => id !== null);
  if (member.affiliationOrgId !== null && parties.filerOrgId === member.affiliationOrgId) return "declared";
  if (member.conflictOrgIds.some((id) => partyOrgs.includes(id))) return "declared";
  return null;
}

export type PanelRefusal =
  | { reason: "not_panel_level" }
  | { reason: "empty" }
  | { reason: "unknown_member" }
  | { reason: "conflicted"; conflicts: { member: PanelMember; conflict: PanelConflict }[] };

/**
 * Forms the panel from the chosen roster ids, or refuses it whole, naming every conflicted member:
 * a panel never holds a conflicted member.
 */
export function formPanel(input: {
  level: number;
  roster: readonly PanelMember[];
  chosenIds: readonly number[];
  parties: PanelParties;
}): { ok: true; members: PanelMember[] } | { ok: false; refusal: PanelRefusal } {
  if (input.level !== PANEL_LEVEL) return { ok: false, refusal: { reason: "not_panel_level" } };
  const ids = [...new Set(input.chosenIds)];
  if (ids.length === 0) return { ok: false, refusal: { reason: "empty" } };
  const members = ids.map((id) => input.roster.find((m) => m.id === id));
  if (members.some((m) => m === undefined)) return { ok: false, refusal: { reason: "unknown_member" } };
  const conflicts = (members as PanelMember[])
    .map((member) => ({ member, conflict: panelConflict(member, input.parties) }))
    .filter((c): c is { member: PanelMember; conflict: PanelConflict } => c.conflict !== null);
  if (conflicts.length) return { ok: false, refusal: { reason: "conflicted", conflicts } };
  return { ok: true, members: members as PanelMember[] };
}
