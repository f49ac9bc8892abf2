import type { z } from "zod";
import type { FieldErrors } from "../domain/result";
import { knownKey } from "../i18n";

export type { FieldError, FieldErrors } from "../domain/result";

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form against a zod schema whose messages are translation keys. On failure
 * it returns the first error per field and what was typed, so the form can be shown again as is.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    // A message for this field when the catalogue has one ("error.required.name": "Enter your
    // name"), else the general one: people fix a field faster when told what it needs (GOV.UK).
    const general = knownKey(issue.message, "error.required");
    const key = knownKey(`${general}.${field}`, general);
    const max = issue.code === "too_big" ? Number(issue.maximum) : undefined;
    errors[field] ??= max === undefined ? { key } : { key, vars: { max } };
  }
  return { ok: false, errors, values };
}

/** What was typed, to show a refused form again as it was sent (files left out). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}
