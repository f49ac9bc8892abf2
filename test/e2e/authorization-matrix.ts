// Who may do what, route by route: issue #7's authorization matrix. Every file in app/routes/ has
// an entry (authorization.spec.ts fails naming any that has none), and every route with an action
// has at least one POST. Each probe is sent as every principal and must answer exactly as written.
//
// The signed-in principals all belong to Hamilton–Niagara (its SSM, or its first provider) or to
// the ministry, so "own" means Hamilton–Niagara's (or that provider's) and "other" another
// organization's: Ottawa's SSM, or another Hamilton–Niagara provider. A POST carries a harmless
// body: one that is refused (an empty form, an attachment with no file, a change that changes
// nothing), so the matrix never alters the demo data, whoever it is sent as.

export const PRINCIPALS = ["anonymous", "provider", "staff", "manager", "analyst", "admin"] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** The demo login of each signed-in principal (README); every one has the demo password. */
export const LOGINS: Record<Exclude<Principal, "anonymous">, string> = {
  provider: "provider@hamilton-niagara.example.org",
  staff: "staff@hamilton-niagara.example.org",
  manager: "manager@hamilton-niagara.example.org",
  analyst: "analyst@ministry.example.org",
  admin: "admin@recourse.example.org",
};

/**
 * An HTTP status, "login" (302 to /login?next=…, for whoever is not signed in), or a redirect to a
 * given path.
 */
export type Outcome = number | "login" | { redirect: string };

/** The seeded records the probes point at, looked up (or made) before the matrix runs. */
export interface Targets {
  ownArea: string;
  otherArea: string;
  /** A Hamilton–Niagara client complaint. */
  ownCase: string;
  /** An Ottawa client complaint. */
  otherCase: string;
  /** A dispute raised by the provider principal's organization. */
  ownDispute: string;
  /** A dispute raised by another Hamilton–Niagara provider. */
  otherDispute: string;
  /** A Hamilton–Niagara complaint about the provider principal's organization, referred to it (#17). */
  ownRespondentCase: string;
  /** A Hamilton–Niagara complaint about another provider, referred to that provider (#17). */
  otherRespondentCase: string;
  files: {
    /** Uploaded by the provider on its own dispute (shared with it). */
    ownDisputeShared: number;
    /** Added by Hamilton–Niagara staff to the provider's dispute, internal. */
    ownDisputeInternal: number;
    /** Shared by Hamilton–Niagara staff on the other provider's dispute. */
    otherDisputeShared: number;
    /** Internal to a Hamilton–Niagara client complaint. */
    ownCase: number;
    /** On an Ottawa complaint, added by Ottawa staff. */
    otherCase: number;
    /** Sent by the provider principal with its answer to ownRespondentCase (#17). */
    ownRespondentAnswer: number;
    /** Shared with the client by Hamilton–Niagara staff on ownRespondentCase: not the provider's. */
    ownRespondentClientShared: number;
  };
  ownStaffUserId: number;
  otherStaffUserId: number;
  ownProvider: { id: number };
  otherProvider: { id: number; nameEn: string; nameFr: string };
  /** A quarter Ottawa has submitted and Hamilton–Niagara has not (its draft). */
  quarter: string;
}

export interface Probe {
  /** What is tried, in plain words (shown when a cell fails). */
  what: string;
  method: "GET" | "POST";
  path: (t: Targets) => string;
  /** A urlencoded form (or multipart when it holds a file field); POST only. */
  form?: (t: Targets) => Record<string, string>;
  multipart?: boolean;
  /** Whose record it is, seen from the signed-in Hamilton–Niagara principals. */
  scope: "own" | "other" | "public";
  expect: Record<Principal, Outcome>;
  /** Ends the principal's session: run after every other probe. */
  endsSession?: boolean;
}

const everyone = (outcome: Outcome): Record<Principal, Outcome> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, outcome])) as Record<Principal, Outcome>;

/** Anonymous: to the sign-in page. Signed in: as given, and 404 for every role not named. */
const signedIn = (allowed: Partial<Record<Exclude<Principal, "anonymous">, Outcome>>): Record<Principal, Outcome> => ({
  anonymous: "login",
  provider: allowed.provider ?? 404,
  staff: allowed.staff ?? 404,
  manager: allowed.manager ?? 404,
  analyst: allowed.analyst ?? 404,
  admin: allowed.admin ?? 404,
});

