// The forms /forgot-password posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { TEXT_LIMITS } from "../domain/text-limits";

export const forgotSchema = z.object({
  email: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(TEXT_LIMITS.email, "error.tooLong")
    .pipe(z.email("error.email")),
});
