export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/**
 * A state-changing request must come from our own pages. Browsers say so in Sec-Fetch-Site; older
 * ones send Origin, which must match the host the request was sent to.
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
