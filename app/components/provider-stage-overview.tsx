import { Link } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { nameIn } from "../i18n/localized";

export interface ProviderStageOverviewRow {
  providerId: number;
  name_en: string;
  name_fr: string;
  withProvider: number;
  lateNow: number;
  lateEver: number;
  toCheck: number;
}

/** The SSM's oversight of level 1 (issue #17): complaints with each provider and how often each was late. */
export function ProviderStageOverview({ rows }: { rows: ProviderStageOverviewRow[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section aria-labelledby="provider-overview-title">
      <h2 id="provider-overview-title">{t("queue.provider.title")}</h2>
      <p>
        <Link to="/cases?status=with_provider">{t("caseStatus.with_provider")}</Link>
      </p>
      {rows.length === 0 ? (
        <p>{t("queue.provider.none")}</p>
      ) : (
        <table className="data-table" data-testid="provider-overview">
          <thead>
            <tr>
              <th scope="col">{t("queue.provider.col.provider")}</th>
              <th scope="col">{t("queue.provider.col.open")}</th>
              <th scope="col">{t("queue.provider.col.check")}</th>
              <th scope="col">{t("queue.provider.col.lateNow")}</th>
              <th scope="col">{t("queue.provider.col.lateEver")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.providerId} className={r.lateNow ? "row--overdue" : undefined}>
                <th scope="row">{nameIn(r, language)}</th>
                <td>{r.withProvider}</td>
                <td>{r.toCheck}</td>
                <td>{r.lateNow}</td>
                <td>{r.lateEver}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
