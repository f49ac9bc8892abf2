import { Form, Link } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { knownKey } from "../i18n";
import { TEXT_LIMITS } from "../domain/text-limits";
import { formatLongDate } from "../utils/format-date";
import type { FieldErrors } from "../utils/form";
import { TextArea } from "./form-fields";

// Issue #18: the filer's page reads like a conversation. "client" speaks to a person about their
// complaint, "provider" to an organization about its dispute; the rules behind each part are the
// same for both, only the words differ.
export type FilerAudience = "client" | "provider";

/** What the filer wrote when they filed, shown back to them. */
export function FiledWords({
  audience,
  description,
  outcomeWanted,
}: {
  audience: FilerAudience;
  description: string;
  outcomeWanted: string;
}) {
  const t = useT();
  if (!description && !outcomeWanted) return null;
  return (
    <section aria-labelledby="told-title" data-testid="filed-words">
      <h2 id="told-title">{t(`conversation.told.title.${audience}`)}</h2>
      <h3>{t(`conversation.told.description.${audience}`)}</h3>
      <p className="pre">{description}</p>
      {outcomeWanted ? (
        <>
          <h3>{t("conversation.told.outcome")}</h3>
          <p className="pre">{outcomeWanted}</p>
        </>
      ) : null}
    </section>
  );
}

/** The one next date, named for the step it belongs to ("we will confirm we received… by"). */
export function NextDate({ audience, next }: { audience: FilerAudience; next: { kind: string; dueAt: string } }) {
  const t = useT();
  const language = useLanguage();
  // A step newer than these words reads as the decision it leads to, never as a bare code.
  const key = knownKey(`conversation.next.${audience}.${next.kind}`, `conversation.next.${audience}.decision`);
  return (
    <section aria-labelledby="next-title">
      <h2 id="next-title">{t("conversation.next.title")}</h2>
      <p>
        <time dateTime={next.dueAt} data-testid="next-date" suppressHydrationWarning>
          {t(key, { date: formatLongDate(next.dueAt, language) })}
        </time>
      </p>
    </section>
  );
}

/** Staff's open question, quoted, with the box that answers it right below. */
export function OpenQuestion({
  question,
  askedAt,
  errors,
  busy,
  formKey,
}: {
  question: string;
  askedAt: string;
  errors: FieldErrors;
  busy: boolean;
  formKey: number;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <section aria-labelledby="asked-title" className="panel" data-testid="open-question">
      <h2 id="asked-title">{t("conversation.asked.title")}</h2>
      <p>{t("conversation.asked.when", { date: formatLongDate(askedAt, language) })}</p>
      <blockquote className="pre">{question}</blockquote>
      <Form method="post" reloadDocument className="stack" key={formKey}>
        <input type="hidden" name="intent" value="add_information" />
        <TextArea
          name="information"
          label={t("conversation.answer.label")}
          hint={t("conversation.answer.hint")}
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
  );
}

/**
 * Withdrawing asks first. The first step is a link (a GET of the same page with ?withdraw=confirm),
 * so the question works without JavaScript; only the second step posts. Links reload the document:
 * /status's access cookie is scoped to that path and a client-side data request would not carry it.
 */
export function WithdrawSection({
  audience,
  confirming,
  busy,
}: {
  audience: FilerAudience;
  confirming: boolean;
  busy: boolean;
}) {
  const t = useT();
  if (!confirming) {
    return (
      <section aria-labelledby="withdraw-title">
        <h2 id="withdraw-title">{t(`conversation.withdraw.title.${audience}`)}</h2>
        <p>{t(`conversation.withdraw.hint.${audience}`)}</p>
        <p>
          <Link to="?withdraw=confirm#withdraw-title" reloadDocument className="button button--secondary">
            {t(`conversation.withdraw.start.${audience}`)}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="withdraw-title" className="panel">
      <h2 id="withdraw-title">{t(`conversation.withdraw.sure.${audience}`)}</h2>
      <p>{t("conversation.withdraw.effect")}</p>
      <Form method="post" reloadDocument className="button-row" action=".">
        <input type="hidden" name="intent" value="withdraw" />
        <button type="submit" disabled={busy}>
          {t(`conversation.withdraw.confirm.${audience}`)}
        </button>{" "}
        <Link to="." reloadDocument>
          {t(`conversation.withdraw.keep.${audience}`)}
        </Link>
      </Form>
    </section>
  );
}
