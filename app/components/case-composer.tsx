import { Form } from "@remix-run/react";
import { TEXT_LIMITS } from "../domain/text-limits";
import { useT } from "../hooks/use-translation";
import type { FieldErrors } from "../utils/form";

/** What the one composer writes (#19), each posted as the staff action of the same name. */
export const COMPOSER_KINDS = ["reply", "note", "request_info"] as const;
export type ComposerKind = (typeof COMPOSER_KINDS)[number];
/** The field each action's schema reads the words from: the composer's one box is copied there. */
export const COMPOSER_FIELDS = { reply: "message", note: "note", request_info: "question" } as const;

export function isComposerKind(intent: unknown): intent is ComposerKind {
  return (COMPOSER_KINDS as readonly unknown[]).includes(intent);
}

/**
 * One box to write in, below the thread: a public reply, an internal note or a question to the
 * person, chosen with radio buttons, sent with one button, so it works without JavaScript. An
 * internal note is drawn differently as soon as it is chosen (CSS :has, no script needed).
 */
export function CaseComposer({
  kinds,
  version,
  loadedAt,
  busy,
  chosen,
  draft,
  errors,
  sentCount,
}: {
  kinds: readonly ComposerKind[];
  version: number;
  loadedAt: string;
  busy: boolean;
  /** The kind to show chosen: the one just refused, else a public reply where allowed. */
  chosen: ComposerKind | null;
  draft?: string;
  errors?: FieldErrors;
  /** Changes each time the composer's post is done, so it comes back empty. */
  sentCount: number;
}) {
  const t = useT();
  const initial = chosen && kinds.includes(chosen) ? chosen : (kinds[0] ?? "note");
  const hints: Record<ComposerKind, string> = {
    reply: t("case.reply.hint"),
    note: t("case.note.hint"),
    request_info: t("case.requestInfo.hint"),
  };
  const labels: Record<ComposerKind, string> = {
    reply: t("case.reply.label"),
    note: t("case.note.label"),
    request_info: t("case.composer.question"),
  };
  const error = errors?.body;
  return (
    <section aria-labelledby="composer-title" className="composer">
      <h2 id="composer-title">{t("case.composer.title")}</h2>
      <Form method="post" key={sentCount}>
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="loadedAt" value={loadedAt} />
        <input type="hidden" name="composer" value="1" />
        <fieldset className="composer__kinds">
          <legend>{t("case.composer.kind")}</legend>
          {kinds.map((k) => (
            <div className="choice" key={k}>
              <input
                type="radio"
                id={`composer-${k}`}
                name="intent"
                value={k}
                defaultChecked={k === initial}
                aria-describedby={`composer-${k}-hint`}
              />
              <label htmlFor={`composer-${k}`}>{labels[k]}</label>
              <p className="hint" id={`composer-${k}-hint`}>
                {hints[k]}
              </p>
            </div>
          ))}
        </fieldset>
        <div className={error ? "field field--error" : "field"}>
          <label htmlFor="body">
            {t("case.composer.body")} <span className="field-flag">({t("file.required")})</span>
          </label>
          {error ? (
            <p className="field-error" id="body-error">
              {t(error.key, error.vars)}
            </p>
          ) : null}
          <textarea
            id="body"
            name="body"
            rows={5}
            defaultValue={draft}
            maxLength={TEXT_LIMITS.message}
            aria-required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "body-error" : undefined}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t("case.composer.submit")}
        </button>
      </Form>
    </section>
  );
}
