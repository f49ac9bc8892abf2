import { writeTransaction, type DB } from "../../db/client";
import { findAreaWithSsm } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { findPolicyInForce, insertPolicyVersion, listPolicyVersions } from "../../db/repositories/policies";
import { policyFromInput, type PolicyInput } from "../domain/policy-input";
import { localDateOf } from "../domain/time-zone";
import { fieldRefused, NOT_FOUND, type Refused } from "../domain/result";
import type { SessionUser } from "./auth.server";
import { ownArea } from "../domain/access";
import { actorOf, authorize } from "./access.server";

async function managerArea(db: DB, user: SessionUser) {
  const actor = await actorOf(db, user);
  const slug = authorize(actor, "policy.edit") ? ownArea(actor) : null;
  return slug ? findAreaWithSsm(db, slug) : null;
}

/** The policy in force for the manager's SSM and every version, newest first. */
export async function policyAdminView(input: { db: DB; user: SessionUser; now: Date }) {
  const area = await managerArea(input.db, input.user);
  if (!area) return null;
  const today = localDateOf(input.now, area.time_zone);
  const [inForce, versions] = await Promise.all([
    findPolicyInForce(input.db, area.slug, today),
    listPolicyVersions(input.db, area.slug),
  ]);
  if (!inForce) throw new Error(`No policy in force for ${area.slug}`);
  return { area: { slug: area.slug, name_en: area.name_en, name_fr: area.name_fr }, inForce, versions, today };
}

export type PublishResult = { ok: true; version: number } | Refused;

/**
 * Publishes a new policy version from a date on. Cases already filed keep the version they were
 * filed under; the process page shows the new one from its effective date.
 */
export async function publishPolicyVersion(input: {
  db: DB;
  user: SessionUser;
  policy: PolicyInput;
  now: Date;
}): Promise<PublishResult> {
  const area = await managerArea(input.db, input.user);
  if (!area) return NOT_FOUND;
  if (input.policy.effectiveFrom < localDateOf(input.now, area.time_zone)) {
    return fieldRefused("effectiveFrom", "error.notBeforeToday");
  }
  const current = await findPolicyInForce(input.db, area.slug, localDateOf(input.now, area.time_zone));
  const calendar = current?.policy.calendar;
  const policy = policyFromInput(input.policy, calendar?.opensAtMinutes ?? 510, calendar?.closesAtMinutes ?? 990);
  const stored = await writeTransaction(input.db, async (trx) => {
    const created = await insertPolicyVersion(trx, {
      areaSlug: area.slug,
      effectiveFrom: input.policy.effectiveFrom,
      policy,
      createdBy: input.user.id,
      now: input.now.toISOString(),
    });
    await appendAuditEntry(trx, {
      at: input.now.toISOString(),
      actorUserId: input.user.id,
      actorLabel: input.user.email,
      organizationId: input.user.organization_id,
      action: "policy.published",
      targetType: "policy",
      targetId: `${area.slug}:v${created.version}`,
      details: { effectiveFrom: created.effectiveFrom },
    });
    return created;
  });
  return { ok: true, version: stored.version };
}
