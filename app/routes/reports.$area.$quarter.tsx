import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ErrorSummary } from "../components/error-summary";
import { TextArea } from "../components/form-fields";
import { ReportFigures } from "../components/report-figures";
import { ReportNarrative, ReportVersionList } from "../components/report-versions";
import { useLanguage, useT } from "../hooks/use-translation";
import { reportAccessFor, saveNarrativeDraft, submitQuarterReport } from "../services/quarter-reports.server";
import { env } from "../utils/env.server";
import { formValues, parseForm } from "../utils/form";
import { formatDate, formatDateTime } from "../utils/format-date";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { loadReportPage } from "../loaders/report-page.server";
import { requirePermission } from "../auth/require-permission.server";
import { readForm } from "../utils/read-form.server";
import { nameIn, localized } from "../i18n/localized";
import { reportFormSchema } from "../forms/quarter-report.server";
import { quarterName } from "../i18n/quarter-name";
import { ReportPrintHeader, reportStyles } from "../components/report-print";

export const links = reportStyles;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.page.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadReportPage(request, params);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "report.submit");
  const db = context.db;
  const areaSlug = params.area ?? "";
  const quarter = params.quarter ?? "";
  const access = await reportAccessFor(db, user, areaSlug);
  if (access?.kind !== "ssm" || !access.canSubmit) throw notFound();
  const formData = await readForm(request);
  const parsed = parseForm(reportFormSchema, formData);
  if (!parsed.ok) return invalidFormResponse(parsed, { values: parsed.values, saved: false, confirm: null });
  const form = parsed.data;
  const narrative = {
    actionsTaken: form.actionsTaken,
    lessonsLearned: form.lessonsLearned,
    systemicIssues: form.systemicIssues,
  };
  const now = new Date();
  if (form.intent === "save") {
    await saveNarrativeDraft({ db, user, areaSlug, quarter, narrative, now });
    return { errors: null, values: null, saved: true, refused: null, confirm: null };
  }
  // Submitting is two steps, in plain forms that work without JavaScript: "review" shows what will
  // be frozen (the figures and the text, carried in hidden fields), only its own button submits.
  if (form.intent === "edit")
    return { errors: null, values: formValues(formData), saved: false, refused: null, confirm: null };
  if (form.intent === "review") {
    const confirm = { ...narrative, amendmentReason: form.amendmentReason, expectedVersion: form.expectedVersion };
    return { errors: null, values: formValues(formData), saved: false, refused: null, confirm };
  }
  const result = await submitQuarterReport({
    db,
    user,
    areaSlug,
    quarter,
    narrative,
    amendmentReason: form.amendmentReason || null,
    expectedVersion: form.expectedVersion,
    threshold: env().SUPPRESSION_THRESHOLD,
    now,
  });
  // The frozen version, as sent: the page then says only what is true of it.
  if (result.ok)
    throw redirect(`/reports/${areaSlug}/${quarter}?version=${result.version}&submitted=${result.version}`);
  return refusalResponse(result, { values: formValues(formData), saved: false, confirm: null });
}

export default function ReportPage() {
  const view = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const ssm = localized(view.area, "ssm", language);
  const areaName = nameIn(view.area, language);
  return (
    <>
      <ReportPrintHeader
        title={t("reports.print.header.report", { ssm, quarter: quarterName(view.quarter, language) })}
      />
      <p className="breadcrumb no-print">
        <Link to={`/reports/${view.area.slug}`}>{t("reports.area.back", { area: areaName })}</Link>
      </p>
      <h1>{t("reports.page.heading", { quarter: quarterName(view.quarter, language), ssm })}</h1>
      {view.kind === "ssm" ? <SsmReport view={view} /> : <MinistryReport view={view} />}
    </>
  );
}

type View = ReturnType<typeof useLoaderData<typeof loader>>;

