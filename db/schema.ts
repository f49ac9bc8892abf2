import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { ClockKind, ClockState } from "../app/domain/case-clocks";
import type {
  CaseLinkKind,
  Role,
  OrganizationKind,
  Language,
  CaseKind,
  Channel,
  CaseStatus,
  EventVisibility,
  ActorKind,
  OutboxStatus,
} from "../app/domain/vocabulary";

// Instants are stored as ISO-8601 UTC strings ("2026-11-24T19:02:45.000Z"): they sort as text,
// survive a move to PostgreSQL unchanged and never depend on the server's time zone.
// Calendar dates are "YYYY-MM-DD". Booleans are 0/1 integers (SQLite has no boolean type).

export type {
  Role,
  OrganizationKind,
  Language,
  CaseKind,
  Channel,
  CaseStatus,
  EventVisibility,
  ActorKind,
  OutboxStatus,
} from "../app/domain/vocabulary";

export interface AreaTable {
  slug: string;
  code: string;
  name_en: string;
  name_fr: string;
  phase: "prototype" | "1" | "2" | "3";
  ssm_confirmed: number;
  ssm_responsible_from: string | null;
  ies_from: string | null;
  time_zone: string;
  sort_order: number;
}

export interface OrganizationTable {
  id: Generated<number>;
  slug: string;
  kind: OrganizationKind;
  name_en: string;
  name_fr: string;
  area_slug: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_address: string | null;
  contact_in_person: string | null;
  retired_at: string | null;
  created_at: string;
}

