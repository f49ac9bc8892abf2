import type { OrganizationKind, Role } from "./vocabulary";

// What an API token may do (issue #22, decision record 021). A token belongs to one organization
// and is given scopes when issued; each endpoint names the one scope it needs. Behind the scope,
// the token acts with a role of its organization's kind, so the same access rules
// (app/domain/access.ts) and lifecycle refusals apply to it as to a person using the pages.

export const API_SCOPES = ["cases.read", "cases.act", "reports.read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The scopes an organization of each kind may be given: a ministry token never touches a case. */
export const SCOPES_FOR_KIND: Readonly<Record<OrganizationKind, readonly ApiScope[]>> = {
  ssm: ["cases.read", "cases.act"],
  ministry: ["reports.read"],
  provider: [],
};

/** The role a token acts with, by its organization's kind: SSM staff, or the ministry's analyst. */
export const TOKEN_ROLE: Readonly<Record<OrganizationKind, Role | null>> = {
  ssm: "ssm_staff",
  ministry: "ministry_analyst",
  provider: null,
};

/** The scopes asked for, if every one may be given to an organization of this kind; else null. */
export function grantableScopes(kind: OrganizationKind, asked: readonly string[]): ApiScope[] | null {
  const allowed = SCOPES_FOR_KIND[kind];
  const wanted = [...new Set(asked)];
  if (wanted.length === 0) return null;
  return wanted.every((s): s is ApiScope => (allowed as readonly string[]).includes(s)) ? (wanted as ApiScope[]) : null;
}

export function parseScopes(stored: string): ApiScope[] {
  return stored.split(" ").filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
}
