import type { DB } from "../../db/client";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { findOrganizationBySlug } from "../../db/repositories/areas";
import {
  listSignInSettings,
  passwordsAllowedIn,
  saveSignInSettings,
  type StoredSignInSettings,
} from "../../db/repositories/sign-in-settings";
import { fieldRefused, NOT_FOUND, refused, type Result } from "../domain/result";
import { roleMay } from "../domain/access";
import type { Role } from "../domain/vocabulary";
import { env, type Env } from "../utils/env.server";
import { openSealedSecret, sealSecret } from "../utils/sealed-secret.server";

/** An organization's OpenID provider as the sign-in flow uses it: the secret in clear, in memory only. */
export interface OidcProvider {
  organizationId: number;
  organizationSlug: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
}

/** What the admin page shows of an organization: never the secret, only whether one is kept. */
export interface SignInSettingsView {
  organizationSlug: string;
  organizationKind: string;
  nameEn: string;
  nameFr: string;
  issuer: string | null;
  clientId: string | null;
  hasSecret: boolean;
  providerLabel: string | null;
  passwordsAllowed: boolean;
  /** Set by the environment (OIDC_*): the page shows it and does not let it be changed. */
  fromEnvironment: boolean;
}

function fromEnvironment(s: StoredSignInSettings, e: Env): boolean {
  return e.OIDC_ORGANIZATION === s.organizationSlug;
}

function effective(s: StoredSignInSettings, e: Env): SignInSettingsView & { clientSecretSealed: string | null } {
  const byEnv = fromEnvironment(s, e);
  return {
    organizationSlug: s.organizationSlug,
    organizationKind: s.organizationKind,
    nameEn: s.nameEn,
    nameFr: s.nameFr,
    issuer: byEnv ? (e.OIDC_ISSUER ?? null) : s.issuer,
    clientId: byEnv ? (e.OIDC_CLIENT_ID ?? null) : s.clientId,
    hasSecret: byEnv ? Boolean(e.OIDC_CLIENT_SECRET) : Boolean(s.clientSecretSealed),
    clientSecretSealed: byEnv ? null : s.clientSecretSealed,
    providerLabel: byEnv ? (e.OIDC_PROVIDER_LABEL ?? null) : s.providerLabel,
    passwordsAllowed: byEnv ? e.OIDC_PASSWORDS : s.passwordsAllowed,
    fromEnvironment: byEnv,
  };
}

export async function listSignInSettingsViews(db: DB, e: Env = env()): Promise<SignInSettingsView[]> {
  return (await listSignInSettings(db)).map((s) => {
    const { clientSecretSealed: _sealed, ...view } = effective(s, e);
    return view;
  });
}

/** Every organization whose provider is fully configured, with its secret opened. */
export async function oidcProviders(db: DB, e: Env = env()): Promise<OidcProvider[]> {
  const out: OidcProvider[] = [];
  for (const s of await listSignInSettings(db)) {
    const v = effective(s, e);
    if (!v.issuer || !v.clientId || !v.hasSecret) continue;
    const secret = v.fromEnvironment
      ? e.OIDC_CLIENT_SECRET
      : e.SECRETS_KEY && v.clientSecretSealed
        ? openSealedSecret(v.clientSecretSealed, e.SECRETS_KEY)
        : null;
    if (!secret) continue;
    out.push({
      organizationId: s.organizationId,
      organizationSlug: s.organizationSlug,
      issuer: v.issuer,
      clientId: v.clientId,
      clientSecret: secret,
      label: v.providerLabel ?? s.nameEn,
    });
  }
  return out;
}

/**
 * What the sign-in page shows: one button per organization with a provider, and the providers'
 * origins, which its Content-Security-Policy must let a form's redirect reach.
 */
export async function signInButtons(
  db: DB,
): Promise<{ buttons: { organizationSlug: string; label: string }[]; origins: string[] }> {
  const providers = await oidcProviders(db);
  return {
    buttons: providers.map(({ organizationSlug, label }) => ({ organizationSlug, label })),
    origins: [...new Set(providers.map((p) => new URL(p.issuer).origin))],
  };
}

/** Whether an organization's people may still sign in with a local password. */
export async function passwordsAllowedFor(db: DB, organizationId: number, e: Env = env()): Promise<boolean> {
  if (e.OIDC_ORGANIZATION) {
    const org = await findOrganizationBySlug(db, e.OIDC_ORGANIZATION);
    if (org?.id === organizationId) return e.OIDC_PASSWORDS;
  }
  return passwordsAllowedIn(db, organizationId);
}

export interface SignInSettingsInput {
  organizationSlug: string;
  issuer: string | null;
  clientId: string | null;
  /** Empty keeps the stored secret. */
  clientSecret: string | null;
  removeSecret: boolean;
  providerLabel: string | null;
  passwordsAllowed: boolean;
}

/** The administrator saves an organization's provider; the secret is sealed before it is stored. */
export async function updateSignInSettings(input: {
  db: DB;
  /** The signed-in person (auth.server.ts's SessionUser; named by its parts to keep auth free of a cycle). */
  actor: { id: number; email: string; role: Role };
  settings: SignInSettingsInput;
  now: Date;
  env?: Env;
}): Promise<Result> {
  const e = input.env ?? env();
  const { db, actor, settings: s } = input;
  if (!roleMay(actor.role, "sign_in.configure")) return NOT_FOUND;
  const organization = await findOrganizationBySlug(db, s.organizationSlug);
  if (!organization || organization.retired_at || (organization.kind !== "ssm" && organization.kind !== "provider"))
    return refused("not-found", "error.notFound.text");
  if (e.OIDC_ORGANIZATION === organization.slug) return refused("conflict", "signIn.admin.fromEnvironment");
  if (s.clientSecret && !e.SECRETS_KEY) return fieldRefused("clientSecret", "signIn.admin.noSecretsKey");
  // Switching passwords off without a working provider would lock the organization out.
  const current = (await listSignInSettings(db)).find((x) => x.organizationId === organization.id);
  const willHaveSecret = s.removeSecret ? false : Boolean(s.clientSecret) || Boolean(current?.clientSecretSealed);
  if (!s.passwordsAllowed && !(s.issuer && s.clientId && willHaveSecret))
    return fieldRefused("passwordsAllowed", "signIn.admin.passwordsNeedProvider");
  const sealed = s.removeSecret
    ? null
    : s.clientSecret && e.SECRETS_KEY
      ? sealSecret(s.clientSecret, e.SECRETS_KEY)
      : undefined;
  const nowIso = input.now.toISOString();
  await saveSignInSettings(db, {
    organizationId: organization.id,
    issuer: s.issuer,
    clientId: s.clientId,
    clientSecretSealed: sealed,
    providerLabel: s.providerLabel,
    passwordsAllowed: s.passwordsAllowed,
    updatedBy: actor.id,
    now: nowIso,
  });
  await appendAuditEntry(db, {
    at: nowIso,
    actorUserId: actor.id,
    actorLabel: actor.email,
    organizationId: organization.id,
    action: "sign_in.configured",
    targetType: "organization",
    targetId: organization.slug,
    // What changed, never the secret itself.
    details: {
      issuer: s.issuer,
      clientId: s.clientId,
      secret: sealed === undefined ? "kept" : sealed === null ? "removed" : "replaced",
      passwordsAllowed: s.passwordsAllowed,
    },
  });
  return { ok: true };
}
