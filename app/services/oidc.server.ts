import { createHash, randomBytes } from "node:crypto";
import * as client from "openid-client";
import { writeTransaction, type DB } from "../../db/client";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { insertSession, revokeSession } from "../../db/repositories/sessions";
import {
  consumeOidcAttempt,
  deleteOidcAttemptsBefore,
  insertOidcAttempt,
  insertOidcSession,
  oidcOrganizationOfSession,
} from "../../db/repositories/sign-in-settings";
import { findUserByEmail } from "../../db/repositories/users";
import { NOT_FOUND, refused, type Ok, type Refused } from "../domain/result";
import { logError } from "../utils/log.server";
import { SESSION_ABSOLUTE_MS, sessionIdFromToken, type SessionUser } from "./auth.server";
import { oidcProviders, type OidcProvider } from "./sign-in-settings.server";

// Sign-in through an organization's OpenID Connect provider (issue #22, decision 020): the
// authorization code flow with PKCE, state and nonce, by openid-client (certified relying party).
// A person is matched to the account an SSM or provider already invited, by an email address the
// provider says it verified, and only within that provider's organization: no account is ever
// created here, so no provider can hand anyone a role.

/** How long a "Sign in with…" press stays good: enough to type a password and a second factor. */
export const OIDC_ATTEMPT_MS = 10 * 60 * 1000;

/** Why a callback was refused: written to the audit log, never shown apart to the person. */
export type OidcRefusalReason =
  "unknown_state" | "provider_error" | "provider_refused" | "email_unverified" | "not_invited" | "account_disabled";

export type OidcSignIn = Ok<{ token: string; user: SessionUser; nextPath: string | null }> | Refused;