function SsmReport({ view }: { view: Extract<View, { kind: "ssm" }> }) {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const submitted = params.get("submitted");
  const latest = view.versions.at(-1);
  const confirm = useActionData<typeof action>()?.confirm ?? null;
  return (
    <>
      {submitted ? (
        <p className="notice-success" role="status">
          {t("reports.page.submittedNotice", { version: submitted })}
        </p>
      ) : null}
      <p className="lead" data-testid="report-status">
        {latest
          ? t("reports.page.statusSubmitted", {
              version: latest.version,
              date: formatDateTime(latest.submittedAt, language),
              name: latest.submittedBy,
            })
          : view.ended
            ? t("reports.page.statusDraft", { date: formatDate(view.dueAt, language) })
            : t("reports.page.statusInProgress")}
      </p>
      {view.selected ? (
        <>
          <h2>{t("reports.page.versionHeading", { version: view.selected.version })}</h2>
          <p>
            {t("reports.page.frozen", {
              date: formatDateTime(view.selected.submittedAt, language),
              name: view.selected.submittedBy,
            })}{" "}
            <Link to={`/reports/${view.area.slug}/${view.quarter}`}>
              {view.canSubmit && view.ended ? t("reports.page.correct") : t("reports.page.backToDraft")}
            </Link>
          </p>
          <ReportFigures figures={view.figures} threshold={view.threshold} headingLevel={3} />
          <ReportNarrative narrative={view.selected.narrative} amendmentReason={view.selected.amendmentReason} />
        </>
      ) : confirm && view.canSubmit ? (
        <ConfirmSubmission view={view} confirm={confirm} />
      ) : (
        <>
          <h2>{latest ? t("reports.page.liveHeadingAfter") : t("reports.page.liveHeading")}</h2>
          <p>
            {latest
              ? t("reports.page.liveIntroAfter", {
                  date: formatDateTime(view.computedAt, language),
                  version: latest.version,
                })
              : t("reports.page.liveIntro", { date: formatDateTime(view.computedAt, language) })}
          </p>
          <ReportFigures figures={view.figures} threshold={view.threshold} headingLevel={3} />
          {view.canSubmit ? <NarrativeForm view={view} /> : null}
        </>
      )}
      <ReportVersionList
        area={view.area.slug}
        quarter={view.quarter}
        versions={view.versions}
        selected={view.selected?.version ?? null}
      />
      <ReportDownloads area={view.area.slug} quarter={view.quarter} version={view.selected?.version ?? null} />
    </>
  );
}

