import { z } from "zod";
import { boundedIsoDate } from "./date-bounds";
import { POLICY_TIME_ZONES } from "./policy-time-zones";
import { DEFAULT_EXTENSION_MAX_DAYS, type DisputePolicy } from "./policy";
import { OPTIONAL_CLOSURES, type HolidayKey } from "./ontario-holidays";
import { CLIENT_SILENCE, DEFAULT_PROVIDER_STAGE, PROVIDER_REFERRALS } from "./provider-stage";

// What an SSM manager may set. Bounds keep a typo (200 days to acknowledge) from being published.
// A cleared field arrives as "": that must read "required", not coerce to 0 days.
const days = (min: number, max: number) =>
  z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .transform(Number)
    .pipe(
      z.number({ error: "error.required" }).int("error.wholeNumber").min(min, "error.range").max(max, "error.range"),
    );

export { POLICY_TIME_ZONES };

export const policyInputSchema = z
  .object({
    effectiveFrom: boundedIsoDate("error.date"),
    timeZone: z.enum(POLICY_TIME_ZONES, { error: "error.choose" }),
    acknowledgeDays: days(0, 10),
    firstResponseDays: days(1, 30),
    decisionDays1: days(1, 90),
    decisionDays2: days(1, 90),
    decisionDays3: days(1, 90),
    recourseWindowDays: days(1, 60),
    // The provider stage (issue #17). Absent from a form that predates it: today's behaviour.
    providerReferral: z.enum(PROVIDER_REFERRALS, { error: "error.choose" }).optional(),
    providerResponseDays: days(1, 60).optional(),
    providerReviewDays: days(1, 60).optional(),
    clientSilence: z.enum(CLIENT_SILENCE, { error: "error.choose" }).optional(),
    providerStaffCheck: z.literal("on").optional(),
    // Issue #17; a form from before the field existed keeps the default.
    extensionMaxDays: days(1, 30).optional(),
    civic_holiday: z.literal("on").optional(),
    easter_monday: z.literal("on").optional(),
    truth_and_reconciliation: z.literal("on").optional(),
    extraClosures: z
      .string()
      .max(2000, "error.tooLong")
      .optional()
      .transform((v) => (v ?? "").split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(boundedIsoDate("error.dateList")).max(60, "error.tooLong")),
  })
  .superRefine((v, ctx) => {
    if (v.firstResponseDays < v.acknowledgeDays) {
      ctx.addIssue({ code: "custom", path: ["firstResponseDays"], message: "error.firstAfterAck" });
    }
    if (v.decisionDays1 < v.firstResponseDays) {
      ctx.addIssue({ code: "custom", path: ["decisionDays1"], message: "error.decisionAfterFirst" });
    }
  });

export type PolicyInput = z.infer<typeof policyInputSchema>;

/** The policy a manager's form describes; the ladder keeps its four levels, the last a referral. */
export function policyFromInput(input: PolicyInput, opens: number, closes: number): DisputePolicy {
  const optionalClosures = OPTIONAL_CLOSURES.filter((k) => input[k as keyof PolicyInput] === "on") as HolidayKey[];
  return {
    acknowledgeDays: input.acknowledgeDays,
    firstResponseDays: input.firstResponseDays,
    recourseWindowDays: input.recourseWindowDays,
    extensionMaxDays: input.extensionMaxDays ?? DEFAULT_EXTENSION_MAX_DAYS,
    levels: [
      { level: 1, key: "provider", decisionDays: input.decisionDays1 },
      { level: 2, key: "formal_review", decisionDays: input.decisionDays2 },
      { level: 3, key: "independent_panel", decisionDays: input.decisionDays3 },
      { level: 4, key: "ministry", decisionDays: null },
    ],
    calendar: {
      timeZone: input.timeZone,
      opensAtMinutes: opens,
      closesAtMinutes: closes,
      optionalClosures,
      extraClosures: [...new Set(input.extraClosures)].sort(),
    },
    providerStage: {
      referral: input.providerReferral ?? DEFAULT_PROVIDER_STAGE.referral,
      responseDays: input.providerResponseDays ?? DEFAULT_PROVIDER_STAGE.responseDays,
      reviewWindowDays: input.providerReviewDays ?? DEFAULT_PROVIDER_STAGE.reviewWindowDays,
      silence: input.clientSilence ?? DEFAULT_PROVIDER_STAGE.silence,
      staffCheck: input.providerStaffCheck === "on",
    },
  };
}