export interface ProviderAreaTable {
  provider_id: number;
  area_slug: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  organization_id: number;
  language: Language;
  disabled_at: string | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface PolicyTable {
  id: Generated<number>;
  area_slug: string;
  version: number;
  effective_from: string;
  acknowledge_days: number;
  first_response_days: number;
  recourse_window_days: number;
  /** JSON: PolicyLevel[] (app/domain/policy.ts) */
  levels_json: string;
  /** JSON: BusinessCalendar (app/domain/business-calendar.ts) */
  calendar_json: string;
  /** JSON: ProviderStagePolicy (app/domain/provider-stage.ts); null: never refer (0015). */
  provider_stage_json: ColumnType<string | null, string | null | undefined, string | null>;
  /** Business days a deadline may be extended by, once per level (0016). */
  extension_max_days: Generated<number>;
  created_by: number | null;
  created_at: string;
}

export interface CaseTable {
  id: Generated<number>;
  reference: string;
  area_slug: string;
  kind: CaseKind;
  channel: Channel;
  status: CaseStatus;
  level: number;
  program: string | null;
  category: string | null;
  respondent_org_id: number | null;
  assignee_id: number | null;
  filer_user_id: number | null;
  filer_org_id: number | null;
  filer_name: string;
  filer_email: string | null;
  filer_phone: string | null;
  language: Language;
  accommodation_needed: number;
  accommodation_details: string | null;
  description: string;
  outcome_wanted: string;
  secret_hash: string;
  submission_key: string | null;
  policy_id: number;
  received_at: string;
  decided_at: string | null;
  outcome: string | null;
  closed_at: string | null;
  /** JSON { group: "yes" | "no" } for the client groups the person chose to answer (0003). */
  self_identification_json: string | null;
  /** Set at each decision: the filer may ask for recourse until then (migration 0002). */
  recourse_deadline_at: string | null;
  /** The earliest open deadline: what the queue sorts by and the sweep selects on. */
  next_due_at: string | null;
  /** When `npm run purge` removed the case's personal information (0008); null until then. */
  purged_at: string | null;
  /** 1 when the client agreed, filing, that the provider may be told who they are (0015). */
  identity_shared: ColumnType<number, number | undefined, number>;
  /** When the complaint was referred to its provider at level 1; null: never (0015). */
  provider_referred_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** A duplicate merged into its original (0016): closed, counted once, as the original. */
  merged_into_case_id: Generated<number | null>;
  /** An email to the filer bounced: staff should call them (0018); null once done. */
  call_filer_since: Generated<string | null>;
  /** A message came after the case was closed or decided (0018); null once staff have seen it. */
  message_after_close_at: Generated<string | null>;
  /** When staff took the acknowledge step (0027); the clock may still wait for a contact that reaches the person. */
  acknowledged_at: Generated<string | null>;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  type: string;
  visibility: EventVisibility;
  actor_kind: ActorKind;
  actor_user_id: number | null;
  level: number;
  body: string | null;
  data_json: string | null;
  created_at: string;
}

export interface CaseClockTable {
  id: Generated<number>;
  case_id: number;
  kind: ClockKind;
  level: number;
  started_at: string;
  due_at: string;
  state: ClockState;
  paused_at: string | null;
  paused_business_ms: number;
  met_at: string | null;
  breached_at: string | null;
  /** When the assignee was reminded that this clock is due within a business day. */
  reminded_at: string | null;
  /** Set when met (0006): business days from start to met net of pauses, and days spent paused. */
  taken_business_days: number | null;
  paused_business_days: number | null;
  /** PostgreSQL: until when one instance's sweep has claimed this due clock (0009). */
  sweep_lease_until: string | null;
  /** JSON ClockPause[] (app/domain/case-clocks.ts): how each pause moved the due time (0013). */
  pauses_json: string | null;
  /** JSON ClockExtension (app/domain/case-clocks.ts): the one extension this clock had (0016). */
  extension_json: Generated<string | null>;
}

/** Two cases staff linked (0016); stored once, read from either side. */
export interface CaseLinkTable {
  id: Generated<number>;
  case_id: number;
  related_case_id: number;
  kind: CaseLinkKind;
  created_by: number | null;
  created_at: string;
}

/** A person an SSM may seat on an independent panel (0016). */
export interface PanelMemberTable {
  id: Generated<number>;
  ssm_org_id: number;
  name: string;
  affiliation: string;
  /** The provider (or other organization) the member works for, when it is one the app knows. */
  affiliation_org_id: number | null;
  /** The SSM staff account of a member who is also staff: who handled a case is refused. */
  user_id: number | null;
  /** JSON number[]: organizations the member declared a conflict with. */
  conflict_org_ids_json: string;
  active: number;
  created_at: string;
}

/** Who sat on a case's panel at a level (0016); the newest row of a level is the panel. */
export interface CasePanelTable {
  id: Generated<number>;
  case_id: number;
  level: number;
  /** JSON number[]: panel_members ids. */
  member_ids_json: string;
  formed_by: number | null;
  formed_at: string;
}

/** A filer's access to one case after giving its reference and secret: a short-lived cookie. */
export interface FilerSessionTable {
  id: string;
  case_id: number;
  created_at: string;
  expires_at: string;
}

export interface ReferenceCounterTable {
  area_slug: string;
  year: number;
  last_value: number;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  dedupe_key: string;
  case_id: number | null;
  recipient: string;
  language: Language;
  template: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  lease_until: string | null;
  created_at: string;
  sent_at: string | null;
  /** 1 when the email goes to the filer and carries a reply address (0018). */
  replyable: Generated<number>;
  /** When a delivery status notification said it never arrived (0018). */
  bounced_at: Generated<string | null>;
  /** The clock this email meets once the mail server accepts it, e.g. "acknowledge" (0027). */
  meets_clock: Generated<ClockKind | null>;
}

export interface InboundMessageTable {
  id: Generated<number>;
  message_id: string;
  received_at: string;
  channel: "smtp" | "imap";
  outcome: "added" | "review" | "auto_reply" | "bounce";
  reason: string | null;
  case_id: number | null;
  organization_id: number | null;
  outbox_id: number | null;
  from_address: string;
  subject: string;
  body_text: string;
  reviewed_at: string | null;
  reviewed_by: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  organization_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  case_id: number;
  original_name: string;
  stored_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  visibility: EventVisibility;
  uploaded_by_kind: ActorKind;
  uploaded_by_user_id: number | null;
  created_at: string;
}

/** One attempt counted against a rate limit; old rows are pruned as new ones arrive. */
export interface RateLimitEventTable {
  bucket: string;
  at: string;
}

/** An invitation to set a password (0005): single use, a week long, only the token's sha256 kept. */
/** A password reset asked for on /forgot-password (0007): single use, an hour long, only the token's sha256 kept. */
/** A link that opens one case for its filer (migration 0017): single use, expiring, hashed. */
export interface CaseAccessLinkTable {
  id: Generated<number>;
  case_id: number;
  token_hash: string;
  /** "acknowledgement" (the filing email) or "recovery" ("I lost my code"). */
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** Set when staff gave the case a new access code: every earlier way in stops working. */
  revoked_at: string | null;
}

export interface PasswordResetTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** Set when another of the user's reset links was used. */
  revoked_at: string | null;
}

