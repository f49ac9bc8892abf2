import fc from "fast-check";
import { acceptedText, distinctive, hostileId } from "./hostile-values";

/**
 * Every form Recourse accepts, in one list: hostile-input.spec.ts sends random and hostile values
 * into each, and fails if a route in app/routes has an action that is not listed here.
 *
 * Adding a route with an action: add an entry with the route's file name, who sends the form, its
 * address and, for each field, what the form accepts (`accepted`): the spec mixes accepted values
 * (themselves hostile text where the field is free text, so it gets stored) with hostile ones,
 * missing and repeated fields, files where text is expected, and bodies that are not forms at all.
 *
 * Fields of several intents of one route are listed together: each schema ignores the others'.
 */

/** Who sends the form: each has its own signed-in client in the spec. */
export type Actor = "anonymous" | "filer" | "staff" | "manager" | "provider" | "admin";

/** What the spec prepared before fuzzing (all in the Durham SSM, which no other spec changes). */
export interface World {
  /** A case of Durham's, recorded for fuzzing: the staff and filer actions work on it. */
  caseReference: string;
  /** A dispute raised by a provider user of Durham's, invited by the spec. */
  disputeReference: string;
  /** Durham's current fiscal quarter: its report is a draft that cannot be submitted yet. */
  quarter: string;
  inviteToken: string;
  surveyToken: string;
  resetToken: string;
  /** "YYYY-MM-DDTHH:MM" a few minutes ago in Toronto: an accepted "received at". */
  receivedAt: string;
  /** Today in Toronto, "YYYY-MM-DD". */
  today: string;
  /** Durham's providers when the spec started (one may be chosen on a form). */
  areaProviderIds: string[];
  /** Providers and people the spec added itself: the only ones a fuzzed rename, retire, role change or disable may touch. */
  ownProviderIds: string[];
  ownUserIds: string[];
}

/** Replaced when the request is sent: the case's version at that moment (it changes as actions succeed). */
export const CURRENT_CASE_VERSION = "\u0000current-case-version\u0000";

export interface FormSpec {
  /** The file in app/routes whose action takes this form. */
  route: string;
  /** What the form is, in the test's title. */
  name: string;
  actor: Actor;
  path: (world: World) => string;
  /** Per field, values the form accepts. */
  accepted: (world: World) => Record<string, fc.Arbitrary<string>>;
  /** The form takes a file (`attachment`) as well: uploads with hostile names and contents are sent too. */
  upload?: boolean;
  /** Runs of the property; lower for forms that are slow (password hashing) or limited per address. */
  runs?: number;
  /**
   * Whether a run may send values the form accepts as a whole (all fields). False for forms whose
   * every accepted submission counts against a limit the rest of the suite needs (failed look-ups).
   */
  acceptAll?: boolean;
}

const oneOf = (...values: string[]) => fc.constantFrom(...values);
const ids = (values: string[]) => (values.length ? fc.constantFrom(...values) : hostileId);
const uuid = fc.uuid().map(String);
// Addresses zod's email check accepts, with the characters it allows that markup and SQL also use.
const email = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9_'+-]{1,30}$/),
    fc.constantFrom("example.com", "example.org", "xn--bcher-kva.example"),
  )
  .map(([local, domain]) => `${local}@${domain}`);
const phone = oneOf("905-555-0100", "+1 (613) 555.0199", "416 555 0000");
const ratings = oneOf("1", "2", "3", "4", "5");
const groupAnswer = oneOf("yes", "no", "unsaid");
// Two choices only, so that the password and its confirmation (drawn apart) often match.
const password = fc.constantFrom("correct horse battery staple 7", "Z̸algo pässwörd 🔑 <script> 2026");
const days = (min: number, max: number) => fc.integer({ min, max }).map(String);

const CLIENT_GROUP_FIELDS = ["disability", "indigenous", "youth_higher_needs", "newcomer", "racialized", "francophone"];
const PROGRAMS = [
  "employment_service",
  "youth_job_connection",
  "ontario_employment_assistance",
  "literacy_basic_skills",
  "apprenticeship",
];

function complaintFields(world: World): Record<string, fc.Arbitrary<string>> {
  return {
    area: oneOf("durham"),
    provider: fc.constantFrom("unknown", ...world.areaProviderIds),
    program: oneOf(...PROGRAMS),
    description: acceptedText(5000),
    outcomeWanted: acceptedText(2000),
    name: distinctive(acceptedText(200)).map((s) => s.slice(0, 200)),
    email,
    phone,
    language: oneOf("en", "fr"),
    accommodation: oneOf("yes", "no"),
    accommodationDetails: acceptedText(1000),
    consent: oneOf("on"),
    submissionKey: uuid,
    website: oneOf(""),
    ...Object.fromEntries(CLIENT_GROUP_FIELDS.map((g) => [`group_${g}`, groupAnswer])),
  };
}

