// The forms /login posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { TEXT_LIMITS } from "../domain/text-limits";

export const loginSchema = z.object({
  email: z.string().trim().min(1, "error.required").max(TEXT_LIMITS.email, "error.tooLong"),
  password: z.string().min(1, "error.required").max(128, "error.tooLong"),
});
