import { Form } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { TEXT_LIMITS } from "../domain/text-limits";
import { formatLongDate } from "../utils/format-date";
import type { FieldErrors } from "../utils/form";
import { TextArea } from "./form-fields";

export interface ProviderAnswerView {
  step: "awaiting_answer" | "awaiting_client";
  answerBy: string | null;
  answer: {
    body: string;
    proposedResolution: string | null;
    reviewBy: string;
    silence: "close_resolved" | "to_ssm";
    recourseWindowDays: number;
  } | null;
}

/**
 * The client's side of the provider stage on /status (issue #17): while the provider answers, when
 * it must; once it has, the answer and the choice "this resolves it" or "I am not satisfied".
 */
export function ProviderAnswerReview({
  view,
  errors,
  busy,
}: {
  view: ProviderAnswerView;
  errors: FieldErrors;
  busy: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  if (!view.answer) {
    return view.answerBy ? (
      <p className="panel" data-testid="with-provider">
        {t("status.withProvider", { date: formatLongDate(view.answerBy, language) })}
      </p>
    ) : null;
  }
  const a = view.answer;
  return (
    <section aria-labelledby="provider-answer-title" className="panel" data-testid="provider-answer">
      <h2 id="provider-answer-title">{t("status.answer.title")}</h2>
      <p className="pre">{a.body}</p>
      {a.proposedResolution ? (
        <>
          <h3>{t("status.answer.proposed")}</h3>
          <p className="pre">{a.proposedResolution}</p>
        </>
      ) : null}
      <p>
        <strong>{t("status.answer.reviewBy", { date: formatLongDate(a.reviewBy, language) })}</strong>
      </p>
      <p>{t(`status.answer.silence.${a.silence}`, { days: a.recourseWindowDays })}</p>
      <Form method="post" reloadDocument className="stack">
        <fieldset className="group">
          <legend>{t("status.answer.legend")}</legend>
          <TextArea
            name="answerReasons"
            label={t("status.answer.reasons")}
            errors={errors}
            maxLength={TEXT_LIMITS.message}
            rows={3}
          />
          <div className="button-row">
            <button type="submit" name="intent" value="accept_answer" disabled={busy}>
              {t("status.answer.accept")}
            </button>{" "}
            <button type="submit" name="intent" value="refuse_answer" className="button--secondary" disabled={busy}>
              {t("status.answer.refuse")}
            </button>
          </div>
        </fieldset>
      </Form>
    </section>
  );
}
