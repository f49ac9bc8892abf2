import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { homePathFor } from "../domain/home-path";
import { useT } from "../hooks/use-translation";
import { finishOidcSignIn } from "../services/oidc.server";
import { rememberLanguage } from "../utils/language.server";
import { pageTitle } from "../utils/meta";
import { clearedOidcStateCookie, oidcRedirectUri, oidcStateOf } from "../utils/oidc-cookie.server";
import { REFUSAL_STATUS } from "../utils/refusal-response.server";
import { safeRedirect } from "../utils/safe-redirect";
import { sessionCookie, sessionTokenOf } from "../utils/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

// Where the organization's provider sends the browser back (issue #22).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // The address the provider was given, with what it added: behind a proxy the request's own
  // address may differ from PUBLIC_URL.
  const callbackUrl = new URL(oidcRedirectUri(request));
  callbackUrl.search = url.search;
  const result = await finishOidcSignIn({
    db: context.db,
    callbackUrl,
    browserState: oidcStateOf(request),
    replacing: sessionTokenOf(request),
    now: new Date(),
  });
  if (!result.ok)
    return data(
      { refused: result.reason },
      { status: REFUSAL_STATUS[result.kind], headers: { "Set-Cookie": clearedOidcStateCookie() } },
    );
  const next = safeRedirect(result.nextPath, homePathFor(result.user.role), url.origin);
  return redirect(next, {
    headers: new Headers([
      ["Set-Cookie", sessionCookie(result.token)],
      ["Set-Cookie", rememberLanguage(result.user.language)],
      ["Set-Cookie", clearedOidcStateCookie()],
    ]),
  });
}

export default function OidcCallbackPage() {
  const { refused } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("login.title")}</h1>
      <div className="error-summary" role="alert" tabIndex={-1}>
        <p>{t(refused)}</p>
      </div>
      <p>
        <Link to="/login">{t("login.title")}</Link>
      </p>
    </>
  );
}
