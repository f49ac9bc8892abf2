// The forms a case page posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { TEXT_LIMITS } from "../domain/text-limits";
import { CONTACT_OUTCOMES } from "../domain/case-lifecycle-staff";
import { DECISION_OUTCOMES } from "../domain/case-workflow";

const version = z.coerce.number().int().min(1);

const text = (max: number) => z.string().trim().min(1, "error.required").max(max, "error.tooLong");

export const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("take"),
    version,
    assigneeId: z.coerce.number().int().min(1).optional().catch(undefined),
  }),
  z.object({ intent: z.literal("acknowledge"), version }),
  z.object({ intent: z.literal("reply"), version, message: text(TEXT_LIMITS.message) }),
  z.object({ intent: z.literal("note"), version, note: text(TEXT_LIMITS.message) }),
  z.object({ intent: z.literal("request_info"), version, question: text(TEXT_LIMITS.message) }),
  z.object({ intent: z.literal("resume"), version, resumeReason: text(TEXT_LIMITS.shortReason) }),
  z.object({ intent: z.literal("escalate"), version, escalateReason: text(TEXT_LIMITS.reason) }),
  z.object({ intent: z.literal("close"), version }),
  z.object({
    intent: z.literal("record_contact"),
    version,
    channel: z.enum(["call", "letter"], { error: "error.choose" }),
    who: text(TEXT_LIMITS.shortReason),
    at: z
      .string()
      .trim()
      .regex(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/, "error.dateTime")
      .optional()
      .or(z.literal("")),
    summary: text(TEXT_LIMITS.message),
    contactOutcome: z.enum(CONTACT_OUTCOMES).catch("reached"),
  }),
  z.object({ intent: z.literal("reopen"), version, reopenReason: text(TEXT_LIMITS.reason) }),
  z.object({
    intent: z.literal("decide"),
    version,
    outcome: z.enum(DECISION_OUTCOMES, { error: "error.choose" }),
    reasons: text(TEXT_LIMITS.longText),
    panel: z.string().trim().max(TEXT_LIMITS.reason, "error.tooLong").optional(),
  }),
]);

export type ActionInput = z.infer<typeof actionSchema>;

// The provider stage's staff steps (issue #17): posted to this page, handled by their own service.
export const providerStageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("refer"), version }),
  z.object({ intent: z.literal("release_answer"), version }),
  z.object({ intent: z.literal("step_in"), version, stepInReason: text(TEXT_LIMITS.reason) }),
]);

// Marking a queue task dealt with (#20): the message after closing was read, the filer was phoned.
export const clearAttentionSchema = z.object({
  intent: z.literal("clear_attention"),
  task: z.enum(["message_after_close", "call_filer"]),
});

/** When the page was loaded: a stale action shows what changed since. */
export const loadedAtSchema = z.iso.datetime();
