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
  const {
    ssm_id,
    ssm_slug,
    ssm_name_en,
    ssm_name_fr,
    ssm_contact_email,
    ssm_contact_phone,
    ssm_contact_address,
    ssm_contact_in_person,
    ...area
  } = row;
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

export async function findOrganizationBySlug(db: Kysely<Database>, slug: string): Promise<Organization | null> {
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

/** Every provider linked to an area, retired ones included (they keep their history). */
export async function listProvidersInArea(
  db: Kysely<Database>,
  areaSlug: string,
): Promise<Pick<Organization, "id" | "slug" | "name_en" | "name_fr" | "retired_at">[]> {
  return db
    .selectFrom("organizations as o")
    .innerJoin("provider_areas as pa", "pa.provider_id", "o.id")
    .where("pa.area_slug", "=", areaSlug)
    .where("o.kind", "=", "provider")
    .select(["o.id", "o.slug", "o.name_en", "o.name_fr", "o.retired_at"])
    .orderBy("o.name_en")
    .execute();
}

export async function slugsStartingWith(db: Kysely<Database>, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom("organizations").select("slug").where("slug", "like", `${prefix}%`).execute();
  return rows.map((r) => r.slug);
}

/** A provider serving one area: the organization and its link to the area. */
export async function insertProviderInArea(
  db: Kysely<Database>,
  provider: { slug: string; nameEn: string; nameFr: string; areaSlug: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto("organizations")
    .values({
      slug: provider.slug,
      kind: "provider",
      name_en: provider.nameEn,
      name_fr: provider.nameFr,
      area_slug: null,
      contact_email: null,
      contact_phone: null,
      contact_address: null,
      contact_in_person: null,
      retired_at: null,
      created_at: provider.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("provider_areas").values({ provider_id: row.id, area_slug: provider.areaSlug }).execute();
  return row.id;
}

export async function renameOrganization(
  db: Kysely<Database>,
  id: number,
  names: { nameEn: string; nameFr: string },
): Promise<void> {
  await db
    .updateTable("organizations")
    .set({ name_en: names.nameEn, name_fr: names.nameFr })
    .where("id", "=", id)
    .execute();
}

export async function retireOrganization(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db
    .updateTable("organizations")
    .set({ retired_at: now })
    .where("id", "=", id)
    .where("retired_at", "is", null)
    .execute();
}

export interface OrganizationContacts {
  email: string | null;
  phone: string | null;
  address: string | null;
  inPerson: string | null;
}

export async function updateOrganizationContacts(
  db: Kysely<Database>,
  id: number,
  contacts: OrganizationContacts,
): Promise<void> {
  await db
    .updateTable("organizations")
    .set({
      contact_email: contacts.email,
      contact_phone: contacts.phone,
      contact_address: contacts.address,
      contact_in_person: contacts.inPerson,
    })
    .where("id", "=", id)
    .execute();
}
