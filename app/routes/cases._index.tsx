import { markSurveyReviewDone, openSurveyReviews } from "../services/satisfaction-survey.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { parseForm } from "../utils/form";
import { readForm } from "../utils/read-form.server";
import { invalidFormResponse } from "../utils/refusal-response.server";
import { SelectField, TextField } from "../components/form-fields";
import { DISPUTE_CATEGORIES } from "../domain/dispute-categories";
import { IN_SCOPE_PROGRAMS, MINISTRY_RETAINED_PROGRAMS } from "../domain/programs";
import { CASE_STATUSES, QUEUE_SHOW, filtersToSearch } from "../domain/queue-search";
import type { DueStep } from "../domain/queue-due-step";
import type { Translate } from "../i18n";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { staffQueue } from "../services/case-queue.server";
import { providerStageOverview } from "../services/provider-stage.server";
import { ProviderStageOverview } from "../components/provider-stage-overview";
import { formatDate, formatDateTime } from "../utils/format-date";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { quarterName } from "../i18n/quarter-name";
import { requirePermission } from "../auth/require-permission.server";
import { nameIn, localized } from "../i18n/localized";
import { DataTable } from "../components/data-table";
import { parseQueueFilters, surveyReviewDoneSchema } from "../forms/case-queue.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "cases.title", { org: data?.organization.name_en ?? "" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "case.read");
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  const now = new Date();
  const [queue, providerStage, surveyReviews] = await Promise.all([
    staffQueue({ db: context.db, user, filters, now }),
    providerStageOverview({ db: context.db, user, now }),
    openSurveyReviews({ db: context.db, user }),
  ]);
  if (!queue) throw notFound();
  return { ...queue, filters, providerStage: providerStage ?? [], surveyReviews };
}

/** A manager marks a survey review task done (#20); anyone else, or a task done already, gets 404. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "report.submit");
  const parsed = parseForm(surveyReviewDoneSchema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { done: false });
  const result = await markSurveyReviewDone({ db: context.db, user, taskId: parsed.data.taskId, now: new Date() });
  if (!result.ok) throw notFound();
  return { errors: null, done: true };
}

/** "decision, level 2", in the reader's words: never the clock's code. */
function dueStepText(t: Translate, step: DueStep): string {
  return step.kind === "decision" ? t("queue.step.decision", { level: step.level }) : t(`queue.step.${step.kind}`);
}

