import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { invalidFormResponse } from "../utils/refusal-response.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "../components/error-summary";
import { RadioGroup, TextArea } from "../components/form-fields";
import { RATINGS, SURVEY_COMMENT_MAX, SURVEY_QUESTIONS, SURVEY_VALID_DAYS } from "../domain/survey-questions";
import { useT } from "../hooks/use-translation";
import { isLanguage } from "../i18n";
import { answerSurvey, surveyView } from "../services/satisfaction-survey.server";
import { readCookie } from "../utils/cookies.server";
import { parseForm } from "../utils/form";
import { languageOf } from "../utils/language.server";
import { pageTitle } from "../utils/meta";
import { readForm } from "../utils/read-form.server";
import { surveyInputSchema } from "../forms/survey.server";

// The address holds the survey's token: no cache may keep the page. The title never shows it.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" };
export const headers: HeadersFunction = () => PRIVATE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.state === "open" ? "survey.title" : "survey.unusable.title");

/** The visitor chose a language (?lng= now, or the cookie language.server.ts keeps from before). */
function choseLanguage(request: Request): boolean {
  return isLanguage(new URL(request.url).searchParams.get("lng")) || isLanguage(readCookie(request, "lng"));
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const view = await surveyView({ db: context.db, token: params.token ?? "", now: new Date() });
  if (view.state !== "open") return data({ state: view.state }, { status: 410, headers: PRIVATE_HEADERS });
  // Without a choice of their own, the visitor reads the survey in the language it was sent in;
  // ?lng= is how every page switches language, and it is remembered from here on.
  if (!choseLanguage(request) && languageOf(request) !== view.language) {
    const url = new URL(request.url);
    url.searchParams.set("lng", view.language);
    throw redirect(`${url.pathname}${url.search}`, { headers: PRIVATE_HEADERS });
  }
  return data({ state: view.state }, { headers: PRIVATE_HEADERS });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(surveyInputSchema, await readForm(request));
  if (!parsed.ok)
    return invalidFormResponse(parsed, { values: parsed.values, state: null }, { headers: PRIVATE_HEADERS });
  const result = await answerSurvey({
    db: context.db,
    token: params.token ?? "",
    answers: parsed.data,
    now: new Date(),
  });
  if (!result.ok)
    return data({ errors: null, values: null, state: result.reason }, { status: 410, headers: PRIVATE_HEADERS });
  return redirect("/survey/thanks");
}

function NotUsable() {
  const t = useT();
  return (
    <>
      <h1>{t("survey.unusable.title")}</h1>
      <p>{t("survey.unusable.text", { days: SURVEY_VALID_DAYS })}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </>
  );
}

export default function SurveyPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  if (view.state !== "open" || result?.state) return <NotUsable />;
  const errors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  // Short names in the error summary: "Was the process clear?: Choose an answer." reads badly.
  const labels = {
    clear: t("survey.clear.short"),
    fair: t("survey.fair.short"),
    timely: t("survey.timely.short"),
    comment: t("survey.comment"),
  };
  const options = RATINGS.map((r) => ({ value: String(r), label: t(`survey.rating.${r}`) }));
  return (
    <>
      <h1>{t("survey.title")}</h1>
      <p>{t("survey.intro")}</p>
      <p>{t("survey.anonymous")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate className="stack">
        <p>{t("survey.scale")}</p>
        {SURVEY_QUESTIONS.map((q) => (
          <RadioGroup
            key={q}
            name={q}
            label={t(`survey.${q}`)}
            required
            errors={errors}
            options={options}
            defaultValue={values[q]}
          />
        ))}
        <TextArea
          name="comment"
          label={labels.comment}
          hint={t("survey.comment.hint", { max: SURVEY_COMMENT_MAX })}
          errors={errors}
          maxLength={SURVEY_COMMENT_MAX}
          defaultValue={values.comment}
        />
        <div className="choice">
          <input
            type="checkbox"
            id="contact"
            name="contact"
            aria-describedby="contact-hint"
            defaultChecked={values.contact === "on"}
          />
          <label htmlFor="contact">{t("survey.contact")}</label>
        </div>
        <p className="hint" id="contact-hint">
          {t("survey.contact.hint")}
        </p>
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("survey.submit")}
        </button>
      </Form>
    </>
  );
}
