import { type Kysely, PostgresAdapter } from "kysely";

// Issue #17, three parts that each keep their own rows:
// - Extensions with notice: the policy's limit (business days, default 10 from
//   shared/clarifications.md) and, on a clock, the one extension it had (JSON ClockExtension).
// - Related cases: links between two cases of one SSM, and on a merged duplicate the case it was
//   merged into (its own timeline stays; reports count it once, as the original).
// - Independent panels: the SSM's roster of panel members (affiliation, declared conflicts as
//   organization ids, an optional SSM staff account) and who sat on a case's panel at a level.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? "serial" : "integer";
  const key = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .alterTable("policies")
    .addColumn("extension_max_days", "integer", (c) => c.notNull().defaultTo(10))
    .execute();
  await db.schema.alterTable("case_clocks").addColumn("extension_json", "text").execute();
  // No foreign key: a duplicate may have been filed before its original, and db/copy.ts copies
  // cases in id order; the service only ever writes an id of the same SSM's case.
  await db.schema.alterTable("cases").addColumn("merged_into_case_id", "integer").execute();

  await db.schema
    .createTable("case_links")
    .addColumn("id", id, key)
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("related_case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("case_links_pair", ["case_id", "related_case_id"])
    .execute();
  await db.schema.createIndex("case_links_related").on("case_links").column("related_case_id").execute();

  await db.schema
    .createTable("panel_members")
    .addColumn("id", id, key)
    .addColumn("ssm_org_id", "integer", (c) => c.notNull().references("organizations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("affiliation", "text", (c) => c.notNull())
    .addColumn("affiliation_org_id", "integer", (c) => c.references("organizations.id"))
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("conflict_org_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("case_panels")
    .addColumn("id", id, key)
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("member_ids_json", "text", (c) => c.notNull())
    .addColumn("formed_by", "integer", (c) => c.references("users.id"))
    .addColumn("formed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_panels_case").on("case_panels").columns(["case_id", "level"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