const SSM = { staff: 200, manager: 200 } as const;
const MINISTRY = { analyst: 200, admin: 200 } as const;
const NOBODY = signedIn({});
const TWO_PASSWORDS = () => ({ password: "a harmless long password", confirm: "a harmless long password" });
const ATTACH_NOTHING = () => ({ intent: "attach" });

export const AUTHORIZATION_MATRIX: Record<string, Probe[]> = {
  // The public side: the same for everyone, signed in or not.
  "_index.tsx": [{ what: "home page", method: "GET", path: () => "/", scope: "public", expect: everyone(200) }],
  "healthz.ts": [
    { what: "health check", method: "GET", path: () => "/healthz", scope: "public", expect: everyone(200) },
  ],
  "process.$area.tsx": [
    {
      what: "an SSM's published process",
      method: "GET",
      path: (t) => `/process/${t.otherArea}`,
      scope: "public",
      expect: everyone(200),
    },
    {
      what: "the process of an area that does not exist",
      method: "GET",
      path: () => "/process/atlantis",
      scope: "public",
      expect: everyone(404),
    },
  ],
  "file.tsx": [
    {
      what: "complaint form",
      method: "GET",
      path: (t) => `/file?area=${t.ownArea}`,
      scope: "public",
      expect: everyone(200),
    },
    {
      what: "an empty complaint",
      method: "POST",
      path: () => "/file",
      form: () => ({}),
      scope: "public",
      expect: everyone(400),
    },
  ],
  "status.tsx": [
    { what: "look-up form", method: "GET", path: () => "/status", scope: "public", expect: everyone(200) },
    {
      what: "an empty look-up",
      method: "POST",
      path: () => "/status",
      form: () => ({}),
      scope: "public",
      expect: everyone(400),
    },
    {
      what: "a filer's attachment without a case open on /status",
      method: "POST",
      path: () => "/status",
      form: ATTACH_NOTHING,
      scope: "public",
      expect: everyone({ redirect: "/status" }),
    },
  ],
  "status_.lost.tsx": [
    {
      what: '"I lost my code" form',
      method: "GET",
      path: () => "/status/lost",
      scope: "public",
      expect: everyone(200),
    },
    {
      what: 'an empty "I lost my code" request',
      method: "POST",
      path: () => "/status/lost",
      form: () => ({}),
      scope: "public",
      expect: everyone(400),
    },
  ],
  "status_.open.$token.tsx": [
    // The page says the link does not work (410); pressing its button opens nothing.
    {
      what: "a link to a case that matches nothing",
      method: "GET",
      path: () => "/status/open/not-a-real-token",
      scope: "public",
      expect: everyone(410),
    },
    {
      what: "using it",
      method: "POST",
      path: () => "/status/open/not-a-real-token",
      form: () => ({}),
      scope: "public",
      expect: everyone({ redirect: "/status/open/not-a-real-token" }),
    },
  ],
  "status_.attachments.$id.ts": [
    {
      what: "a dispute's shared file through the filer's download, with no case open on /status",
      method: "GET",
      path: (t) => `/status/attachments/${t.files.ownDisputeShared}`,
      scope: "own",
      expect: everyone(404),
    },
  ],
  "survey.$token.tsx": [
    {
      what: "a survey link that matches nothing",
      method: "GET",
      path: () => "/survey/not-a-real-token",
      scope: "public",
      expect: everyone(410),
    },
    {
      what: "an empty answer to it",
      method: "POST",
      path: () => "/survey/not-a-real-token",
      form: () => ({}),
      scope: "public",
      expect: everyone(400),
    },
    {
      what: "a complete answer to it",
      method: "POST",
      path: () => "/survey/not-a-real-token",
      form: () => ({ clear: "3", fair: "3", timely: "3" }),
      scope: "public",
      expect: everyone(410),
    },
  ],
  "survey_.thanks.tsx": [
    {
      what: "survey thank-you page",
      method: "GET",
      path: () => "/survey/thanks",
      scope: "public",
      expect: everyone(200),
    },
  ],
  "invite.$token.tsx": [
    // The page explains that the link does not work (200); using it is refused (410).
    {
      what: "an invitation link that matches nothing",
      method: "GET",
      path: () => "/invite/not-a-real-token",
      scope: "public",
      expect: everyone(200),
    },
    {
      what: "an empty password for it",
      method: "POST",
      path: () => "/invite/not-a-real-token",
      form: () => ({}),
      scope: "public",
      expect: everyone(400),
    },
    {
      what: "a good password for it",
      method: "POST",
      path: () => "/invite/not-a-real-token",
      form: TWO_PASSWORDS,
      scope: "public",
      expect: everyone(410),
    },
  ],
  "login.tsx": [
    { what: "sign-in form", method: "GET", path: () => "/login", scope: "public", expect: everyone(200) },
    {
      what: "an empty sign-in",
      method: "POST",
      path: () => "/login",
      form: () => ({}),
      scope: "public",
      expect: everyone(400),
    },
  ],
  // Sign-in through an organization's provider (issue #22). The ministry has none and can have
  // none, so pressing its button is a 404 whatever another spec configured.
  "auth.oidc.$organization.tsx": [
    {
      what: "a provider sign-in by link",
      method: "GET",
      path: () => "/auth/oidc/ministry",
      scope: "public",
      expect: everyone({ redirect: "/login" }),
    },
    {
      what: "a provider sign-in for an organization without one",
      method: "POST",
      path: () => "/auth/oidc/ministry",
      form: () => ({}),
      scope: "public",
      expect: everyone(404),
    },
  ],
  "auth.oidc.callback.tsx": [
    {
      what: "a provider's answer no sign-in started",
      method: "GET",
      path: () => "/auth/oidc/callback?code=made-up&state=made-up",
      scope: "public",
      expect: everyone(401),
    },
  ],
  "forgot-password.tsx": [
    {
      what: "forgotten-password form",
      method: "GET",
      path: () => "/forgot-password",
      scope: "public",
      expect: everyone(200),
    },
    {
      what: "an empty request",
      method: "POST",
      path: () => "/forgot-password",
      form: () => ({}),
      scope: "public",
      expect: everyone(400),
    },
  ],
  "reset-password.$token.tsx": [
    {
      what: "a reset link that matches nothing",
      method: "GET",
      path: () => "/reset-password/not-a-real-token",
      scope: "public",
      expect: everyone(410),
    },
    // An empty form is refused before the link is looked up (a good password here would count
    // against this machine's limit on links that match nothing).
    {
      what: "an empty password for it",
      method: "POST",
      path: () => "/reset-password/not-a-real-token",
      form: () => ({}),
      scope: "public",
      expect: everyone(400),
    },
  ],
  "logout.tsx": [
    {
      what: "sign-out by link",
      method: "GET",
      path: () => "/logout",
      scope: "public",
      expect: everyone({ redirect: "/" }),
    },
    {
      what: "sign-out",
      method: "POST",
      path: () => "/logout",
      form: () => ({}),
      scope: "public",
      expect: everyone({ redirect: "/" }),
      endsSession: true,
    },
  ],

  // The SSM's workspace: its own staff and managers, their own SSM's cases only.
  // Mail that named no case (issue #20): the SSM's own staff and managers, never a case's details.
  "mail-review.tsx": [
    { what: "the SSM's mail to sort", method: "GET", path: () => "/mail-review", scope: "own", expect: signedIn(SSM) },
    {
      what: "an empty 'dealt with'",
      method: "POST",
      path: () => "/mail-review",
      form: () => ({}),
      scope: "own",
      expect: signedIn({ staff: 400, manager: 400 }),
    },
  ],
  "cases._index.tsx": [
    { what: "the SSM's queue", method: "GET", path: () => "/cases", scope: "own", expect: signedIn(SSM) },
    {
      what: "a survey review task marked done, with no task named",
      method: "POST",
      path: () => "/cases",
      form: () => ({ intent: "survey_review_done" }),
      scope: "own",
      expect: signedIn({ manager: 400 }),
    },
    {
      what: "a survey review task that does not exist marked done",
      method: "POST",
      path: () => "/cases",
      form: () => ({ intent: "survey_review_done", taskId: "999999999" }),
      scope: "other",
      expect: NOBODY,
    },
  ],
  // No area in the address: the export is always the signed-in person's own SSM (staff-workspace.spec.ts reads it).
  "cases.export[.]csv.ts": [
    {
      what: "the SSM's queue, filtered, as CSV",
      method: "GET",
      path: () => "/cases/export.csv?status=received",
      scope: "own",
      expect: signedIn(SSM),
    },
  ],
  "cases.new.tsx": [
    {
      what: "record a complaint received by phone or mail",
      method: "GET",
      path: () => "/cases/new",
      scope: "own",
      expect: signedIn(SSM),
    },
    {
      what: "an empty intake",
      method: "POST",
      path: () => "/cases/new",
      form: () => ({}),
      scope: "own",
      expect: signedIn({ staff: 400, manager: 400 }),
    },
  ],
  "cases.$reference.tsx": [
    {
      what: "own SSM's complaint",
      method: "GET",
      path: (t) => `/cases/${t.ownCase}`,
      scope: "own",
      expect: signedIn(SSM),
    },
    {
      what: "own SSM's dispute, raised by the provider",
      method: "GET",
      path: (t) => `/cases/${t.ownDispute}`,
      scope: "own",
      expect: signedIn(SSM),
    },
    {
      what: "another SSM's complaint",
      method: "GET",
      path: (t) => `/cases/${t.otherCase}`,
      scope: "other",
      expect: NOBODY,
    },
    {
      what: "a reference that does not exist",
      method: "GET",
      path: () => "/cases/HAM-1999-999999",
      scope: "own",
      expect: NOBODY,
    },
    {
      what: "an attachment with no file, on own SSM's complaint",
      method: "POST",
      path: (t) => `/cases/${t.ownCase}`,
      form: ATTACH_NOTHING,
      scope: "own",
      expect: signedIn({ staff: 400, manager: 400 }),
    },
    {
      what: "an attachment with no file, on another SSM's complaint",
      method: "POST",
      path: (t) => `/cases/${t.otherCase}`,
      form: ATTACH_NOTHING,
      scope: "other",
      expect: NOBODY,
    },
  ],

  // The provider's side: its own organization's disputes only.
  "disputes._index.tsx": [
    {
      what: "the provider's disputes",
      method: "GET",
      path: () => "/disputes",
      scope: "own",
      expect: signedIn({ provider: 200 }),
    },
  ],
  "disputes.new.tsx": [
    {
      what: "raise a dispute",
      method: "GET",
      path: () => "/disputes/new",
      scope: "own",
      expect: signedIn({ provider: 200 }),
    },
    {
      what: "an empty dispute",
      method: "POST",
      path: () => "/disputes/new",
      form: () => ({}),
      scope: "own",
      expect: signedIn({ provider: 400 }),
    },
  ],
  "disputes.$reference.tsx": [
    {
      what: "own organization's dispute",
      method: "GET",
      path: (t) => `/disputes/${t.ownDispute}`,
      scope: "own",
      expect: signedIn({ provider: 200 }),
    },
    {
      what: "another provider's dispute with the same SSM",
      method: "GET",
      path: (t) => `/disputes/${t.otherDispute}`,
      scope: "other",
      expect: NOBODY,
    },
    {
      what: "a client's complaint, through the provider's page",
      method: "GET",
      path: (t) => `/disputes/${t.ownCase}`,
      scope: "other",
      expect: NOBODY,
    },
    {
      what: "an attachment with no file, on own organization's dispute",
      method: "POST",
      path: (t) => `/disputes/${t.ownDispute}`,
      form: ATTACH_NOTHING,
      scope: "own",
      expect: signedIn({ provider: 400 }),
    },
    {
      what: "an attachment with no file, on another provider's dispute",
      method: "POST",
      path: (t) => `/disputes/${t.otherDispute}`,
      form: ATTACH_NOTHING,
      scope: "other",
      expect: NOBODY,
    },
  ],
  // The provider as respondent (#17): complaints about its own organization, once referred to it.
  "respond._index.tsx": [
    {
      what: "the complaints about the provider's organization",
      method: "GET",
      path: () => "/respond",
      scope: "own",
      expect: signedIn({ provider: 200 }),
    },
  ],
  "respond.$reference.tsx": [
    {
      what: "a complaint about the provider's organization, referred to it",
      method: "GET",
      path: (t) => `/respond/${t.ownRespondentCase}`,
      scope: "own",
      expect: signedIn({ provider: 200 }),
    },
    {
      what: "a complaint about another provider",
      method: "GET",
      path: (t) => `/respond/${t.otherRespondentCase}`,
      scope: "other",
      expect: NOBODY,
    },
    {
      what: "a complaint never referred to a provider",
      method: "GET",
      path: (t) => `/respond/${t.otherCase}`,
      scope: "other",
      expect: NOBODY,
    },
    {
      what: "an empty answer to a complaint about the provider's organization",
      method: "POST",
      path: (t) => `/respond/${t.ownRespondentCase}`,
      form: () => ({}),
      scope: "own",
      expect: signedIn({ provider: 400 }),
    },
    {
      what: "an answer to a complaint about another provider",
      method: "POST",
      path: (t) => `/respond/${t.otherRespondentCase}`,
      form: () => ({ answer: "A harmless answer" }),
      scope: "other",
      expect: NOBODY,
    },
  ],
  "attachments.$id.ts": [
    {
      what: "a file the provider shared on its own dispute",
      method: "GET",
      path: (t) => `/attachments/${t.files.ownDisputeShared}`,
      scope: "own",
      expect: signedIn({ provider: 200, ...SSM }),
    },
    {
      what: "an internal staff file on the provider's own dispute",
      method: "GET",
      path: (t) => `/attachments/${t.files.ownDisputeInternal}`,
      scope: "own",
      expect: signedIn(SSM),
    },
    {
      what: "a file shared on another provider's dispute",
      method: "GET",
      path: (t) => `/attachments/${t.files.otherDisputeShared}`,
      scope: "other",
      expect: signedIn(SSM),
    },
    {
      what: "an internal file of own SSM's complaint",
      method: "GET",
      path: (t) => `/attachments/${t.files.ownCase}`,
      scope: "own",
      expect: signedIn(SSM),
    },
    {
      what: "a file of another SSM's complaint",
      method: "GET",
      path: (t) => `/attachments/${t.files.otherCase}`,
      scope: "other",
      expect: NOBODY,
    },
    {
      what: "a file the provider sent with its answer to a complaint about it",
      method: "GET",
      path: (t) => `/attachments/${t.files.ownRespondentAnswer}`,
      scope: "own",
      expect: signedIn({ provider: 200, ...SSM }),
    },
    {
      what: "a file the client can see on a complaint about the provider, not sent by it",
      method: "GET",
      path: (t) => `/attachments/${t.files.ownRespondentClientShared}`,
      scope: "own",
      expect: signedIn(SSM),
    },
    {
      what: "a file that does not exist",
      method: "GET",
      path: () => "/attachments/999999999",
      scope: "other",
      expect: NOBODY,
    },
  ],

  // SSM administration: the SSM's managers, for their own SSM and its area's providers.
  // The JSON API (issue #22) answers bearer tokens only: a browser's session, whoever's, opens
  // nothing (test/integration/api.test.ts walks every endpoint × token scope × organization).
  "api.v1.cases.ts": [
    { what: "the API's queue", method: "GET", path: () => "/api/v1/cases", scope: "own", expect: everyone(401) },
    {
      what: "a POST to the API's queue, which only reads",
      method: "POST",
      path: () => "/api/v1/cases",
      form: () => ({}),
      scope: "own",
      expect: everyone(405),
    },
  ],
  "api.v1.cases_.$reference.ts": [
    {
      what: "a case through the API",
      method: "GET",
      path: (t) => `/api/v1/cases/${t.ownCase}`,
      scope: "own",
      expect: everyone(401),
    },
    {
      what: "a POST to a case through the API (actions have their own address)",
      method: "POST",
      path: (t) => `/api/v1/cases/${t.ownCase}`,
      form: () => ({}),
      scope: "own",
      expect: everyone(405),
    },
  ],
  "api.v1.cases_.$reference_.actions.ts": [
    {
      what: "a staff action through the API, with no token",
      method: "POST",
      path: (t) => `/api/v1/cases/${t.ownCase}/actions`,
      form: () => ({}),
      scope: "own",
      expect: everyone(401),
    },
    {
      what: "a GET to the API's action address, which only takes POST",
      method: "GET",
      path: (t) => `/api/v1/cases/${t.ownCase}/actions`,
      scope: "own",
      expect: everyone(405),
    },
  ],
  "api.v1.reports.$quarter.ts": [
    {
      what: "every SSM's reports through the API",
      method: "GET",
      path: (t) => `/api/v1/reports/${t.quarter}`,
      scope: "public",
      expect: everyone(401),
    },
    {
      what: "a POST to the reports through the API, which only reads",
      method: "POST",
      path: (t) => `/api/v1/reports/${t.quarter}`,
      form: () => ({}),
      scope: "public",
      expect: everyone(405),
    },
  ],
  // Any other path under /api: the API's JSON 404, for everyone, whatever the method.
  "api.$.ts": [
    {
      what: "an unknown API path",
      method: "GET",
      path: () => "/api/v1/nothing",
      scope: "public",
      expect: everyone(404),
    },
    {
      what: "a POST to an unknown API path",
      method: "POST",
      path: () => "/api/v2/cases",
      form: () => ({}),
      scope: "public",
      expect: everyone(404),
    },
  ],
  "api.v1.openapi[.]json.ts": [
    {
      what: "the API's OpenAPI document",
      method: "GET",
      path: () => "/api/v1/openapi.json",
      scope: "public",
      expect: everyone(200),
    },
    {
      what: "a POST to the API's OpenAPI document",
      method: "POST",
      path: () => "/api/v1/openapi.json",
      form: () => ({}),
      scope: "public",
      expect: everyone(405),
    },
  ],
  "open-data._index.tsx": [
    {
      what: "open data and its dictionary",
      method: "GET",
      path: () => "/open-data",
      scope: "public",
      expect: everyone(200),
    },
  ],
  "open-data[.]json.ts": [
    { what: "open data's index", method: "GET", path: () => "/open-data.json", scope: "public", expect: everyone(200) },
  ],
  "open-data.$area.$file.ts": [
    {
      what: "an SSM's published quarter as CSV",
      method: "GET",
      path: (t) => `/open-data/${t.otherArea}/${t.quarter}.csv`,
      scope: "public",
      expect: everyone(200),
    },
    {
      what: "a quarter the SSM has not submitted",
      method: "GET",
      path: (t) => `/open-data/${t.ownArea}/${t.quarter}.json`,
      scope: "public",
      expect: everyone(404),
    },
  ],
  "admin.api-tokens.tsx": [
    {
      what: "API tokens",
      method: "GET",
      path: () => "/admin/api-tokens",
      scope: "own",
      expect: signedIn({ manager: 200, admin: 200 }),
    },
    {
      what: "a token asked for without a name or access (refused)",
      method: "POST",
      path: () => "/admin/api-tokens",
      form: () => ({ intent: "issue" }),
      scope: "own",
      expect: signedIn({ manager: 400, admin: 400 }),
    },
  ],
  "admin.users.tsx": [
    {
      what: "the SSM's people",
      method: "GET",
      path: () => "/admin/users",
      scope: "own",
      expect: signedIn({ manager: 200 }),
    },
    {
      what: "one of own SSM's staff",
      method: "GET",
      path: (t) => `/admin/users?user=${t.ownStaffUserId}`,
      scope: "own",
      expect: signedIn({ manager: 200 }),
    },
    {
      what: "another SSM's staff member",
      method: "GET",
      path: (t) => `/admin/users?user=${t.otherStaffUserId}`,
      scope: "other",
      expect: NOBODY,
    },
    {
      what: "re-enable one of own SSM's staff who is not disabled (refused: nothing to do)",
      method: "POST",
      path: () => "/admin/users",
      form: (t) => ({ intent: "enable", userId: String(t.ownStaffUserId) }),
      scope: "own",
      expect: signedIn({ manager: 409 }),
    },
    {
      what: "re-enable another SSM's staff member",
      method: "POST",
      path: () => "/admin/users",
      form: (t) => ({ intent: "enable", userId: String(t.otherStaffUserId) }),
      scope: "other",
      expect: NOBODY,
    },
  ],
  "admin.providers.tsx": [
    {
      what: "the area's providers",
      method: "GET",
      path: () => "/admin/providers",
      scope: "own",
      expect: signedIn({ manager: 200 }),
    },
    {
      what: "one of the area's providers",
      method: "GET",
      path: (t) => `/admin/providers?provider=${t.ownProvider.id}`,
      scope: "own",
      expect: signedIn({ manager: 200 }),
    },
    {
      what: "another area's provider",
      method: "GET",
      path: (t) => `/admin/providers?provider=${t.otherProvider.id}`,
      scope: "other",
      expect: NOBODY,
    },
    {
      what: "add a provider with no name",
      method: "POST",
      path: () => "/admin/providers",
      form: () => ({ intent: "add" }),
      scope: "own",
      expect: signedIn({ manager: 400 }),
    },
    {
      what: "rename another area's provider (to the names it has)",
      method: "POST",
      path: () => "/admin/providers",
      form: (t) => ({
        intent: "rename",
        providerId: String(t.otherProvider.id),
        nameEn: t.otherProvider.nameEn,
        nameFr: t.otherProvider.nameFr,
      }),
      scope: "other",
      expect: NOBODY,
    },
  ],
  "admin.contacts.tsx": [
    {
      what: "the SSM's public contacts",
      method: "GET",
      path: () => "/admin/contacts",
      scope: "own",
      expect: signedIn({ manager: 200 }),
    },
    {
      what: "empty contacts",
      method: "POST",
      path: () => "/admin/contacts",
      form: () => ({}),
      scope: "own",
      expect: signedIn({ manager: 400 }),
    },
  ],
  // Issue #17: forms of the case page posted to their own routes (nothing to GET), and the roster.
  "cases_.$reference.extend.tsx": [
    {
      what: "the extension route, read",
      method: "GET",
      path: (t) => `/cases/${t.ownCase}/extend`,
      scope: "own",
      expect: NOBODY,
    },
    {
      what: "an empty extension of own SSM's complaint",
      method: "POST",
      path: (t) => `/cases/${t.ownCase}/extend`,
      form: () => ({}),
      scope: "own",
      expect: signedIn({ staff: 400, manager: 400 }),
    },
    {
      what: "an extension of another SSM's complaint",
      method: "POST",
      path: (t) => `/cases/${t.otherCase}/extend`,
      form: () => ({ version: "1", businessDays: "1", extensionReason: "A harmless reason" }),
      scope: "other",
      expect: NOBODY,
    },
  ],
  "cases_.$reference.related.tsx": [
    {
      what: "the related-cases route, read",
      method: "GET",
      path: (t) => `/cases/${t.ownCase}/related`,
      scope: "own",
      expect: NOBODY,
    },
    {
      what: "an empty link on own SSM's complaint",
      method: "POST",
      path: (t) => `/cases/${t.ownCase}/related`,
      form: () => ({}),
      scope: "own",
      expect: signedIn({ staff: 400, manager: 400 }),
    },
    {
      what: "a link from another SSM's complaint to own",
      method: "POST",
      path: (t) => `/cases/${t.otherCase}/related`,
      form: (t) => ({ intent: "link", otherReference: t.ownCase, kind: "same_matter" }),
      scope: "other",
      expect: NOBODY,
    },
  ],
  "cases_.$reference.panel.tsx": [
    {
      what: "the panel route, read",
      method: "GET",
      path: (t) => `/cases/${t.ownCase}/panel`,
      scope: "own",
      expect: NOBODY,
    },
    {
      what: "a panel of nobody on own SSM's complaint (not at level 3)",
      method: "POST",
      path: (t) => `/cases/${t.ownCase}/panel`,
      form: () => ({}),
      scope: "own",
      expect: signedIn({ manager: 409 }),
    },
    {
      what: "a panel on another SSM's complaint",
      method: "POST",
      path: (t) => `/cases/${t.otherCase}/panel`,
      form: () => ({}),
      scope: "other",
      expect: NOBODY,
    },
  ],
  "admin.panels.tsx": [
    {
      what: "the SSM's panel roster",
      method: "GET",
      path: () => "/admin/panels",
      scope: "own",
      expect: signedIn({ manager: 200 }),
    },
    {
      what: "an empty roster entry",
      method: "POST",
      path: () => "/admin/panels",
      form: () => ({}),
      scope: "own",
      expect: signedIn({ manager: 400 }),
    },
  ],
  // Each organization's sign-in (issue #22): the administrator only.
  "admin.sign-in.tsx": [
    {
      what: "organizations' sign-in settings",
      method: "GET",
      path: () => "/admin/sign-in",
      scope: "public",
      expect: signedIn({ admin: 200 }),
    },
    {
      what: "empty sign-in settings",
      method: "POST",
      path: () => "/admin/sign-in",
      form: () => ({}),
      scope: "public",
      expect: signedIn({ admin: 400 }),
    },
  ],
  "admin.policy.tsx": [
    {
      what: "the SSM's response times",
      method: "GET",
      path: () => "/admin/policy",
      scope: "own",
      expect: signedIn({ manager: 200 }),
    },
    {
      what: "an empty policy",
      method: "POST",
      path: () => "/admin/policy",
      form: () => ({}),
      scope: "own",
      expect: signedIn({ manager: 400 }),
    },
  ],

  // Quarterly reports: an SSM's people see their own SSM's (drafts included); the ministry sees
  // every SSM's submitted reports and never a draft.
  "reports._index.tsx": [
    {
      what: "the ministry's comparison",
      method: "GET",
      path: () => "/reports",
      scope: "public",
      expect: signedIn({
        ...MINISTRY,
        staff: { redirect: "/reports/hamilton-niagara" },
        manager: { redirect: "/reports/hamilton-niagara" },
      }),
    },
  ],
  "reports.$area._index.tsx": [
    {
      what: "own SSM's quarters",
      method: "GET",
      path: (t) => `/reports/${t.ownArea}`,
      scope: "own",
      expect: signedIn({ ...SSM, ...MINISTRY }),
    },
    {
      what: "another SSM's quarters",
      method: "GET",
      path: (t) => `/reports/${t.otherArea}`,
      scope: "other",
      expect: signedIn(MINISTRY),
    },
  ],
  "reports.$area.$quarter.tsx": [
    // The ministry's page for a quarter not submitted says so; it shows no draft figure.
    {
      what: "own SSM's draft report",
      method: "GET",
      path: (t) => `/reports/${t.ownArea}/${t.quarter}`,
      scope: "own",
      expect: signedIn({ ...SSM, ...MINISTRY }),
    },
    {
      what: "another SSM's submitted report",
      method: "GET",
      path: (t) => `/reports/${t.otherArea}/${t.quarter}`,
      scope: "other",
      expect: signedIn(MINISTRY),
    },
    {
      what: "a quarter that has not begun",
      method: "GET",
      path: (t) => `/reports/${t.ownArea}/2099-Q1`,
      scope: "own",
      expect: NOBODY,
    },
    {
      what: "an empty narrative for own SSM's report",
      method: "POST",
      path: (t) => `/reports/${t.ownArea}/${t.quarter}`,
      form: () => ({}),
      scope: "own",
      expect: signedIn({ manager: 400 }),
    },
    {
      what: "an empty narrative for another SSM's report",
      method: "POST",
      path: (t) => `/reports/${t.otherArea}/${t.quarter}`,
      form: () => ({}),
      scope: "other",
      expect: NOBODY,
    },
  ],
  "reports.$area.$quarter_.print.tsx": [
    {
      what: "own SSM's draft, printable",
      method: "GET",
      path: (t) => `/reports/${t.ownArea}/${t.quarter}/print`,
      scope: "own",
      expect: signedIn(SSM),
    },
    {
      what: "another SSM's submitted report, printable",
      method: "GET",
      path: (t) => `/reports/${t.otherArea}/${t.quarter}/print`,
      scope: "other",
      expect: signedIn(MINISTRY),
    },
  ],
  "reports.print[.]css.ts": [
    {
      what: "the printed pages' header (a title and today's date, nothing stored)",
      method: "GET",
      path: () => "/reports/print.css?title=Recourse",
      scope: "public",
      expect: everyone(200),
    },
  ],
  "reports.export[.]csv.ts": [
    {
      what: "every SSM compared, as CSV",
      method: "GET",
      path: (t) => `/reports/export.csv?view=comparison&quarter=${t.quarter}`,
      scope: "other",
      expect: signedIn(MINISTRY),
    },
    {
      what: "every SSM compared, as a table-shaped CSV",
      method: "GET",
      path: (t) => `/reports/export.csv?view=table&quarter=${t.quarter}`,
      scope: "other",
      expect: signedIn(MINISTRY),
    },
    {
      what: "own SSM's trend, as CSV",
      method: "GET",
      path: (t) => `/reports/export.csv?view=trend&area=${t.ownArea}`,
      scope: "own",
      expect: signedIn({ ...SSM, ...MINISTRY }),
    },
    {
      what: "another SSM's trend, as CSV",
      method: "GET",
      path: (t) => `/reports/export.csv?view=trend&area=${t.otherArea}`,
      scope: "other",
      expect: signedIn(MINISTRY),
    },
    {
      what: "Ontario's trend, as CSV",
      method: "GET",
      path: () => "/reports/export.csv?view=trend",
      scope: "other",
      expect: signedIn(MINISTRY),
    },
    {
      what: "own SSM's draft report, as CSV",
      method: "GET",
      path: (t) => `/reports/export.csv?view=report&area=${t.ownArea}&quarter=${t.quarter}`,
      scope: "own",
      expect: signedIn(SSM),
    },
    {
      what: "another SSM's submitted report, as CSV",
      method: "GET",
      path: (t) => `/reports/export.csv?view=report&area=${t.otherArea}&quarter=${t.quarter}`,
      scope: "other",
      expect: signedIn(MINISTRY),
    },
    {
      what: "every report ever submitted, as CSV",
      method: "GET",
      path: () => "/reports/export.csv?view=all",
      scope: "other",
      expect: signedIn(MINISTRY),
    },
    {
      what: "an export that does not exist",
      method: "GET",
      path: () => "/reports/export.csv?view=everything",
      scope: "public",
      expect: signedIn({ staff: 400, manager: 400, analyst: 400, admin: 400 }),
    },
  ],
};
