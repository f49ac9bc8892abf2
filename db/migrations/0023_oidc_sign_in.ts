import type { Kysely } from "kysely";

// Sign-in through an organization's OpenID Connect provider (issue #22). Frozen once released.
// - organization_sign_in: per organization, the provider an administrator configured (the client
//   secret sealed with SECRETS_KEY, never stored or shown in clear) and whether local passwords
//   still work for its people.
// - oidc_attempts: one row per "Sign in with…" press, holding the PKCE verifier and nonce under the
//   hash of its state; used once, so a replayed callback finds it spent.
// - oidc_sessions: which provider a session came from, so signing out here ends the provider's
//   session too (RP-initiated logout). No token is kept.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organization_sign_in")
    .addColumn("organization_id", "integer", (c) => c.primaryKey().references("organizations.id"))
    .addColumn("issuer", "text")
    .addColumn("client_id", "text")
    .addColumn("client_secret_sealed", "text")
    .addColumn("provider_label", "text")
    .addColumn("passwords_allowed", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createTable("oidc_attempts")
    .addColumn("state_hash", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "integer", (c) => c.notNull().references("organizations.id"))
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("next_path", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createTable("oidc_sessions")
    .addColumn("session_id", "text", (c) => c.primaryKey().references("sessions.id"))
    .addColumn("organization_id", "integer", (c) => c.notNull().references("organizations.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are append-only: restore from a backup instead of migrating down.");
}
