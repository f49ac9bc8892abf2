import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { RadioGroup, SelectField, TextArea, TextField } from "../components/form-fields";
import { complaintInputSchema, TEXT_LIMITS } from "../domain/complaint-input";
import { CLIENT_GROUPS } from "../domain/client-groups";
import { IN_SCOPE_PROGRAMS, MINISTRY_RETAINED_PROGRAMS } from "../domain/programs";
import { useLanguage, useT } from "../hooks/use-translation";
import type { MessageKey, Translate } from "../i18n";
import { fileClientComplaint, ministryContact } from "../services/filing.server";
import { countAttempt, filingsPerIp, isRateLimited } from "../services/rate-limit.server";
import { filingChoices, listCatchmentAreas } from "../services/public-areas.server";
import { getDb } from "../utils/db.server";
import { parseForm, type FieldErrors } from "../utils/form";
import { languageOf } from "../utils/language.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "file.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const areaSlug = new URL(request.url).searchParams.get("area");
  const choices = areaSlug ? await filingChoices({ db, areaSlug }) : null;
  const areas = (await listCatchmentAreas(db)).map((a) => ({ slug: a.slug, name_en: a.name_en, name_fr: a.name_fr }));
  return {
    areas,
    chosen: choices
      ? {
          slug: choices.area.slug,
          name_en: choices.area.name_en,
          name_fr: choices.area.name_fr,
          providers: choices.providers.map((p) => ({ id: p.id, name_en: p.name_en, name_fr: p.name_fr })),
        }
      : null,
    // One key per form shown: submitting the same form twice files one complaint, not two.
    submissionKey: crypto.randomUUID(),
    defaultLanguage: languageOf(request),
    ministryPhone: (await ministryContact(db)).phone,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getDb();
  const now = new Date();
  const formData = await request.formData();
  const ipKey = [`ip:${context.clientIp}`];
  if (await isRateLimited(db, filingsPerIp(), ipKey, now)) {
    const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
    const errors: FieldErrors = { form: { key: "error.rateLimited" } };
    return data({ errors, values, done: null }, { status: 429 });
  }
  const parsed = parseForm(complaintInputSchema, formData);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, done: null }, { status: 400 });
  const result = await fileClientComplaint({ db, complaint: parsed.data, now });
  if (result.kind === "filed") await countAttempt(db, filingsPerIp(), ipKey, now);
  if (result.kind === "invalid") {
    const values = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, String(v ?? "")]));
    const errors: FieldErrors = { [result.field]: { key: result.message } };
    return data({ errors, values, done: null }, { status: 400 });
  }
  return {
    errors: null,
    values: null,
    done:
      result.kind === "filed"
        ? { ...result, program: parsed.data.program, duplicate: false }
        : { kind: result.kind, reference: result.reference, secret: null, emailedTo: null, referredOut: false, program: null, duplicate: true },
  };
}

function fieldLabels(t: Translate): Record<string, string> {
  return {
    provider: t("file.provider.label"),
    program: t("file.program.label"),
    description: t("file.description.label"),
    outcomeWanted: t("file.outcome.label"),
    name: t("file.name.label"),
    email: t("file.email.label"),
    phone: t("file.phone.label"),
    language: t("file.language.legend"),
    accommodation: t("file.accommodation.legend"),
    accommodationDetails: t("file.accommodation.details"),
    ...Object.fromEntries(CLIENT_GROUPS.map((g) => [`group_${g}`, t(`group.${g}`)])),
    consent: t("file.consent.label"),
    area: t("file.area.label"),
    website: t("file.honeypot"),
    form: "",
  };
}

function AreaStep() {
  const { areas } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("file.title")}</h1>
      <Form method="get" className="stack">
        <SelectField
          name="area"
          label={t("file.area.title")}
          required
          options={areas.map((a) => ({ value: a.slug, label: language === "fr" ? a.name_fr : a.name_en }))}
        />
        <button type="submit">{t("file.area.submit")}</button>
      </Form>
    </>
  );
}

