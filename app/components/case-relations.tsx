import { Link, useActionData, useFetcher, useParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CASE_LINK_KINDS } from "../domain/vocabulary";
import { useT } from "../hooks/use-translation";
import { codeText, type MessageKey, type Translate } from "../i18n";
import type { FieldErrors } from "../utils/form";
import { SelectField, TextArea, TextField } from "./form-fields";
import { ErrorSummary } from "./error-summary";

// Issue #17's parts of the staff case page: extending the deadline, related cases, the panel.
// Each form posts to its own route with a fetcher; the case page reloads when one is done.

interface FormAnswer {
  errors: FieldErrors | null;
  refused: MessageKey | null;
  done: MessageKey | null;
}

function Outcome({ answer }: { answer: FormAnswer | undefined }) {
  const t = useT();
  // The answer takes focus where the form is (#19): read out, and in view, after each post.
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (answer?.done || answer?.refused) ref.current?.focus();
  }, [answer]);
  if (answer?.done)
    return (
      <p className="notice-success" role="status" tabIndex={-1} ref={ref}>
        {t(answer.done)}
      </p>
    );
  if (answer?.refused)
    return (
      <p className="error-summary" role="alert" tabIndex={-1} ref={ref}>
        {t(answer.refused)}
      </p>
    );
  return null;
}

/** Clears the form once the fetcher's answer says it was done. */
function useResetOnDone(state: string, answer: FormAnswer | undefined) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state === "idle" && answer?.done) ref.current?.reset();
  }, [state, answer]);
  return ref;
}

export function ExtendDeadline({
  reference,
  version,
  extension,
}: {
  reference: string;
  version: number;
  extension: { refusal: string | null; limit: number };
}) {
  const t = useT();
  const fetcher = useFetcher<FormAnswer>();
  const ref = useResetOnDone(fetcher.state, fetcher.data);
  return (
    <section aria-labelledby="extend-title">
      <h2 id="extend-title">{t("extension.title")}</h2>
      <Outcome answer={fetcher.data} />
      {extension.refusal ? (
        <p className="hint" data-testid="extension-unavailable">
          {codeText(t, "extension.unavailable", extension.refusal)}
        </p>
      ) : (
        <fetcher.Form method="post" action={`/cases/${encodeURIComponent(reference)}/extend`} ref={ref} noValidate>
          <ErrorSummary
            errors={fetcher.data?.errors ?? {}}
            labels={{
              businessDays: t("extension.days", { n: extension.limit }),
              extensionReason: t("extension.reason"),
            }}
          />
          <input type="hidden" name="version" value={version} />
          <TextField
            name="businessDays"
            label={t("extension.days", { n: extension.limit })}
            required
            errors={fetcher.data?.errors ?? undefined}
          />
          <TextArea
            name="extensionReason"
            label={t("extension.reason")}
            required
            errors={fetcher.data?.errors ?? undefined}
            rows={3}
          />
          <button type="submit" disabled={fetcher.state !== "idle"}>
            {t("extension.submit")}
          </button>
        </fetcher.Form>
      )}
    </section>
  );
}

export interface RelationsView {
  mayLink: boolean;
  links: { kind: (typeof CASE_LINK_KINDS)[number]; reference: string; status: string; mergedHere: boolean }[];
  mergedInto: string | null;
}

function linkLine(t: Translate, l: RelationsView["links"][number]) {
  return `${t(`links.kind.${l.kind}`)}${l.mergedHere ? ` — ${t("links.mergedIn", { reference: l.reference })}` : ""}`;
}

