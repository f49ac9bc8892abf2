// Client groups the seed names (shared/domain.md). Asked only with the person's consent, each one
// optional; reports break down by a group only where people chose to answer.
export const CLIENT_GROUPS = [
  "disability",
  "indigenous",
  "youth_higher_needs",
  "newcomer",
  "racialized",
  "francophone",
] as const;

export type ClientGroup = (typeof CLIENT_GROUPS)[number];
