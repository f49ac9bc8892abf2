import type { Kysely } from "kysely";
import { hashPassword } from "../../app/utils/password.server";
import type { SessionUser } from "../../app/services/auth.server";
import { CATCHMENT_AREAS, ssmSlug } from "../../db/seed/catchment-areas";
import { PROFILES } from "../../scripts/seed/demo-history";
import type { Database, Language } from "../../db/schema";
import { BENCH_PASSWORD, benchStaffEmail } from "./bench-constants";

// The organizations and people behind a province's worth of cases: each SSM's providers (one
// login each), its staff (more where there are more cases) and two managers. Written through Kysely:
// a few hundred rows, where clarity beats speed.

const PROVIDER_KINDS = [
  { en: "Employment Centre", fr: "Centre d’emploi" },
  { en: "Career Connections", fr: "Connexions carrière" },
  { en: "Youth Works", fr: "Jeunesse au travail" },
  { en: "Francophone Employment Services", fr: "Services d’emploi francophones" },
  { en: "Skills Hub", fr: "Carrefour des compétences" },
  { en: "Newcomer Employment Network", fr: "Réseau d’emploi pour nouveaux arrivants" },
];

const frenchArea = (slug: string): Language => (slug === "ottawa" || slug === "northeast" ? "fr" : "en");

export interface BenchPeople {
  managers: Map<string, SessionUser>;
  /** Staff user ids per area slug: who cases get assigned to. */
  staffByArea: Map<string, number[]>;
}

export async function createBenchPeople(db: Kysely<Database>, now: Date): Promise<BenchPeople> {
  const nowIso = now.toISOString();
  // argon2id is slow on purpose: one hash for every bench login, as the demo does.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const managers = new Map<string, SessionUser>();
  const staffByArea = new Map<string, number[]>();
  await db.transaction().execute(async (trx) => {
    for (const [index, area] of CATCHMENT_AREAS.entries()) {
      const weight = PROFILES[area.slug]?.perQuarter ?? 12;
      const ssm = await trx
        .selectFrom("organizations")
        .select("id")
        .where("slug", "=", ssmSlug(area.slug))
        .executeTakeFirstOrThrow();
      const providerCount = 6 + Math.round(weight / 3);
      for (let i = 0; i < providerCount; i++) {
        const kind = PROVIDER_KINDS[i % PROVIDER_KINDS.length]!;
        const branch = i < PROVIDER_KINDS.length ? "" : ` ${Math.floor(i / PROVIDER_KINDS.length) + 1}`;
        const slug = `provider-${area.slug}-${i + 1}`;
        const provider = await trx
          .insertInto("organizations")
          .values({
            slug,
            kind: "provider",
            name_en: `${area.city} ${kind.en}${branch}`,
            name_fr: `${kind.fr} de ${area.city}${branch}`,
            area_slug: null,
            contact_email: `info@${slug}.example.org`,
            contact_phone: `${area.areaCode}-555-${String(2000 + index * 40 + i)}`,
            contact_address: null,
            contact_in_person: null,
            retired_at: null,
            created_at: nowIso,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx.insertInto("provider_areas").values({ provider_id: provider.id, area_slug: area.slug }).execute();
        // Half the providers have a login; the others' disputes come by the portal's shared account.
        if (i % 2 === 0) {
          await trx
            .insertInto("users")
            .values({
              email: `bench.provider@${slug}.example.org`,
              display_name: `${area.city} Provider ${i + 1}`,
              password_hash: passwordHash,
              role: "provider_user",
              organization_id: provider.id,
              language: frenchArea(area.slug),
              disabled_at: null,
              created_at: nowIso,
            })
            .execute();
        }
      }
      const staff: number[] = [];
      const staffCount = 3 + Math.round(weight / 4);
      for (let n = 1; n <= staffCount; n++) {
        const user = await trx
          .insertInto("users")
          .values({
            email: benchStaffEmail(area.slug, n),
            display_name: `${area.city} Case Officer ${n}`,
            password_hash: passwordHash,
            role: "ssm_staff",
            organization_id: ssm.id,
            language: frenchArea(area.slug),
            disabled_at: null,
            created_at: nowIso,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        staff.push(user.id);
      }
      staffByArea.set(area.slug, staff);
      for (let n = 1; n <= 2; n++) {
        const email = `bench.manager${n}@${area.slug}.example.org`;
        const display_name = `${area.city} Manager ${n}`;
        const language = frenchArea(area.slug);
        const user = await trx
          .insertInto("users")
          .values({
            email,
            display_name,
            password_hash: passwordHash,
            role: "ssm_manager",
            organization_id: ssm.id,
            language,
            disabled_at: null,
            created_at: nowIso,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (n === 1)
          managers.set(area.slug, {
            id: user.id,
            email,
            display_name,
            role: "ssm_manager",
            organization_id: ssm.id,
            language,
          });
      }
    }
  });
  return { managers, staffByArea };
}