export function RelatedCases({
  reference,
  version,
  view,
}: {
  reference: string;
  version: number;
  view: RelationsView;
}) {
  const t = useT();
  const link = useFetcher<FormAnswer>();
  const merge = useFetcher<FormAnswer>();
  const ref = useResetOnDone(link.state, link.data);
  const action = `/cases/${encodeURIComponent(reference)}/related`;
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t("links.title")}</h2>
      {view.mergedInto ? (
        <p className="panel" data-testid="merged-into">
          {t("links.merged", { reference: view.mergedInto })}
        </p>
      ) : null}
      <Outcome answer={link.data} />
      <Outcome answer={merge.data} />
      {view.links.length ? (
        <ul className="plain-list" data-testid="related-cases">
          {view.links.map((l) => (
            <li key={l.reference}>
              <Link to={`/cases/${encodeURIComponent(l.reference)}`}>{l.reference}</Link> · {linkLine(t, l)}
              {view.mayLink && l.kind === "duplicate" && !view.mergedInto && l.status !== "closed" ? (
                <merge.Form method="post" action={action} className="inline-form">
                  <input type="hidden" name="intent" value="merge" />
                  <input type="hidden" name="version" value={version} />
                  <input type="hidden" name="duplicateReference" value={l.reference} />
                  <p className="hint">{t("links.mergeHint")}</p>
                  <button type="submit" className="button--secondary" disabled={merge.state !== "idle"}>
                    {t("links.merge", { reference: l.reference })}
                  </button>
                </merge.Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("links.none")}</p>
      )}
      {view.mayLink ? (
        <link.Form method="post" action={action} ref={ref} noValidate>
          <ErrorSummary
            errors={link.data?.errors ?? {}}
            labels={{ otherReference: t("links.reference"), kind: t("links.kind") }}
          />
          <input type="hidden" name="intent" value="link" />
          <TextField
            name="otherReference"
            label={t("links.reference")}
            required
            errors={link.data?.errors ?? undefined}
          />
          <SelectField
            name="kind"
            label={t("links.kind")}
            required
            errors={link.data?.errors ?? undefined}
            options={CASE_LINK_KINDS.map((k) => ({ value: k, label: t(`links.kind.${k}`) }))}
          />
          <button type="submit" disabled={link.state !== "idle"}>
            {t("links.submit")}
          </button>
        </link.Form>
      ) : null}
    </section>
  );
}

interface PanelAnswer {
  done: boolean;
  refusal:
    | { reason: "not_panel_level" | "empty" | "unknown_member" }
    | { reason: "conflicted"; conflicts: { name: string; conflict: "respondent" | "handled" | "declared" }[] }
    | null;
}

export interface PanelView {
  sat: string[] | null;
  roster: { id: number; name: string; affiliation: string; conflict: string | null }[];
  mayForm: boolean;
}

function panelRefusalText(t: Translate, refusal: NonNullable<PanelAnswer["refusal"]>): string {
  if (refusal.reason !== "conflicted") return t(`panel.refused.${refusal.reason}`);
  const why = refusal.conflicts.map((c) => t(`panel.refused.conflict.${c.conflict}`, { name: c.name }));
  return `${t("panel.refused.conflicted", { names: refusal.conflicts.map((c) => c.name).join(", ") })} ${why.join("; ")}.`;
}

export function IndependentPanel({ reference, view }: { reference: string; view: PanelView }) {
  const t = useT();
  const fetcher = useFetcher<PanelAnswer>();
  return (
    <section aria-labelledby="panel-title">
      <h2 id="panel-title">{t("panel.title")}</h2>
      <p data-testid="panel-sat">{view.sat ? t("panel.sat", { names: view.sat.join(", ") }) : t("panel.none")}</p>
      {fetcher.data?.done ? (
        <p className="notice-success" role="status">
          {t("panel.done")}
        </p>
      ) : null}
      {fetcher.data?.refusal ? (
        <p className="error-summary" role="alert" data-testid="panel-refused">
          {panelRefusalText(t, fetcher.data.refusal)}
        </p>
      ) : null}
      {view.mayForm ? (
        <fetcher.Form method="post" action={`/cases/${encodeURIComponent(reference)}/panel`}>
          <fieldset className="group">
            <legend>{t("panel.form")}</legend>
            <p className="hint">{t("panel.formHint")}</p>
            {view.roster.map((m) => (
              <div className="choice" key={m.id}>
                <input type="checkbox" id={`member-${m.id}`} name="member" value={m.id} />
                <label htmlFor={`member-${m.id}`}>
                  {m.name} ({m.affiliation})
                </label>
              </div>
            ))}
            <button type="submit" disabled={fetcher.state !== "idle"}>
              {t("panel.form")}
            </button>
          </fieldset>
        </fetcher.Form>
      ) : null}
    </section>
  );
}

/**
 * What the forms' own routes show when posted without JavaScript (a full page): the answer in
 * words and the way back to the case. With JavaScript, the case page's fetcher shows the answer.
 */
export function PostedAnswerPage() {
  const t = useT();
  const answer = useActionData<FormAnswer | PanelAnswer>();
  const { reference } = useParams();
  const message =
    answer && "refusal" in answer
      ? answer.refusal
        ? panelRefusalText(t, answer.refusal)
        : t("panel.done")
      : answer?.done
        ? t(answer.done)
        : answer?.refused
          ? t(answer.refused)
          : answer?.errors
            ? t("error.summary.title")
            : null;
  return (
    <>
      <h1>{t("case.title", { reference: reference ?? "" })}</h1>
      {message ? <p role="status">{message}</p> : null}
      <p>
        <Link to={`/cases/${encodeURIComponent(reference ?? "")}`}>{t("links.backToCase")}</Link>
      </p>
    </>
  );
}
