// What a use case answers when a person asked for something it will not do: one shape for every
// expected failure, so one function (app/utils/refusal-response.server.ts) turns any of them into
// the response a page shows. Failures a person cannot cause are thrown, never returned.
import type { MessageKey } from "../i18n/en";

/** Why it was refused, in HTTP's words: each maps to one status (400, 401, 403, 404, 409, 410, 429). */
export type RefusalKind = "invalid" | "unauthenticated" | "forbidden" | "not-found" | "conflict" | "gone" | "too-many";

export interface FieldError {
  key: MessageKey;
  vars?: Record<string, string | number>;
}
/** The first error of each field, by the field's name (the form's ErrorSummary links to it). */
export type FieldErrors = Partial<Record<string, FieldError>>;

/** Done: `ok` plus whatever the use case hands back (an id, a version). */
export type Ok<T extends object = object> = { ok: true } & T;

export interface Refused {
  ok: false;
  kind: RefusalKind;
  /** The message the person reads (for a form: the first field's). */
  reason: MessageKey;
  /** Set when the refusal is about what was typed: the form is shown again with these. */
  fields?: FieldErrors;
}

export type Result<T extends object = object> = Ok<T> | Refused;

export function refused(kind: RefusalKind, reason: MessageKey): Refused {
  return { ok: false, kind, reason };
}

/** A refusal about one field of a form: "invalid", shown beside that field. */
export function fieldRefused(field: string, reason: MessageKey, vars?: Record<string, string | number>): Refused {
  return { ok: false, kind: "invalid", reason, fields: { [field]: vars ? { key: reason, vars } : { key: reason } } };
}

/** Outside what this person may see: answered exactly as if it did not exist. */
export const NOT_FOUND: Refused = { ok: false, kind: "not-found", reason: "error.notFound.text" };