export interface InvitationTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** Set when a newer invitation replaces it or the account is disabled. */
  revoked_at: string | null;
}

/** The manager's narrative for a quarter not yet submitted (or being amended). */
export interface ReportDraftTable {
  area_slug: string;
  quarter: string;
  actions_taken: string;
  lessons_learned: string;
  systemic_issues: string;
  updated_by: number | null;
  updated_at: string;
}

/** One submitted version of an SSM's quarter: figures frozen as JSON (QuarterFigures). */
export interface QuarterReportTable {
  id: Generated<number>;
  area_slug: string;
  quarter: string;
  version: number;
  figures_json: string;
  actions_taken: string;
  lessons_learned: string;
  systemic_issues: string;
  amendment_reason: string | null;
  submitted_by: number;
  submitted_at: string;
}

/** A release of a quarter's reports to the ministry: what each view shows until the next one. */
export interface ReportReleaseTable {
  id: Generated<number>;
  quarter: string;
  sequence: number;
  /** The submission (SSM and version) that made this release. */
  area_slug: string;
  version: number;
  threshold: number;
  release_json: string;
  released_at: string;
}

export interface SurveyInvitationTable {
  id: Generated<number>;
  case_id: number;
  token_hash: string;
  area_slug: string;
  quarter: string;
  language: Language;
  expires_at: string;
  used: number;
}

/** An anonymous answer: no case, filer or time, only the SSM and the quarter the case closed in. */
export interface SurveyResponseTable {
  id: Generated<number>;
  area_slug: string;
  quarter: string;
  clear: number;
  fair: number;
  timely: number;
  comment: string | null;
}

/** A manager's review task from a low survey answer (#20): the case only with the filer's consent. */
export interface SurveyReviewTaskTable {
  id: Generated<number>;
  area_slug: string;
  quarter: string;
  fair: number;
  timely: number;
  case_id: number | null;
  done_at: string | null;
  done_by: number | null;
}

/**
 * What one counted (not merged) case adds to its quarter's received figures (0022, issue #21):
 * rewritten with every change to the case (app/domain/report-facts.ts).
 */
export interface CaseReportFactTable {
  case_id: number;
  area_slug: string;
  received_at: string;
  kind: string;
  channel: string;
  program: string | null;
  category: string | null;
  provider_id: number | null;
  /** The self-identification groups answered "yes", comma-separated and sorted; "" for none. */
  groups: string;
  referred_out: number;
}

/** A dated occurrence a quarter's figures count (0022): see EventFact in app/domain/report-facts.ts. */
export interface ReportFactEventTable {
  id: Generated<number>;
  case_id: number;
  area_slug: string;
  at: string;
  fact: string;
  key: string | null;
  level: number;
  value: number;
  value2: number;
  settled_at: string | null;
}

