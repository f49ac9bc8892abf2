import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { SelectField, TextArea } from "../components/form-fields";
import { DISPUTE_CATEGORIES } from "../domain/dispute-categories";
import { useLanguage, useT } from "../hooks/use-translation";
import { disputeChoices, fileProviderDispute } from "../services/provider-disputes.server";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { readForm } from "../utils/read-form.server";
import { nameIn } from "../i18n/localized";
import { TEXT_LIMITS } from "../domain/text-limits";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { disputeInputSchema } from "../forms/dispute-filing.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "disputes.new.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "dispute.raise");
  const choices = await disputeChoices({ db: context.db, user });
  if (!choices) throw notFound();
  return { ...choices, submissionKey: crypto.randomUUID() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "dispute.raise");
  const parsed = parseForm(disputeInputSchema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { values: parsed.values });
  const result = await fileProviderDispute({ db: context.db, user, dispute: parsed.data, now: new Date() });
  if (!result) throw notFound();
  if (!result.ok) {
    const values = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, String(v ?? "")]));
    return refusalResponse(result, { values });
  }
  return redirect(`/disputes/${result.reference}?filed=1`);
}

export default function NewDisputePage() {
  const { areas, submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const language = useLanguage();
  const errors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  return (
    <>
      <h1>{t("disputes.new.title")}</h1>
      <p>{t("disputes.new.intro")}</p>
      <ErrorSummary
        errors={errors}
        labels={{
          area: t("disputes.area"),
          category: t("disputes.category"),
          description: t("disputes.description"),
          outcomeWanted: t("disputes.outcome"),
        }}
      />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="submissionKey" value={values.submissionKey ?? submissionKey} />
        <SelectField
          name="area"
          label={t("disputes.area")}
          required
          errors={errors}
          defaultValue={values.area ?? (areas.length === 1 ? areas[0]!.slug : "")}
          placeholder={areas.length === 1 ? undefined : ""}
          options={areas.map((a) => ({ value: a.slug, label: nameIn(a, language) }))}
        />
        <SelectField
          name="category"
          label={t("disputes.category")}
          required
          errors={errors}
          defaultValue={values.category ?? ""}
          placeholder=""
          options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        <TextArea
          name="description"
          label={t("disputes.description")}
          required
          errors={errors}
          maxLength={TEXT_LIMITS.message}
          rows={7}
          defaultValue={values.description}
        />
        <TextArea
          name="outcomeWanted"
          label={t("disputes.outcome")}
          required
          errors={errors}
          maxLength={TEXT_LIMITS.reason}
          rows={3}
          defaultValue={values.outcomeWanted}
        />
        <button type="submit" disabled={busy}>
          {t("disputes.submit")}
        </button>
      </Form>
    </>
  );
}
