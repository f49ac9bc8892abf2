import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { CaseTimeline } from "../components/case-timeline";
import { ClockTable } from "../components/clock-table";
import { ErrorSummary } from "../components/error-summary";
import { SelectField, TextArea, TextField } from "../components/form-fields";
import { NoEmailBanner } from "../components/no-email-banner";
import { DECISION_OUTCOMES } from "../domain/case-workflow";
import { CONTACT_OUTCOMES } from "../domain/case-lifecycle-staff";
import { instantAt } from "../domain/time-zone";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { staffCaseChangesSince, staffCaseView } from "../services/case-view.server";
import { performStaffAction, type StaffCommand } from "../services/staff-actions.server";
import { performProviderStageAction } from "../services/provider-stage.server";
import type { SessionUser } from "../services/auth.server";
import { ProviderStagePanel } from "../components/provider-stage-panel";
import { reissueAccessCode } from "../services/case-access.server";
import { attachAsStaff } from "../services/attachments.server";
import { Attachments } from "../components/attachments";
import { readFormWithUpload } from "../utils/multipart.server";
import { formatDateTime } from "../utils/format-date";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { nameIn } from "../i18n/localized";
import { TEXT_LIMITS } from "../domain/text-limits";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { staffActionRefusal, uploadRefusal } from "../domain/case-refusals";
import { ExtendDeadline, IndependentPanel, RelatedCases } from "../components/case-relations";
import { CaseResult } from "../components/case-result";
import { CaseNextStep } from "../components/case-next-step";
import { CaseComposer, COMPOSER_FIELDS, COMPOSER_KINDS, isComposerKind } from "../components/case-composer";
import type { FieldErrors } from "../utils/form";
import { caseRelationsView } from "../services/case-relations-view.server";
import { clearCaseAttention } from "../services/case-attention.server";
import {
  actionSchema,
  type ActionInput,
  loadedAtSchema,
  providerStageSchema,
  clearAttentionSchema,
} from "../forms/case-page.server";

export const meta: MetaFunction = ({ matches, params }) =>
  pageTitle(matches, "case.title", { reference: params.reference ?? "" });

const PROVIDER_STAGE_INTENTS = new Set(["refer", "release_answer", "step_in"]);

async function clearAttentionAction(
  user: SessionUser,
  reference: string,
  formData: FormData,
  db: AppLoadContext["db"],
) {
  const parsed = parseForm(clearAttentionSchema, formData);
  if (!parsed.ok) return invalidFormResponse(parsed, { intent: "clear_attention", done: null, changes: null });
  const result = await clearCaseAttention({ db, user, reference, task: parsed.data.task, note: null, now: new Date() });
  if (!result.ok && result.reason === "not_found") throw notFound();
  if (!result.ok)
    return {
      errors: null,
      intent: "clear_attention",
      done: null,
      refused: "case.attention.notOpen" as const,
      changes: null,
    };
  return {
    errors: null,
    intent: "clear_attention",
    done: "case.attention.done" as const,
    refused: null,
    changes: null,
  };
}

async function providerStageAction(user: SessionUser, reference: string, formData: FormData, db: AppLoadContext["db"]) {
  const parsed = parseForm(providerStageSchema, formData);
  if (!parsed.ok)
    return invalidFormResponse(parsed, { intent: parsed.values.intent ?? null, done: null, changes: null });
  const input = parsed.data;
  const result = await performProviderStageAction({
    db,
    acting: { kind: "staff", user, reference, expectedVersion: input.version },
    command:
      input.intent === "step_in"
        ? { by: "staff", action: "step_in", reason: input.stepInReason }
        : { by: "staff", action: input.intent },
    now: new Date(),
  });
  if (!result.ok)
    return refusalResponse(staffActionRefusal(result.reason), { intent: input.intent, done: null, changes: null });
  return {
    errors: null,
    intent: input.intent,
    done: `case.provider.done.${input.intent}` as const,
    refused: null,
    changes: null,
  };
}

