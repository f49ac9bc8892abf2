/**
 * The one check for a redirect target that comes from input (`/login?next=…`): a path on this
 * site, or the fallback. An open redirect lets a phishing link borrow our address; issue #15 found
 * `/\t/evil.example/` passed the old prefix test, and browsers read it as `//evil.example/`.
 *
 * - Control characters (tab, CR, LF, NUL, DEL, C1) and backslashes are refused outright: browsers
 *   drop or reinterpret them, so what we check is not what they follow.
 * - The rest is parsed with the WHATWG URL parser against the site's origin, as a browser would, and
 *   must stay on that origin; what is returned is the parser's own path, query and fragment
 *   (percent-encoded, so a non-ASCII target cannot break the Location header).
 * - A normalized path that starts with `//` (from `/.//evil.example`) is refused too: sent as a
 *   Location it would be read as another host.
 */
export function safeRedirect(
  target: string | null | undefined,
  fallback: string,
  siteOrigin = "https://recourse.invalid",
): string {
  if (!target || target.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(target)) return fallback;
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  let url: URL;
  let origin: string;
  try {
    origin = new URL(siteOrigin).origin;
    url = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
