import type { Kysely } from "kysely";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import type { Database } from "../schema";
import { CATCHMENT_AREAS, MINISTRY, ssmSlug } from "./catchment-areas";

// A policy in force before any case can exist, so every filing finds one.
const DEFAULT_POLICY_FROM = "2020-01-01";

/** The 15 areas, their SSMs, the ministry and a default policy per area. Safe to run every start. */
export async function seedReferenceData(db: Kysely<Database>, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("organizations")
      .values({
        slug: MINISTRY.slug,
        kind: "ministry",
        name_en: MINISTRY.name_en,
        name_fr: MINISTRY.name_fr,
        area_slug: null,
        contact_email: MINISTRY.contact_email,
        contact_phone: MINISTRY.contact_phone,
        contact_address: null,
        contact_in_person: null,
        retired_at: null,
        created_at: nowIso,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();

    for (const [index, a] of CATCHMENT_AREAS.entries()) {
      await trx
        .insertInto("areas")
        .values({
          slug: a.slug,
          code: a.code,
          name_en: a.name_en,
          name_fr: a.name_fr,
          phase: a.phase,
          ssm_confirmed: a.ssm_confirmed ? 1 : 0,
          ssm_responsible_from: a.ssm_responsible_from,
          ies_from: a.ies_from,
          time_zone: "America/Toronto",
          sort_order: index + 1,
        })
        .onConflict((oc) => oc.column("slug").doNothing())
        .execute();
      await trx
        .insertInto("organizations")
        .values({
          slug: ssmSlug(a.slug),
          kind: "ssm",
          name_en: a.ssm_en,
          name_fr: a.ssm_fr,
          area_slug: a.slug,
          contact_email: `complaints.${a.slug}@example.org`,
          contact_phone: `${a.areaCode}-555-01${String(10 + index).padStart(2, "0")}`,
          contact_address: `${100 + index} Main Street, ${a.city}, Ontario`,
          contact_in_person: `${100 + index} Main Street, ${a.city}: Monday to Friday, 8:30 to 4:30`,
          retired_at: null,
          created_at: nowIso,
        })
        .onConflict((oc) => oc.column("slug").doNothing())
        .execute();
      const hasPolicy = await trx
        .selectFrom("policies")
        .select("id")
        .where("area_slug", "=", a.slug)
        .executeTakeFirst();
      if (!hasPolicy) {
        await trx
          .insertInto("policies")
          .values({
            area_slug: a.slug,
            version: 1,
            effective_from: DEFAULT_POLICY_FROM,
            acknowledge_days: DEFAULT_POLICY.acknowledgeDays,
            first_response_days: DEFAULT_POLICY.firstResponseDays,
            recourse_window_days: DEFAULT_POLICY.recourseWindowDays,
            levels_json: JSON.stringify(DEFAULT_POLICY.levels),
            calendar_json: JSON.stringify(DEFAULT_POLICY.calendar),
            created_by: null,
            created_at: nowIso,
          })
          .execute();
      }
    }
  });
}
