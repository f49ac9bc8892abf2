import { type Kysely, PostgresAdapter } from "kysely";

// API tokens (issue #22, decision record 021): issued to an organization (an SSM or the ministry)
// by its manager or the administrator, with scopes. Only the SHA-256 of the token is kept: the
// token itself is shown once. `prefix` is its first characters, so a list can name a token
// without holding it. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("organization_id", "integer", (c) => c.notNull().references("organizations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    // Space-separated scopes (app/domain/api-scopes.ts).
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema.createIndex("api_tokens_organization").on("api_tokens").column("organization_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