export default function CaseQueue() {
  const {
    organization,
    rows,
    timeZone,
    counts,
    providers,
    nextCursor,
    filters,
    providerStage,
    attention,
    surveyReviews,
  } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const reviewed = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const any = { value: "", label: t("queue.any") };
  const filtered = Object.entries(filters).some(
    ([k, v]) => k !== "after" && v !== undefined && !(k === "show" && v === "open"),
  );
  return (
    <div className="workspace">
      <h1>{t("cases.title", { org: nameIn(organization, language) })}</h1>
      <p>
        <Link to="/cases/new">{t("queue.intake")}</Link> · <Link to="/mail-review">{t("mailReview.title")}</Link>
      </p>
      {attention.length > 0 ? (
        <section aria-labelledby="attention-title">
          <h2 id="attention-title">{t("queue.attention")}</h2>
          <ul>
            {attention.map((a) => (
              <li key={a.reference}>
                <Link to={`/cases/${encodeURIComponent(a.reference)}`}>{a.reference}</Link> ({a.filer_name}):{" "}
                {[
                  a.message_after_close_at ? t("queue.attention.afterClose") : null,
                  a.call_filer_since ? t("queue.attention.callFiler") : null,
                ]
                  .filter(Boolean)
                  .join(" ")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {surveyReviews.length > 0 ? (
        <section aria-labelledby="survey-reviews-title">
          <h2 id="survey-reviews-title">{t("queue.surveyReviews")}</h2>
          <p className="hint">{t("queue.surveyReviews.hint")}</p>
          {reviewed?.done ? (
            <p className="notice-success" role="status">
              {t("queue.surveyReviews.doneNotice")}
            </p>
          ) : null}
          <ul>
            {surveyReviews.map((r) => (
              <li key={r.id}>
                {t("queue.surveyReviews.item", {
                  quarter: quarterName(r.quarter, language),
                  fair: r.fair,
                  timely: r.timely,
                })}
                {r.reference ? (
                  <>
                    {" "}
                    <Link to={`/cases/${encodeURIComponent(r.reference)}`}>{r.reference}</Link>
                  </>
                ) : null}{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="survey_review_done" />
                  <input type="hidden" name="taskId" value={r.id} />
                  <button
                    type="submit"
                    disabled={busy}
                    aria-label={t("queue.surveyReviews.doneLabel", {
                      quarter: quarterName(r.quarter, language),
                      fair: r.fair,
                      timely: r.timely,
                    })}
                  >
                    {t("queue.surveyReviews.done")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 id="counts-title">{t("queue.counts")}</h2>
      <ul className="count-list" aria-labelledby="counts-title">
        {CASE_STATUSES.filter((s) => counts[s]).map((s) => (
          <li key={s}>
            <Link to={filtersToSearch({ status: s })}>
              {t(`caseStatus.${s}`)}: <strong>{counts[s]}</strong>
            </Link>
          </li>
        ))}
      </ul>

      {/* Open cases by default (#19); the finished ones one click away, keeping the other filters. */}
      <nav aria-label={t("queue.show.label")} className="queue-show">
        <ul>
          {QUEUE_SHOW.map((show) => (
            <li key={show}>
              <Link
                to={`/cases${filtersToSearch({ ...filters, show })}`}
                aria-current={filters.show === show && !filters.status ? "page" : undefined}
              >
                {t(`queue.show.${show}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <details className="filters" open={filtered}>
        <summary>{t("queue.filters")}</summary>
        {/* Keyed by the filters: after Back or a count link, the fields show the list's filters, not the last ones typed. */}
        <Form method="get" className="filter-grid" key={filtersToSearch(filters)}>
          <SelectField
            name="status"
            label={t("queue.status")}
            defaultValue={filters.status ?? ""}
            options={[any, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))]}
          />
          <SelectField
            name="level"
            label={t("queue.level")}
            defaultValue={filters.level ? String(filters.level) : ""}
            options={[any, ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t("level.short", { n }) }))]}
          />
          <SelectField
            name="kind"
            label={t("queue.kind")}
            defaultValue={filters.kind ?? ""}
            options={[
              any,
              { value: "client_complaint", label: t("kind.client_complaint") },
              { value: "provider_dispute", label: t("kind.provider_dispute") },
            ]}
          />
          <SelectField
            name="program"
            label={t("queue.program")}
            defaultValue={filters.program ?? ""}
            options={[
              any,
              ...[...IN_SCOPE_PROGRAMS, ...MINISTRY_RETAINED_PROGRAMS].map((p) => ({
                value: p,
                label: codeText(t, "program", p),
              })),
            ]}
          />
          <SelectField
            name="category"
            label={t("queue.category")}
            defaultValue={filters.category ?? ""}
            options={[any, ...DISPUTE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
          />
          <SelectField
            name="provider"
            label={t("queue.provider")}
            defaultValue={filters.provider ? String(filters.provider) : ""}
            options={[any, ...providers.map((p) => ({ value: String(p.id), label: nameIn(p, language) }))]}
          />
          <SelectField
            name="assignee"
            label={t("queue.assignee")}
            defaultValue={filters.assignee ?? ""}
            options={[
              any,
              { value: "me", label: t("queue.assignee.me") },
              { value: "unassigned", label: t("queue.assignee.unassigned") },
            ]}
          />
          <SelectField
            name="clock"
            label={t("queue.clock")}
            defaultValue={filters.clock ?? ""}
            options={[
              any,
              { value: "overdue", label: t("queue.clock.overdue") },
              { value: "due_soon", label: t("queue.clock.due_soon") },
            ]}
          />
          <TextField name="from" label={t("queue.from")} defaultValue={filters.from ?? ""} />
          <TextField name="to" label={t("queue.to")} defaultValue={filters.to ?? ""} />
          <TextField name="q" label={t("queue.q")} defaultValue={filters.q ?? ""} />
          <div className="filter-actions">
            <button type="submit">{t("queue.apply")}</button> <Link to="/cases">{t("queue.clear")}</Link>
          </div>
        </Form>
      </details>

      {rows.length > 0 ? (
        <p>
          {/* A plain link, not <Link>: the file comes from a resource route, not a page of the app. */}
          <a href={`/cases/export.csv${filtersToSearch(filters)}`} download aria-describedby="export-hint">
            {t("cases.export")}
          </a>{" "}
          <span id="export-hint" className="meta">
            {t("cases.export.hint")}
          </span>
        </p>
      ) : null}
      <DataTable
        caption={t("nav.cases")}
        captionHidden
        empty={filtered ? t("queue.none") : t("cases.empty")}
        rows={rows}
        rowKey={(r) => r.reference}
        rowClassName={(r) => (r.overdue ? "row--overdue" : undefined)}
        columns={[
          {
            id: "reference",
            header: t("cases.col.reference"),
            rowHeader: true,
            cell: (r) => (
              <>
                <Link to={`/cases/${r.reference}`}>{r.reference}</Link>
                <br />
                <span className="meta">{r.filer_name}</span>
              </>
            ),
          },
          {
            id: "nextDue",
            header: t("cases.col.nextDue"),
            cell: (r) => (
              <>
                {r.next_due_at ? (
                  <span data-testid="due-step">
                    {r.dueStep ? `${dueStepText(t, r.dueStep)} — ` : null}
                    <time
                      dateTime={r.next_due_at}
                      title={formatDateTime(r.next_due_at, language, timeZone)}
                      suppressHydrationWarning
                    >
                      {formatDate(r.next_due_at, language, timeZone)}
                    </time>
                  </span>
                ) : (
                  "—"
                )}
                {r.overdue ? <strong className="badge badge--overdue"> {t("cases.overdue")}</strong> : null}
                {r.dueSoon ? <strong className="badge badge--soon"> {t("cases.dueSoon")}</strong> : null}
              </>
            ),
          },
          { id: "status", header: t("cases.col.status"), cell: (r) => t(`caseStatus.${r.status}`) },
          { id: "level", header: t("cases.col.level"), cell: (r) => r.level },
          {
            id: "provider",
            header: t("cases.col.provider"),
            cell: (r) => localized(r, "respondent_name", language) ?? t("case.providerUnknown"),
          },
          {
            id: "received",
            header: t("cases.col.received"),
            cell: (r) => (
              <time dateTime={r.received_at} suppressHydrationWarning>
                {formatDate(r.received_at, language, timeZone)}
              </time>
            ),
          },
          { id: "assignee", header: t("cases.col.assignee"), cell: (r) => r.assignee_name ?? t("cases.unassigned") },
        ]}
      />
      <p className="pager">
        {filters.after ? <Link to={filtersToSearch(filters)}>{t("queue.first")}</Link> : null}{" "}
        {nextCursor ? (
          <Link to={filtersToSearch(filters, { after: nextCursor })} rel="next">
            {t("queue.next")}
          </Link>
        ) : null}
      </p>
      <ProviderStageOverview rows={providerStage} />
    </div>
  );
}
