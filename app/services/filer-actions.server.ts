import type { DB } from "../../db/client";
import { findCaseById } from "../../db/repositories/cases";
import { filerTransition, type FilerLifecycleCommand } from "../domain/case-lifecycle-filer";
import type { RecourseRefusal } from "../domain/escalation";
import { noticeEmails } from "./case-notices.server";
import {
  CaseActionRefused,
  caseChangeOf,
  lifecycleInput,
  loadCaseContext,
  runCaseAction,
  type CaseChange,
  type CaseContext,
} from "./case-records.server";
import type { CaseRow } from "../../db/schema";

export type FilerCommand = FilerLifecycleCommand;

export type FilerActionResult = { ok: true } | { ok: false; reason: RecourseRefusal | "finished" | "stale" };
type FilerRefusal = RecourseRefusal | "finished";

class Refused extends CaseActionRefused<FilerRefusal> {}

async function changeFor(
  trx: DB,
  row: CaseRow,
  context: CaseContext,
  command: FilerCommand,
  now: Date,
  actorUserId: number | null,
): Promise<CaseChange> {
  const result = filerTransition(lifecycleInput(row, context, now), command);
  // A filer can cause only these refusals; anything else would be a rule's mistake.
  if (!result.ok) throw new Refused(result.reason as FilerRefusal);
  const emails = await noticeEmails({
    trx,
    row,
    area: context.area,
    notices: result.change.notices,
    key: `v${row.version + 1}`,
    now,
  });
  return caseChangeOf(result.change, { kind: "filer", userId: actorUserId }, emails);
}

/** What the filer does on /status, on the case their access opened. Written in one transaction. */
export async function performFilerAction(input: {
  db: DB;
  caseId: number;
  command: FilerCommand;
  now: Date;
  /** A provider user acting on their organization's dispute; null for a client on /status. */
  actorUserId?: number | null;
  /** Written in the same transaction, e.g. the Message-ID of the email that carried the command (#20). */
  alsoInTransaction?: (trx: DB, row: CaseRow) => Promise<void>;
}): Promise<FilerActionResult> {
  return runCaseAction<FilerRefusal>(input.db, input.now, async (trx) => {
    const row = await findCaseById(trx, input.caseId);
    if (!row) throw new Refused("finished");
    const context = await loadCaseContext(trx, row);
    const change = await changeFor(trx, row, context, input.command, input.now, input.actorUserId ?? null);
    change.audit = {
      actorUserId: input.actorUserId ?? null,
      actorLabel: "filer",
      organizationId: context.area.ssm.id,
      action: `case.filer.${input.command.action}`,
      details: null,
    };
    await input.alsoInTransaction?.(trx, row);
    return { row, change };
  });
}
