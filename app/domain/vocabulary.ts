// The words of the domain, declared here so that rules, services and the database schema share one
// vocabulary; db/schema.ts imports these, never the other way round.

/** Every role, for lists a person picks from or a script checks against (what each may do: access.ts). */
export const ROLES = ["provider_user", "ssm_staff", "ssm_manager", "ministry_analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];
export type OrganizationKind = "ministry" | "ssm" | "provider";
export type Language = "en" | "fr";
export type CaseKind = "client_complaint" | "provider_dispute";
export type Channel = "web" | "phone" | "in_person" | "mail" | "email" | "provider_portal";
export type CaseStatus =
  | "received"
  | "acknowledged"
  /** Level 1 with the provider the complaint is about: it answers, the client reviews (issue #17). */
  | "with_provider"
  | "in_review"
  | "waiting_for_filer"
  | "decided"
  | "closed"
  | "withdrawn"
  | "referred_out"
  | "referred_to_ministry";
/** How staff say two cases are related (issue #17); a duplicate may be merged into its original. */
export const CASE_LINK_KINDS = ["same_matter", "duplicate", "same_provider_pattern"] as const;
export type CaseLinkKind = (typeof CASE_LINK_KINDS)[number];
export type EventVisibility = "public" | "internal";
/** respondent: a provider's user answering a complaint about their organization (issue #17). */
export type ActorKind = "staff" | "filer" | "system" | "respondent";
export type OutboxStatus = "pending" | "sent" | "dead";

/** The three things an SSM writes in its quarterly report beside the figures. */
export interface Narrative {
  actionsTaken: string;
  lessonsLearned: string;
  systemicIssues: string;
}
