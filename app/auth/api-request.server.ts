import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import type { ApiScope } from "../domain/api-scopes";
import type { Refused } from "../domain/result";
import { translator } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { authenticateApiRequest, type ApiPrincipal } from "../services/api-tokens.server";
import { noteRole } from "../utils/request-facts.server";

// The JSON API's one entry (issue #22): a bearer token, the scope the endpoint needs, then the
// route's own parse → service → JSON. Cookies are never read here, so a browser's session cannot
// call the API and the API needs no CSRF token (clarifications, #22). Every error is one JSON shape
// (api-contract.ts apiErrorSchema) with a stable code.

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

const STATUS: Record<string, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_many: 429,
};

const MESSAGES: Record<string, MessageKey> = {
  invalid: "api.error.invalid",
  unauthenticated: "api.error.unauthenticated",
  forbidden: "api.error.forbidden",
  not_found: "error.notFound.text",
  method_not_allowed: "api.error.methodNotAllowed",
  too_many: "api.error.tooMany",
};

/** An API error: thrown by a route, answered as JSON with its status. */
export function apiError(
  code: keyof typeof STATUS,
  options: {
    reason?: string;
    message?: MessageKey;
    issues?: { path: string; message: string }[];
    headers?: Record<string, string>;
  } = {},
): Response {
  const message = translator("en")(options.message ?? MESSAGES[code] ?? "error.generic");
  const headers: Record<string, string> = {
    ...(code === "unauthenticated" ? { "WWW-Authenticate": 'Bearer realm="recourse"' } : {}),
    ...options.headers,
  };
  if (code === "too_many") headers["Retry-After"] = "60";
  return apiJson(
    { error: { code, reason: options.reason ?? code, message, issues: options.issues } },
    STATUS[code],
    headers,
  );
}

/**
 * For the methods an endpoint does not take: Remix would answer them with the site's HTML error page
 * (405, or 400 for a GET without a loader); a program reading JSON gets the API's shape and Allow.
 */
export function apiMethodNotAllowed(allow: "GET" | "POST"): () => Response {
  return () => {
    noteRole("api_token");
    throw apiError("method_not_allowed", { headers: { Allow: allow } });
  };
}

/** A service's refusal (app/domain/result.ts) as an API error, with the same words as the page's. */
export function apiRefusal(refusal: Refused, reason: string): Response {
  const code =
    refusal.kind === "not-found"
      ? "not_found"
      : refusal.kind === "too-many"
        ? "too_many"
        : refusal.kind === "conflict" || refusal.kind === "gone"
          ? "conflict"
          : refusal.kind === "invalid"
            ? "invalid"
            : refusal.kind === "forbidden"
              ? "forbidden"
              : "unauthenticated";
  return apiError(code, { reason, message: refusal.reason });
}

/** A zod failure as a 400 naming each field. */
export function apiInvalid(error: z.ZodError): Response {
  return apiError("invalid", {
    issues: error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}

/** The token's principal if it holds the scope; otherwise throws the JSON 401, 403 or 429. */
export async function requireApiScope(
  request: Request,
  context: AppLoadContext,
  scope: ApiScope,
): Promise<ApiPrincipal> {
  const auth = await authenticateApiRequest({
    db: context.db,
    authorization: request.headers.get("Authorization"),
    clientIp: context.clientIp,
    now: new Date(),
  });
  if (!auth.ok) throw apiError(auth.reason === "too_many" ? "too_many" : "unauthenticated");
  // The request log line says a token asked, never which one (server.ts).
  noteRole("api_token");
  if (!auth.principal.scopes.includes(scope)) throw apiError("forbidden", { reason: `scope ${scope} needed` });
  return auth.principal;
}

/** The request's JSON body, or a thrown 400 when it is not JSON at all. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await request.text()) as unknown;
  } catch {
    throw apiError("invalid", { reason: "not_json" });
  }
}
