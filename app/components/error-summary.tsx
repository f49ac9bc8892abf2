import { useEffect, useRef } from "react";
import { useT } from "../hooks/use-translation";
import type { FieldErrors } from "../utils/form";

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
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  });
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("error.summary.title")}</h2>
      <ul>
        {entries.map(([field, error]) => (
          <li key={field}>
            <a href={`#${field}`}>
              {labels[field] ? `${labels[field]}${t("error.summary.separator")}` : ""}
              {t(error!.key, error!.vars)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
