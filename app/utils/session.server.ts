import { readCookie } from "./cookies.server";
import { env } from "./env.server";

// __Host- makes the browser refuse the cookie unless it is Secure, path=/ and host-only.
function cookieName(): string {
  return env().NODE_ENV === "production" ? "__Host-recourse_session" : "recourse_session";
}

export function sessionTokenOf(request: Request): string | null {
  return readCookie(request, cookieName());
}

export function sessionCookie(token: string): string {
  const secure = env().NODE_ENV === "production" ? "; Secure" : "";
  return `${cookieName()}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

export function clearedSessionCookie(): string {
  const secure = env().NODE_ENV === "production" ? "; Secure" : "";
  return `${cookieName()}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}
