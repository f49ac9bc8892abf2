import { readCookie } from "./cookies.server";
import { publicUrl, servedOverHttps } from "./env.server";

// The state of a sign-in through an organization's provider, kept by the browser that started it:
// a callback arriving in another browser (a link someone was sent) finds no cookie and is refused.
// SameSite=Lax: the provider sends the browser back with a top-level GET, which carries it.
const NAME = "recourse_oidc_state";
const PATH = "/auth/oidc";

export function oidcStateOf(request: Request): string | null {
  return readCookie(request, NAME);
}

export function oidcStateCookie(state: string): string {
  const secure = servedOverHttps() ? "; Secure" : "";
  return `${NAME}=${encodeURIComponent(state)}; Path=${PATH}; HttpOnly; SameSite=Lax; Max-Age=600${secure}`;
}

export function clearedOidcStateCookie(): string {
  const secure = servedOverHttps() ? "; Secure" : "";
  return `${NAME}=; Path=${PATH}; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

/** This site's address as the provider knows it: PUBLIC_URL, or the address the request came to. */
export function siteOrigin(request: Request): string {
  return process.env.PUBLIC_URL ? publicUrl() : new URL(request.url).origin;
}

export function oidcRedirectUri(request: Request): string {
  return `${siteOrigin(request)}/auth/oidc/callback`;
}
