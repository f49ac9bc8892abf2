// The forms /status posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { TEXT_LIMITS } from "../domain/text-limits";
import { filerActionSchemas } from "../domain/filer-action-input";

// The secret travels only in a POST body, never in a URL where logs and history would keep it.
// Every form here posts as a full page (reloadDocument): the access cookie is scoped to Path=/status,
// which the browser does not send to Remix's client-side data URL /status.data, so a client-side
// submission would open the case and then show the empty lookup form again.
export const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("lookup"),
    reference: z.string().trim().min(1, "error.required").max(40, "error.tooLong"),
    secret: z.string().trim().min(1, "error.required").max(80, "error.tooLong"),
  }),
  ...filerActionSchemas,
  z.object({ intent: z.literal("close") }),
  // The provider's answer (issue #17): "this resolves it", or "I am not satisfied" with what is still wrong.
  z.object({ intent: z.literal("accept_answer") }),
  z.object({
    intent: z.literal("refuse_answer"),
    answerReasons: z.string().trim().min(1, "error.required").max(TEXT_LIMITS.message, "error.tooLong"),
  }),
]);
