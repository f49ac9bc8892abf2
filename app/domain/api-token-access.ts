// What an API token may do (issue #22), as the token form offers it: the scopes each choice grants.
export const API_TOKEN_ACCESS = ["cases.read", "cases.read cases.act", "reports.read"] as const;
