import { Form, useNavigation } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText, isMessageKey, type MessageKey } from "../i18n";
import { formatDateTime, formatLongDate } from "../utils/format-date";
import type { FieldErrors } from "../utils/form";
import { CaseTimeline } from "./case-timeline";
import { ErrorSummary } from "./error-summary";
import { TextArea } from "./form-fields";
import { Attachments, type AttachmentItem } from "./attachments";
import type { CaseStatus } from "../domain/vocabulary";
import type { TimelineEvent } from "./case-timeline";
import { TEXT_LIMITS } from "../domain/text-limits";
import { ProviderAnswerReview, type ProviderAnswerView } from "./provider-answer-review";
import { FilerRelationNotices, type FilerRelationData } from "./filer-relation-notices";
import { FiledWords, NextDate, OpenQuestion, WithdrawSection, type FilerAudience } from "./filer-conversation";

// Forms post as full pages (reloadDocument): on /status the access cookie is scoped to that path,
// and a data request to /status.data would not carry it.
/** What this view shows of a case; app/services/case-lookup.server.ts's filerCaseView gives it. */
export interface FilerCaseViewData extends FilerRelationData {
  reference: string;
  kind: "client_complaint" | "provider_dispute";
  status: CaseStatus;
  description: string;
  outcomeWanted: string;
  /** The soonest running deadline: the one date the filer is told, named for its step. */
  next: { kind: string; dueAt: string } | null;
  level: number;
  receivedAt: string;
  nextDueAt: string | null;
  recourseDeadlineAt: string | null;
  canAskRecourse: boolean;
  canAct: boolean;
  /** A message is taken at any time; after closing it flags the case for staff (#20). */
  canAddInformation: boolean;
  /** The provider stage, for a client's complaint referred to its provider (issue #17). */
  providerAnswer?: ProviderAnswerView | null;
  attachments: AttachmentItem[];
  events: TimelineEvent[];
}
export interface FilerActionResult {
  errors: FieldErrors | null;
  message: MessageKey | null;
  ok?: boolean;
  /** Why the request was refused (app/utils/refusal-response.server.ts). */
  refused?: MessageKey | null;
}

/**
 * A case as the person who raised it sees it (a client on /status, a provider on its disputes
 * page): status, next deadline in plain words, decision, and what they may do next.
 */
