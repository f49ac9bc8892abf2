import type { Language } from "../domain/vocabulary";
import { isLanguage } from "../i18n";
import { readCookie } from "./cookies.server";

const COOKIE = "lng";
const ONE_YEAR = 365 * 24 * 60 * 60;

/**
 * The language to show: the URL's ?lng= first (so both languages are reachable by link), then the
 * remembered choice, then what the browser prefers, then English.
 */
export function languageOf(request: Request): Language {
  const fromUrl = new URL(request.url).searchParams.get("lng");
  if (isLanguage(fromUrl)) return fromUrl;
  const remembered = readCookie(request, COOKIE);
  if (isLanguage(remembered)) return remembered;
  const accept = request.headers.get("Accept-Language") ?? "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "fr" ? "fr" : "en";
}

/** A Set-Cookie remembering the language asked for in the URL, if any. */
export function languageCookieFor(request: Request): string | null {
  const fromUrl = new URL(request.url).searchParams.get("lng");
  if (!isLanguage(fromUrl)) return null;
  return rememberLanguage(fromUrl);
}

/** A Set-Cookie remembering `language`: e.g. a staff account's own language as it signs in. */
export function rememberLanguage(language: Language): string {
  return `${COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`;
}
