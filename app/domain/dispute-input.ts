import { z } from "zod";
import { TEXT_LIMITS } from "./text-limits";

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

export const disputeInputSchema = z.object({
  area: z.string({ error: "error.choose" }).trim().min(1, "error.choose").max(64, "error.choose"),
  category: z.enum(DISPUTE_CATEGORIES, { error: "error.choose" }),
  description: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(TEXT_LIMITS.message, "error.tooLong"),
  outcomeWanted: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(TEXT_LIMITS.reason, "error.tooLong"),
  submissionKey: z.string().uuid().optional(),
});
export type DisputeInput = z.infer<typeof disputeInputSchema>;
