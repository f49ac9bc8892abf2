import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "../hooks/use-translation";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "survey.thanks.title");

/** Where an answered survey lands (after a redirect, so reloading sends nothing twice). */
export default function SurveyThanksPage() {
  const t = useT();
  return (
    <>
      <h1>{t("survey.thanks.title")}</h1>
      <p role="status">{t("survey.thanks.text")}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </>
  );
}
