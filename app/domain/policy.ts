import { DEFAULT_CALENDAR, type BusinessCalendar } from "./business-calendar";
import { DEFAULT_PROVIDER_STAGE, type ProviderStagePolicy } from "./provider-stage";

export type LevelKey = "provider" | "formal_review" | "independent_panel" | "ministry";

export interface PolicyLevel {
  level: number;
  key: LevelKey;
  /** Business days to a written decision at this level; null where the level is informational. */
  decisionDays: number | null;
}

/** The response times and ladder an SSM publishes and the engine enforces: one source of truth. */
export interface DisputePolicy {
  acknowledgeDays: number;
  firstResponseDays: number;
  recourseWindowDays: number;
  levels: PolicyLevel[];
  calendar: BusinessCalendar;
  /** Referring complaints to their provider at level 1 (issue #17); absent: never. */
  providerStage?: ProviderStagePolicy;
  /** Business days staff may extend a deadline by, once per level (issue #17); absent: the default. */
  extensionMaxDays?: number;
}

/** shared/clarifications.md (#17): at most 10 business days where policy says nothing. */
export const DEFAULT_EXTENSION_MAX_DAYS = 10;

export function extensionLimit(policy: DisputePolicy): number {
  return policy.extensionMaxDays ?? DEFAULT_EXTENSION_MAX_DAYS;
}

// Defaults from shared/domain.md: acknowledge in 2 business days, first substantive response in 5,
// decide in 20, recourse asked within 15; Fleming College's published three levels plus the
// ministry as steward.
export const DEFAULT_POLICY: DisputePolicy = {
  acknowledgeDays: 2,
  firstResponseDays: 5,
  recourseWindowDays: 15,
  levels: [
    { level: 1, key: "provider", decisionDays: 20 },
    { level: 2, key: "formal_review", decisionDays: 20 },
    { level: 3, key: "independent_panel", decisionDays: 20 },
    { level: 4, key: "ministry", decisionDays: null },
  ],
  calendar: DEFAULT_CALENDAR,
  extensionMaxDays: DEFAULT_EXTENSION_MAX_DAYS,
};

export function decisionDaysAt(policy: DisputePolicy, level: number): number | null {
  return policy.levels.find((l) => l.level === level)?.decisionDays ?? null;
}

/** The provider-stage policy in force, its defaults where a version predates it. */
export function providerStageOf(policy: DisputePolicy): ProviderStagePolicy {
  return policy.providerStage ?? DEFAULT_PROVIDER_STAGE;
}
