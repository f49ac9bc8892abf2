import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AreaFinder, placeErrors } from "../components/area-finder";
import { ErrorSummary } from "../components/error-summary";
import { useLanguage, useT } from "../hooks/use-translation";
import { findAreaByPlace, publicAreaList } from "../services/public-areas.server";
import { pageTitle } from "../utils/meta";
import { nameIn } from "../i18n/localized";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const answer = await findAreaByPlace(context.db, new URL(request.url).searchParams.get("place"));
  return { areas: await publicAreaList(context.db), answer, errors: placeErrors(answer) };
}

export default function Home() {
  const { areas, answer, errors } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro1")}</p>
      <p>{t("home.intro2")}</p>
      <ErrorSummary errors={errors} labels={{ place: t("place.label") }} />
      <AreaFinder
        action="/"
        answer={answer}
        links={(area) => [
          { href: `/process/${area.slug}`, text: t("place.readProcess", { area: nameIn(area, language) }) },
          { href: `/file?area=${area.slug}`, text: t("place.fileHere") },
        ]}
      />
      <h2 id="areas-title">{t("home.chooseArea")}</h2>
      <p>{t("home.chooseAreaHelp")}</p>
      <ul className="area-list" aria-labelledby="areas-title">
        {areas.map((a) => (
          <li key={a.slug}>
            <Link to={`/process/${a.slug}`}>{nameIn(a, language)}</Link>
          </li>
        ))}
      </ul>
      <h2>{t("home.already")}</h2>
      <p>
        <Link to="/status">{t("home.checkLink")}</Link>
      </p>
    </>
  );
}
