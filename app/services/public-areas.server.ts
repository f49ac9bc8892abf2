import type { DB } from "../../db/client";
import { findAreaWithSsm, listActiveProvidersInArea, listAreasWithSsm } from "../../db/repositories/areas";
import { findPolicyInForce } from "../../db/repositories/policies";
import { localDateOf } from "../domain/time-zone";

export async function listCatchmentAreas(db: DB) {
  return listAreasWithSsm(db);
}

/** An area's published process: its SSM, contacts and the policy in force today. */
export async function publishedProcess(input: { db: DB; areaSlug: string; now: Date }) {
  const area = await findAreaWithSsm(input.db, input.areaSlug);
  if (!area) return null;
  const policy = await findPolicyInForce(input.db, area.slug, localDateOf(input.now, area.time_zone));
  if (!policy) throw new Error(`No dispute policy in force for ${area.slug}`);
  return { area, policy };
}

export async function filingChoices(input: { db: DB; areaSlug: string }) {
  const area = await findAreaWithSsm(input.db, input.areaSlug);
  if (!area) return null;
  const providers = await listActiveProvidersInArea(input.db, area.slug);
  return { area, providers };
}
