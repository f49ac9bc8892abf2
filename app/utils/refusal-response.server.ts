import { data } from "@remix-run/node";
import type { FieldErrors, Refused, RefusalKind } from "../domain/result";
import type { MessageKey } from "../i18n";
import { notFound } from "./http.server";

export const REFUSAL_STATUS: Record<RefusalKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  gone: 410,
  "too-many": 429,
};

/** What every page's action answers on a refusal, beside its own fields (intent, values...). */
export interface RefusalBody {
  /** Field errors: the form is shown again with its ErrorSummary. */
  errors: FieldErrors | null;
  /** A refusal of the whole request, shown as one alert; null when the fields say it all. */
  refused: MessageKey | null;
}

export function refusalBody(refusal: Refused): RefusalBody {
  return refusal.fields ? { errors: refusal.fields, refused: null } : { errors: null, refused: refusal.reason };
}

/**
 * The one way a refusal becomes a response. "not-found" is thrown as the plain 404 page, the same
 * answer as for a thing that does not exist, so a refusal never tells anyone it exists; every other
 * kind is the page's action data (`extra`, then errors and refused) with the kind's status.
 */
export function refusalResponse<E extends object>(refusal: Refused, extra: E, init?: { headers?: HeadersInit }) {
  if (refusal.kind === "not-found") throw notFound();
  return data({ ...extra, ...refusalBody(refusal) }, { status: REFUSAL_STATUS[refusal.kind], headers: init?.headers });
}

/**
 * A form that did not validate (utils/form.ts's parseForm): shown again with each field's message
 * and, where the page passes them in `extra`, what was typed. The same body as any refusal.
 */
export function invalidFormResponse<E extends object>(
  invalid: { errors: FieldErrors },
  extra: E,
  init?: { headers?: HeadersInit },
) {
  return data({ ...extra, errors: invalid.errors, refused: null }, { status: 400, headers: init?.headers });
}