function Done({ done }: { done: NonNullable<ReturnType<typeof useActionData<typeof action>>>["done"] }) {
  const t = useT();
  const { ministryPhone } = useLoaderData<typeof loader>();
  if (!done) return null;
  if (!done.duplicate && done.referredOut && done.program) {
    return (
      <>
        <h1>{t("file.referred.title")}</h1>
        <p className="panel" role="status">
          {t("file.referred.text", { program: t(`program.${done.program}` as MessageKey), phone: ministryPhone, reference: done.reference })}
        </p>
        <p>
          <a className="button" href={`tel:${ministryPhone}`}>
            {ministryPhone}
          </a>
        </p>
      </>
    );
  }
  if (done.duplicate) {
    return (
      <>
        <h1>{t("file.done.title")}</h1>
        <p role="status">{t("file.duplicate", { reference: done.reference })}</p>
        <p>
          <Link to={`/status?reference=${done.reference}`}>{t("file.done.next")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("file.done.title")}</h1>
      <div className="panel" role="status">
        <dl className="credentials">
          <dt>{t("file.done.reference")}</dt>
          <dd data-testid="reference">{done.reference}</dd>
          <dt>{t("file.done.secret")}</dt>
          <dd data-testid="secret" className="secret">
            {done.secret}
          </dd>
        </dl>
      </div>
      <p>
        <strong>{t("file.done.keep")}</strong>
      </p>
      {done.emailedTo ? <p>{t("file.done.emailSent", { email: done.emailedTo })}</p> : null}
      <p>
        <Link className="button" to={`/status?reference=${done.reference}`}>
          {t("file.done.next")}
        </Link>
      </p>
    </>
  );
}

export default function FilePage() {
  const { chosen, submissionKey, defaultLanguage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const language = useLanguage();
  if (result?.done) return <Done done={result.done} />;
  if (!chosen) return <AreaStep />;
  const errors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const areaName = language === "fr" ? chosen.name_fr : chosen.name_en;
  return (
    <>
      <h1>{t("file.title")}</h1>
      <p>{t("file.intro")}</p>
      <p>
        {t("file.area.chosen", { area: areaName })} <Link to="/file">{t("file.area.change")}</Link>
      </p>
      <ErrorSummary errors={errors} labels={fieldLabels(t)} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="area" value={chosen.slug} />
        <input type="hidden" name="submissionKey" value={values.submissionKey ?? submissionKey} />
        <SelectField
          name="provider"
          label={t("file.provider.label")}
          required
          errors={errors}
          defaultValue={values.provider ?? ""}
          placeholder=""
          options={[
            ...chosen.providers.map((p) => ({ value: String(p.id), label: language === "fr" ? p.name_fr : p.name_en })),
            { value: "unknown", label: t("file.provider.unknown") },
          ]}
        />
        <SelectField
          name="program"
          label={t("file.program.label")}
          required
          errors={errors}
          defaultValue={values.program ?? ""}
          placeholder=""
          options={[]}
          optionGroups={[
            { label: t("file.program.inScope"), options: IN_SCOPE_PROGRAMS.map((p) => ({ value: p, label: t(`program.${p}`) })) },
            { label: t("file.program.retained"), options: MINISTRY_RETAINED_PROGRAMS.map((p) => ({ value: p, label: t(`program.${p}`) })) },
          ]}
        />
        <TextArea
          name="description"
          label={t("file.description.label")}
          hint={t("file.description.hint")}
          required
          errors={errors}
          maxLength={TEXT_LIMITS.description}
          defaultValue={values.description}
          rows={7}
        />
        <TextArea
          name="outcomeWanted"
          label={t("file.outcome.label")}
          required
          errors={errors}
          maxLength={TEXT_LIMITS.outcomeWanted}
          defaultValue={values.outcomeWanted}
          rows={3}
        />
        <TextField name="name" label={t("file.name.label")} required errors={errors} maxLength={TEXT_LIMITS.name} autoComplete="name" defaultValue={values.name} />
        <fieldset className="group">
          <legend>{t("file.contact.legend")}</legend>
          <p className="hint">{t("file.contact.hint")}</p>
          <TextField name="email" type="email" label={t("file.email.label")} errors={errors} maxLength={254} autoComplete="email" defaultValue={values.email} />
          <TextField name="phone" type="tel" label={t("file.phone.label")} errors={errors} maxLength={25} autoComplete="tel" defaultValue={values.phone} />
        </fieldset>
        <RadioGroup
          name="language"
          label={t("file.language.legend")}
          required
          errors={errors}
          defaultValue={values.language ?? defaultLanguage}
          options={[
            { value: "en", label: "English" },
            { value: "fr", label: "Français" },
          ]}
        />
        <RadioGroup
          name="accommodation"
          label={t("file.accommodation.legend")}
          hint={t("file.accommodation.hint")}
          required
          errors={errors}
          defaultValue={values.accommodation ?? "no"}
          options={[
            { value: "no", label: t("file.no") },
            { value: "yes", label: t("file.yes") },
          ]}
        >
          <TextArea
            name="accommodationDetails"
            label={t("file.accommodation.details")}
            errors={errors}
            maxLength={TEXT_LIMITS.accommodationDetails}
            defaultValue={values.accommodationDetails}
            rows={2}
          />
        </RadioGroup>
        <fieldset className="group">
          <legend>{t("file.groups.legend")}</legend>
          <p className="hint">{t("file.groups.hint")}</p>
          {CLIENT_GROUPS.map((g) => (
            <RadioGroup
              key={g}
              name={`group_${g}`}
              label={t(`group.${g}`)}
              errors={errors}
              defaultValue={values[`group_${g}`] ?? "unsaid"}
              options={[
                { value: "yes", label: t("file.groups.yes") },
                { value: "no", label: t("file.groups.no") },
                { value: "unsaid", label: t("file.groups.unsaid") },
              ]}
            />
          ))}
        </fieldset>
        {/* Not shown to people (display: none); form-filling bots fill it and are refused. */}
        <div hidden>
          <label htmlFor="website">{t("file.honeypot")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <section className="notice" aria-labelledby="notice-title">
          <h2 id="notice-title">{t("file.notice.title")}</h2>
          <p>{t("file.notice.text")}</p>
        </section>
        <div className={errors.consent ? "field field--error" : "field"}>
          {errors.consent ? (
            <p className="field-error" id="consent-error">
              {t(errors.consent.key)}
            </p>
          ) : null}
          <div className="choice">
            <input
              type="checkbox"
              id="consent"
              name="consent"
              aria-describedby={errors.consent ? "consent-error" : undefined}
              aria-invalid={errors.consent ? true : undefined}
              defaultChecked={values.consent === "on"}
            />
            <label htmlFor="consent">{t("file.consent.label")}</label>
          </div>
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("file.submit")}
        </button>
      </Form>
    </>
  );
}
