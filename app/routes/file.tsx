import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ComplaintFields, complaintFieldLabels } from "../components/complaint-fields";
import { AreaFinder, placeErrors } from "../components/area-finder";
import { ErrorSummary } from "../components/error-summary";
import { SelectField } from "../components/form-fields";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { fileClientComplaint, ministryContact } from "../services/filing.server";
import {
  filingsPerIp,
  isRateLimited,
  RateLimitedError,
  reserveAttemptInWriteTransaction,
} from "../services/rate-limit.server";
import { filingChoices, findAreaByPlace, publicAreaList } from "../services/public-areas.server";
import { formValues, parseForm, type FieldErrors } from "../utils/form";
import { languageOf } from "../utils/language.server";
import { pageTitle } from "../utils/meta";
import { readForm } from "../utils/read-form.server";
import { nameIn } from "../i18n/localized";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { fieldRefused } from "../domain/result";
import { complaintInputSchema } from "../forms/file.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "file.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = context.db;
  const search = new URL(request.url).searchParams;
  // No area is chosen for the client: only one they picked (the list, a place they typed, a link
  // from their area's page) opens the form.
  const areaSlug = search.get("area");
  const choices = areaSlug ? await filingChoices({ db, areaSlug }) : null;
  const answer = choices ? null : await findAreaByPlace(db, search.get("place"));
  const errors: FieldErrors =
    areaSlug !== null && !choices ? { area: { key: "file.area.error" } } : placeErrors(answer);
  return {
    areas: await publicAreaList(db),
    answer,
    errors,
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
  const db = context.db;
  const now = new Date();
  const formData = await readForm(request);
  const ipKey = [`ip:${context.clientIp}`];
  const refused = () =>
    refusalResponse(
      { ...fieldRefused("form", "error.rateLimited"), kind: "too-many" },
      {
        values: formValues(formData),
        done: null,
      },
    );
  // A cheap early refusal (a read); the decision that counts is taken in the filing's own commit.
  if (await isRateLimited(db, filingsPerIp(), ipKey, now)) return refused();
  const parsed = parseForm(complaintInputSchema, formData);
  if (!parsed.ok) return invalidFormResponse(parsed, { values: parsed.values, done: null });
  let result;
  try {
    // Counted and decided inside the filing's write transaction, which runs alone among writers:
    // simultaneous filings cannot all find room under the limit (issue #15).
    result = await fileClientComplaint({
      db,
      complaint: parsed.data,
      now,
      alsoRecord: (trx) => reserveAttemptInWriteTransaction(trx, filingsPerIp(), ipKey, now),
    });
  } catch (error) {
    if (error instanceof RateLimitedError) return refused();
    throw error;
  }
  if (!result.ok) {
    const values = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, String(v ?? "")]));
    return refusalResponse(result, { values, done: null });
  }
  return {
    errors: null,
    values: null,
    done:
      result.kind === "filed"
        ? { ...result, program: parsed.data.program, duplicate: false }
        : {
            kind: result.kind,
            reference: result.reference,
            secret: null,
            emailedTo: null,
            referredOut: false,
            program: null,
            duplicate: true,
          },
  };
}

function AreaStep() {
  const { areas, answer, errors } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("file.title")}</h1>
      <ErrorSummary errors={errors} labels={{ place: t("place.label"), area: t("file.area.title") }} />
      <AreaFinder
        action="/file"
        answer={answer}
        links={(area) => [{ href: `/file?area=${area.slug}`, text: t("place.fileHere") }]}
      />
      <h2 id="area-list-title">{t("file.area.orChoose")}</h2>
      <Form method="get" action="/file" className="stack" aria-labelledby="area-list-title">
        <SelectField
          name="area"
          label={t("file.area.title")}
          required
          errors={errors}
          placeholder={t("file.area.placeholder")}
          options={areas.map((a) => ({ value: a.slug, label: nameIn(a, language) }))}
        />
        <button type="submit">{t("file.area.submit")}</button>
      </Form>
    </>
  );
}

/** Printing needs the browser's print dialog: the button appears once the page can open it. */
function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <p>
      <button type="button" className="secondary" onClick={() => window.print()}>
        {label}
      </button>
    </p>
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
          {t("file.referred.text", {
            program: codeText(t, "program", done.program),
            phone: ministryPhone,
            reference: done.reference,
          })}
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
      <p>{t("file.done.printHelp")}</p>
      <PrintButton label={t("file.done.print")} />
      {done.emailedTo ? <p>{t("file.done.emailSent", { email: done.emailedTo })}</p> : null}
      <p className="no-print">
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
  const areaName = nameIn(chosen, language);
  return (
    <>
      <h1>{t("file.title")}</h1>
      <p>{t("file.intro")}</p>
      <p>
        {t("file.area.chosen", { area: areaName })} <Link to="/file">{t("file.area.change")}</Link>
      </p>
      <ErrorSummary errors={errors} labels={complaintFieldLabels(t)} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="area" value={chosen.slug} />
        <input type="hidden" name="submissionKey" value={values.submissionKey ?? submissionKey} />
        <ComplaintFields
          providers={chosen.providers}
          errors={errors}
          values={values}
          defaultLanguage={defaultLanguage}
        />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("file.submit")}
        </button>
      </Form>
    </>
  );
}
