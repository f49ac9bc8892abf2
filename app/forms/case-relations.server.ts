// The forms the related-cases panel of a case page posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { CASE_LINK_KINDS } from "../domain/vocabulary";

// Issue #17: staff link related cases and merge a duplicate into this case (forms on the case page).
const reference = z.string().trim().min(1, "error.required").max(40, "error.tooLong");

export const schema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("link"),
    otherReference: reference,
    kind: z.enum(CASE_LINK_KINDS, { error: "error.choose" }),
  }),
  z.object({ intent: z.literal("merge"), duplicateReference: reference, version: z.coerce.number().int().min(1) }),
]);
