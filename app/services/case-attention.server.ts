import type { DB } from "../../db/client";
import { clearAttentionTask, type AttentionTask } from "../domain/case-lifecycle-attention";
import { actorOf, authorize, caseFor, caseScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { CaseActionRefused, caseChangeOf, lifecycleInput, loadCaseContext, runCaseAction } from "./case-records.server";

export type ClearAttentionRefusal = "not_found" | "not_open" | "stale";

class Refused extends CaseActionRefused<ClearAttentionRefusal> {}

/**
 * Staff mark a queue task dealt with (#20): the new message on a closed case was read, or the filer
 * was phoned. An audited staff action through the lifecycle; the case's status does not change.
 */
export async function clearCaseAttention(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  task: AttentionTask;
  note: string | null;
  now: Date;
}): Promise<{ ok: true } | { ok: false; reason: ClearAttentionRefusal }> {
  const { db, user, now } = input;
  return runCaseAction<ClearAttentionRefusal>(db, now, async (trx) => {
    const actor = await actorOf(trx, user);
    const row = await caseFor(trx, actor, "case.read", { reference: input.reference });
    if (!row || !authorize(actor, "case.work", { type: "case", case: caseScopeOf(row) }))
      throw new Refused("not_found");
    const context = await loadCaseContext(trx, row);
    const transition = clearAttentionTask(lifecycleInput(row, context, now), input.task, input.note);
    if (!transition) throw new Refused("not_open");
    const change = caseChangeOf(transition, { kind: "staff", userId: user.id });
    change.audit = {
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "case.attention_cleared",
      details: { task: input.task },
    };
    return { row, change };
  });
}
