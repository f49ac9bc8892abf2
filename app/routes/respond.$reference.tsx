import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { invalidFormResponse } from "../utils/refusal-response.server";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { TextArea } from "../components/form-fields";
import { TEXT_LIMITS } from "../domain/text-limits";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText, knownKey, type MessageKey } from "../i18n";
import { complaintForRespondent, performProviderStageAction } from "../services/provider-stage.server";
import { formatDateTime, formatLongDate } from "../utils/format-date";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { answerSchema } from "../forms/provider-answer.server";

export const meta: MetaFunction = ({ matches, params }) =>
  pageTitle(matches, "respond.case.title", { reference: params.reference ?? "" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "complaint.respond");
  const view = await complaintForRespondent({
    db: context.db,
    user,
    reference: params.reference ?? "",
    now: new Date(),
  });
  if (!view) throw notFound();
  return view;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "complaint.respond");
  const reference = params.reference ?? "";
  // A complaint outside the provider's scope is not found, whatever the form holds.
  if (!(await complaintForRespondent({ db: context.db, user, reference, now: new Date() }))) throw notFound();
  const parsed = parseForm(answerSchema, await request.formData());
  if (!parsed.ok) return invalidFormResponse(parsed, { message: null, ok: false });
  const result = await performProviderStageAction({
    db: context.db,
    acting: { kind: "provider", user, reference },
    command: { by: "provider", action: "answer", ...parsed.data },
    now: new Date(),
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    const message = knownKey(`case.refused.${result.reason}`, "error.generic");
    return data({ errors: null, message, ok: false }, { status: 409 });
  }
  const done: MessageKey = "respond.answer.done";
  return { errors: null, message: done, ok: true };
}

export default function RespondCasePage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const language = useLanguage();
  const c = view.complaint;
  const errors = result?.errors ?? {};
  return (
    <>
      <p>
        <Link to="/respond">{t("respond.title")}</Link>
      </p>
      <h1>{t("respond.case.title", { reference: c.reference })}</h1>
      {result?.message ? (
        <p className={result.ok ? "notice-success" : "error-summary"} role={result.ok ? "status" : "alert"}>
          {t(result.message)}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>{t("respond.col.stage")}</dt>
        <dd data-testid="respond-step">{t(`respond.step.${view.step}`)}</dd>
        <dt>{t("respond.col.received")}</dt>
        <dd>
          <time dateTime={c.receivedAt} suppressHydrationWarning>
            {formatDateTime(c.receivedAt, language, view.timeZone)}
          </time>
        </dd>
        <dt>{t("respond.program")}</dt>
        <dd>{c.program ? codeText(t, "program", c.program) : "—"}</dd>
        <dt>{t("respond.client")}</dt>
        <dd data-testid="respond-client">
          {c.client
            ? [c.client.name, c.client.email, c.client.phone].filter(Boolean).join(" · ")
            : t("respond.client.withheld")}
        </dd>
        <dt>{t("respond.facts")}</dt>
        <dd className="pre">{c.description}</dd>
        <dt>{t("respond.outcomeWanted")}</dt>
        <dd className="pre">{c.outcomeWanted}</dd>
      </dl>
      {view.answer ? (
        <section aria-labelledby="answer-title" className="panel">
          <h2 id="answer-title">{t("respond.answer.yours")}</h2>
          <p className="pre">{view.answer.body}</p>
          {view.answer.proposedResolution ? (
            <p className="pre">
              {t("status.answer.proposed")}: {view.answer.proposedResolution}
            </p>
          ) : null}
        </section>
      ) : null}
      {view.step === "awaiting_answer" ? (
        <section aria-labelledby="answer-form-title">
          <h2 id="answer-form-title">{t("respond.answer.legend")}</h2>
          {view.answerBy ? <p>{t("respond.answerBy", { date: formatLongDate(view.answerBy, language) })}</p> : null}
          <ErrorSummary
            errors={errors}
            labels={{ answer: t("respond.answer.label"), proposedResolution: t("respond.proposed.label") }}
          />
          <Form method="post" className="stack">
            <TextArea
              name="answer"
              label={t("respond.answer.label")}
              required
              errors={errors}
              maxLength={TEXT_LIMITS.message}
              rows={6}
            />
            <TextArea
              name="proposedResolution"
              label={t("respond.proposed.label")}
              hint={t("respond.proposed.hint")}
              errors={errors}
              maxLength={TEXT_LIMITS.reason}
              rows={3}
            />
            <button type="submit" disabled={busy}>
              {t("respond.answer.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
