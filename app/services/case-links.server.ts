import type { DB } from "../../db/client";
import { insertCaseLink, listLinkedCases } from "../../db/repositories/case-links";
import type { CaseRow } from "../../db/schema";
import { emptyTransition } from "../domain/case-lifecycle";
import {
  linkRefusal,
  mergedIn,
  mergeIntoOriginal,
  mergeRefusal,
  type LinkRefusal,
  type MergeRefusal,
} from "../domain/case-lifecycle-merge";
import type { CaseLinkKind } from "../domain/vocabulary";
import { actorOf, authorize, caseFor, caseScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { noticeEmails } from "./case-notices.server";
import {
  CaseActionRefused,
  caseChangeOf,
  commitCaseChange,
  lifecycleInput,
  loadCaseContext,
  runCaseAction,
} from "./case-records.server";

/** not_found: the case of the page; other_not_found: the reference typed (or another SSM's case). */
export type LinkActionRefusal = LinkRefusal | MergeRefusal | "not_found" | "other_not_found" | "stale";
type Result = { ok: true } | { ok: false; reason: LinkActionRefusal };

class Refused extends CaseActionRefused<LinkActionRefusal> {}

/** Both cases, each only if the actor may link cases of its SSM (another SSM's reads as not found). */
async function bothCases(trx: DB, user: SessionUser, reference: string, otherReference: string) {
  const actor = await actorOf(trx, user);
  const load = async (ref: string) => {
    const row = await caseFor(trx, actor, "case.read", { reference: ref });
    return row && authorize(actor, "case.link", { type: "case", case: caseScopeOf(row) }) ? row : null;
  };
  const row = await load(reference);
  if (!row) throw new Refused("not_found");
  const other = await load(otherReference.trim());
  if (!other || other.area_slug !== row.area_slug) throw new Refused("other_not_found");
  return { row, other };
}

const side = (r: CaseRow) => ({ id: r.id, mergedIntoCaseId: r.merged_into_case_id });

/** Links the case to another of the same SSM; the link shows on both case pages. */
export async function linkCases(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  otherReference: string;
  kind: CaseLinkKind;
  now: Date;
}): Promise<Result> {
  const { db, user, now } = input;
  return runCaseAction<LinkActionRefusal>(db, now, async (trx) => {
    const { row, other } = await bothCases(trx, user, input.reference, input.otherReference);
    const refusal = linkRefusal(side(row), side(other), await listLinkedCases(trx, row.id));
    if (refusal) throw new Refused(refusal);
    await insertCaseLink(trx, {
      caseId: row.id,
      relatedCaseId: other.id,
      kind: input.kind,
      createdBy: user.id,
      at: now.toISOString(),
    });
    // Each timeline names the other case (staff only: neither filer learns of the other).
    const linkedTo = (reference: string) =>
      caseChangeOf(
        {
          ...emptyTransition(),
          events: [
            { type: "linked", visibility: "internal", actor: "actor", body: reference, data: { kind: input.kind } },
          ],
        },
        { kind: "staff", userId: user.id },
      );
    await commitCaseChange(trx, other, linkedTo(row.reference), now);
    const change = linkedTo(other.reference);
    change.audit = {
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "case.link",
      details: { related: other.reference, kind: input.kind },
    };
    return { row, change };
  });
}

/**
 * Merges a case linked as a duplicate into this one (the original). Both timelines stay; the
 * duplicate is closed as merged and its filer is told, in their language.
 */
export async function mergeDuplicate(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  duplicateReference: string;
  expectedVersion: number;
  now: Date;
}): Promise<Result> {
  const { db, user, now } = input;
  return runCaseAction<LinkActionRefusal>(db, now, async (trx) => {
    const { row, other: duplicate } = await bothCases(trx, user, input.reference, input.duplicateReference);
    if (row.version !== input.expectedVersion) throw new Refused("stale");
    const link = (await listLinkedCases(trx, row.id)).find((l) => l.caseId === duplicate.id);
    const refusal = mergeRefusal(side(row), side(duplicate), link);
    if (refusal) throw new Refused(refusal);
    const context = await loadCaseContext(trx, duplicate);
    const dupTransition = mergeIntoOriginal(lifecycleInput(duplicate, context, now), {
      id: row.id,
      reference: row.reference,
    });
    const emails = await noticeEmails({
      trx,
      row: duplicate,
      area: context.area,
      notices: dupTransition.notices,
      key: "merge",
      now,
    });
    const dupChange = caseChangeOf(dupTransition, { kind: "staff", userId: user.id });
    dupChange.audit = {
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "case.merge",
      details: { into: row.reference },
    };
    await commitCaseChange(trx, duplicate, dupChange, now);
    // The duplicate filer's email rides on this change, so the outbox worker is woken for it.
    const change = caseChangeOf(mergedIn(duplicate.reference), { kind: "staff", userId: user.id }, emails);
    // The original changes too (its version moves), so a colleague's stale form is refused.
    change.patch = {};
    return { row, change };
  });
}
