import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OPEN_DATA_COLUMNS } from "../domain/open-data";
import { useLanguage, useT } from "../hooks/use-translation";
import { openDataIndex } from "../services/open-data.server";
import { env } from "../utils/env.server";
import { pageTitle } from "../utils/meta";

// The open data's index and data dictionary (issue #22), in the reader's language.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "openData.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const area = new URL(request.url).searchParams.get("area") ?? undefined;
  return { datasets: await openDataIndex(context.db, area), threshold: env().SUPPRESSION_THRESHOLD };
}

const DESCRIPTIONS = {
  area: "openData.col.area",
  quarter: "openData.col.quarter",
  received: "openData.col.received",
  decisions_on_time_share: "openData.col.decisionsOnTimeShare",
  decision_median_business_days: "openData.col.decisionMedianDays",
  provider_resolved: "openData.col.providerResolved",
  provider_on_time_share: "openData.col.providerOnTimeShare",
} as const;

export default function OpenDataPage() {
  const { datasets, threshold } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("openData.title")}</h1>
      <p>{t("openData.intro")}</p>
      <p>
        <a href="/open-data.json">{t("openData.indexJson")}</a>
      </p>
      <h2>{t("openData.datasets")}</h2>
      {datasets.length === 0 ? (
        <p>{t("openData.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("openData.col.area.name")}</th>
              <th scope="col">{t("openData.col.quarter.name")}</th>
              <th scope="col">{t("openData.files")}</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={`${d.area}/${d.quarter}`}>
                <td>{language === "fr" ? d.areaNameFr : d.areaNameEn}</td>
                <td>{d.quarter}</td>
                <td>
                  <a href={d.csv}>CSV</a> · <a href={d.json}>JSON</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="dictionary">{t("openData.dictionary")}</h2>
      <p>{t("openData.dictionary.intro", { threshold })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("openData.dictionary.column")}</th>
            <th scope="col">{t("openData.dictionary.meaning")}</th>
          </tr>
        </thead>
        <tbody>
          {OPEN_DATA_COLUMNS.map((c) => (
            <tr key={c}>
              <th scope="row">
                <code>{c}</code>
              </th>
              <td>{t(DESCRIPTIONS[c], { threshold })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("openData.dictionary.values", { threshold })}</p>
      <p>
        <Link to="/">{t("openData.home")}</Link>
      </p>
    </>
  );
}
