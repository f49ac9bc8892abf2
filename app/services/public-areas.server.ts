import type { DB } from "../../db/client";
import { findAreaWithSsm, listActiveProvidersInArea, listAreasWithSsm } from "../../db/repositories/areas";
import { findPolicyInForce } from "../../db/repositories/policies";
import { CATCHMENT_PLACES, UNSETTLED_PLACES } from "../../db/seed/catchment-places";
import { areaNamesAsPlaces, matchPlace } from "../domain/place-lookup";
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

/** The areas in the short form public pages list: slug and name in both languages. */
export async function publicAreaList(db: DB) {
  return (await listAreasWithSsm(db)).map((a) => ({ slug: a.slug, name_en: a.name_en, name_fr: a.name_fr }));
}

/**
 * The area a typed place is in, from the sourced table in db/seed/catchment-places.ts (and the
 * areas' own names). Null when nothing was asked; otherwise what the table settles, or that it cannot.
 */
export async function findAreaByPlace(db: DB, query: string | null) {
  if (query === null) return null;
  const areas = await publicAreaList(db);
  const known = [...CATCHMENT_PLACES, ...areaNamesAsPlaces(areas)];
  const match = matchPlace(query.slice(0, 100), known, UNSETTLED_PLACES);
  const area = match.kind === "found" ? (areas.find((a) => a.slug === match.areaSlug) ?? null) : null;
  return { query: query.slice(0, 100), match, area };
}
