import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { invalidFormResponse, refusalResponse } from "../utils/refusal-response.server";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { TextArea } from "../components/form-fields";
import { ATTACHMENT_ACCEPT } from "../components/attachments";
import { TEXT_LIMITS } from "../domain/text-limits";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText, knownKey, type MessageKey } from "../i18n";
import { answerAsProvider, complaintForRespondent } from "../services/provider-stage.server";
import { MAX_ANSWER_FILES } from "../domain/file-type";
import { uploadRefusal } from "../domain/case-refusals";
import { readFormWithUpload } from "../utils/multipart.server";
import { formatDateTime, formatLongDate } from "../utils/format-date";
import { parseForm, type FieldErrors } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { answerSchema } from "../forms/provider-answer.server";

export const meta: MetaFunction = ({ matches, params }) =>
  pageTitle(matches, "respond.case.title", { reference: params.reference ?? "" });

const UPLOAD_REASONS = ["empty", "too_big", "type", "too_many_files"] as const;
function isUploadReason(reason: string): reason is (typeof UPLOAD_REASONS)[number] {
  return (UPLOAD_REASONS as readonly string[]).includes(reason);
}

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
  const upload = await readFormWithUpload(request);
  if (upload.tooBig) return refusalResponse(uploadRefusal("too_big"), { message: null, ok: false });
  const parsed = parseForm(answerSchema, upload.formData);
  if (!parsed.ok) return invalidFormResponse(parsed, { message: null, ok: false });
  const result = await answerAsProvider({
    db: context.db,
    user,
    reference,
    ...parsed.data,
    files: upload.files,
    now: new Date(),
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    if (isUploadReason(result.reason))
      return refusalResponse(uploadRefusal(result.reason), { message: null, ok: false });
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
          {view.files.length ? (
            <>
              <h3>{t("respond.files.yours")}</h3>
              <ul className="plain-list" data-testid="respond-files">
                {view.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/attachments/${f.id}`} download>
                      {f.original_name}
                    </a>{" "}
                    ({t("attach.size", { size: Math.max(1, Math.round(f.size_bytes / 1024)) })})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {view.step === "awaiting_answer" ? (
        <section aria-labelledby="answer-form-title">
          <h2 id="answer-form-title">{t("respond.answer.legend")}</h2>
          {view.answerBy ? <p>{t("respond.answerBy", { date: formatLongDate(view.answerBy, language) })}</p> : null}
          <ErrorSummary
            errors={errors}
            labels={{
              answer: t("respond.answer.label"),
              proposedResolution: t("respond.proposed.label"),
              attachment: t("respond.files.label"),
            }}
          />
          <Form method="post" encType="multipart/form-data" className="stack">
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
            <AnswerFilesField errors={errors} />
            <button type="submit" disabled={busy}>
              {t("respond.answer.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** The answer's files: several may be chosen; each is checked on the server like every upload. */
function AnswerFilesField({ errors }: { errors: FieldErrors }) {
  const t = useT();
  const error = errors.attachment;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor="attachment">{t("respond.files.label")}</label>
      <p className="hint" id="attachment-hint">
        {t("respond.files.hint", { n: MAX_ANSWER_FILES })}
      </p>
      {error ? (
        <p className="field-error" id="attachment-error" role="alert">
          {t(error.key)}
        </p>
      ) : null}
      <input
        id="attachment"
        name="attachment"
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        aria-describedby={error ? "attachment-hint attachment-error" : "attachment-hint"}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
