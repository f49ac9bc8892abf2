// What a service provider can raise with its SSM (the public-side issue's list).
export const DISPUTE_CATEGORIES = [
  "funding_contract",
  "targets",
  "referrals",
  "data_reporting",
  "communication",
  "other",
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];
