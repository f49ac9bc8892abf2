import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TextField } from "../components/form-fields";
import { homePathFor } from "../domain/home-path";
import { useT } from "../hooks/use-translation";
import { attemptSignIn } from "../services/auth.server";
import { signInButtons } from "../services/sign-in-settings.server";
import { parseForm } from "../utils/form";
import { pageTitle } from "../utils/meta";
import { rememberLanguage } from "../utils/language.server";
import { sessionCookie, sessionTokenOf } from "../utils/session.server";
import { readForm } from "../utils/read-form.server";
import { safeRedirect } from "../utils/safe-redirect";
import { refusalResponse } from "../utils/refusal-response.server";
import { refused } from "../domain/result";
import { contentSecurityPolicy } from "../utils/security-headers.server";
import { loginSchema } from "../forms/login.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

/** One "Sign in with…" button per organization whose provider is set (issue #22). */
export async function loader({ context }: LoaderFunctionArgs) {
  const { buttons, origins } = await signInButtons(context.db);
  const headers: HeadersInit = origins.length
    ? {
        "Content-Security-Policy": contentSecurityPolicy(
          context.cspNonce,
          process.env.NODE_ENV === "production" ? undefined : process.env.REMIX_DEV_ORIGIN,
          origins,
        ),
      }
    : {};
  return data({ providers: buttons }, { headers });
}

// The page's policy, with the providers' origins in form-action (the loader's); server.ts's otherwise.
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const policy = loaderHeaders.get("Content-Security-Policy");
  return policy ? { "Content-Security-Policy": policy } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(loginSchema, await readForm(request));
  if (!parsed.ok) return refusalResponse(refused("invalid", "login.failed"), {});
  const attempt = await attemptSignIn({
    db: context.db,
    ...parsed.data,
    clientIp: context.clientIp,
    // A session cookie sent before signing in is ended: the signed-in session always has a new id.
    replacing: sessionTokenOf(request),
    now: new Date(),
  });
  if (!attempt.ok) return refusalResponse(attempt, {});
  const url = new URL(request.url);
  const next = safeRedirect(url.searchParams.get("next"), homePathFor(attempt.user.role), url.origin);
  // The account's language from here on, whatever the browser or the sign-in page was in.
  const headers = new Headers([
    ["Set-Cookie", sessionCookie(attempt.token)],
    ["Set-Cookie", rememberLanguage(attempt.user.language)],
  ]);
  return redirect(next, { headers });
}

export default function LoginPage() {
  const result = useActionData<typeof action>();
  const { providers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const next = params.get("next");
  const oidcProblem = params.get("oidc");
  return (
    <>
      <h1>{t("login.title")}</h1>
      {result?.refused ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(result.refused)}</p>
        </div>
      ) : oidcProblem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(oidcProblem === "unavailable" ? "signIn.providerUnavailable" : "signIn.failed")}</p>
        </div>
      ) : params.get("reset") === "done" ? (
        <p className="notice-success" role="status">
          {t("login.resetDone")}
        </p>
      ) : null}
      {providers.length > 0 ? (
        <section aria-labelledby="org-sign-in">
          <h2 id="org-sign-in">{t("signIn.orgHeading")}</h2>
          {providers.map((p) => (
            // A plain form: the answer sends the browser to the provider, another site.
            <form
              key={p.organizationSlug}
              method="post"
              action={`/auth/oidc/${encodeURIComponent(p.organizationSlug)}${next ? `?next=${encodeURIComponent(next)}` : ""}`}
              className="stack"
            >
              <button type="submit">{t("signIn.with", { provider: p.label })}</button>
            </form>
          ))}
          <h2>{t("signIn.orPassword")}</h2>
        </section>
      ) : null}
      <Form method="post" className="stack">
        <TextField name="email" type="email" label={t("login.email")} required autoComplete="username" />
        <TextField
          name="password"
          type="password"
          label={t("login.password")}
          required
          autoComplete="current-password"
        />
        <button type="submit">{t("login.submit")}</button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
    </>
  );
}
