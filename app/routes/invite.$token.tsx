import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { invalidFormResponse } from "../utils/refusal-response.server";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { NewPasswordForm } from "../components/new-password-form";
import { useT } from "../hooks/use-translation";
import type { MessageKey } from "../i18n";
import { acceptInvitation, invitationView, type InvitationState } from "../services/ssm-admin.server";
import { parseForm } from "../utils/form";
import { newPasswordFormSchema } from "../utils/password.server";
import { pageTitle } from "../utils/meta";
import { readForm } from "../utils/read-form.server";

// The address holds the invitation's secret: no cache may keep the page.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" };
export const headers: HeadersFunction = () => PRIVATE_HEADERS;

const TITLES: Record<InvitationState, MessageKey> = {
  open: "invite.title",
  expired: "invite.expired.title",
  used: "invite.used.title",
  unknown: "invite.unknown.title",
};

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, TITLES[data?.state ?? "unknown"]);

export async function loader({ params, context }: LoaderFunctionArgs) {
  return invitationView({ db: context.db, token: params.token ?? "", now: new Date() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(newPasswordFormSchema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { doneFor: null, state: null }, { headers: PRIVATE_HEADERS });
  const result = await acceptInvitation({
    db: context.db,
    token: params.token ?? "",
    password: parsed.data.password,
    now: new Date(),
  });
  if (!result.ok)
    return data({ errors: null, doneFor: null, state: result.state }, { status: 410, headers: PRIVATE_HEADERS });
  return data({ errors: null, doneFor: result.email, state: null }, { headers: PRIVATE_HEADERS });
}

function NotUsable({ state }: { state: Exclude<InvitationState, "open"> }) {
  const t = useT();
  return (
    <>
      <h1>{t(TITLES[state])}</h1>
      <p>{t(`invite.${state}.text`)}</p>
      {state === "used" ? (
        <p>
          <Link to="/login">{t("invite.signIn")}</Link>
        </p>
      ) : null}
    </>
  );
}

export default function InvitationPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (result?.doneFor) {
    return (
      <>
        <h1>{t("invite.done.title")}</h1>
        <p className="notice-success" role="status">
          {t("invite.done.text", { email: result.doneFor })}
        </p>
        <p>
          <Link className="button" to="/login">
            {t("invite.signIn")}
          </Link>
        </p>
      </>
    );
  }
  if (result?.state) return <NotUsable state={result.state} />;
  if (view.state !== "open") return <NotUsable state={view.state} />;
  const errors = result?.errors ?? {};
  const labels = { password: t("invite.password"), confirm: t("invite.confirm") };
  return (
    <>
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.intro", { name: view.name, email: view.email })}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <NewPasswordForm
        email={view.email}
        labels={labels}
        hint={t("invite.password.hint")}
        errors={errors}
        submitLabel={t("invite.submit")}
      />
    </>
  );
}
