import { useEffect, useRef, type MouseEvent } from "react";
import { useT } from "../hooks/use-translation";
import type { FieldErrors } from "../utils/form";

/**
 * Moves focus to the field an error names, as GOV.UK's error summary does. A plain `#field` link
 * would change the URL's hash, which Remix treats as a navigation that drops the form's answer:
 * every message would vanish. Without JavaScript the link still works as an ordinary anchor.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string): void {
  const target = document.getElementById(field);
  if (!target) return;
  event.preventDefault();
  // The label or legend stays in view above the field, so the question is read with the message.
  const label = target.closest("fieldset")?.querySelector("legend") ?? document.querySelector(`label[for="${field}"]`);
  (label ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
}

/**
 * Lists every error at the top of the form, each linked to its field, and takes focus so that
 * screen reader and keyboard users learn at once that the form was not sent.
 */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels: Record<string, string> }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // In the order the fields appear on the page (the order of `labels`), not the order they were checked.
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const entries = Object.entries(errors)
    .filter(([, error]) => error)
    .sort(([a], [b]) => rank(a) - rank(b));
  // Focus moves here when a new set of errors arrives, not on every render: a later render (a
  // revalidation, a keystroke elsewhere) must not pull focus back from the field being fixed.
  const signature = JSON.stringify(entries);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for `entries`
  }, [signature]);
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("error.summary.title")}</h2>
      <ul>
        {entries.map(([field, error]) => (
          <li key={field}>
            <a href={`#${field}`} onClick={(event) => focusField(event, field)}>
              {labels[field] ? `${labels[field]}${t("error.summary.separator")}` : ""}
              {t(error!.key, error!.vars)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