function NarrativeForm({ view }: { view: Extract<View, { kind: "ssm" }> }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const values: Record<string, string> = result?.values ?? {};
  const errors = result?.errors ?? {};
  const amending = view.latestVersion > 0;
  const labels: Record<string, string> = {
    actionsTaken: t("reports.form.actionsTaken"),
    lessonsLearned: t("reports.form.lessonsLearned"),
    systemicIssues: t("reports.form.systemicIssues"),
    ...(amending ? { amendmentReason: t("reports.form.amendmentReason") } : {}),
  };
  const value = (name: "actionsTaken" | "lessonsLearned" | "systemicIssues") => values[name] ?? view.narrative[name];
  return (
    <section aria-labelledby="narrative-heading">
      <h2 id="narrative-heading">{amending ? t("reports.form.amendHeading") : t("reports.form.heading")}</h2>
      <p>
        {view.ended ? (amending ? t("reports.form.amendIntro") : t("reports.form.intro")) : t("reports.form.notEnded")}
      </p>
      {result?.saved ? (
        <p className="notice-success" role="status">
          {t("reports.form.saved")}
        </p>
      ) : null}
      {result?.refused ? (
        <p className="notice-error" role="alert">
          {t(result.refused)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate className="stack" key={view.latestVersion}>
        <input type="hidden" name="expectedVersion" value={view.latestVersion} />
        <TextArea
          name="actionsTaken"
          label={labels.actionsTaken!}
          hint={t("reports.form.actionsTaken.hint")}
          required
          errors={errors}
          rows={5}
          defaultValue={value("actionsTaken")}
        />
        <TextArea
          name="lessonsLearned"
          label={labels.lessonsLearned!}
          hint={t("reports.form.lessonsLearned.hint")}
          required
          errors={errors}
          rows={5}
          defaultValue={value("lessonsLearned")}
        />
        <TextArea
          name="systemicIssues"
          label={labels.systemicIssues!}
          hint={t("reports.form.systemicIssues.hint")}
          required
          errors={errors}
          rows={5}
          defaultValue={value("systemicIssues")}
        />
        {amending ? (
          <TextArea
            name="amendmentReason"
            label={labels.amendmentReason!}
            hint={t("reports.form.amendmentReason.hint")}
            required
            errors={errors}
            rows={3}
            defaultValue={values.amendmentReason ?? ""}
          />
        ) : null}
        <div className="button-row">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button--secondary"
            disabled={navigation.state === "submitting"}
          >
            {t("reports.form.save")}
          </button>
          {view.ended ? (
            <button type="submit" name="intent" value="review" disabled={navigation.state === "submitting"}>
              {amending ? t("reports.form.amend") : t("reports.form.submit")}
            </button>
          ) : null}
        </div>
        {view.ended ? <p className="hint">{t("reports.form.submitHint")}</p> : null}
      </Form>
    </section>
  );
}

type Confirm = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>["confirm"]>;

/** What submitting will freeze, shown before anything is sent: the figures, then the text. */
function ConfirmSubmission({ view, confirm }: { view: Extract<View, { kind: "ssm" }>; confirm: Confirm }) {
  const t = useT();
  const navigation = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  const version = view.latestVersion + 1;
  // Announced where the person is looking: the check replaces the form they just used.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="confirm-heading" className="confirm-submission">
      <h2 id="confirm-heading" tabIndex={-1} ref={heading}>
        {t("reports.confirm.heading")}
      </h2>
      <p className="lead">{t("reports.confirm.intro", { version })}</p>
      <h3>{t("reports.confirm.figures")}</h3>
      <ReportFigures figures={view.figures} threshold={view.threshold} headingLevel={3} />
      <ReportNarrative narrative={confirm} amendmentReason={confirm.amendmentReason || null} headingLevel={3} />
      <Form method="post" className="button-row">
        <input type="hidden" name="expectedVersion" value={confirm.expectedVersion} />
        <input type="hidden" name="actionsTaken" value={confirm.actionsTaken} />
        <input type="hidden" name="lessonsLearned" value={confirm.lessonsLearned} />
        <input type="hidden" name="systemicIssues" value={confirm.systemicIssues} />
        <input type="hidden" name="amendmentReason" value={confirm.amendmentReason} />
        <button type="submit" name="intent" value="submit" disabled={navigation.state === "submitting"}>
          {t("reports.confirm.submit", { version })}
        </button>
        <button type="submit" name="intent" value="edit" className="button--secondary">
          {t("reports.confirm.back")}
        </button>
      </Form>
    </section>
  );
}

function MinistryReport({ view }: { view: Extract<View, { kind: "ministry" }> }) {
  const t = useT();
  const language = useLanguage();
  const selected = view.selected;
  if (!selected) {
    return (
      <p className="lead" data-testid="report-status">
        {t("reports.page.notSubmitted", { date: formatDate(view.dueAt, language) })}
      </p>
    );
  }
  return (
    <>
      <p className="lead" data-testid="report-status">
        {t("reports.page.ministryStatus", {
          version: selected.version,
          date: formatDateTime(selected.submittedAt, language),
        })}
      </p>
      <ReportFigures figures={selected.figures} threshold={view.threshold} headingLevel={3} />
      <ReportNarrative narrative={selected.narrative} amendmentReason={selected.amendmentReason} />
      <ReportVersionList
        area={view.area.slug}
        quarter={view.quarter}
        versions={view.versions}
        selected={selected.version}
        threshold={view.threshold}
      />
      <ReportDownloads area={view.area.slug} quarter={view.quarter} version={selected.version} />
    </>
  );
}

function ReportDownloads({ area, quarter, version }: { area: string; quarter: string; version: number | null }) {
  const t = useT();
  const suffix = version === null ? "" : `?version=${version}`;
  const csv = new URLSearchParams({
    view: "report",
    area,
    quarter,
    ...(version === null ? {} : { version: String(version) }),
  });
  return (
    <section aria-labelledby="downloads-heading" className="no-print">
      <h2 id="downloads-heading">{t("reports.downloads")}</h2>
      <ul>
        <li>
          <Link to={`/reports/${area}/${quarter}/print${suffix}`}>{t("reports.printable")}</Link>
        </li>
        <li>
          <a href={`/reports/export.csv?${csv.toString()}`} download>
            {t("reports.csv.report")}
          </a>
        </li>
      </ul>
    </section>
  );
}
