import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { TextField } from "../components/form-fields";
import { roleMay } from "../domain/access";
import type { Role } from "../domain/vocabulary";
import { useT } from "../hooks/use-translation";
import { attemptSignIn } from "../services/auth.server";
import { parseForm } from "../utils/form";
import { pageTitle } from "../utils/meta";
import { rememberLanguage } from "../utils/language.server";
import { sessionCookie, sessionTokenOf } from "../utils/session.server";
import { readForm } from "../utils/read-form.server";
import { safeRedirect } from "../utils/safe-redirect";
import { refusalResponse } from "../utils/refusal-response.server";
import { refused } from "../domain/result";
import { loginSchema } from "../forms/login.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

/** Where each person starts: the ministry at the province's reports, a provider at its disputes, an SSM at its queue. */
function homeFor(role: Role): string {
  if (roleMay(role, "report.read_province")) return "/reports";
  if (roleMay(role, "dispute.read")) return "/disputes";
  return "/cases";
}

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
  const next = safeRedirect(url.searchParams.get("next"), homeFor(attempt.user.role), url.origin);
  // The account's language from here on, whatever the browser or the sign-in page was in.
  const headers = new Headers([
    ["Set-Cookie", sessionCookie(attempt.token)],
    ["Set-Cookie", rememberLanguage(attempt.user.language)],
  ]);
  return redirect(next, { headers });
}

export default function LoginPage() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <>
      <h1>{t("login.title")}</h1>
      {result?.refused ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(result.refused)}</p>
        </div>
      ) : params.get("reset") === "done" ? (
        <p className="notice-success" role="status">
          {t("login.resetDone")}
        </p>
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
