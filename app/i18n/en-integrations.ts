// The API tokens page, the API's error words and open data (issue #22, decision record 021);
// spread into en.ts. fr-integrations.ts: same keys.
export const enIntegrations = {
  "api.error.invalid": "The request does not match the API's schema.",
  "api.error.unauthenticated": "Send a valid API token as Authorization: Bearer <token>.",
  "api.error.forbidden": "This token does not have the scope this request needs.",
  "api.error.methodNotAllowed": "This address does not take that method. The Allow header names the ones it takes.",
  "api.error.tooMany": "Too many requests with this token. Wait a minute and try again.",
  "apiTokens.title": "API tokens",
  "apiTokens.intro":
    "A token lets another system of an organization read its cases or act on them (an SSM), or read every SSM's submitted quarterly figures (the ministry), through the API described at /api/v1/openapi.json. It is shown once, when issued: copy it into the other system then. Revoke a token as soon as it is no longer needed or may have been seen by someone else.",
  "apiTokens.shownOnce":
    "Here is the new token. Copy it now: it will not be shown again, and Recourse keeps only a fingerprint of it.",
  "apiTokens.revoked": "The token is revoked: it no longer works.",
  "apiTokens.issue": "Issue a token",
  "apiTokens.issue.submit": "Issue the token",
  "apiTokens.organization": "Organization",
  "apiTokens.name": "Name",
  "apiTokens.name.hint": "What the token is for, for example the system that will use it.",
  "apiTokens.access": "Access",
  "apiTokens.access.read": "Read the SSM's cases",
  "apiTokens.access.act": "Read the SSM's cases and act on them",
  "apiTokens.access.reports": "Read every SSM's submitted quarterly figures (ministry)",
  "apiTokens.error.scopes": "Choose an access this organization may have: cases for an SSM, reports for the ministry.",
  "apiTokens.list": "Tokens",
  "apiTokens.none": "No token has been issued.",
  "apiTokens.col.created": "Issued",
  "apiTokens.col.lastUsed": "Last used",
  "apiTokens.col.state": "State",
  "apiTokens.never": "Never",
  "apiTokens.state.revoked": "Revoked",
  "apiTokens.revoke": "Revoke",
  "apiTokens.revoke.label": "Revoke the token {name}",
  "admin.nav.apiTokens": "API tokens",
  "openData.title": "Open data: complaints and disputes by SSM and quarter",
  "openData.intro":
    "Each service system manager's published figures for every quarter it has reported, as CSV and JSON files at addresses that do not change. They are the figures of the process pages, with the same counts withheld.",
  "openData.indexJson": "The list of every file, as JSON (for programs)",
  "openData.datasets": "Files",
  "openData.none": "No quarterly report has been submitted yet.",
  "openData.files": "Files",
  "openData.col.area.name": "Area",
  "openData.col.quarter.name": "Quarter",
  "openData.dictionary": "Data dictionary",
  "openData.dictionary.intro":
    "Every file has one row with these columns, in this order. Counts under {threshold} are not published, nor any count that would let one be worked out.",
  "openData.dictionary.column": "Column",
  "openData.dictionary.meaning": "Meaning",
  "openData.dictionary.values":
    'A count reads "small" when it is under {threshold}, and "hidden" when it is withheld to protect another count (it may be any number). A share or a number of days is empty when it rests on fewer than {threshold} cases.',
  "openData.col.area": "The catchment area of the service system manager (SSM), as in the address of its process page.",
  "openData.col.quarter":
    "The Ontario government fiscal quarter: Q1 is April to June, Q2 July to September, Q3 October to December, Q4 January to March of the next year.",
  "openData.col.received": "Complaints and disputes the SSM received in the quarter.",
  "openData.col.decisionsOnTimeShare":
    "Share (0 to 1) of first-level decisions made within the time the SSM's published process allows.",
  "openData.col.decisionMedianDays": "Median business days a first-level decision took, pauses excluded.",
  "openData.col.providerResolved":
    "Complaints resolved with the service provider they were about, where the SSM sends complaints to the provider first.",
  "openData.col.providerOnTimeShare": "Share (0 to 1) of service provider answers given on time.",
  "openData.home": "Back to the home page",
  "process.openData.latest": "These figures as open data:",
  "process.openData.link": "Open data: our figures for every quarter, with the data dictionary",
} as const;
