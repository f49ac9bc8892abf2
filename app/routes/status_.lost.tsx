import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { invalidFormResponse } from "../utils/refusal-response.server";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/form-fields";
import { normalizeCaseReference } from "../domain/case-reference";
import { useLanguage, useT } from "../hooks/use-translation";
import { localized } from "../i18n/localized";
import { sendRecoveryLink } from "../services/case-access.server";
import { RECOVERY_REQUESTS, reserveAttempt } from "../services/rate-limit.server";
import { parseForm, type FieldErrors } from "../utils/form";
import { pageTitle } from "../utils/meta";
import { readForm } from "../utils/read-form.server";
import { schema } from "../forms/lost-code.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "status.lost.title");

export function loader({ request }: LoaderFunctionArgs) {
  return { reference: new URL(request.url).searchParams.get("reference")?.slice(0, 40) ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { result: null });
  const now = new Date();
  const reference = parsed.data.reference;
  const keys = [`ip:${context.clientIp}`, `ref:${normalizeCaseReference(reference) ?? reference.slice(0, 40)}`];
  if (!(await reserveAttempt(context.db, RECOVERY_REQUESTS, keys, now))) {
    const errors: FieldErrors = { reference: { key: "error.rateLimited" } };
    return data({ errors, result: null }, { status: 429 });
  }
  const result = await sendRecoveryLink({ db: context.db, reference, now });
  if (result.kind === "not_found") {
    const errors: FieldErrors = { reference: { key: "status.lost.notFound" } };
    return data({ errors, result: null }, { status: 404 });
  }
  return { errors: null, result };
}

export default function LostCode() {
  const { reference } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const result = answer?.result;
  if (result?.kind === "sent") {
    return (
      <>
        <h1>{t("status.lost.sent.title")}</h1>
        <p role="status">{t("status.lost.sent.text")}</p>
        <p>
          <Link to="/status">{t("openLink.useCode")}</Link>
        </p>
      </>
    );
  }
  if (result?.kind === "no_email") {
    return (
      <>
        <h1>{t("status.lost.call.title")}</h1>
        <p role="status">{t("status.lost.call.text", { ssm: localized(result, "ssm", language) })}</p>
        {result.phone ? (
          <p>
            <a className="button" href={`tel:${result.phone}`}>
              {result.phone}
            </a>
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <h1>{t("status.lost.title")}</h1>
      <p>{t("status.lost.intro")}</p>
      <ErrorSummary errors={answer?.errors ?? {}} labels={{ reference: t("status.reference.label") }} />
      <Form method="post" noValidate className="stack">
        <TextField
          name="reference"
          label={t("status.reference.label")}
          hint={t("status.reference.hint")}
          required
          errors={answer?.errors ?? undefined}
          defaultValue={reference}
          autoComplete="off"
          maxLength={40}
        />
        <button type="submit">{t("status.lost.submit")}</button>
      </Form>
    </>
  );
}
