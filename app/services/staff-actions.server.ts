import type { DB } from "../../db/client";
import { listActiveUsersOfOrganization } from "../../db/repositories/users";
import type { CaseRow } from "../../db/schema";
import type { LifecycleRefusal } from "../domain/case-lifecycle";
import { staffTransition, type StaffLifecycleCommand } from "../domain/case-lifecycle-staff";
import { permissionForStaffAction, roleMay } from "../domain/access";
import { actorOf, authorize, caseFor, caseScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { noticeEmails } from "./case-notices.server";
import { panelNamesOf } from "./panels.server";
import {
  CaseActionRefused,
  caseChangeOf,
  lifecycleInput,
  loadCaseContext,
  runCaseAction,
  type CaseChange,
  type CaseContext,
} from "./case-records.server";

/** What a route asks: the lifecycle's commands, with the colleague to assign named by id. */
export type StaffCommand =
  /** Assign the case: to the staff member acting, or to a colleague of the same SSM. */
  { action: "take"; assigneeId?: number } | Exclude<StaffLifecycleCommand, { action: "take" }>;

export type StaffActionRefusal = LifecycleRefusal | "not_found" | "stale";
export type StaffActionResult = { ok: true } | { ok: false; reason: StaffActionRefusal };

class Refused extends CaseActionRefused<StaffActionRefusal> {}

/** Loads what the rules cannot know (the colleague to assign), asks the lifecycle rules, renders. */
async function changeFor(
  trx: DB,
  user: SessionUser,
  row: CaseRow,
  context: CaseContext,
  command: StaffCommand,
  now: Date,
): Promise<CaseChange> {
  let lifecycleCommand: StaffLifecycleCommand;
  if (command.action === "take") {
    const colleagues = await listActiveUsersOfOrganization(trx, user.organization_id);
    const assignee = colleagues.find((u) => u.id === (command.assigneeId ?? user.id));
    if (!assignee || !roleMay(assignee.role, "case.be_assigned")) throw new Refused("not_found");
    lifecycleCommand = { action: "take", assignee: { id: assignee.id, name: assignee.display_name } };
  } else if (command.action === "decide") {
    // A level-3 decision records who sat: the panel formed from the roster, when there is one.
    const sat = await panelNamesOf(trx, row);
    lifecycleCommand = sat ? { ...command, panel: sat.join(", ") } : command;
  } else {
    lifecycleCommand = command;
  }
  const result = staffTransition(lifecycleInput(row, context, now), lifecycleCommand);
  if (!result.ok) throw new Refused(result.reason);
  const emails = await noticeEmails({
    trx,
    row,
    area: context.area,
    notices: result.change.notices,
    key: `v${row.version + 1}`,
    now,
  });
  return caseChangeOf(result.change, { kind: "staff", userId: user.id }, emails);
}

/**
 * Applies one staff action if the case's state allows it and nobody changed the case since the
 * staff member loaded it (`expectedVersion`; notes are exempt, they overwrite nothing). Clocks,
 * timeline, audit entry and emails are written in the same transaction as the change.
 */
export async function performStaffAction(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  expectedVersion: number;
  command: StaffCommand;
  now: Date;
}): Promise<StaffActionResult> {
  const { db, user, command, now } = input;
  return runCaseAction<StaffActionRefusal>(db, now, async (trx) => {
    const actor = await actorOf(trx, user);
    const row = await caseFor(trx, actor, "case.read", { reference: input.reference });
    if (!row) throw new Refused("not_found");
    // Whoever may read an SSM's case may work it; what only managers may do (escalate) is refused as such.
    if (!authorize(actor, permissionForStaffAction(command.action), { type: "case", case: caseScopeOf(row) }))
      throw new Refused("managers_only");
    if (command.action !== "note" && row.version !== input.expectedVersion) throw new Refused("stale");
    const context = await loadCaseContext(trx, row);
    const change = await changeFor(trx, user, row, context, command, now);
    change.audit = {
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: `case.${command.action}`,
      details: command.action === "decide" ? { outcome: command.outcome } : null,
    };
    return { row, change };
  });
}