/** Net change of an SSM's open count in a quarter (0022): the open count at a quarter's end is their sum up to it. */
export interface ReportOpenCountTable {
  area_slug: string;
  quarter: string;
  net_change: number;
}

/** A chunk of an evidence file kept in the database (0025, ATTACHMENTS_STORE=database). */
export interface AttachmentChunkTable {
  stored_name: string;
  seq: number;
  data: Uint8Array;
}

/** A token a system of an organization calls the API with (0024): only its hash is kept. */
export interface ApiTokenTable {
  id: Generated<number>;
  organization_id: number;
  name: string;
  /** Space-separated ApiScope values (app/domain/api-scopes.ts). */
  scopes: string;
  token_hash: string;
  prefix: string;
  created_by: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

/** A job that runs in one instance at a time on a shared SQLite file (migration 0009). */
export interface WorkLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** An organization's OpenID Connect provider and password setting (0023). */
export interface OrganizationSignInTable {
  organization_id: number;
  issuer: string | null;
  client_id: string | null;
  /** AES-256-GCM under SECRETS_KEY (app/utils/sealed-secret.server.ts); never shown back. */
  client_secret_sealed: string | null;
  provider_label: string | null;
  passwords_allowed: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}

/** One "Sign in with…" press: PKCE verifier and nonce under the hash of its state, used once (0023). */
export interface OidcAttemptTable {
  state_hash: string;
  organization_id: number;
  code_verifier: string;
  nonce: string;
  next_path: string | null;
  created_at: string;
  used_at: string | null;
}

/** Which provider a session came from, for RP-initiated logout (0023). */
export interface OidcSessionTable {
  session_id: string;
  organization_id: number;
  created_at: string;
}

export interface Database {
  areas: AreaTable;
  organizations: OrganizationTable;
  provider_areas: ProviderAreaTable;
  users: UserTable;
  sessions: SessionTable;
  policies: PolicyTable;
  cases: CaseTable;
  case_events: CaseEventTable;
  case_clocks: CaseClockTable;
  case_links: CaseLinkTable;
  panel_members: PanelMemberTable;
  case_panels: CasePanelTable;
  filer_sessions: FilerSessionTable;
  reference_counters: ReferenceCounterTable;
  email_outbox: EmailOutboxTable;
  inbound_messages: InboundMessageTable;
  audit_log: AuditLogTable;
  rate_limit_events: RateLimitEventTable;
  attachments: AttachmentTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  case_access_links: CaseAccessLinkTable;
  report_drafts: ReportDraftTable;
  quarter_reports: QuarterReportTable;
  report_releases: ReportReleaseTable;
  survey_invitations: SurveyInvitationTable;
  survey_responses: SurveyResponseTable;
  survey_review_tasks: SurveyReviewTaskTable;
  work_leases: WorkLeaseTable;
  organization_sign_in: OrganizationSignInTable;
  oidc_attempts: OidcAttemptTable;
  oidc_sessions: OidcSessionTable;
  case_report_facts: CaseReportFactTable;
  report_fact_events: ReportFactEventTable;
  report_open_counts: ReportOpenCountTable;
  attachment_chunks: AttachmentChunkTable;
  api_tokens: ApiTokenTable;
}

export type Area = Selectable<AreaTable>;
export type Organization = Selectable<OrganizationTable>;
export type User = Selectable<UserTable>;
export type PolicyRow = Selectable<PolicyTable>;
export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type CaseUpdate = Updateable<CaseTable>;
export type CaseClockRow = Selectable<CaseClockTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type OutboxRow = Selectable<EmailOutboxTable>;
export type InboundMessageRow = Selectable<InboundMessageTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type PasswordResetRow = Selectable<PasswordResetTable>;
export type QuarterReportRow = Selectable<QuarterReportTable>;
export type ReportDraftRow = Selectable<ReportDraftTable>;
export type ReportReleaseRow = Selectable<ReportReleaseTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
