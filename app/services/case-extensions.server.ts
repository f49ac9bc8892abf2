import type { DB } from "../../db/client";
import { extendDeadline, type ExtensionRefusal } from "../domain/case-lifecycle-extension";
import { actorOf, authorize, caseFor, caseScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { changeWithNotices } from "./case-notices.server";
import { CaseActionRefused, lifecycleInput, loadCaseContext, runCaseAction } from "./case-records.server";

export type ExtendRefusal = ExtensionRefusal | "not_found" | "stale";

/**
 * Staff extend the case's running decision deadline (issue #17): the rule decides whether and how
 * far; the clock, the public timeline entry, the audit entry and the filer's email (in their
 * language) are written together.
 */
export async function extendCaseDeadline(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  expectedVersion: number;
  businessDays: number;
  reason: string;
  now: Date;
}): Promise<{ ok: true } | { ok: false; reason: ExtendRefusal }> {
  const { db, user, now } = input;
  return runCaseAction<ExtendRefusal>(db, now, async (trx) => {
    const actor = await actorOf(trx, user);
    const row = await caseFor(trx, actor, "case.read", { reference: input.reference });
    if (!row || !authorize(actor, "case.extend", { type: "case", case: caseScopeOf(row) }))
      throw new CaseActionRefused<ExtendRefusal>("not_found");
    if (row.version !== input.expectedVersion) throw new CaseActionRefused<ExtendRefusal>("stale");
    const context = await loadCaseContext(trx, row);
    const result = extendDeadline(lifecycleInput(row, context, now), {
      businessDays: input.businessDays,
      reason: input.reason,
    });
    if (!result.ok) throw new CaseActionRefused<ExtendRefusal>(result.reason);
    const change = await changeWithNotices({
      trx,
      row,
      context,
      change: result.change,
      actor: { kind: "staff", userId: user.id },
      now,
    });
    change.audit = {
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "case.extend",
      details: { businessDays: input.businessDays, level: row.level },
    };
    return { row, change };
  });
}
