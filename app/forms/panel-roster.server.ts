// The forms the panel roster posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { TEXT_LIMITS } from "../domain/text-limits";

const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number().int().min(1).nullable().catch(null));

export const addSchema = z.object({
  intent: z.literal("add"),
  name: z.string().trim().min(1, "error.required").max(TEXT_LIMITS.name, "error.tooLong"),
  affiliation: z.string().trim().min(1, "error.required").max(TEXT_LIMITS.name, "error.tooLong"),
  affiliationOrgId: optionalId,
  userId: optionalId,
});
