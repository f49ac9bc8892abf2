import { z } from "zod";
import { CLIENT_GROUPS } from "./client-groups";
import { IN_SCOPE_PROGRAMS, MINISTRY_RETAINED_PROGRAMS } from "./programs";
import { COMPLAINT_LIMITS } from "./complaint-limits";

export { COMPLAINT_LIMITS };

// Field rules for a client complaint. Messages are translation keys: the route shows them in the
// filer's language beside the field and in the error summary.

const PHONE = /^[+()\d\s.-]{7,25}$/;

const trimmed = (max: number) =>
  z.string({ error: "error.required" }).trim().min(1, "error.required").max(max, "error.tooLong");

const optionalTrimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "error.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

// Each client group is asked separately and may be left unanswered ("prefer not to say").
const selfIdentification = z.enum(["yes", "no", "unsaid"], { error: "error.choose" }).optional();

export const complaintInputSchema = z
  .object({
    area: z.string({ error: "error.choose" }).trim().min(1, "error.choose").max(64, "error.choose"),
    provider: z.string({ error: "error.choose" }).regex(/^(unknown|\d{1,9})$/, "error.choose"),
    // A program the ministry keeps is accepted here: the filing service refers it out.
    program: z.enum([...IN_SCOPE_PROGRAMS, ...MINISTRY_RETAINED_PROGRAMS], { error: "error.choose" }),
    description: trimmed(COMPLAINT_LIMITS.description),
    outcomeWanted: trimmed(COMPLAINT_LIMITS.outcomeWanted),
    name: trimmed(COMPLAINT_LIMITS.name),
    email: optionalTrimmed(COMPLAINT_LIMITS.email).pipe(z.email("error.email").optional()),
    phone: optionalTrimmed(COMPLAINT_LIMITS.phone).pipe(
      z
        .string()
        .regex(PHONE, "error.phone")
        .refine((v) => v.replace(/\D/g, "").length >= 7, "error.phone")
        .optional(),
    ),
    language: z.enum(["en", "fr"], { error: "error.choose" }),
    accommodation: z.enum(["yes", "no"], { error: "error.choose" }),
    accommodationDetails: optionalTrimmed(COMPLAINT_LIMITS.accommodationDetails),
    // "May we tell the provider who you are?" (issue #17): no unless the person says yes.
    shareIdentity: z.enum(["yes", "no"], { error: "error.choose" }).optional(),
    consent: z.literal("on", { error: "error.consent" }),
    submissionKey: z.string().uuid().optional(),
    // One per CLIENT_GROUPS entry (a test checks they match).
    group_disability: selfIdentification,
    group_indigenous: selfIdentification,
    group_youth_higher_needs: selfIdentification,
    group_newcomer: selfIdentification,
    group_racialized: selfIdentification,
    group_francophone: selfIdentification,
    /** Honeypot: hidden from people, filled by form-filling bots. */
    website: z.string().max(0, "error.honeypot").optional(),
  })
  // Checked even when other fields have errors (`when`), so the filer learns of every missing
  // answer at once rather than of this one last.
  .refine((v) => Boolean(v.email?.trim() || v.phone?.trim()), {
    path: ["email"],
    message: "error.contactNeeded",
    when: () => true,
  });

export type ComplaintInput = z.infer<typeof complaintInputSchema>;
/** The groups the person chose to answer, as stored: unanswered groups are left out entirely. */
export function selfIdentificationOf(input: ComplaintInput): Record<string, "yes" | "no"> {
  const answers: Record<string, "yes" | "no"> = {};
  for (const group of CLIENT_GROUPS) {
    const answer = input[`group_${group}`];
    if (answer === "yes" || answer === "no") answers[group] = answer;
  }
  return answers;
}
