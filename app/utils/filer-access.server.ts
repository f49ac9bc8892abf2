import { readCookie } from "./cookies.server";
import { servedOverHttps } from "./env.server";

// The filer's hour of access to one case after giving reference and secret. Scoped to /status and
// SameSite=Strict: no other page, and no other site, ever sends it.
const NAME = "recourse_case";

function attributes(): string {
  const secure = servedOverHttps() ? "; Secure" : "";
  return `Path=/status; HttpOnly; SameSite=Strict${secure}`;
}

export function filerAccessTokenOf(request: Request): string | null {
  return readCookie(request, NAME);
}

export function filerAccessCookie(token: string, maxAgeSeconds: number): string {
  return `${NAME}=${encodeURIComponent(token)}; Max-Age=${maxAgeSeconds}; ${attributes()}`;
}

export function clearedFilerAccessCookie(): string {
  return `${NAME}=; Max-Age=0; ${attributes()}`;
}
