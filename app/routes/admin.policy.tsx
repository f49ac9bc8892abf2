import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminNav } from "../components/admin-nav";
import { ErrorSummary } from "../components/error-summary";
import { SelectField, TextArea, TextField } from "../components/form-fields";
import { OPTIONAL_CLOSURES } from "../domain/ontario-holidays";
import { POLICY_TIME_ZONES } from "../domain/policy-time-zones";
import { providerStageOf } from "../domain/policy";
import { CLIENT_SILENCE, PROVIDER_REFERRALS } from "../domain/provider-stage";
import { extensionLimit } from "../domain/policy";
import { useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { policyAdminView, publishPolicyVersion } from "../services/policy-admin.server";
import { formValues, parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { requirePermission } from "../auth/require-permission.server";
import { readForm } from "../utils/read-form.server";
import { DataTable } from "../components/data-table";
import { policyInputSchema } from "../forms/admin-policy.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "policy.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "policy.edit");
  const view = await policyAdminView({ db: context.db, user, now: new Date() });
  if (!view) throw notFound();
  return view;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "policy.edit");
  const formData = await readForm(request);
  const parsed = parseForm(policyInputSchema, formData);
  if (!parsed.ok) return invalidFormResponse(parsed, { values: parsed.values, published: null });
  const result = await publishPolicyVersion({ db: context.db, user, policy: parsed.data, now: new Date() });
  if (!result.ok) return refusalResponse(result, { values: formValues(formData), published: null });
  return { errors: null, values: null, published: result.version };
}

