import type { DB } from "../../db/client";
import { findCaseById } from "../../db/repositories/cases";
import { isOutstanding, resumeClock, stopClock } from "../domain/case-clocks";
import { FINISHED_STATUSES } from "../domain/case-workflow";
import { checkRecourseRequest, type RecourseRefusal } from "../domain/escalation";
import type { FilerCommand } from "../domain/filer-action-input";
import { escalationChange } from "./case-escalation.server";
import { CaseActionRefused, emptyChange, loadCaseContext, mergeChanges, runCaseAction, type CaseChange, type CaseContext } from "./case-records.server";
import type { CaseRow } from "../../db/schema";

export type { FilerCommand };

export type FilerActionResult = { ok: true } | { ok: false; reason: RecourseRefusal | "finished" | "stale" };

class Refused extends CaseActionRefused<RecourseRefusal | "finished"> {}

async function changeFor(trx: DB, row: CaseRow, context: CaseContext, command: FilerCommand, now: Date, actorUserId: number | null): Promise<CaseChange> {
  const filer = { actorKind: "filer" as const, actorUserId };
  // Asking for a review has its own window, which closing the case does not end (checked below).
  if (FINISHED_STATUSES.includes(row.status) && command.action !== "request_recourse") throw new Refused("finished");
  const change = emptyChange();
  switch (command.action) {
    case "add_information": {
      change.events.push({ type: "filer_info", visibility: "public", ...filer, body: command.message });
      // The SSM was waiting for this: the decision clock runs again, with the paused time added back.
      if (row.status === "waiting_for_filer") {
        const paused = context.clocks.find((c) => c.kind === "decision" && c.level === row.level && c.state === "paused");
        if (paused) change.clockUpdates.push({ stored: paused, next: resumeClock(paused, now, context.policy.policy.calendar) });
        change.patch = { status: "in_review" };
        change.events.push({ type: "clock_resumed", visibility: "internal", ...filer, data: { reason: "filer_added_information" } });
      }
      return change;
    }
    case "request_recourse": {
      const check = checkRecourseRequest({ policy: context.policy.policy, status: row.status, level: row.level, recourseDeadlineAt: row.recourse_deadline_at, now });
      if (!check.ok) throw new Refused(FINISHED_STATUSES.includes(row.status) && check.reason === "not_decided" ? "finished" : check.reason);
      change.events.push({ type: "recourse_requested", visibility: "public", ...filer, body: command.reasons, level: row.level });
      const escalation = await escalationChange({ trx, row, context, cause: "recourse", actorUserId: null, now });
      if (!escalation) throw new Refused("top_level");
      return mergeChanges(change, escalation);
    }
    case "withdraw":
      change.patch = { status: "withdrawn", closed_at: now.toISOString() };
      change.clockUpdates = context.clocks.filter(isOutstanding).map((stored) => ({ stored, next: stopClock(stored) }));
      change.events.push({ type: "withdrawn", visibility: "public", ...filer });
      return change;
  }
}

/** What the filer does on /status, on the case their access opened. Written in one transaction. */
export async function performFilerAction(input: {
  db: DB;
  caseId: number;
  command: FilerCommand;
  now: Date;
  /** A provider user acting on their organization's dispute; null for a client on /status. */
  actorUserId?: number | null;
}): Promise<FilerActionResult> {
  return runCaseAction<RecourseRefusal | "finished">(input.db, input.now, async (trx) => {
    const row = await findCaseById(trx, input.caseId);
    if (!row) throw new Refused("finished");
    const context = await loadCaseContext(trx, row);
    const change = await changeFor(trx, row, context, input.command, input.now, input.actorUserId ?? null);
    change.audit = { actorUserId: input.actorUserId ?? null, actorLabel: "filer", organizationId: context.area.ssm.id, action: `case.filer.${input.command.action}`, details: null };
    return { row, change };
  });
}
