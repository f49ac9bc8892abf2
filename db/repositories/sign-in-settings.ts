import type { Kysely } from "kysely";
import type { Database } from "../schema";

export interface StoredSignInSettings {
  organizationId: number;
  organizationSlug: string;
  organizationKind: string;
  nameEn: string;
  nameFr: string;
  issuer: string | null;
  clientId: string | null;
  clientSecretSealed: string | null;
  providerLabel: string | null;
  passwordsAllowed: boolean;
}

/** Every active organization with its sign-in settings (defaults where none were saved). */
export async function listSignInSettings(db: Kysely<Database>): Promise<StoredSignInSettings[]> {
  const rows = await db
    .selectFrom("organizations as o")
    .leftJoin("organization_sign_in as s", "s.organization_id", "o.id")
    .select([
      "o.id",
      "o.slug",
      "o.kind",
      "o.name_en",
      "o.name_fr",
      "s.issuer",
      "s.client_id",
      "s.client_secret_sealed",
      "s.provider_label",
      "s.passwords_allowed",
    ])
    .where("o.retired_at", "is", null)
    .where("o.kind", "in", ["ssm", "provider"])
    .orderBy("o.kind")
    .orderBy("o.name_en")
    .execute();
  return rows.map((r) => ({
    organizationId: r.id,
    organizationSlug: r.slug,
    organizationKind: r.kind,
    nameEn: r.name_en,
    nameFr: r.name_fr,
    issuer: r.issuer ?? null,
    clientId: r.client_id ?? null,
    clientSecretSealed: r.client_secret_sealed ?? null,
    providerLabel: r.provider_label ?? null,
    passwordsAllowed: r.passwords_allowed === null || r.passwords_allowed === undefined || r.passwords_allowed === 1,
  }));
}

export async function passwordsAllowedIn(db: Kysely<Database>, organizationId: number): Promise<boolean> {
  const row = await db
    .selectFrom("organization_sign_in")
    .select("passwords_allowed")
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  return row ? row.passwords_allowed === 1 : true;
}

export async function saveSignInSettings(
  db: Kysely<Database>,
  input: {
    organizationId: number;
    issuer: string | null;
    clientId: string | null;
    /** undefined keeps the stored secret; null removes it. */
    clientSecretSealed: string | null | undefined;
    providerLabel: string | null;
    passwordsAllowed: boolean;
    updatedBy: number;
    now: string;
  },
): Promise<void> {
  const values = {
    issuer: input.issuer,
    client_id: input.clientId,
    provider_label: input.providerLabel,
    passwords_allowed: input.passwordsAllowed ? 1 : 0,
    updated_at: input.now,
    updated_by: input.updatedBy,
    ...(input.clientSecretSealed === undefined ? {} : { client_secret_sealed: input.clientSecretSealed }),
  };
  await db
    .insertInto("organization_sign_in")
    .values({ organization_id: input.organizationId, ...values })
    .onConflict((oc) => oc.column("organization_id").doUpdateSet(values))
    .execute();
}

export async function insertOidcAttempt(
  db: Kysely<Database>,
  attempt: {
    stateHash: string;
    organizationId: number;
    codeVerifier: string;
    nonce: string;
    nextPath: string | null;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto("oidc_attempts")
    .values({
      state_hash: attempt.stateHash,
      organization_id: attempt.organizationId,
      code_verifier: attempt.codeVerifier,
      nonce: attempt.nonce,
      next_path: attempt.nextPath,
      created_at: attempt.now,
    })
    .execute();
}

/**
 * Marks an attempt used and hands it back, in one statement, so two callbacks with the same state
 * cannot both find it unused. Attempts older than `createdAfter` are not handed back.
 */
export async function consumeOidcAttempt(
  db: Kysely<Database>,
  input: { stateHash: string; createdAfter: string; now: string },
): Promise<{ organizationId: number; codeVerifier: string; nonce: string; nextPath: string | null } | null> {
  const row = await db
    .updateTable("oidc_attempts")
    .set({ used_at: input.now })
    .where("state_hash", "=", input.stateHash)
    .where("used_at", "is", null)
    .where("created_at", ">", input.createdAfter)
    .returning(["organization_id", "code_verifier", "nonce", "next_path"])
    .executeTakeFirst();
  return row
    ? {
        organizationId: row.organization_id,
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        nextPath: row.next_path,
      }
    : null;
}

/** Attempts older than `before` (used or not) hold nothing anyone needs. */
export async function deleteOidcAttemptsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom("oidc_attempts").where("created_at", "<", before).execute();
}

export async function insertOidcSession(
  db: Kysely<Database>,
  input: { sessionId: string; organizationId: number; now: string },
): Promise<void> {
  await db
    .insertInto("oidc_sessions")
    .values({ session_id: input.sessionId, organization_id: input.organizationId, created_at: input.now })
    .execute();
}

export async function oidcOrganizationOfSession(db: Kysely<Database>, sessionId: string): Promise<number | null> {
  const row = await db
    .selectFrom("oidc_sessions")
    .select("organization_id")
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  return row?.organization_id ?? null;
}
