/**
 * The provider as respondent at level 1 (issue #17): what an SSM's policy says about referring a
 * client's complaint to the provider it is about, and what the provider's people may read of it.
 * The SSMs' own published processes (EmployNext/Serco, Fleming's Muskoka–Kawarthas hub) start with
 * the provider: it is told of the complaint and answers first; the SSM steps in when the client is
 * not satisfied or the provider is late. Decision record 013.
 */

/** Whether a complaint about a named provider goes to that provider first. */
export const PROVIDER_REFERRALS = ["always", "per_case", "never"] as const;
export type ProviderReferral = (typeof PROVIDER_REFERRALS)[number];

/** What the client's silence past the review window does. */
export const CLIENT_SILENCE = ["close_resolved", "to_ssm"] as const;
export type ClientSilence = (typeof CLIENT_SILENCE)[number];

export interface ProviderStagePolicy {
  referral: ProviderReferral;
  /** Business days the provider has to answer, from the referral. */
  responseDays: number;
  /** Business days the client has to say whether the answer resolves it, from the answer's release. */
  reviewWindowDays: number;
  silence: ClientSilence;
  /** SSM staff read the provider's answer before the client does. */
  staffCheck: boolean;
}

// shared/clarifications.md #17: a 10-business-day provider clock and review window; silence closes
// the case as resolved (the client is told how to ask for recourse). "never" keeps what every SSM
// did before this policy existed: staff handle level 1 alone.
export const DEFAULT_PROVIDER_STAGE: ProviderStagePolicy = {
  referral: "never",
  responseDays: 10,
  reviewWindowDays: 10,
  silence: "close_resolved",
  staffCheck: false,
};

/** The sub-step of a case at the provider stage, read from its clocks (one source of truth). */
export type ProviderStep = "awaiting_answer" | "in_check" | "awaiting_client";

/** What a complaint must be for the provider stage to apply at all. */
export interface ReferralFacts {
  kind: "client_complaint" | "provider_dispute";
  respondentOrgId: number | null;
  level: number;
  providerReferredAt: string | null;
}

/** Whether this complaint may be referred to its provider now (by policy or by staff). */
export function mayReferToProvider(policy: ProviderStagePolicy, facts: ReferralFacts): boolean {
  return (
    policy.referral !== "never" &&
    facts.kind === "client_complaint" &&
    facts.respondentOrgId !== null &&
    facts.level === 1 &&
    facts.providerReferredAt === null
  );
}

/** Whether filing refers the complaint at once, without anyone deciding. */
export function referredAtFiling(
  policy: ProviderStagePolicy,
  facts: Omit<ReferralFacts, "level" | "providerReferredAt">,
) {
  return policy.referral === "always" && mayReferToProvider(policy, { ...facts, level: 1, providerReferredAt: null });
}

/** A complaint as the SSM holds it, with the parts that say who the client is. */
export interface ComplaintRecord {
  reference: string;
  receivedAt: string;
  program: string | null;
  description: string;
  outcomeWanted: string;
  identityShared: boolean;
  filerName: string;
  filerEmail: string | null;
  filerPhone: string | null;
}

/** What the provider reads: the facts, and who complained only where the client said yes. */
export interface RespondentView {
  reference: string;
  receivedAt: string;
  program: string | null;
  description: string;
  outcomeWanted: string;
  client: { name: string; email: string | null; phone: string | null } | null;
}

/**
 * "Facts only" (shared/clarifications.md #17): without the client's consent the provider sees the
 * complaint with the client's name and contact withheld. The only place a respondent's view is made.
 */
export function respondentView(record: ComplaintRecord): RespondentView {
  return {
    reference: record.reference,
    receivedAt: record.receivedAt,
    program: record.program,
    description: record.description,
    outcomeWanted: record.outcomeWanted,
    client: record.identityShared
      ? { name: record.filerName, email: record.filerEmail, phone: record.filerPhone }
      : null,
  };
}
