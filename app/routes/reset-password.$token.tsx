import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { invalidFormResponse } from "../utils/refusal-response.server";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { NewPasswordForm } from "../components/new-password-form";
import { useT } from "../hooks/use-translation";
import type { MessageKey } from "../i18n";
import { passwordResetView, resetPassword, type PasswordResetState } from "../services/password-reset.server";
import { parseForm } from "../utils/form";
import { pageTitle } from "../utils/meta";
import { newPasswordFormSchema } from "../utils/password.server";
import { clearedSessionCookie } from "../utils/session.server";
import { readForm } from "../utils/read-form.server";

// The address holds the reset link's secret: no cache may keep the page.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" };
export const headers: HeadersFunction = () => PRIVATE_HEADERS;

const TITLES: Record<PasswordResetState, MessageKey> = {
  open: "reset.title",
  expired: "reset.expired.title",
  used: "reset.used.title",
  unknown: "reset.unknown.title",
};

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, TITLES[data?.state ?? "unknown"]);

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await passwordResetView({ db: context.db, token: params.token ?? "", now: new Date() });
  return data(view, { status: view.state === "open" ? 200 : 410, headers: PRIVATE_HEADERS });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(newPasswordFormSchema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { state: null, limited: false }, { headers: PRIVATE_HEADERS });
  const result = await resetPassword({
    db: context.db,
    token: params.token ?? "",
    password: parsed.data.password,
    clientIp: context.clientIp,
    now: new Date(),
  });
  if (!result.ok) {
    return result.state === null
      ? data({ errors: null, state: null, limited: true }, { status: 429, headers: PRIVATE_HEADERS })
      : data({ errors: null, state: result.state, limited: false }, { status: 410, headers: PRIVATE_HEADERS });
  }
  // Every session of the account ended with the reset, this browser's too: sign in afresh.
  return redirect("/login?reset=done", { headers: { ...PRIVATE_HEADERS, "Set-Cookie": clearedSessionCookie() } });
}

function NotUsable({ state }: { state: Exclude<PasswordResetState, "open"> }) {
  const t = useT();
  return (
    <>
      <h1>{t(TITLES[state])}</h1>
      <p>{t(`reset.${state}.text`)}</p>
      <p>
        <Link to={state === "used" ? "/login" : "/forgot-password"}>
          {t(state === "used" ? "reset.signIn" : "reset.askAgain")}
        </Link>
      </p>
    </>
  );
}

export default function ResetPasswordPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (result?.state) return <NotUsable state={result.state} />;
  if (view.state !== "open") return <NotUsable state={view.state} />;
  const errors = result?.errors ?? {};
  const labels = { password: t("reset.password"), confirm: t("reset.confirm") };
  return (
    <>
      <h1>{t("reset.title")}</h1>
      <p>{t("reset.intro", { email: view.email })}</p>
      {result?.limited ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t("reset.rateLimited")}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <NewPasswordForm
        email={view.email}
        labels={labels}
        hint={t("reset.password.hint")}
        errors={errors}
        submitLabel={t("reset.submit")}
      />
    </>
  );
}
