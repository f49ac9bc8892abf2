// The forms /admin/api-tokens posts, checked on the server only: the browser never downloads zod
// (#18, docs/decisions/022).
import { z } from "zod";
import { API_TOKEN_ACCESS } from "../domain/api-token-access";
import { idNumber } from "../domain/id-bounds";

export const formSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("issue"),
    organizationId: idNumber,
    name: z.string().trim().min(1, "error.required").max(100, "error.tooLong"),
    access: z.enum(API_TOKEN_ACCESS, { error: "error.choose" }),
  }),
  z.object({ intent: z.literal("revoke"), tokenId: idNumber }),
]);
