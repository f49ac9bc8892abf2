import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes go in new files. No imports from app code, so the schema a
// migration creates never shifts under it.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? ("serial" as const) : ("integer" as const);
  const idColumn = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable("areas")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_fr", "text", (c) => c.notNull())
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("ssm_confirmed", "integer", (c) => c.notNull())
    .addColumn("ssm_responsible_from", "text")
    .addColumn("ies_from", "text")
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("America/Toronto"))
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("organizations")
    .addColumn("id", id, idColumn)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('ministry', 'ssm', 'provider')`))
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_fr", "text", (c) => c.notNull())
    .addColumn("area_slug", "text", (c) => c.references("areas.slug"))
    .addColumn("contact_email", "text")
    .addColumn("contact_phone", "text")
    .addColumn("contact_address", "text")
    .addColumn("contact_in_person", "text")
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("provider_areas")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("organizations.id"))
    .addColumn("area_slug", "text", (c) => c.notNull().references("areas.slug"))
    .addPrimaryKeyConstraint("provider_areas_pk", ["provider_id", "area_slug"])
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", id, idColumn)
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('provider_user', 'ssm_staff', 'ssm_manager', 'ministry_analyst', 'admin')`),
    )
    .addColumn("organization_id", "integer", (c) => c.notNull().references("organizations.id"))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("en"))
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_organization").on("users").column("organization_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("policies")
    .addColumn("id", id, idColumn)
    .addColumn("area_slug", "text", (c) => c.notNull().references("areas.slug"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("acknowledge_days", "integer", (c) => c.notNull())
    .addColumn("first_response_days", "integer", (c) => c.notNull())
    .addColumn("recourse_window_days", "integer", (c) => c.notNull())
    .addColumn("levels_json", "text", (c) => c.notNull())
    .addColumn("calendar_json", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("policies_area_version", ["area_slug", "version"])
    .execute();

  await db.schema
    .createTable("cases")
    .addColumn("id", id, idColumn)
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("area_slug", "text", (c) => c.notNull().references("areas.slug"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('client_complaint', 'provider_dispute')`))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("level", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("program", "text")
    .addColumn("category", "text")
    .addColumn("respondent_org_id", "integer", (c) => c.references("organizations.id"))
    .addColumn("assignee_id", "integer", (c) => c.references("users.id"))
    .addColumn("filer_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("filer_org_id", "integer", (c) => c.references("organizations.id"))
    .addColumn("filer_name", "text", (c) => c.notNull())
    .addColumn("filer_email", "text")
    .addColumn("filer_phone", "text")
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("accommodation_needed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("accommodation_details", "text")
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("outcome_wanted", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("submission_key", "text", (c) => c.unique())
    .addColumn("policy_id", "integer", (c) => c.notNull().references("policies.id"))
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("outcome", "text")
    .addColumn("closed_at", "text")
    .addColumn("next_due_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The queue reads one SSM's cases by next deadline; the sweep reads all cases by next deadline.
  await db.schema.createIndex("cases_area_next_due").on("cases").columns(["area_slug", "next_due_at", "id"]).execute();
  await db.schema.createIndex("cases_next_due").on("cases").columns(["next_due_at"]).execute();
  await db.schema.createIndex("cases_area_received").on("cases").columns(["area_slug", "received_at"]).execute();
  await db.schema.createIndex("cases_respondent").on("cases").column("respondent_org_id").execute();
  await db.schema.createIndex("cases_filer_org").on("cases").column("filer_org_id").execute();

  await db.schema
    .createTable("case_events")
    .addColumn("id", id, idColumn)
    .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull().check(sql`visibility in ('public', 'internal')`))
    .addColumn("actor_kind", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("data_json", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_events_case").on("case_events").columns(["case_id", "id"]).execute();

  await db.schema
    .createTable("reference_counters")
    .addColumn("area_slug", "text", (c) => c.notNull().references("areas.slug"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("last_value", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("reference_counters_pk", ["area_slug", "year"])
    .execute();

  await db.schema
    .createTable("email_outbox")
    .addColumn("id", id, idColumn)
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("case_id", "integer", (c) => c.references("cases.id"))
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("lease_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("email_outbox_due").on("email_outbox").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", id, idColumn)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer")
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("organization_id", "integer")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("details_json", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