export default function PolicyPage() {
  const { inForce, versions, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const policy = inForce.policy;
  const values: Record<string, string> = result?.values ?? {};
  const errors = result?.errors ?? {};
  const decisionLevels = policy.levels.filter((l) => l.decisionDays !== null);
  const value = (name: string, fallback: string | number) => values[name] ?? String(fallback);
  const labels: Record<string, string> = {
    effectiveFrom: t("policy.effectiveFrom"),
    timeZone: t("policy.timeZone"),
    acknowledgeDays: t("policy.ackDays"),
    firstResponseDays: t("policy.firstDays"),
    decisionDays1: t("policy.decisionDays", { level: 1 }),
    decisionDays2: t("policy.decisionDays", { level: 2 }),
    decisionDays3: t("policy.decisionDays", { level: 3 }),
    recourseWindowDays: t("policy.recourseDays"),
    extensionMaxDays: t("policy.extensionMaxDays"),
    extraClosures: t("policy.extraClosures"),
    providerReferral: t("policy.provider.referral"),
    providerResponseDays: t("policy.provider.responseDays"),
    providerReviewDays: t("policy.provider.reviewDays"),
    clientSilence: t("policy.provider.silence"),
  };
  const stage = providerStageOf(policy);
  return (
    <>
      <AdminNav />
      <h1>{t("policy.title")}</h1>
      <p>{t("policy.intro")}</p>
      <p className="lead">{t("policy.inForce", { version: inForce.version, date: inForce.effectiveFrom })}</p>
      {result?.published ? (
        <p className="notice-success" role="status">
          {t("policy.done", { version: result.published })}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      {/* Keyed on the loader's versions, not the action's answer: the action data arrives before the
          revalidated policy, and a form remounted then would keep the old numbers as typed values. */}
      <Form method="post" noValidate className="stack" key={versions.length}>
        <TextField
          name="effectiveFrom"
          label={labels.effectiveFrom!}
          hint={t("policy.effectiveFrom.hint")}
          required
          errors={errors}
          defaultValue={value("effectiveFrom", today)}
        />
        <SelectField
          name="timeZone"
          label={labels.timeZone!}
          required
          errors={errors}
          defaultValue={value("timeZone", policy.calendar.timeZone)}
          options={POLICY_TIME_ZONES.map((z) => ({ value: z, label: z }))}
        />
        <TextField
          name="acknowledgeDays"
          label={labels.acknowledgeDays!}
          required
          errors={errors}
          defaultValue={value("acknowledgeDays", policy.acknowledgeDays)}
        />
        <TextField
          name="firstResponseDays"
          label={labels.firstResponseDays!}
          required
          errors={errors}
          defaultValue={value("firstResponseDays", policy.firstResponseDays)}
        />
        {decisionLevels.map((l) => (
          <TextField
            key={l.level}
            name={`decisionDays${l.level}`}
            label={labels[`decisionDays${l.level}`]!}
            required
            errors={errors}
            defaultValue={value(`decisionDays${l.level}`, l.decisionDays ?? "")}
          />
        ))}
        <TextField
          name="recourseWindowDays"
          label={labels.recourseWindowDays!}
          required
          errors={errors}
          defaultValue={value("recourseWindowDays", policy.recourseWindowDays)}
        />
        <TextField
          name="extensionMaxDays"
          label={labels.extensionMaxDays!}
          required
          errors={errors}
          defaultValue={value("extensionMaxDays", extensionLimit(policy))}
        />
        <fieldset className="group">
          <legend>{t("policy.closures.legend")}</legend>
          <p className="hint">{t("policy.closures.hint")}</p>
          {OPTIONAL_CLOSURES.map((key) => (
            <div className="choice" key={key}>
              <input
                type="checkbox"
                id={key}
                name={key}
                defaultChecked={result?.values ? values[key] === "on" : policy.calendar.optionalClosures.includes(key)}
              />
              <label htmlFor={key}>{codeText(t, "policy.closure", key)}</label>
            </div>
          ))}
        </fieldset>
        <TextArea
          name="extraClosures"
          label={labels.extraClosures!}
          hint={t("policy.extraClosures.hint")}
          errors={errors}
          rows={4}
          defaultValue={value("extraClosures", policy.calendar.extraClosures.join("\n"))}
        />
        <fieldset className="group" data-testid="provider-stage-policy">
          <legend>{t("policy.provider.legend")}</legend>
          <p className="hint">{t("policy.provider.hint")}</p>
          <SelectField
            name="providerReferral"
            label={labels.providerReferral!}
            required
            errors={errors}
            defaultValue={value("providerReferral", stage.referral)}
            options={PROVIDER_REFERRALS.map((r) => ({ value: r, label: t(`policy.provider.referral.${r}`) }))}
          />
          <TextField
            name="providerResponseDays"
            label={labels.providerResponseDays!}
            required
            errors={errors}
            defaultValue={value("providerResponseDays", stage.responseDays)}
          />
          <TextField
            name="providerReviewDays"
            label={labels.providerReviewDays!}
            required
            errors={errors}
            defaultValue={value("providerReviewDays", stage.reviewWindowDays)}
          />
          <SelectField
            name="clientSilence"
            label={labels.clientSilence!}
            required
            errors={errors}
            defaultValue={value("clientSilence", stage.silence)}
            options={CLIENT_SILENCE.map((s) => ({ value: s, label: t(`policy.provider.silence.${s}`) }))}
          />
          <div className="choice">
            <input
              type="checkbox"
              id="providerStaffCheck"
              name="providerStaffCheck"
              defaultChecked={result?.values ? values.providerStaffCheck === "on" : stage.staffCheck}
            />
            <label htmlFor="providerStaffCheck">{t("policy.provider.staffCheck")}</label>
          </div>
        </fieldset>
        <button type="submit">{t("policy.submit")}</button>
      </Form>
      <h2 id="policy-versions-title">{t("policy.versions")}</h2>
      <DataTable
        labelledBy="policy-versions-title"
        rows={versions}
        rowKey={(v) => v.version}
        columns={[
          { id: "version", header: t("policy.col.version"), rowHeader: true, cell: (v) => v.version },
          { id: "from", header: t("policy.col.from"), cell: (v) => v.effectiveFrom },
          {
            id: "times",
            header: t("policy.col.times"),
            cell: (v) => (
              <>
                {v.policy.acknowledgeDays} / {v.policy.firstResponseDays} /{" "}
                {v.policy.levels
                  .filter((l) => l.decisionDays !== null)
                  .map((l) => l.decisionDays)
                  .join(", ")}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
