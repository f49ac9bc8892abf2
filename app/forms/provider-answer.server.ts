// The forms a provider's answer page posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { TEXT_LIMITS } from "../domain/text-limits";

export const answerSchema = z.object({
  answer: z.string().trim().min(1, "error.required").max(TEXT_LIMITS.message, "error.tooLong"),
  proposedResolution: z
    .string()
    .trim()
    .max(TEXT_LIMITS.reason, "error.tooLong")
    .optional()
    .transform((v) => (v ? v : null)),
});
