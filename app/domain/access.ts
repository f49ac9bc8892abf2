import type { StaffAction } from "./case-workflow";
import { ROLES, type CaseKind, type OrganizationKind, type Role } from "./vocabulary";

// Who may see and do what, in one place (issue #13). A role grants named permissions; where the
// permission is used on something (a case, an attachment, an area's report), the actor's
// organization sets the scope: an SSM's people act on their own area's cases, a provider's people
// on the disputes their own organization raised (and only what is shared with them), the ministry
// on the province's aggregates and never on a case. Services check through one gate
// (app/services/access.server.ts); routes ask for a permission before calling them.

export const PERMISSIONS = [
  /** See a case's whole record as the SSM holds it (internal notes, the filer's contact) and the queue. */
  "case.read",
  /** Download the queue as CSV: personal data in bulk, so named apart from reading. */
  "case.export",
  /** Record a complaint taken by phone, in person or by mail for someone. */
  "case.record",
  /** Acknowledge, reply, note, ask for information, resume, close, reopen, add a file. */
  "case.work",
  /** Assign a case to oneself or to a colleague. */
  "case.assign",
  "case.decide",
  /** Send a case up a level by hand, before its deadline forces it (shared/domain.md: managers). */
  "case.escalate",
  /** The person a case may be assigned to. */
  "case.be_assigned",
  /** Download an attachment of a case in scope (a provider: only those shared with it). */
  "attachment.read",
  /** Raise a dispute with the SSM of an area the provider serves. */
  "dispute.raise",
  /** See and follow its own organization's disputes, as their filer. */
  "dispute.read",
  /** Add information or a file, ask for a review, withdraw: the filer's actions on its own disputes. */
  "dispute.act",
  /**
   * Read and answer the complaints about the own provider organization that the SSM referred to it
   * (issue #17): the facts, and who complained only where the client agreed.
   */
  "complaint.respond",
  /** The own SSM's quarterly report: the live draft and every version, unsuppressed. */
  "report.read",
  /** Write the narrative and submit the own SSM's quarterly report. */
  "report.submit",
  /** Every SSM's submitted reports and Ontario's totals, suppressed: aggregates only. */
  "report.read_province",
  /** The own SSM's published policy: deadlines, levels, calendar. */
  "policy.edit",
  /** Invite, change the role of and disable the people of the own SSM and its providers. */
  "users.manage",
  /** Add, rename and retire the providers serving the own area; the SSM's published contacts. */
  "organizations.manage",
  /** Extend a running deadline once per level, with notice to the filer (issue #17). */
  "case.extend",
  /** Link related cases of the own SSM, and merge a duplicate into its original (issue #17). */
  "case.link",
  /** Seat an independent panel on a level-3 case (issue #17). */
  "panel.form",
  /** Keep the own SSM's roster of panel members and their declared conflicts (issue #17). */
  "panel.roster",
  /** Read and clear the own SSM's mail that names no case (a forged, missing or expired reply address). */
  "mail.review",
  /** Configure each organization's OpenID Connect provider and whether its passwords work (issue #22). */
  "sign_in.configure",
  /**
   * Issue and revoke API tokens (issue #22): a manager for the own SSM, the administrator for any
   * SSM or the ministry. A token is checked by the service against the organization it is for.
   */
  "api_tokens.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SSM_STAFF: readonly Permission[] = [
  "case.read",
  "case.export",
  "case.record",
  "case.work",
  "case.assign",
  "case.decide",
  "case.be_assigned",
  "case.extend",
  "case.link",
  "attachment.read",
  "report.read",
  "mail.review",
];

/** The role → permission map: the only place a role turns into what its holder may do. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ssm_staff: SSM_STAFF,
  ssm_manager: [
    ...SSM_STAFF,
    "case.escalate",
    "report.submit",
    "policy.edit",
    "users.manage",
    "organizations.manage",
    "panel.form",
    "panel.roster",
    "api_tokens.manage",
  ],
  provider_user: ["dispute.raise", "dispute.read", "dispute.act", "attachment.read", "complaint.respond"],
  ministry_analyst: ["report.read_province"],
  admin: ["report.read_province", "api_tokens.manage", "sign_in.configure"],
};

/** The organization each role belongs to: a role held in another kind of organization grants nothing. */
export const ROLE_ORGANIZATION: Readonly<Record<Role, OrganizationKind>> = {
  provider_user: "provider",
  ssm_staff: "ssm",
  ssm_manager: "ssm",
  ministry_analyst: "ministry",
  admin: "ministry",
};

