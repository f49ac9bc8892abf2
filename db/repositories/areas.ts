import type { Kysely } from "kysely";
import type { Area, Database, Organization } from "../schema";

export interface AreaWithSsm extends Area {
  ssm: Pick<
    Organization,
    "id" | "slug" | "name_en" | "name_fr" | "contact_email" | "contact_phone" | "contact_address" | "contact_in_person"
  >;
}

const ssmColumns = [
  "o.id as ssm_id",
  "o.slug as ssm_slug",
  "o.name_en as ssm_name_en",
  "o.name_fr as ssm_name_fr",
  "o.contact_email as ssm_contact_email",
  "o.contact_phone as ssm_contact_phone",
  "o.contact_address as ssm_contact_address",
  "o.contact_in_person as ssm_contact_in_person",
] as const;

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom("areas as a")
    .innerJoin("organizations as o", (j) => j.onRef("o.area_slug", "=", "a.slug").on("o.kind", "=", "ssm"))
    .selectAll("a")
    .select(ssmColumns);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toAreaWithSsm(row: JoinedRow): AreaWithSsm {
  const { ssm_id, ssm_slug, ssm_name_en, ssm_name_fr, ssm_contact_email, ssm_contact_phone, ssm_contact_address, ssm_contact_in_person, ...area } = row;
  return {
    ...area,
    ssm: {
      id: ssm_id,
      slug: ssm_slug,
      name_en: ssm_name_en,
      name_fr: ssm_name_fr,
      contact_email: ssm_contact_email,
      contact_phone: ssm_contact_phone,
      contact_address: ssm_contact_address,
      contact_in_person: ssm_contact_in_person,
    },
  };
}

export async function listAreasWithSsm(db: Kysely<Database>): Promise<AreaWithSsm[]> {
  const rows = await baseQuery(db).orderBy("a.sort_order").execute();
  return rows.map(toAreaWithSsm);
}

export async function findAreaWithSsm(db: Kysely<Database>, slug: string): Promise<AreaWithSsm | null> {
  const row = await baseQuery(db).where("a.slug", "=", slug).executeTakeFirst();
  return row ? toAreaWithSsm(row) : null;
}

export async function listActiveProvidersInArea(
  db: Kysely<Database>,
  areaSlug: string,
): Promise<Pick<Organization, "id" | "slug" | "name_en" | "name_fr">[]> {
  return db
    .selectFrom("organizations as o")
    .innerJoin("provider_areas as pa", "pa.provider_id", "o.id")
    .where("pa.area_slug", "=", areaSlug)
    .where("o.kind", "=", "provider")
    .where("o.retired_at", "is", null)
    .select(["o.id", "o.slug", "o.name_en", "o.name_fr"])
    .orderBy("o.name_en")
    .execute();
}

export async function findOrganizationById(db: Kysely<Database>, id: number): Promise<Organization | null> {
  return (await db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function findOrganizationBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Organization | null> {
  return (await db.selectFrom("organizations").selectAll().where("slug", "=", slug).executeTakeFirst()) ?? null;
}

export async function listAreasServedBy(
  db: Kysely<Database>,
  providerId: number,
): Promise<Pick<Area, "slug" | "name_en" | "name_fr">[]> {
  return db
    .selectFrom("provider_areas as pa")
    .innerJoin("areas as a", "a.slug", "pa.area_slug")
    .select(["a.slug", "a.name_en", "a.name_fr"])
    .where("pa.provider_id", "=", providerId)
    .orderBy("a.sort_order")
    .execute();
}
