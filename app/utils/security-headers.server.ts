import { randomBytes } from "node:crypto";

/**
 * The headers every response carries (issue #7, "Requests"; OWASP ASVS 5.0 V3.4). server.ts sets
 * them before anything else runs, so static files, Remix pages, CSV exports, attachments, 404s and
 * error pages all get them.
 */

/** 128 random bits, new for every request: a script without it does not run. */
export function newCspNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Enforced, not report-only. Scripts run only from our origin or with this response's nonce (Remix's
 * inline hydration and streaming scripts carry it); no inline style attribute or <style> applies,
 * so markup that slipped into a page could neither run nor restyle it. Forms post only to us, no
 * page may frame us, and <base> cannot redirect relative links.
 */
export function contentSecurityPolicy(nonce: string, devOrigin?: string, formTargets: readonly string[] = []): string {
  // `npm run dev` only: the Remix dev server (another port) serves hot updates and a websocket.
  const dev = devOrigin ? new URL(devOrigin) : null;
  const devScript = dev ? ` ${dev.origin}` : "";
  const devConnect = dev ? ` ${dev.origin} ${dev.protocol === "https:" ? "wss" : "ws"}://${dev.host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${devScript}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${devConnect}`,
    // The sign-in page's provider buttons post to us and are redirected to the provider: browsers
    // check that redirect against form-action too (issue #22), so that page names the providers.
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join("")}`,
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(input: {
  nonce: string;
  production: boolean;
  devOrigin?: string;
}): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(input.nonce, input.production ? undefined : input.devOrigin),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    // Older browsers that ignore frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // Only in production: HSTS on a developer's http://localhost would pin it to https for a year.
  if (input.production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Every answer from Remix (pages, their data, CSV exports, attachments, errors) may hold personal
 * information or a signed-in person's name in the header: no cache, shared or private, may keep it.
 * Only /build assets (fingerprinted, no personal data) and public/ files are cacheable.
 */
export const DYNAMIC_CACHE_CONTROL = "no-store";

/** A route's own Cache-Control is kept only when it already forbids storing. */
export function dynamicCacheControl(routeValue: string | null | undefined): string {
  return routeValue && /(^|[,\s])no-store($|[,\s])/i.test(routeValue) ? routeValue : DYNAMIC_CACHE_CONTROL;
}