/** Who is acting, with the organization that sets their scope. */
export interface Actor {
  userId: number;
  role: Role;
  organization: {
    id: number;
    kind: OrganizationKind;
    /** An SSM's catchment area; null for providers and the ministry. */
    areaSlug: string | null;
    /** A retired provider's people keep their accounts but may do nothing. */
    retired: boolean;
  } | null;
}

/** The facts about a case that decide who may see it. */
export interface CaseScope {
  areaSlug: string;
  kind: CaseKind;
  filerOrgId: number | null;
}

export type Resource =
  | { type: "case"; case: CaseScope }
  | { type: "attachment"; case: CaseScope; visibility: "public" | "internal" }
  /** An SSM area's own records: its queue, report, policy, people. */
  | { type: "area"; areaSlug: string }
  /** A client's complaint as its respondent sees it: the provider it is about, once referred. */
  | { type: "respondent_case"; case: RespondentScope }
  /** A file on a client's complaint, as the provider it is about may read it: its own answer's files only. */
  | { type: "respondent_attachment"; case: RespondentScope; uploadedByRespondent: boolean };

/** The facts about a complaint that decide whether the provider it is about may see it. */
export interface RespondentScope extends CaseScope {
  respondentOrgId: number | null;
  /** Referred to the provider at level 1 (issue #17); a provider never sees one that was not. */
  referredToProvider: boolean;
}

/** The roles that grant the permission: who is told about what they may act on. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => roleMay(role, permission));
}

/** Whether the role grants the permission, before any scope: for menus and landing pages. */
export function roleMay(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The actor's organization, if it is the kind their role belongs to and not retired. */
function homeOf(actor: Actor) {
  const org = actor.organization;
  return org && org.kind === ROLE_ORGANIZATION[actor.role] && !org.retired ? org : null;
}

/** Whether something lies within the actor's scope, whatever the permission. */
export function inScope(actor: Actor, resource: Resource): boolean {
  const home = homeOf(actor);
  if (!home) return false;
  switch (home.kind) {
    case "ssm":
      // An SSM holds every case, attachment and record of its own area, and nothing of another's.
      return home.areaSlug !== null && areaOf(resource) === home.areaSlug;
    case "provider":
      // A provider is the filer of its own disputes: it sees what a filer sees of them, no more.
      if (resource.type === "area") return false;
      if (resource.type === "respondent_attachment" && !resource.uploadedByRespondent)
        // The client's own files may name them: the provider never reads them, consent or not.
        return false;
      if (resource.type === "respondent_case" || resource.type === "respondent_attachment")
        // The respondent: the complaint is about this provider and the SSM referred it there.
        return (
          resource.case.kind === "client_complaint" &&
          resource.case.respondentOrgId === home.id &&
          resource.case.referredToProvider
        );
      if (resource.type === "attachment" && resource.visibility !== "public") return false;
      return resource.case.kind === "provider_dispute" && resource.case.filerOrgId === home.id;
    case "ministry":
      // The ministry sees figures of every area, never a case: no personal data.
      return resource.type === "area";
  }
}

function areaOf(resource: Resource): string {
  return resource.type === "area" ? resource.areaSlug : resource.case.areaSlug;
}

/**
 * The one decision: the actor's role grants the permission and, when it is used on something, that
 * thing lies in the actor's scope. Without a resource, the actor must still belong to an
 * organization of their role's kind (a role alone, in the wrong organization, grants nothing).
 */
export function can(actor: Actor, permission: Permission, resource?: Resource): boolean {
  if (!roleMay(actor.role, permission) || !homeOf(actor)) return false;
  return resource === undefined || inScope(actor, resource);
}

/** The permission each staff action needs on the case. */
export function permissionForStaffAction(action: StaffAction): Permission {
  switch (action) {
    case "take":
      return "case.assign";
    case "decide":
      return "case.decide";
    case "escalate":
      return "case.escalate";
    default:
      return "case.work";
  }
}

/** The area an SSM actor works in, or null for anyone else: where their queue and report are. */
export function ownArea(actor: Actor): string | null {
  const home = homeOf(actor);
  return home?.kind === "ssm" ? home.areaSlug : null;
}

/** The provider organization a provider actor works for, or null for anyone else. */
export function ownProvider(actor: Actor): number | null {
  const home = homeOf(actor);
  return home?.kind === "provider" ? home.id : null;
}
