import { createHash, randomBytes } from "node:crypto";
import type { DB } from "../../db/client";
import { writeTransaction } from "../../db/client";
import {
  findApiTokenById,
  findLiveApiToken,
  insertApiToken,
  listApiTokens,
  listTokenOrganizations,
  revokeApiToken,
  touchApiToken,
} from "../../db/repositories/api-tokens";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { grantableScopes, parseScopes, TOKEN_ROLE, type ApiScope } from "../domain/api-scopes";
import { type Actor } from "../domain/access";
import { fieldRefused, NOT_FOUND, type Result } from "../domain/result";
import { actorOf, authorize } from "./access.server";
import type { SessionUser } from "./auth.server";
import { reserveAttempt, type RateLimit } from "./rate-limit.server";

// API tokens (issue #22, decision record 021). A token is 32 random bytes (256 bits): only its
// SHA-256 is stored. A slow password hash would protect a guessable secret; this one cannot be
// guessed, and a fast hash lets every API request be checked by one indexed look-up.

const TOKEN_PREFIX = "rct_";

/** Requests per token per minute: enough for a system polling its queue, not for scraping. */
export const API_REQUESTS: RateLimit = { name: "api", max: 120, windowMs: 60 * 1000 };
/** Unknown or revoked tokens per address per 10 minutes: a guessing client is slowed down. */
export const API_AUTH_FAILURES: RateLimit = { name: "api-auth-fail", max: 30, windowMs: 10 * 60 * 1000 };

export function apiTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Which organizations the person may issue tokens to: their own SSM, or (administrator) any SSM and the ministry. */
async function issuableOrganizations(db: DB, actor: Actor) {
  if (!authorize(actor, "api_tokens.manage")) return null;
  const all = await listTokenOrganizations(db);
  if (actor.role === "admin") return all;
  return all.filter((o) => o.kind === "ssm" && o.id === actor.organization?.id);
}

/** The token page: the organizations the person may issue to and their tokens (never a token itself). */
export async function apiTokensView(input: { db: DB; user: SessionUser }) {
  const actor = await actorOf(input.db, input.user);
  const organizations = await issuableOrganizations(input.db, actor);
  if (!organizations) return null;
  const tokens = await listApiTokens(input.db, actor.role === "admin" ? null : organizations.map((o) => o.id));
  return {
    organizations,
    tokens: tokens.map((t) => ({ ...t, scopes: parseScopes(t.scopes) })),
  };
}

export type IssueResult = Result<{ token: string; id: number }>;

/** Issues a token: shown once (returned here), stored as its hash, audited. */
export async function issueApiToken(input: {
  db: DB;
  user: SessionUser;
  organizationId: number;
  name: string;
  scopes: readonly string[];
  now: Date;
}): Promise<IssueResult> {
  const { db, user, now } = input;
  const actor = await actorOf(db, user);
  const organizations = await issuableOrganizations(db, actor);
  const org = organizations?.find((o) => o.id === input.organizationId);
  if (!org) return NOT_FOUND;
  const scopes = grantableScopes(org.kind, input.scopes);
  if (!scopes) return fieldRefused("scopes", "apiTokens.error.scopes");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = await writeTransaction(db, async (trx) => {
    const id = await insertApiToken(trx, {
      organizationId: org.id,
      name: input.name,
      scopes: scopes.join(" "),
      tokenHash: apiTokenHash(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdBy: user.id,
      now: now.toISOString(),
    });
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "api_token.issued",
      targetType: "api_token",
      targetId: String(id),
      details: { organizationId: org.id, scopes },
    });
    return id;
  });
  return { ok: true, token, id };
}

/** Revokes a token the person may manage; audited. */
export async function revokeApiTokenAs(input: {
  db: DB;
  user: SessionUser;
  tokenId: number;
  now: Date;
}): Promise<Result> {
  const { db, user, now } = input;
  const actor = await actorOf(db, user);
  const organizations = await issuableOrganizations(db, actor);
  const row = await findApiTokenById(db, input.tokenId);
  if (!row || !organizations?.some((o) => o.id === row.organization_id)) return NOT_FOUND;
  await writeTransaction(db, async (trx) => {
    if (!(await revokeApiToken(trx, row.id, user.id, now.toISOString()))) return;
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      actorUserId: user.id,
      actorLabel: user.email,
      organizationId: user.organization_id,
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: String(row.id),
      details: { organizationId: row.organization_id },
    });
  });
  return { ok: true };
}

/** Who a token acts as: a principal shaped like a signed-in person, so the same services serve it. */
export interface ApiPrincipal {
  tokenId: number;
  scopes: ApiScope[];
  /**
   * The token's organization, with the role its kind acts with; the id is the issuer's, so what
   * the token does is recorded in the issuer's name (decision record 021), and the label names the token.
   */
  user: SessionUser;
}

export type ApiAuthentication =
  { ok: true; principal: ApiPrincipal } | { ok: false; reason: "unauthenticated" | "too_many" };

/**
 * The principal for an `Authorization: Bearer` header, or why not: no token, an unknown or revoked
 * one, one whose issuer was disabled or whose organization was retired (all "unauthenticated"), or
 * one past its rate limit. Cookies are never read: the API is bearer-only, so it needs no CSRF token.
 */
export async function authenticateApiRequest(input: {
  db: DB;
  authorization: string | null;
  clientIp: string;
  now: Date;
}): Promise<ApiAuthentication> {
  const { db, now } = input;
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(input.authorization ?? "");
  const found = match ? await findLiveApiToken(db, apiTokenHash(match[1]!)) : null;
  const role = found ? TOKEN_ROLE[found.organization_kind] : null;
  if (!found || !role || found.issuer_disabled_at !== null || found.organization_retired_at !== null) {
    if (!(await reserveAttempt(db, API_AUTH_FAILURES, [`ip:${input.clientIp}`], now)))
      return { ok: false, reason: "too_many" };
    return { ok: false, reason: "unauthenticated" };
  }
  if (!(await reserveAttempt(db, API_REQUESTS, [`token:${found.id}`], now))) return { ok: false, reason: "too_many" };
  // Written at most once a minute, so reading the API costs no write per request.
  if (!found.last_used_at || now.getTime() - Date.parse(found.last_used_at) > 60_000)
    await touchApiToken(db, found.id, now.toISOString());
  return {
    ok: true,
    principal: {
      tokenId: found.id,
      scopes: parseScopes(found.scopes),
      user: {
        id: found.created_by,
        email: `api-token:${found.id}`,
        display_name: found.name,
        role,
        organization_id: found.organization_id,
        language: "en",
      },
    },
  };
}