function commandOf(input: ActionInput, now: Date): StaffCommand {
  switch (input.intent) {
    case "take":
      return { action: "take", assigneeId: input.assigneeId };
    case "acknowledge":
    case "close":
      return { action: input.intent };
    case "reopen":
      return { action: "reopen", reason: input.reopenReason };
    case "reply":
      return { action: "reply", message: input.message };
    case "note":
      return { action: "note", message: input.note };
    case "request_info":
      return { action: "request_info", message: input.question };
    case "resume":
      return { action: "resume", reason: input.resumeReason };
    case "escalate":
      return { action: "escalate", reason: input.escalateReason };
    case "decide":
      return { action: "decide", outcome: input.outcome, reasons: input.reasons, panel: input.panel };
    case "record_contact":
      return {
        action: "record_contact",
        contact: {
          channel: input.channel,
          who: input.who,
          at: contactTime(input.at, now),
          summary: input.summary,
          outcome: input.channel === "letter" ? "reached" : input.contactOutcome,
        },
      };
  }
}

/** "2026-11-24T09:30", Toronto time (where the SSMs are), or now when left empty. */
function contactTime(at: string | undefined, now: Date): string {
  const m = at ? /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/.exec(at) : null;
  if (!m) return now.toISOString();
  return instantAt(m[1]!, Number(m[2]) * 60 + Number(m[3]), "America/Toronto").toISOString();
}

// A refused action leaves the case as it was, so no reload is needed, except when the case changed
// meanwhile (409): then the page must show the case as it is now, or every retry is refused again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

/**
 * The composer (#19) posts its one box as `body` beside the kind chosen: copied here to the field
 * that kind's action reads, so a reply, a note and a question keep their own rules and limits.
 */
function composerForm(formData: FormData): FormData {
  const intent = formData.get("intent");
  if (formData.get("composer") === null || !isComposerKind(intent)) return formData;
  const copy = new FormData();
  for (const [key, value] of formData.entries()) if (key !== "body") copy.append(key, value);
  copy.set(COMPOSER_FIELDS[intent], String(formData.get("body") ?? ""));
  return copy;
}

/** The composer's error named after its one box, so the summary's link lands in it. */
function composerErrors<T extends { errors: FieldErrors }>(parsed: T, formData: FormData): T {
  const intent = formData.get("intent");
  if (formData.get("composer") === null || !isComposerKind(intent)) return parsed;
  const { [COMPOSER_FIELDS[intent]]: error, ...rest } = parsed.errors;
  return { ...parsed, errors: error ? { ...rest, body: error } : rest };
}

/** What was typed in the refused form, given back so a stale refusal does not lose it. */
const DRAFT_FIELDS = [
  "body",
  "message",
  "note",
  "question",
  "resumeReason",
  "escalateReason",
  "reopenReason",
  "outcome",
  "reasons",
  "panel",
  "who",
  "at",
  "summary",
] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "case.read");
  const now = new Date();
  const reference = params.reference ?? "";
  const [view, relations] = await Promise.all([
    staffCaseView({ db: context.db, user, reference, now }),
    caseRelationsView({ db: context.db, user, reference, now }),
  ]);
  if (!view || !relations) throw notFound();
  return { ...view, relations };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "case.read");
  const upload = await readFormWithUpload(request);
  if (upload.tooBig || upload.formData.get("intent") === "attach") {
    const attached = upload.tooBig
      ? ({ ok: false, reason: "too_big" } as const)
      : await attachAsStaff({
          db: context.db,
          user,
          reference: params.reference ?? "",
          file: upload.file,
          share: upload.formData.get("share") === "on",
          now: new Date(),
        });
    if (!attached) throw notFound();
    if (!attached.ok) {
      return refusalResponse(uploadRefusal(attached.reason), { intent: "attach", done: null, changes: null });
    }
    return { errors: null, intent: "attach", done: "attach.done" as const, refused: null, changes: null };
  }
  if (PROVIDER_STAGE_INTENTS.has(String(upload.formData.get("intent"))))
    return providerStageAction(user, params.reference ?? "", upload.formData, context.db);
  if (upload.formData.get("intent") === "clear_attention")
    return clearAttentionAction(user, params.reference ?? "", upload.formData, context.db);
  if (upload.formData.get("intent") === "reissue_code") {
    const reissued = await reissueAccessCode({
      db: context.db,
      user,
      reference: params.reference ?? "",
      now: new Date(),
    });
    if (!reissued) throw notFound();
    return { errors: null, intent: "reissue_code", done: null, refused: null, changes: null, newCode: reissued.code };
  }
  const parsed = parseForm(actionSchema, composerForm(upload.formData));
  if (!parsed.ok) {
    return invalidFormResponse(composerErrors(parsed, upload.formData), {
      intent: parsed.values.intent ?? null,
      done: null,
      changes: null,
    });
  }
  const now = new Date();
  const result = await performStaffAction({
    db: context.db,
    user,
    reference: params.reference ?? "",
    expectedVersion: parsed.data.version,
    command: commandOf(parsed.data, now),
    now,
  });
  const intent = parsed.data.intent;
  if (!result.ok) {
    const refusal = staffActionRefusal(result.reason);
    // Show what the other person did, so nobody overwrites a change they have not seen.
    const since = loadedAtSchema.safeParse(upload.formData.get("loadedAt"));
    const changes =
      result.reason === "stale" && since.success
        ? await staffCaseChangesSince({ db: context.db, user, reference: params.reference ?? "", since: since.data })
        : null;
    const draft = Object.fromEntries(
      DRAFT_FIELDS.map((f) => [f, upload.formData.get(f)]).filter(([, v]) => typeof v === "string"),
    );
    return refusalResponse(refusal, { intent, done: null, changes, draft: draft as Record<string, string> });
  }
  return { errors: null, intent, done: `case.done.${intent}` as const, refused: null, changes: null };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * One action's form. Its key changes each time this form is sent and done, so it comes back
 * empty; the other forms keep what is being typed in them while the case reloads.
 */
