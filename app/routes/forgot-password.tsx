import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/form-fields";
import { useT } from "../hooks/use-translation";
import { requestPasswordReset } from "../services/password-reset.server";
import { parseForm } from "../utils/form";
import { pageTitle } from "../utils/meta";
import { readForm } from "../utils/read-form.server";
import { TEXT_LIMITS } from "../domain/text-limits";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { forgotSchema } from "../forms/forgot-password.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "forgot.title");

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(forgotSchema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { values: parsed.values, sent: false });
  const result = await requestPasswordReset({
    db: context.db,
    email: parsed.data.email,
    clientIp: context.clientIp,
    now: new Date(),
  });
  // Limited or not, the same answer whether or not the address has an account.
  if (!result.ok) return refusalResponse(result, { values: { email: parsed.data.email }, sent: false });
  return data({ errors: null, values: null, sent: true, refused: null });
}

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  if (result?.sent) {
    return (
      <>
        <h1>{t("forgot.sent.title")}</h1>
        <p className="notice-success" role="status">
          {t("forgot.sent.text")}
        </p>
        <p>{t("forgot.sent.next")}</p>
        <p>
          <Link to="/login">{t("forgot.backToLogin")}</Link>
        </p>
      </>
    );
  }
  const errors = result?.errors ?? {};
  const labels = { email: t("login.email") };
  return (
    <>
      <h1>{t("forgot.title")}</h1>
      <p>{t("forgot.intro")}</p>
      {result?.refused ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(result.refused)}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate className="stack">
        <TextField
          name="email"
          type="email"
          label={labels.email}
          required
          errors={errors}
          maxLength={TEXT_LIMITS.email}
          autoComplete="username"
          defaultValue={result?.values?.email}
        />
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("forgot.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("forgot.backToLogin")}</Link>
      </p>
    </>
  );
}
