// The forms the deadline extension on a case page posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { TEXT_LIMITS } from "../domain/text-limits";

// Issue #17: staff extend the case's running deadline (the form sits on the case page).
export const schema = z.object({
  version: z.coerce.number().int().min(1),
  businessDays: z.coerce
    .number({ error: "error.wholeNumber" })
    .int("error.wholeNumber")
    .min(1, "error.range")
    .max(90, "error.range"),
  extensionReason: z.string().trim().min(1, "error.required").max(TEXT_LIMITS.reason, "error.tooLong"),
});
