export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

export function badRequest(): Response {
  return new Response("Bad request", { status: 400 });
}

/**
 * The bodies a state-changing request may carry: an HTML form's (URL-encoded, or multipart with its
 * boundary). Anything else (JSON, text/plain, a multipart type without a boundary) is refused with
 * 415 by server.ts before a route runs: every action reads a form, and request.formData() throws on
 * other types, which would otherwise surface as a 500.
 */
export function isFormBody(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return (
    /^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType) ||
    /^multipart\/form-data\s*;(.*;)?\s*boundary=("[^"]+"|[^\s;]+)/i.test(contentType)
  );
}

/** The JSON API (issue #22): bearer tokens, JSON bodies, its own body limits. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** A JSON body, the only kind the API takes. */
export function isJsonBody(contentType: string | undefined): boolean {
  return !!contentType && /^application\/json\s*(;|$)/i.test(contentType);
}

/**
 * A state-changing request (every method but GET and HEAD) must come from our own pages: cross-site
 * request forgery is refused (server.ts answers 403 before any route runs).
 * - Sec-Fetch-Site first: every current browser sends it; only "same-origin" and "none" (the person
 *   typed the address or used a bookmark) pass. "same-site" (a sibling subdomain) and "cross-site"
 *   are refused.
 * - Without it, Origin, which older browsers send on every POST, must name the host the request was
 *   sent to; "null" (a sandboxed frame, a privacy redirect) or anything unparsable is refused.
 * - With neither header the request passes: no browser sends a cross-origin POST without Origin, and
 *   a client that is not a browser (curl, a monitor, a script) holds no victim's cookies to forge
 *   with. It is then still subject to sign-in and to the route's own checks.
 */
export function isSameOriginRequest(headers: Headers, requestUrl: string): boolean {
  const site = headers.get("Sec-Fetch-Site");
  if (site) return site === "same-origin" || site === "none";
  const origin = headers.get("Origin");
  if (!origin) return true; // non-browser clients (curl, tests) send neither header
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}
