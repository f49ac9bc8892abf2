import { z } from "zod";
import { DISPUTE_CATEGORIES, type DisputeCategory } from "./dispute-categories";
import { TEXT_LIMITS } from "./text-limits";

export { DISPUTE_CATEGORIES, type DisputeCategory };

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