export function stateHash(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

// Discovery is one request to the provider; kept per issuer and client for a few minutes.
const configurations = new Map<string, { at: number; config: Promise<client.Configuration> }>();
const CONFIGURATION_MS = 5 * 60 * 1000;

function isLoopback(issuer: string): boolean {
  const host = new URL(issuer).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

function configurationOf(provider: OidcProvider): Promise<client.Configuration> {
  const key = `${provider.organizationId}\u0000${provider.issuer}\u0000${provider.clientId}\u0000${provider.clientSecret}`;
  const cached = configurations.get(key);
  if (cached && Date.now() - cached.at < CONFIGURATION_MS) return cached.config;
  // Plain HTTP only for a provider on this machine (the tests' own); a real one is HTTPS.
  const config = client.discovery(
    new URL(provider.issuer),
    provider.clientId,
    undefined,
    client.ClientSecretPost(provider.clientSecret),
    isLoopback(provider.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  configurations.set(key, { at: Date.now(), config });
  config.catch(() => configurations.delete(key));
  return config;
}

async function providerOf(db: DB, by: { slug?: string; id?: number }): Promise<OidcProvider | null> {
  return (
    (await oidcProviders(db)).find((p) => (by.slug ? p.organizationSlug === by.slug : p.organizationId === by.id)) ??
    null
  );
}

/**
 * Starts a sign-in: keeps the PKCE verifier and nonce under the state's hash, and answers the
 * provider's address to send the browser to, with the state the browser must bring back in its
 * cookie (so a callback started in another browser is refused).
 */
export async function startOidcSignIn(input: {
  db: DB;
  organizationSlug: string;
  redirectUri: string;
  nextPath: string | null;
  now: Date;
}): Promise<Ok<{ authorizationUrl: string; state: string }> | Refused> {
  const provider = await providerOf(input.db, { slug: input.organizationSlug });
  if (!provider) return NOT_FOUND;
  let config: client.Configuration;
  try {
    config = await configurationOf(provider);
  } catch (error) {
    // A wrong issuer (the discovery document names another) or an unreachable provider.
    logError(`OpenID discovery failed for ${provider.organizationSlug}`, error);
    await auditRefusal(input.db, provider, "provider_error", input.now);
    return refused("conflict", "signIn.providerUnavailable");
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await deleteOidcAttemptsBefore(input.db, new Date(input.now.getTime() - OIDC_ATTEMPT_MS).toISOString());
  await insertOidcAttempt(input.db, {
    stateHash: stateHash(state),
    organizationId: provider.organizationId,
    codeVerifier,
    nonce,
    nextPath: input.nextPath,
    now: input.now.toISOString(),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { ok: true, authorizationUrl: url.href, state };
}

async function auditRefusal(
  db: DB,
  provider: Pick<OidcProvider, "organizationId" | "organizationSlug"> | null,
  reason: OidcRefusalReason,
  now: Date,
  user?: { id: number; email: string } | null,
): Promise<void> {
  await appendAuditEntry(db, {
    at: now.toISOString(),
    actorUserId: user?.id ?? null,
    // Who the provider said it was only when that is an account here; otherwise the organization.
    actorLabel: user?.email ?? `oidc:${provider?.organizationSlug ?? "unknown"}`,
    organizationId: provider?.organizationId ?? null,
    action: "auth.oidc_refused",
    targetType: null,
    targetId: null,
    details: { reason },
  });
}

const OIDC_FAILED = refused("unauthenticated", "signIn.failed");

/**
 * Finishes a sign-in from the provider's callback: the state must be one this browser started
 * (its cookie) and unused; openid-client checks the issuer, the code against the PKCE verifier,
 * the ID token's signature, audience and nonce. Then the verified email must be an invited,
 * enabled account of the provider's own organization.
 */
export async function finishOidcSignIn(input: {
  db: DB;
  callbackUrl: URL;
  browserState: string | null;
  replacing: string | null;
  now: Date;
}): Promise<OidcSignIn> {
  const { db, now } = input;
  const state = input.callbackUrl.searchParams.get("state");
  const attempt =
    state && input.browserState === state
      ? await consumeOidcAttempt(db, {
          stateHash: stateHash(state),
          createdAfter: new Date(now.getTime() - OIDC_ATTEMPT_MS).toISOString(),
          now: now.toISOString(),
        })
      : null;
  if (!attempt) {
    await auditRefusal(db, null, "unknown_state", now);
    return OIDC_FAILED;
  }
  const provider = await providerOf(db, { id: attempt.organizationId });
  if (!provider) {
    await auditRefusal(db, null, "provider_error", now);
    return OIDC_FAILED;
  }
  if (input.callbackUrl.searchParams.has("error")) {
    await auditRefusal(db, provider, "provider_refused", now);
    return OIDC_FAILED;
  }
  let claims: { sub: string; email?: unknown; email_verified?: unknown };
  try {
    const config = await configurationOf(provider);
    const tokens = await client.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state!,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    claims = { ...idClaims };
    // Many providers put email in the userinfo answer, not the ID token.
    if (claims.email === undefined || claims.email_verified === undefined) {
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, sub: idClaims.sub };
    }
  } catch (error) {
    // A wrong issuer, a replayed or stolen code, a nonce that does not match: all end here.
    logError(`OpenID sign-in refused for ${provider.organizationSlug}`, error);
    await auditRefusal(db, provider, "provider_error", now);
    return OIDC_FAILED;
  }
  if (claims.email_verified !== true || typeof claims.email !== "string") {
    await auditRefusal(db, provider, "email_unverified", now);
    return refused("unauthenticated", "signIn.emailUnverified");
  }
  const user = await findUserByEmail(db, claims.email);
  if (!user || user.organization_id !== provider.organizationId) {
    await auditRefusal(db, provider, "not_invited", now);
    return refused("unauthenticated", "signIn.notInvited");
  }
  if (user.disabled_at) {
    await auditRefusal(db, provider, "account_disabled", now, user);
    return refused("unauthenticated", "signIn.notInvited");
  }
  const token = randomBytes(32).toString("base64url");
  const nowIso = now.toISOString();
  await writeTransaction(db, async (trx) => {
    if (input.replacing) await revokeSession(trx, sessionIdFromToken(input.replacing), nowIso);
    await insertSession(trx, {
      id: sessionIdFromToken(token),
      userId: user.id,
      now: nowIso,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    });
    await insertOidcSession(trx, {
      sessionId: sessionIdFromToken(token),
      organizationId: provider.organizationId,
      now: nowIso,
    });
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "auth.oidc_sign_in",
      targetType: null,
      targetId: null,
      details: { organization: provider.organizationSlug },
    });
  });
  const { id, email, display_name, role, organization_id, language } = user;
  return {
    ok: true,
    token,
    user: { id, email, display_name, role, organization_id, language },
    nextPath: attempt.nextPath,
  };
}

/**
 * Where to send a person signing out of a session that came from a provider: the provider's end
 * session endpoint (RP-initiated logout), which ends its session too and sends them back to
 * `postLogoutRedirectUri`. Null for a password session or a provider without that endpoint.
 */
export async function providerLogoutUrl(input: {
  db: DB;
  sessionToken: string;
  postLogoutRedirectUri: string;
}): Promise<string | null> {
  const organizationId = await oidcOrganizationOfSession(input.db, sessionIdFromToken(input.sessionToken));
  if (organizationId === null) return null;
  const provider = await providerOf(input.db, { id: organizationId });
  if (!provider) return null;
  try {
    const config = await configurationOf(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, {
      client_id: provider.clientId,
      post_logout_redirect_uri: input.postLogoutRedirectUri,
    }).href;
  } catch (error) {
    logError(`OpenID logout address unavailable for ${provider.organizationSlug}`, error);
    return null;
  }
}
