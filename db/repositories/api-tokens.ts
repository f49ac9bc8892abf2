import type { Kysely } from "kysely";
import type { ApiTokenRow, Database } from "../schema";

export async function insertApiToken(
  db: Kysely<Database>,
  token: {
    organizationId: number;
    name: string;
    scopes: string;
    tokenHash: string;
    prefix: string;
    createdBy: number;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("api_tokens")
    .values({
      organization_id: token.organizationId,
      name: token.name,
      scopes: token.scopes,
      token_hash: token.tokenHash,
      prefix: token.prefix,
      created_by: token.createdBy,
      created_at: token.now,
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A live token by its hash, with what the API needs to act as it: its organization and issuer. */
export async function findLiveApiToken(db: Kysely<Database>, tokenHash: string) {
  const row = await db
    .selectFrom("api_tokens as t")
    .innerJoin("organizations as o", "o.id", "t.organization_id")
    .innerJoin("users as u", "u.id", "t.created_by")
    .select([
      "t.id",
      "t.organization_id",
      "t.name",
      "t.scopes",
      "t.created_by",
      "t.last_used_at",
      "o.kind as organization_kind",
      "o.retired_at as organization_retired_at",
      "u.disabled_at as issuer_disabled_at",
    ])
    .where("t.token_hash", "=", tokenHash)
    .where("t.revoked_at", "is", null)
    .executeTakeFirst();
  return row ?? null;
}

export async function touchApiToken(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
}

export interface ApiTokenListed extends Pick<
  ApiTokenRow,
  "id" | "name" | "scopes" | "prefix" | "created_at" | "last_used_at" | "revoked_at"
> {
  organization_id: number;
  organization_name_en: string;
  organization_name_fr: string;
  created_by_name: string;
}

/** Tokens of the given organizations (all of them when null), newest first; never the hash. */
export async function listApiTokens(db: Kysely<Database>, organizationIds: number[] | null): Promise<ApiTokenListed[]> {
  let query = db
    .selectFrom("api_tokens as t")
    .innerJoin("organizations as o", "o.id", "t.organization_id")
    .innerJoin("users as u", "u.id", "t.created_by")
    .select([
      "t.id",
      "t.name",
      "t.scopes",
      "t.prefix",
      "t.created_at",
      "t.last_used_at",
      "t.revoked_at",
      "t.organization_id",
      "o.name_en as organization_name_en",
      "o.name_fr as organization_name_fr",
      "u.display_name as created_by_name",
    ]);
  if (organizationIds !== null) {
    if (organizationIds.length === 0) return [];
    query = query.where("t.organization_id", "in", organizationIds);
  }
  return query.orderBy("t.id", "desc").execute();
}

export async function findApiTokenById(db: Kysely<Database>, id: number): Promise<ApiTokenRow | null> {
  return (await db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Revokes a live token; returns whether it was live. */
export async function revokeApiToken(db: Kysely<Database>, id: number, by: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now, revoked_by: by })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The organizations a token may be issued to (SSMs and the ministry), in the order the admin page lists them. */
export async function listTokenOrganizations(db: Kysely<Database>) {
  return db
    .selectFrom("organizations")
    .select(["id", "kind", "name_en", "name_fr", "area_slug"])
    .where("kind", "in", ["ssm", "ministry"])
    .where("retired_at", "is", null)
    .orderBy("kind")
    .orderBy("name_en")
    .execute();
}
