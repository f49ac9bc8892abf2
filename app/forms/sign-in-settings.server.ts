// The form /admin/sign-in posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "error.tooLong")
    .transform((v) => (v === "" ? null : v));

export const settingsSchema = z.object({
  organization: z.string().trim().min(1, "error.required").max(100, "error.tooLong"),
  issuer: optional(500).refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "signIn.admin.issuerInvalid"),
  clientId: optional(300),
  clientSecret: optional(1000),
  removeSecret: z.literal("on").optional(),
  providerLabel: optional(80),
  passwordsAllowed: z.literal("on").optional(),
});
