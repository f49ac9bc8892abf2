import { z } from "zod";
import { TEXT_LIMITS } from "./text-limits";

/** The forms a filer (client or provider) sends about their own case. */
export const filerActionSchemas = [
  z.object({
    intent: z.literal("add_information"),
    information: z.string().trim().min(1, "error.required").max(TEXT_LIMITS.message, "error.tooLong"),
  }),
  z.object({
    intent: z.literal("request_recourse"),
    reasons: z.string().trim().min(1, "error.required").max(TEXT_LIMITS.message, "error.tooLong"),
  }),
  z.object({ intent: z.literal("withdraw") }),
] as const;

export type FilerActionInput = z.infer<(typeof filerActionSchemas)[number]>;
