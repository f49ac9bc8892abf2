import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { listCatchmentAreas } from "../services/public-areas.server";
import { pageTitle } from "../utils/meta";
import { nameIn, localized } from "../i18n/localized";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ context }: LoaderFunctionArgs) {
  const areas = await listCatchmentAreas(context.db);
  return {
    areas: areas.map((a) => ({
      slug: a.slug,
      name_en: a.name_en,
      name_fr: a.name_fr,
      phase: a.phase,
      confirmed: a.ssm_confirmed === 1,
      ssm_en: a.ssm.name_en,
      ssm_fr: a.ssm.name_fr,
    })),
  };
}

export default function Home() {
  const { areas } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro1")}</p>
      <p>{t("home.intro2")}</p>
      <h2 id="areas-title">{t("home.chooseArea")}</h2>
      <p>{t("home.chooseAreaHelp")}</p>
      <table className="data-table" aria-labelledby="areas-title">
        <thead>
          <tr>
            <th scope="col">{t("home.col.area")}</th>
            <th scope="col">{t("home.col.ssm")}</th>
            <th scope="col">{t("home.col.phase")}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={a.slug}>
              <th scope="row">
                <Link to={`/process/${a.slug}`}>{nameIn(a, language)}</Link>
              </th>
              <td>
                {localized(a, "ssm", language)}
                {a.confirmed ? null : <> {t("area.notConfirmed")}</>}
              </td>
              <td>{t(`phase.${a.phase}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("home.already")}</h2>
      <p>
        <Link to="/status">{t("home.checkLink")}</Link>
      </p>
    </>
  );
}
