import type { Kysely } from "kysely";

// The provider as respondent at level 1 (issue #17). Frozen once released.
// - policies.provider_stage_json: the SSM's provider-stage policy (ProviderStagePolicy in
//   app/domain/provider-stage.ts). Null for every version published before this: "never refer",
//   which is what those SSMs did (their staff handled level 1 alone).
// - cases.identity_shared: the client agreed, when filing, that the provider may be told who they
//   are. 0 for every existing case: nobody was asked, so nobody agreed.
// - cases.provider_referred_at: when the complaint was referred to its provider (null: never). The
//   provider's people see a complaint about their organization only once it has been referred.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("policies").addColumn("provider_stage_json", "text").execute();
  await db.schema
    .alterTable("cases")
    .addColumn("identity_shared", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("cases").addColumn("provider_referred_at", "text").execute();
  await db.schema
    .createIndex("cases_respondent_referred")
    .on("cases")
    .columns(["respondent_org_id", "provider_referred_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