const filerActionFields = {
  intent: oneOf("add_information", "request_recourse", "withdraw"),
  information: acceptedText(5000),
  reasons: acceptedText(5000),
};

export const FORMS: FormSpec[] = [
  {
    route: "file.tsx",
    name: "a client's complaint (/file)",
    actor: "anonymous",
    path: () => "/file?area=durham",
    accepted: complaintFields,
  },
  {
    route: "cases.new.tsx",
    name: "a complaint recorded by staff (/cases/new)",
    actor: "staff",
    path: () => "/cases/new",
    accepted: (w) => ({
      ...complaintFields(w),
      channel: oneOf("phone", "in_person", "mail", "email"),
      receivedAt: oneOf(w.receivedAt),
    }),
  },
  {
    route: "cases.$reference.tsx",
    name: "staff actions on a case (/cases/$reference)",
    actor: "staff",
    path: (w) => `/cases/${w.caseReference}`,
    upload: true,
    accepted: () => ({
      intent: oneOf(
        "take",
        "acknowledge",
        "reply",
        "note",
        "request_info",
        "resume",
        "escalate",
        "close",
        "reopen",
        "decide",
        // The provider stage (#17): refused on Durham's cases, whose policy never refers.
        "refer",
        "release_answer",
        "step_in",
      ),
      version: oneOf(CURRENT_CASE_VERSION),
      message: acceptedText(5000),
      note: acceptedText(5000),
      question: acceptedText(5000),
      // The one composer (#19): its box, copied to the field of the kind chosen.
      composer: oneOf("1"),
      body: acceptedText(5000),
      resumeReason: acceptedText(1000),
      escalateReason: acceptedText(2000),
      reopenReason: acceptedText(2000),
      outcome: oneOf("upheld", "partly_upheld", "not_upheld"),
      reasons: acceptedText(10000),
      panel: acceptedText(2000),
      stepInReason: acceptedText(2000),
      loadedAt: fc
        .date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString()),
    }),
  },
  {
    route: "status.tsx",
    name: "the filer's actions on /status",
    actor: "filer",
    path: () => "/status",
    upload: true,
    accepted: () => ({
      ...filerActionFields,
      intent: oneOf("add_information", "request_recourse", "withdraw", "close", "accept_answer", "refuse_answer"),
      answerReasons: acceptedText(5000),
    }),
  },
  {
    route: "status.tsx",
    name: "the look-up on /status (few runs: failed look-ups are limited per address)",
    actor: "anonymous",
    path: () => "/status",
    runs: 4,
    acceptAll: false,
    accepted: (w) => ({ intent: oneOf("lookup"), reference: oneOf(w.caseReference), secret: acceptedText(80) }),
  },
  {
    route: "status_.lost.tsx",
    name: '"I lost my code" (few runs: requests are limited per address and per reference)',
    actor: "anonymous",
    path: () => "/status/lost",
    runs: 3,
    acceptAll: false,
    accepted: (w) => ({ reference: oneOf(w.caseReference) }),
  },
  {
    route: "status_.open.$token.tsx",
    name: "opening a case by a mailed link that matches nothing",
    actor: "anonymous",
    path: () => "/status/open/not-a-real-token",
    runs: 5,
    accepted: () => ({}),
  },
  {
    route: "disputes.new.tsx",
    name: "a provider's dispute (/disputes/new)",
    actor: "provider",
    path: () => "/disputes/new",
    accepted: () => ({
      area: oneOf("durham"),
      category: oneOf("funding_contract", "targets", "referrals", "data_reporting", "communication", "other"),
      description: acceptedText(5000),
      outcomeWanted: acceptedText(2000),
      submissionKey: uuid,
    }),
  },
  {
    route: "disputes.$reference.tsx",
    name: "a provider's actions on its dispute (/disputes/$reference)",
    actor: "provider",
    path: (w) => `/disputes/${w.disputeReference}`,
    upload: true,
    accepted: () => filerActionFields,
  },
  {
    route: "respond.$reference.tsx",
    // Durham's policy never refers, so the case is not the provider's to answer: every body is
    // answered "not found" before it is read, which is what a provider must get for it.
    name: "a provider's answer to a complaint about it (/respond/$reference)",
    actor: "provider",
    path: (w) => `/respond/${w.caseReference}`,
    upload: true,
    accepted: () => ({ answer: acceptedText(5000), proposedResolution: acceptedText(2000) }),
  },
  {
    route: "login.tsx",
    name: "sign-in (few runs: failed sign-ins are limited per address)",
    actor: "anonymous",
    path: () => "/login",
    runs: 4,
    accepted: () => ({ email, password: acceptedText(128) }),
  },
  {
    route: "logout.tsx",
    name: "sign-out",
    actor: "anonymous",
    path: () => "/logout",
    runs: 5,
    accepted: () => ({}),
  },
  {
    route: "auth.oidc.$organization.tsx",
    name: "pressing an organization's provider sign-in button",
    actor: "anonymous",
    path: () => "/auth/oidc/ministry",
    runs: 5,
    accepted: () => ({}),
  },
  {
    // An organization that does not exist: the settings of the organizations the other specs use
    // are never changed by fuzzing (a missing "passwords allowed" box would switch them off).
    route: "admin.sign-in.tsx",
    name: "an organization's sign-in settings (/admin/sign-in)",
    actor: "admin",
    path: () => "/admin/sign-in",
    accepted: () => ({
      organization: oneOf("hostile-input-no-such-organization"),
      issuer: oneOf("https://login.example.org", "https://login.microsoftonline.com/tenant/v2.0"),
      clientId: acceptedText(300),
      clientSecret: acceptedText(1000),
      providerLabel: acceptedText(80),
      passwordsAllowed: oneOf("on"),
      removeSecret: oneOf("on"),
    }),
  },
  {
    route: "forgot-password.tsx",
    name: "asking for a password reset (few runs: limited per address)",
    actor: "anonymous",
    path: () => "/forgot-password",
    runs: 3,
    acceptAll: false,
    accepted: () => ({ email }),
  },
  {
    route: "reset-password.$token.tsx",
    name: "choosing a new password with a reset link (few runs: hashing is slow)",
    actor: "anonymous",
    path: (w) => `/reset-password/${w.resetToken}`,
    runs: 5,
    accepted: () => ({ password, confirm: password }),
  },
  {
    route: "invite.$token.tsx",
    name: "accepting an invitation (few runs: hashing is slow)",
    actor: "anonymous",
    path: (w) => `/invite/${w.inviteToken}`,
    runs: 6,
    accepted: () => ({ password, confirm: password }),
  },
  {
    route: "survey.$token.tsx",
    name: "the satisfaction survey",
    actor: "anonymous",
    path: (w) => `/survey/${w.surveyToken}`,
    accepted: () => ({ clear: ratings, fair: ratings, timely: ratings, comment: acceptedText(2000) }),
  },
  // Issue #17: the case page's own-route forms, and the panel roster.
  {
    route: "cases_.$reference.extend.tsx",
    name: "extending a case's deadline (/cases/$reference/extend)",
    actor: "staff",
    path: (w) => `/cases/${w.caseReference}/extend`,
    accepted: () => ({
      version: oneOf(CURRENT_CASE_VERSION),
      businessDays: days(1, 10),
      extensionReason: acceptedText(2000),
    }),
  },
  {
    route: "cases_.$reference.related.tsx",
    name: "linking and merging related cases (/cases/$reference/related)",
    actor: "staff",
    path: (w) => `/cases/${w.caseReference}/related`,
    accepted: (w) => ({
      intent: oneOf("link", "merge"),
      otherReference: oneOf(w.caseReference, w.disputeReference, "DUR-2026-999999"),
      duplicateReference: oneOf(w.disputeReference, "DUR-2026-999999"),
      kind: oneOf("same_matter", "duplicate", "same_provider_pattern"),
      version: oneOf(CURRENT_CASE_VERSION),
    }),
  },
  {
    route: "cases_.$reference.panel.tsx",
    name: "forming a case's panel (/cases/$reference/panel)",
    actor: "manager",
    path: (w) => `/cases/${w.caseReference}/panel`,
    accepted: () => ({ member: fc.integer({ min: 1, max: 20 }).map(String) }),
  },
  {
    route: "cases._index.tsx",
    // Task ids no demo task has: the fuzz never closes a review another spec reads.
    name: "a survey review task marked done (/cases)",
    actor: "manager",
    path: () => "/cases",
    accepted: () => ({
      intent: oneOf("survey_review_done"),
      taskId: fc.integer({ min: 1_000_000, max: 2_000_000 }).map(String),
    }),
  },
  {
    route: "admin.panels.tsx",
    name: "the panel roster (/admin/panels)",
    actor: "manager",
    path: () => "/admin/panels",
    accepted: (w) => ({
      intent: oneOf("add"),
      name: acceptedText(200),
      affiliation: acceptedText(200),
      affiliationOrgId: fc.oneof(oneOf(""), ids(w.areaProviderIds)),
      conflict: ids(w.areaProviderIds),
    }),
  },
  {
    route: "mail-review.tsx",
    // Issue #20: staff mark mail that named no case as dealt with; Durham has none, so any id is
    // answered "not found", never a 500.
    name: "mail to sort by hand (/mail-review)",
    actor: "staff",
    path: () => "/mail-review",
    accepted: () => ({ id: fc.integer({ min: 1, max: 20 }).map(String) }),
  },
  {
    route: "admin.contacts.tsx",
    name: "the SSM's contact details (/admin/contacts)",
    actor: "manager",
    path: () => "/admin/contacts",
    accepted: () => ({ email, phone, address: acceptedText(500), inPerson: acceptedText(500) }),
  },
  {
    route: "admin.policy.tsx",
    name: "the response-time policy (/admin/policy)",
    actor: "manager",
    path: () => "/admin/policy",
    accepted: (w) => ({
      effectiveFrom: oneOf(w.today),
      timeZone: oneOf("America/Toronto", "America/Winnipeg"),
      acknowledgeDays: days(0, 2),
      firstResponseDays: days(3, 10),
      decisionDays1: days(20, 90),
      decisionDays2: days(1, 90),
      decisionDays3: days(1, 90),
      recourseWindowDays: days(1, 60),
      extensionMaxDays: days(1, 30),
      civic_holiday: oneOf("on"),
      easter_monday: oneOf("on"),
      truth_and_reconciliation: oneOf("on"),
      // The provider stage (#17); not "always", so Durham's other filings keep going to staff.
      providerReferral: oneOf("never", "per_case"),
      providerResponseDays: days(1, 60),
      providerReviewDays: days(1, 60),
      clientSilence: oneOf("close_resolved", "to_ssm"),
      providerStaffCheck: oneOf("on"),
      extraClosures: fc
        .array(fc.date({ min: new Date("2026-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }), {
          maxLength: 5,
        })
        .map((ds) => ds.map((d) => d.toISOString().slice(0, 10)).join(", ")),
    }),
  },
  {
    route: "admin.providers.tsx",
    name: "providers: add, rename, retire (/admin/providers)",
    actor: "manager",
    path: () => "/admin/providers",
    accepted: (w) => ({
      intent: oneOf("add", "rename", "retire"),
      nameEn: acceptedText(200),
      nameFr: acceptedText(200),
      providerId: ids(w.ownProviderIds),
    }),
  },
  {
    route: "admin.users.tsx",
    name: "people: invite, change role, resend, disable, enable (/admin/users)",
    actor: "manager",
    path: () => "/admin/users",
    accepted: (w) => ({
      intent: oneOf("invite", "role", "resend", "disable", "enable"),
      name: acceptedText(200),
      email,
      role: oneOf("ssm_staff", "ssm_manager", "provider_user"),
      provider: ids(w.areaProviderIds),
      language: oneOf("en", "fr"),
      userId: ids(w.ownUserIds),
    }),
  },
  {
    route: "admin.api-tokens.tsx",
    name: "API tokens: issue, revoke (/admin/api-tokens)",
    actor: "manager",
    path: () => "/admin/api-tokens",
    accepted: () => ({
      intent: oneOf("issue", "revoke"),
      organizationId: hostileId,
      name: acceptedText(100),
      access: oneOf("cases.read", "cases.read cases.act", "reports.read"),
      tokenId: hostileId,
    }),
  },
  {
    route: "reports.$area.$quarter.tsx",
    name: "the quarterly report's narrative (/reports/$area/$quarter)",
    actor: "manager",
    path: (w) => `/reports/durham/${w.quarter}`,
    accepted: () => ({
      intent: oneOf("save", "review", "edit", "submit"),
      actionsTaken: acceptedText(10000),
      lessonsLearned: acceptedText(10000),
      systemicIssues: acceptedText(10000),
      amendmentReason: acceptedText(2000),
      expectedVersion: oneOf("0"),
    }),
  },
];

/** Fields the hostile spec must never let pick a row it did not create (ids), whatever it generates. */
export const ID_FIELDS = new Set(["userId", "providerId", "provider"]);

/** People's names: their hostile values are made distinctive too (hostile-values.ts, `distinctive`). */
export const NAME_FIELDS = new Set(["name"]);
