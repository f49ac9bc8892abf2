import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ComplaintFields, complaintFieldLabels } from "../components/complaint-fields";
import { ErrorSummary } from "../components/error-summary";
import { SelectField, TextField } from "../components/form-fields";
import { INTAKE_CHANNELS } from "../domain/intake-channels";
import { localDateOf, localTimeOf } from "../domain/time-zone";
import { useLanguage, useT } from "../hooks/use-translation";
import { intakeChoices, recordComplaintOnBehalf } from "../services/intake.server";
import { parseForm, type FieldErrors } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { readForm } from "../utils/read-form.server";
import { nameIn } from "../i18n/localized";
import { refusalResponse } from "../utils/refusal-response.server";
import { complaintInputSchema, intakeExtrasSchema } from "../forms/case-intake.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "intake.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "case.record");
  const choices = await intakeChoices({ db: context.db, user });
  if (!choices) throw notFound();
  const now = new Date();
  const local = localTimeOf(now, choices.area.timeZone);
  const hhmm = `${String(Math.floor(local.minutes / 60)).padStart(2, "0")}:${String(local.minutes % 60).padStart(2, "0")}`;
  return {
    ...choices,
    nowLocal: `${localDateOf(now, choices.area.timeZone)}T${hhmm}`,
    submissionKey: crypto.randomUUID(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "case.record");
  const formData = await readForm(request);
  const complaint = parseForm(complaintInputSchema, formData);
  const extras = parseForm(intakeExtrasSchema, formData);
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  if (!complaint.ok || !extras.ok) {
    const errors: FieldErrors = { ...(extras.ok ? {} : extras.errors), ...(complaint.ok ? {} : complaint.errors) };
    return data({ errors, values, done: null }, { status: 400 });
  }
  const result = await recordComplaintOnBehalf({
    db: context.db,
    user,
    complaint: complaint.data,
    extras: extras.data,
    now: new Date(),
  });
  if (!result) throw notFound();
  if (!result.ok) return refusalResponse(result, { values, done: null });
  if (result.kind === "duplicate")
    return { errors: null, values: null, done: { reference: result.reference, secret: null, emailedTo: null } };
  return {
    errors: null,
    values: null,
    done: { reference: result.reference, secret: result.secret, emailedTo: result.emailedTo },
  };
}

export default function IntakePage() {
  const { area, providers, nowLocal, submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const language = useLanguage();
  if (result?.done) {
    const done = result.done;
    return (
      <>
        <h1>{t("intake.done.title")}</h1>
        <div className="panel" role="status">
          <dl className="credentials">
            <dt>{t("file.done.reference")}</dt>
            <dd data-testid="reference">{done.reference}</dd>
            {done.secret ? (
              <>
                <dt>{t("file.done.secret")}</dt>
                <dd data-testid="secret">{done.secret}</dd>
              </>
            ) : null}
          </dl>
        </div>
        {done.secret ? <p>{t("intake.done.give")}</p> : null}
        <p>{done.emailedTo ? t("intake.done.emailed", { email: done.emailedTo }) : t("intake.done.noEmail")}</p>
        <p>
          <Link className="button" to={`/cases/${done.reference}`}>
            {t("intake.done.open")}
          </Link>
        </p>
      </>
    );
  }
  const errors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  return (
    <>
      <h1>{t("intake.title")}</h1>
      <p>{t("intake.intro")}</p>
      <p>{t("file.area.chosen", { area: nameIn(area, language) })}</p>
      <ErrorSummary
        errors={errors}
        labels={{
          channel: t("intake.channel"),
          receivedAt: t("intake.receivedAt"),
          ...complaintFieldLabels(t),
          consent: t("intake.consent"),
        }}
      />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="area" value={area.slug} />
        <input type="hidden" name="submissionKey" value={values.submissionKey ?? submissionKey} />
        <SelectField
          name="channel"
          label={t("intake.channel")}
          required
          errors={errors}
          defaultValue={values.channel ?? "phone"}
          options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <TextField
          name="receivedAt"
          label={t("intake.receivedAt")}
          hint={t("intake.receivedAt.hint")}
          required
          errors={errors}
          defaultValue={values.receivedAt ?? nowLocal}
        />
        <ComplaintFields
          providers={providers}
          errors={errors}
          values={values}
          defaultLanguage={language}
          consentLabel={t("intake.consent")}
        />
        <button type="submit" disabled={busy}>
          {t("intake.submit")}
        </button>
      </Form>
    </>
  );
}
