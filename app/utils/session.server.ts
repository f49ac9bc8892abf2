import { readCookie } from "./cookies.server";
import { servedOverHttps } from "./env.server";

// __Host- makes the browser refuse the cookie unless it is Secure, path=/ and host-only; Secure
// needs HTTPS, so both apply where PUBLIC_URL is https (env.server.ts).
function cookieName(): string {
  return servedOverHttps() ? "__Host-recourse_session" : "recourse_session";
}

export function sessionTokenOf(request: Request): string | null {
  return readCookie(request, cookieName());
}

export function sessionCookie(token: string): string {
  const secure = servedOverHttps() ? "; Secure" : "";
  return `${cookieName()}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

export function clearedSessionCookie(): string {
  const secure = servedOverHttps() ? "; Secure" : "";
  return `${cookieName()}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}