function ActionForm({
  intent,
  version,
  resetKey,
  children,
}: {
  intent: string;
  version: number;
  resetKey?: number;
  children: ReactNode;
}) {
  const { loadedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [sent, setSent] = useState(0);
  useEffect(() => {
    if (result?.done && result.intent === intent) setSent((n) => n + 1);
  }, [result, intent]);
  return (
    <Form method="post" className="action-form" key={`${intent}-${sent}-${resetKey ?? 0}`}>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="loadedAt" value={loadedAt} />
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}

export default function CasePage() {
  const view = useLoaderData<typeof loader>();
  const { case: c, allowed } = view;
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const language = useLanguage();
  const busy = navigation.state !== "idle";
  const errors: FieldErrors = result?.errors ?? {};
  const errorsFor = (intent: string) => (result?.intent === intent ? errors : undefined);
  const draft = (field: string): string | undefined =>
    result && "draft" in result ? result.draft?.[field] : undefined;
  const can = (a: string) => (allowed as string[]).includes(a);
  const composerKinds = COMPOSER_KINDS.filter(can);
  // The composer comes back empty each time one of its posts is done.
  const [composerSent, setComposerSent] = useState(0);
  useEffect(() => {
    if (result?.done && isComposerKind(result.intent)) setComposerSent((n) => n + 1);
  }, [result]);
  const newCode = result && "newCode" in result ? result.newCode : null;

  return (
    <div className="workspace case-page">
      <h1>{t("case.title", { reference: c.reference })}</h1>
      <p className="status-line">
        <strong data-testid="case-status">{t(`caseStatus.${c.status}`)}</strong> · {t("level.short", { n: c.level })} ·{" "}
        {t(`kind.${c.kind}`)} ·{" "}
        {view.assigneeName ? t("case.assignedTo", { name: view.assigneeName }) : t("case.notAssigned")}
      </p>
      <CaseResult
        result={result}
        done={
          result?.done || newCode ? (
            <>
              {result?.done ? <p className="notice-success">{t(result.done)}</p> : null}
              {newCode ? (
                <p className="notice-success" data-testid="new-access-code">
                  {t("case.accessCode.done", { code: newCode })}
                </p>
              ) : null}
            </>
          ) : null
        }
        refused={
          result?.refused ? (
            <>
              <p>{t(result.refused)}</p>
              {result.changes?.length ? (
                <>
                  <p>{t("case.staleChanges")}</p>
                  <CaseTimeline events={result.changes} staffView />
                </>
              ) : null}
            </>
          ) : null
        }
      />
      {!c.filer_email && c.kind !== "provider_dispute" ? (
        <NoEmailBanner callSince={c.call_filer_since} callFor={view.callFor} timeZone={view.timeZone} />
      ) : null}

      <CaseNextStep
        step={view.nextStep}
        clocks={view.clocks}
        status={c.status}
        holder={view.assigneeName}
        timeZone={view.timeZone}
        acknowledgementAwaitsServer={view.acknowledgementAwaitsServer}
      >
        {can("take") && !view.assigneeName ? (
          <ActionForm intent="take" version={c.version}>
            <button type="submit" disabled={busy}>
              {t("case.take")}
            </button>
          </ActionForm>
        ) : null}
        {can("acknowledge") ? (
          <ActionForm intent="acknowledge" version={c.version}>
            <p className="hint">{c.filer_email ? t("case.acknowledgeHelp") : t("case.acknowledgeHelpNoEmail")}</p>
            <button type="submit" disabled={busy}>
              {t("case.acknowledge")}
            </button>
          </ActionForm>
        ) : null}
      </CaseNextStep>

      {view.attention.length ? (
        <section aria-labelledby="attention-title" className="panel">
          <h2 id="attention-title">{t("queue.attention")}</h2>
          <ul>
            {view.attention.map((task) => (
              <li key={task}>
                {t("queue.attention.afterClose")}{" "}
                <Form method="post" className="action-form">
                  <input type="hidden" name="intent" value="clear_attention" />
                  <input type="hidden" name="task" value={task} />
                  <button type="submit" className="button--secondary" disabled={busy}>
                    {t("case.attention.clearMessage")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="case-layout">
        <div className="case-layout__main">
          <section aria-labelledby="timeline-title" className="thread">
            <h2 id="timeline-title">{t("case.thread.title")}</h2>
            <CaseTimeline
              events={view.events}
              staffView
              opening={
                <>
                  <p className="timeline__meta">
                    <time dateTime={c.received_at} suppressHydrationWarning>
                      {formatDateTime(c.received_at, language, view.timeZone)}
                    </time>
                    {" · "}
                    {t("case.by", { name: c.filer_name })}
                  </p>
                  <p className="timeline__title">{t("case.thread.opening")}</p>
                  <dl className="summary-list">
                    <Field label={t("case.description")}>
                      <span className="pre">{c.description}</span>
                    </Field>
                    <Field label={t("case.outcomeWanted")}>
                      <span className="pre">{c.outcome_wanted}</span>
                    </Field>
                  </dl>
                </>
              }
            />
          </section>

          <ErrorSummary
            errors={errors}
            labels={{
              body: t("case.composer.body"),
              outcome: t("case.decision.outcome"),
              reasons: t("case.decision.reasons"),
              panel: t("case.panel.label"),
              stepInReason: t("case.provider.stepIn.reason"),
              resumeReason: t("case.resume.label"),
              escalateReason: t("case.escalate.label"),
              reopenReason: t("case.reopen.label"),
              channel: t("case.contact.channel"),
              who: t("case.contact.who"),
              at: t("case.contact.at"),
              summary: t("case.contact.summary"),
            }}
          />

          <CaseComposer
            kinds={composerKinds}
            version={c.version}
            loadedAt={view.loadedAt}
            busy={busy}
            chosen={isComposerKind(result?.intent) && !result?.done ? result.intent : null}
            draft={draft("body")}
            errors={isComposerKind(result?.intent) ? errors : undefined}
            sentCount={composerSent}
          />

          {view.providerStage ? (
            <ProviderStagePanel
              stage={view.providerStage}
              version={c.version}
              loadedAt={view.loadedAt}
              busy={busy}
              errors={result?.intent === "step_in" ? errors : undefined}
              respondentName={view.respondent ? nameIn(view.respondent, language) : null}
            />
          ) : null}

          {can("decide") ? (
            <section aria-labelledby="decision-title">
              <h2 id="decision-title">{t("case.decision.legend")}</h2>
              <ActionForm intent="decide" version={c.version}>
                <SelectField
                  name="outcome"
                  label={t("case.decision.outcome")}
                  required
                  errors={errorsFor("decide")}
                  defaultValue={draft("outcome")}
                  placeholder=""
                  options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
                />
                <TextArea
                  name="reasons"
                  defaultValue={draft("reasons")}
                  label={t("case.decision.reasons")}
                  required
                  errors={errorsFor("decide")}
                  maxLength={TEXT_LIMITS.longText}
                  rows={5}
                />
                {view.panelRequired && !view.relations.panel?.sat ? (
                  <TextArea
                    name="panel"
                    defaultValue={draft("panel")}
                    label={t("case.panel.label")}
                    hint={t("case.panel.hint")}
                    required
                    errors={errorsFor("decide")}
                    maxLength={TEXT_LIMITS.reason}
                    rows={3}
                  />
                ) : null}
                <button type="submit" disabled={busy}>
                  {t("case.decision.submit")}
                </button>
              </ActionForm>
            </section>
          ) : null}
        </div>

        <aside className="case-layout__aside" aria-labelledby="details-title">
          <h2 id="details-title">{t("case.aboutCase")}</h2>
          <section aria-labelledby="case-details-title">
            <h3 id="case-details-title">{t("case.details")}</h3>
            <dl className="summary-list summary-list--stacked">
              <Field label={c.kind === "provider_dispute" ? t("case.disputeWith") : t("case.provider")}>
                {view.respondent ? nameIn(view.respondent, language) : t("case.providerUnknown")}
              </Field>
              {c.kind === "provider_dispute" ? (
                <Field label={t("disputes.col.category")}>
                  {c.category ? codeText(t, "category", c.category) : "—"}
                </Field>
              ) : (
                <Field label={t("case.program")}>{c.program ? codeText(t, "program", c.program) : "—"}</Field>
              )}
              <Field label={t("case.channel")}>{t(`channel.${c.channel}`)}</Field>
              <Field label={t("status.received")}>
                <time dateTime={c.received_at} suppressHydrationWarning>
                  {formatDateTime(c.received_at, language, view.timeZone)}
                </time>
              </Field>
            </dl>
          </section>
          <section aria-labelledby="filer-title">
            <h3 id="filer-title">{c.kind === "provider_dispute" ? t("case.raisedBy") : t("case.filer")}</h3>
            <dl className="summary-list summary-list--stacked">
              <Field label={t("case.filerName")}>{c.filer_name}</Field>
              <Field label={t("case.filerContact")}>{[c.filer_email, c.filer_phone].filter(Boolean).join(" · ")}</Field>
              <Field label={t("case.language")}>{c.language === "fr" ? "Français" : "English"}</Field>
              <Field label={t("case.accommodation")}>
                {c.accommodation_needed ? (c.accommodation_details ?? t("file.yes")) : t("case.accommodationNone")}
              </Field>
            </dl>
          </section>
          <Attachments
            items={view.attachments}
            hrefFor={(id) => `/attachments/${id}`}
            errors={errorsFor("attach")}
            canShare
          />
          {view.emails.length ? (
            <section aria-labelledby="emails-title">
              <h3 id="emails-title">{t("case.emails")}</h3>
              <ul aria-labelledby="emails-title" className="plain-list">
                {view.emails.map((e) => (
                  <li key={e.id} className={e.status === "dead" ? "field-error" : undefined}>
                    {codeText(t, "case.emailKind", e.template)} → {e.recipient}: {codeText(t, "case.email", e.status)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>

      <section aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">{t("case.deadlines")}</h2>
        <ClockTable clocks={view.clocks} timeZone={view.timeZone} />
        <p className="meta">
          {t("case.policyVersion", { version: view.policy.version, date: view.policy.effectiveFrom })}
        </p>
        {c.recourse_deadline_at && c.status === "decided" ? (
          <p>{t("case.recourseUntil", { date: formatDateTime(c.recourse_deadline_at, language, view.timeZone) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="actions-title" className="other-actions">
        <h2 id="actions-title">{t("case.otherActions")}</h2>
        <div className="other-actions__grid">
          {can("take") ? (
            <ActionForm intent="take" version={c.version}>
              <SelectField
                name="assigneeId"
                label={t("case.assignTo")}
                required
                options={view.assignable.map((u) => ({ value: String(u.id), label: u.name }))}
              />
              <button type="submit" className="button--secondary" disabled={busy}>
                {t("case.assign.submit")}
              </button>
            </ActionForm>
          ) : null}
          {can("resume") ? (
            <ActionForm intent="resume" version={c.version}>
              <TextArea
                name="resumeReason"
                defaultValue={draft("resumeReason")}
                label={t("case.resume.label")}
                required
                errors={errorsFor("resume")}
                maxLength={TEXT_LIMITS.shortReason}
                rows={2}
              />
              <button type="submit" disabled={busy}>
                {t("case.resume.submit")}
              </button>
            </ActionForm>
          ) : null}
          {can("escalate") ? (
            <ActionForm intent="escalate" version={c.version}>
              <TextArea
                name="escalateReason"
                defaultValue={draft("escalateReason")}
                label={t("case.escalate.label")}
                hint={t("case.escalate.hint")}
                required
                errors={errorsFor("escalate")}
                maxLength={TEXT_LIMITS.reason}
                rows={2}
              />
              <button type="submit" disabled={busy}>
                {t("case.escalate.submit")}
              </button>
            </ActionForm>
          ) : null}
          {can("close") ? (
            <ActionForm intent="close" version={c.version}>
              <p className="hint">{t("case.close.hint")}</p>
              <button type="submit" className="button--secondary" disabled={busy}>
                {t("case.close.submit")}
              </button>
            </ActionForm>
          ) : null}
          {can("reopen") ? (
            <ActionForm intent="reopen" version={c.version}>
              <TextArea
                name="reopenReason"
                defaultValue={draft("reopenReason")}
                label={t("case.reopen.label")}
                required
                errors={errorsFor("reopen")}
                maxLength={TEXT_LIMITS.reason}
                rows={2}
              />
              <button type="submit" disabled={busy}>
                {t("case.reopen.submit")}
              </button>
            </ActionForm>
          ) : null}
          {can("record_contact") ? (
            <ActionForm intent="record_contact" version={c.version} resetKey={view.events.length}>
              <h3>{t("case.contact.title")}</h3>
              <SelectField
                name="channel"
                label={t("case.contact.channel")}
                required
                defaultValue="call"
                options={[
                  { value: "call", label: t("case.contact.channel.call") },
                  { value: "letter", label: t("case.contact.channel.letter") },
                ]}
                errors={errorsFor("record_contact")}
              />
              <TextField
                name="who"
                label={t("case.contact.who")}
                required
                defaultValue={draft("who")}
                errors={errorsFor("record_contact")}
                maxLength={TEXT_LIMITS.shortReason}
              />
              <TextField
                name="at"
                label={t("case.contact.at")}
                hint={t("case.contact.atHint")}
                defaultValue={draft("at")}
                errors={errorsFor("record_contact")}
              />
              <TextArea
                name="summary"
                label={t("case.contact.summary")}
                required
                defaultValue={draft("summary")}
                errors={errorsFor("record_contact")}
                maxLength={TEXT_LIMITS.message}
                rows={3}
              />
              <SelectField
                name="contactOutcome"
                label={t("case.contact.outcome")}
                required
                defaultValue="reached"
                options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(`contact.outcome.${o}`) }))}
                errors={errorsFor("record_contact")}
              />
              <button type="submit" disabled={busy}>
                {t("case.contact.submit")}
              </button>
            </ActionForm>
          ) : null}
          {c.kind !== "provider_dispute" ? (
            <div className="action-form">
              <h3 id="access-code-title">{t("case.accessCode.title")}</h3>
              <p>{t("case.accessCode.help")}</p>
              <Form method="post" aria-labelledby="access-code-title">
                <input type="hidden" name="intent" value="reissue_code" />
                <button type="submit" className="secondary" disabled={busy}>
                  {t("case.accessCode.submit")}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
        {view.relations.extension ? (
          <ExtendDeadline reference={c.reference} version={c.version} extension={view.relations.extension} />
        ) : null}
        {view.relations.panel ? <IndependentPanel reference={c.reference} view={view.relations.panel} /> : null}
        <RelatedCases reference={c.reference} version={c.version} view={view.relations} />
      </section>
    </div>
  );
}