export function FilerCaseView({
  view,
  result,
  attachmentHref,
  closable = false,
  confirmWithdraw = false,
}: {
  view: FilerCaseViewData;
  result: FilerActionResult | undefined;
  attachmentHref: (id: number) => string;
  closable?: boolean;
  /** The page was asked with ?withdraw=confirm: show the confirmation step. */
  confirmWithdraw?: boolean;
}) {
  const audience: FilerAudience = view.kind === "provider_dispute" ? "provider" : "client";
  const t = useT();
  const language = useLanguage();
  const busy = useNavigation().state !== "idle";
  const decision = [...view.events].reverse().find((e) => e.type === "decided");
  const errors = result?.errors ?? {};
  // Staff's open question: the last one asked, while the case waits for the filer's answer.
  const question =
    view.status === "waiting_for_filer"
      ? [...view.events].reverse().find((e) => e.type === "info_requested")
      : undefined;
  return (
    <>
      <h1>{t("case.title", { reference: view.reference })}</h1>
      {result?.message ? (
        <p className={result.ok ? "notice-success" : "error-summary"} role={result.ok ? "status" : "alert"}>
          {t(result.message)}
        </p>
      ) : null}
      {result?.refused ? (
        <p className="error-summary" role="alert">
          {t(result.refused)}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>{t("status.current")}</dt>
        <dd data-testid="case-status">
          {isMessageKey(`filerStatus.${view.status}`)
            ? codeText(t, "filerStatus", view.status)
            : t(`caseStatus.${view.status}`)}
        </dd>
        <dt>{t("conversation.stage")}</dt>
        <dd>{codeText(t, "filerLevel", view.level)}</dd>
        <dt>{t("status.received")}</dt>
        <dd>
          <time dateTime={view.receivedAt} suppressHydrationWarning>
            {formatDateTime(view.receivedAt, language)}
          </time>
        </dd>
      </dl>
      <FiledWords audience={audience} description={view.description} outcomeWanted={view.outcomeWanted} />
      {view.providerAnswer ? <ProviderAnswerReview view={view.providerAnswer} errors={errors} busy={busy} /> : null}
      {question ? (
        <OpenQuestion
          question={question.body ?? ""}
          askedAt={question.created_at}
          errors={errors}
          busy={busy}
          formKey={view.events.length}
        />
      ) : view.status === "waiting_for_filer" ? (
        <p className="panel">{t("status.waiting")}</p>
      ) : null}
      {view.status === "referred_to_ministry" ? <p className="panel">{t("status.ministry")}</p> : null}
      <FilerRelationNotices view={view} />
      {/* The provider's answer names its own date: one date on the page, never two. */}
      {view.next && !view.providerAnswer ? <NextDate audience={audience} next={view.next} /> : null}
      {decision ? (
        <section aria-labelledby="decision-title" className="panel">
          <h2 id="decision-title">{t("status.decision")}</h2>
          <p>
            <strong>
              {codeText(
                t,
                audience === "client" ? "filerOutcome" : "outcome",
                (JSON.parse(decision.data_json ?? "{}") as { outcome?: string }).outcome ?? "",
              )}
            </strong>
          </p>
          <p className="pre">{decision.body}</p>
        </section>
      ) : null}
      <ErrorSummary
        errors={errors}
        labels={{
          information: t("status.addInfo.label"),
          reasons: t("status.recourse.label"),
          answerReasons: t("status.answer.reasons"),
        }}
      />
      {view.canAskRecourse && view.recourseDeadlineAt ? (
        <section aria-labelledby="recourse-title">
          <h2 id="recourse-title">{t("status.recourse.title")}</h2>
          <p>{t("status.recourse.intro", { date: formatLongDate(view.recourseDeadlineAt, language) })}</p>
          <Form method="post" reloadDocument className="stack">
            <input type="hidden" name="intent" value="request_recourse" />
            <TextArea
              name="reasons"
              label={t("status.recourse.label")}
              required
              errors={errors}
              maxLength={TEXT_LIMITS.message}
              rows={4}
            />
            <button type="submit" disabled={busy}>
              {t("status.recourse.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      {view.canAddInformation && !question ? (
        <section aria-labelledby="add-info-title">
          <h2 id="add-info-title">{t("status.addInfo.label")}</h2>
          <Form method="post" reloadDocument className="stack" key={view.events.length}>
            <input type="hidden" name="intent" value="add_information" />
            <TextArea
              name="information"
              label={t("status.addInfo.label")}
              hint={t(
                !view.canAct
                  ? "status.addInfo.afterCloseHint"
                  : audience === "provider"
                    ? "conversation.addInfo.hint.provider"
                    : "status.addInfo.hint",
              )}
              required
              errors={errors}
              maxLength={TEXT_LIMITS.message}
              rows={4}
            />
            <button type="submit" disabled={busy}>
              {t("status.addInfo.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <Attachments
        items={view.attachments}
        hrefFor={attachmentHref}
        errors={errors}
        reloadDocument
        canUpload={view.canAct}
      />
      <h2>{t("status.timeline")}</h2>
      <CaseTimeline events={view.events} staffView={false} filerAudience={audience} />
      {view.canAct ? <WithdrawSection audience={audience} confirming={confirmWithdraw} busy={busy} /> : null}
      {closable ? (
        <Form method="post" reloadDocument className="action-form">
          <input type="hidden" name="intent" value="close" />
          <button type="submit" className="link-button">
            {t("status.signedOut")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
