import { z } from "zod";
import { ROLE_ORGANIZATION } from "./access";
import type { OrganizationKind, Role } from "./vocabulary";
import { INVITABLE_ROLES, type InvitableRole } from "./invitable-roles";
import { TEXT_LIMITS } from "./text-limits";

export { INVITABLE_ROLES, type InvitableRole };

// What an SSM manager may enter on the administration pages, and the rules about roles. Messages
// are translation keys, shown beside the field and in the error summary.

/** The roles a manager may give a person, by the kind of organization the person belongs to. */
export function rolesAllowedFor(kind: OrganizationKind): readonly Role[] {
  return INVITABLE_ROLES.filter((role) => ROLE_ORGANIZATION[role] === kind);
}

/** An invitation is good for a week (7 × 24 hours from when it was sent). */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

// Passwords follow one policy wherever they are chosen: app/domain/password-policy.ts.
export { PASSWORD_MAX, PASSWORD_MIN } from "./password-policy";

const PHONE = /^[+()\d\s.-]{7,25}$/;

const required = (max: number) =>
  z.string({ error: "error.required" }).trim().min(1, "error.required").max(max, "error.tooLong");

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "error.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

const id = z
  .string({ error: "error.required" })
  .regex(/^\d{1,9}$/, "error.choose")
  .transform(Number);

export const inviteInputSchema = z
  .object({
    name: required(TEXT_LIMITS.name),
    email: required(TEXT_LIMITS.email)
      .pipe(z.email("error.email"))
      .transform((v) => v.toLowerCase()),
    role: z.enum(INVITABLE_ROLES, { error: "error.choose" }),
    provider: z
      .string()
      .regex(/^(\d{1,9})?$/, "error.choose")
      .optional()
      .transform((v) => (v ? Number(v) : undefined)),
    language: z.enum(["en", "fr"], { error: "error.choose" }),
  })
  .refine((v) => v.role !== "provider_user" || v.provider !== undefined, {
    path: ["provider"],
    message: "error.chooseProvider",
  });
export type InviteInput = z.output<typeof inviteInputSchema>;

export const roleChangeSchema = z.object({ userId: id, role: z.enum(INVITABLE_ROLES, { error: "error.choose" }) });
export const userIdSchema = z.object({ userId: id });

export const providerNamesSchema = z.object({ nameEn: required(TEXT_LIMITS.name), nameFr: required(TEXT_LIMITS.name) });
export type ProviderNames = z.output<typeof providerNamesSchema>;
export const providerRenameSchema = providerNamesSchema.extend({ providerId: id });
export const providerIdSchema = z.object({ providerId: id });

export const contactsInputSchema = z
  .object({
    email: optional(TEXT_LIMITS.email).pipe(z.email("error.email").optional()),
    phone: optional(TEXT_LIMITS.phone).pipe(
      z
        .string()
        .regex(PHONE, "error.phone")
        .refine((v) => v.replace(/\D/g, "").length >= 7, "error.phone")
        .optional(),
    ),
    address: optional(TEXT_LIMITS.address),
    inPerson: optional(TEXT_LIMITS.address),
  })
  .refine((v) => v.email !== undefined || v.phone !== undefined, {
    path: ["email"],
    message: "error.contactOneOf",
    // Only when both were left empty (a malformed address already has its own message).
    when: (payload) => {
      const value = payload.value as { email?: unknown; phone?: unknown } | undefined;
      return !String(value?.email ?? "").trim() && !String(value?.phone ?? "").trim();
    },
  });
export type ContactsInput = z.output<typeof contactsInputSchema>;

/**
 * An organization slug from a provider's English name: lower-case ASCII words joined by hyphens,
 * accents dropped ("Centre d'emploi Sainte-Anne" → "provider-centre-d-emploi-sainte-anne").
 * `taken` are the slugs already in use: a number is added until the slug is free.
 */
export function providerSlug(nameEn: string, taken: readonly string[]): string {
  const words = nameEn
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const base = `provider-${words || "organization"}`;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
