import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { startOidcSignIn } from "../services/oidc.server";
import { notFound } from "../utils/http.server";
import { oidcRedirectUri, oidcStateCookie } from "../utils/oidc-cookie.server";
import { safeRedirect } from "../utils/safe-redirect";

// "Sign in with <provider>" (issue #22): a POST, so a link a crawler follows starts nothing.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const next = url.searchParams.get("next");
  const started = await startOidcSignIn({
    db: context.db,
    organizationSlug: params.organization ?? "",
    redirectUri: oidcRedirectUri(request),
    nextPath: next ? safeRedirect(next, "/", url.origin) : null,
    now: new Date(),
  });
  if (!started.ok) {
    if (started.kind === "not-found") throw notFound();
    return redirect(`/login?oidc=${started.kind === "conflict" ? "unavailable" : "failed"}`);
  }
  return redirect(started.authorizationUrl, { headers: { "Set-Cookie": oidcStateCookie(started.state) } });
}

export async function loader() {
  return redirect("/login");
}
