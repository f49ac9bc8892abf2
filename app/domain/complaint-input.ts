import { z } from "zod";
import { IN_SCOPE_PROGRAMS } from "./programs";

// Field rules for a client complaint. Messages are translation keys: the route shows them in the
// filer's language beside the field and in the error summary.
const PHONE = /^[+()\d\s.-]{7,25}$/;

const trimmed = (max: number) =>
  z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(max, "error.tooLong");

const optionalTrimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "error.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

export const complaintInputSchema = z
  .object({
    area: z.string({ error: "error.choose" }).trim().min(1, "error.choose").max(64, "error.choose"),
    provider: z.string({ error: "error.choose" }).regex(/^(unknown|\d{1,9})$/, "error.choose"),
    program: z.enum(IN_SCOPE_PROGRAMS, { error: "error.choose" }),
    description: trimmed(5000),
    outcomeWanted: trimmed(2000),
    name: trimmed(200),
    email: optionalTrimmed(254).pipe(z.email("error.email").optional()),
    phone: optionalTrimmed(25).pipe(
      z
        .string()
        .regex(PHONE, "error.phone")
        .refine((v) => v.replace(/\D/g, "").length >= 7, "error.phone")
        .optional(),
    ),
    language: z.enum(["en", "fr"], { error: "error.choose" }),
    accommodation: z.enum(["yes", "no"], { error: "error.choose" }),
    accommodationDetails: optionalTrimmed(1000),
    consent: z.literal("on", { error: "error.consent" }),
    submissionKey: z.string().uuid().optional(),
  })
  // Checked even when other fields have errors (`when`), so the filer learns of every missing
  // answer at once rather than of this one last.
  .refine((v) => Boolean(v.email?.trim() || v.phone?.trim()), {
    path: ["email"],
    message: "error.contactNeeded",
    when: () => true,
  });

export type ComplaintInput = z.infer<typeof complaintInputSchema>;
export const TEXT_LIMITS = { description: 5000, outcomeWanted: 2000, name: 200, accommodationDetails: 1000 };
