// The forms /status/lost posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";

export const schema = z.object({
  reference: z.string().trim().min(1, "error.required").max(40, "error.tooLong"),
});
