import { type Kysely, PostgresAdapter } from "kysely";

// Evidence files attached to a case. The bytes live on disk outside public/ under a server-made
// name; this table says whose they are and who may see them. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("attachments")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("stored_name", "text", (c) => c.notNull().unique())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("uploaded_by_kind", "text", (c) => c.notNull())
    .addColumn("uploaded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attachments_case").on("attachments").column("case_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
