import { redirect } from "@remix-run/node";
import type { Role } from "../domain/vocabulary";
import { userForSessionToken, type SessionUser } from "../services/auth.server";
import { readCookie } from "./cookies.server";
import { getDb } from "./db.server";
import { env } from "./env.server";
import { notFound } from "./http.server";

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

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const token = sessionTokenOf(request);
  return token ? userForSessionToken(getDb(), token, new Date()) : null;
}

/**
 * A signed-in user with one of the roles. Not signed in: to the sign-in page. Signed in with
 * another role: 404, so a page's existence is not confirmed to those who may not see it.
 */
export async function requireUser(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!roles.includes(user.role)) throw notFound();
  return user;
}

