import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { listCatchmentAreas } from "../services/public-areas.server";
import { pageTitle } from "../utils/meta";
import { nameIn, localized } from "../i18n/localized";
import { DataTable } from "../components/data-table";

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
      <DataTable
        labelledBy="areas-title"
        rows={areas}
        rowKey={(a) => a.slug}
        columns={[
          {
            id: "area",
            header: t("home.col.area"),
            rowHeader: true,
            cell: (a) => <Link to={`/process/${a.slug}`}>{nameIn(a, language)}</Link>,
          },
          {
            id: "ssm",
            header: t("home.col.ssm"),
            cell: (a) => (
              <>
                {localized(a, "ssm", language)}
                {a.confirmed ? null : <> {t("area.notConfirmed")}</>}
              </>
            ),
          },
          { id: "phase", header: t("home.col.phase"), cell: (a) => t(`phase.${a.phase}`) },
        ]}
      />
      <h2>{t("home.already")}</h2>
      <p>
        <Link to="/status">{t("home.checkLink")}</Link>
      </p>
    </>
  );
}
