import type { DB } from "../../db/client";
import { listLinkedCases } from "../../db/repositories/case-links";
import { findCaseById } from "../../db/repositories/cases";
import { findCasePanel, listCaseHandlersBelow, listPanelMembers } from "../../db/repositories/panels";
import { panelRequired } from "../domain/case-lifecycle";
import { extensionRefusal } from "../domain/case-lifecycle-extension";
import { panelConflict } from "../domain/panel";
import { extensionLimit } from "../domain/policy";
import { actorOf, authorize, caseFor, caseScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { lifecycleInput, loadCaseContext } from "./case-records.server";

/**
 * What the case page shows of issue #17 beside the case itself: whether the deadline may be
 * extended, the related cases (and a merge either way), and the panel at level 3. Null when the
 * staff member may not read the case.
 */
export async function caseRelationsView(input: { db: DB; user: SessionUser; reference: string; now: Date }) {
  const { db, user, now } = input;
  const actor = await actorOf(db, user);
  const row = await caseFor(db, actor, "case.read", { reference: input.reference });
  if (!row) return null;
  const scope = { type: "case", case: caseScopeOf(row) } as const;
  const context = await loadCaseContext(db, row);
  const links = await listLinkedCases(db, row.id);
  const mergedInto = row.merged_into_case_id ? await findCaseById(db, row.merged_into_case_id) : null;
  const atPanel = panelRequired(row.level);
  const panel = atPanel ? await findCasePanel(db, row.id, row.level) : null;
  const mayFormPanel = atPanel && authorize(actor, "panel.form", scope);
  const handlers = mayFormPanel ? await listCaseHandlersBelow(db, row.id, row.level) : [];
  const roster = mayFormPanel ? await listPanelMembers(db, user.organization_id) : [];
  const parties = { respondentOrgId: row.respondent_org_id, filerOrgId: row.filer_org_id, handlerUserIds: handlers };
  return {
    extension: authorize(actor, "case.extend", scope)
      ? { refusal: extensionRefusal(lifecycleInput(row, context, now)), limit: extensionLimit(context.policy.policy) }
      : null,
    mayLink: authorize(actor, "case.link", scope) && row.merged_into_case_id === null,
    links: links.map((l) => ({
      kind: l.kind,
      reference: l.reference,
      status: l.status,
      mergedHere: l.mergedIntoCaseId === row.id,
    })),
    mergedInto: mergedInto?.reference ?? null,
    panel: atPanel
      ? {
          sat: panel?.names ?? null,
          // Each member with the conflict that would refuse them here, so the form can say so.
          roster: roster.map((m) => ({
            id: m.id,
            name: m.name,
            affiliation: m.affiliation,
            conflict: panelConflict(m, parties),
          })),
          mayForm: mayFormPanel,
        }
      : null,
  };
}
