import type { Kysely } from "kysely";
import { extensionLimit, type DisputePolicy } from "../../app/domain/policy";
import type { Database, PolicyRow } from "../schema";

export interface StoredPolicy {
  id: number;
  areaSlug: string;
  version: number;
  effectiveFrom: string;
  policy: DisputePolicy;
}

function toStoredPolicy(row: PolicyRow): StoredPolicy {
  return {
    id: row.id,
    areaSlug: row.area_slug,
    version: row.version,
    effectiveFrom: row.effective_from,
    policy: {
      acknowledgeDays: row.acknowledge_days,
      firstResponseDays: row.first_response_days,
      recourseWindowDays: row.recourse_window_days,
      levels: JSON.parse(row.levels_json),
      calendar: JSON.parse(row.calendar_json),
      ...(row.provider_stage_json ? { providerStage: JSON.parse(row.provider_stage_json) } : {}),
      extensionMaxDays: row.extension_max_days,
    },
  };
}

/** The version in force on a local date: the latest one effective on or before it. */
export async function findPolicyInForce(
  db: Kysely<Database>,
  areaSlug: string,
  onDate: string,
): Promise<StoredPolicy | null> {
  const row = await db
    .selectFrom("policies")
    .selectAll()
    .where("area_slug", "=", areaSlug)
    .where("effective_from", "<=", onDate)
    .orderBy("effective_from", "desc")
    .orderBy("version", "desc")
    .executeTakeFirst();
  return row ? toStoredPolicy(row) : null;
}

export async function findPolicyById(db: Kysely<Database>, id: number): Promise<StoredPolicy | null> {
  const row = await db.selectFrom("policies").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toStoredPolicy(row) : null;
}

export async function insertPolicyVersion(
  db: Kysely<Database>,
  input: { areaSlug: string; effectiveFrom: string; policy: DisputePolicy; createdBy: number | null; now: string },
): Promise<StoredPolicy> {
  const latest = await db
    .selectFrom("policies")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("area_slug", "=", input.areaSlug)
    .executeTakeFirst();
  const row = await db
    .insertInto("policies")
    .values({
      area_slug: input.areaSlug,
      version: (latest?.v ?? 0) + 1,
      effective_from: input.effectiveFrom,
      acknowledge_days: input.policy.acknowledgeDays,
      first_response_days: input.policy.firstResponseDays,
      recourse_window_days: input.policy.recourseWindowDays,
      levels_json: JSON.stringify(input.policy.levels),
      calendar_json: JSON.stringify(input.policy.calendar),
      provider_stage_json: input.policy.providerStage ? JSON.stringify(input.policy.providerStage) : null,
      extension_max_days: extensionLimit(input.policy),
      created_by: input.createdBy,
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStoredPolicy(row);
}

export async function listPolicyVersions(db: Kysely<Database>, areaSlug: string): Promise<StoredPolicy[]> {
  const rows = await db
    .selectFrom("policies")
    .selectAll()
    .where("area_slug", "=", areaSlug)
    .orderBy("version", "desc")
    .execute();
  return rows.map(toStoredPolicy);
}
