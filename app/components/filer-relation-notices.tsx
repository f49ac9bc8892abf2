import { useLanguage, useT } from "../hooks/use-translation";
import { formatLongDate } from "../utils/format-date";

/** What issue #17 adds to the filer's own page: the extension with its reason, and a merge. */
export interface FilerRelationData {
  extension?: { businessDays: number; reason: string; dueAfter: string } | null;
  merged?: boolean;
}

export function FilerRelationNotices({ view }: { view: FilerRelationData }) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      {view.merged ? (
        <section className="panel" aria-labelledby="merged-title" data-testid="status-merged">
          <h2 id="merged-title">{t("status.merged.title")}</h2>
          <p>{t("status.merged.body")}</p>
        </section>
      ) : null}
      {view.extension && !view.merged ? (
        <section className="panel" aria-labelledby="extended-title" data-testid="status-extended">
          <h2 id="extended-title">{t("status.extended.title")}</h2>
          <p>
            {t("status.extended.body", {
              date: formatLongDate(view.extension.dueAfter, language),
              n: view.extension.businessDays,
            })}
          </p>
          <p className="pre">{view.extension.reason}</p>
        </section>
      ) : null}
    </>
  );
}
