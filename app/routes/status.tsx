import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/form-fields";
import { useLanguage, useT } from "../hooks/use-translation";
import { filerCaseView } from "../services/case-lookup.server";
import { getDb } from "../utils/db.server";
import { formatDateTime, formatLongDate } from "../utils/format-date";
import { parseForm } from "../utils/form";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "status.title");

// The secret travels only in the POST body: never in a URL, where logs and history would keep it.
const lookupSchema = z.object({
  reference: z.string().trim().min(1, "error.required").max(40, "error.tooLong"),
  secret: z.string().trim().min(1, "error.required").max(80, "error.tooLong"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  return { reference: new URL(request.url).searchParams.get("reference")?.slice(0, 40) ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(lookupSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, notFound: false, view: null }, { status: 400 });
  const view = await filerCaseView({ db: getDb(), ...parsed.data });
  if (!view) return data({ errors: null, notFound: true, view: null }, { status: 404 });
  return { errors: null, notFound: false, view };
}

type View = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>["view"]>;

function CaseStatus({ view }: { view: View }) {
  const t = useT();
  const language = useLanguage();
  const decision = [...view.events].reverse().find((e) => e.type === "decided");
  return (
    <>
      <h1>{t("case.title", { reference: view.reference })}</h1>
      <dl className="summary-list">
        <dt>{t("status.current")}</dt>
        <dd data-testid="case-status">{t(`caseStatus.${view.status}`)}</dd>
        <dt>{t("status.level")}</dt>
        <dd>{t(`level.${view.level}` as "level.1")}</dd>
        <dt>{t("status.received")}</dt>
        <dd>
          <time dateTime={view.receivedAt} suppressHydrationWarning>
            {formatDateTime(view.receivedAt, language)}
          </time>
        </dd>
      </dl>
      {view.nextDueAt ? (
        <>
          <h2>{t("status.nextStep")}</h2>
          <p>
            <time dateTime={view.nextDueAt} suppressHydrationWarning>
              {t("status.answerBy", { date: formatLongDate(view.nextDueAt, language) })}
            </time>
          </p>
        </>
      ) : null}
      {decision ? (
        <section aria-labelledby="decision-title" className="panel">
          <h2 id="decision-title">{t("status.decision")}</h2>
          <p>
            <strong>{t(`outcome.${JSON.parse(decision.data_json ?? "{}").outcome}` as "outcome.upheld")}</strong>
          </p>
          <p className="pre">{decision.body}</p>
        </section>
      ) : null}
      <h2>{t("status.timeline")}</h2>
      <ol className="timeline">
        {view.events.map((e) => (
          <li key={e.id}>
            <p className="timeline__meta">
              <time dateTime={e.created_at} suppressHydrationWarning>
                {formatDateTime(e.created_at, language)}
              </time>
            </p>
            <p className="timeline__title">
              {e.type === "decided"
                ? t("event.decided", { outcome: t(`outcome.${JSON.parse(e.data_json ?? "{}").outcome}` as "outcome.upheld") })
                : t(`event.${e.type}` as "event.filed")}
            </p>
            {e.body && e.type !== "decided" ? <p className="pre">{e.body}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export default function StatusPage() {
  const { reference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (result?.view) return <CaseStatus view={result.view} />;
  return (
    <>
      <h1>{t("status.title")}</h1>
      <p>{t("status.intro")}</p>
      <ErrorSummary
        errors={result?.errors ?? {}}
        labels={{ reference: t("status.reference.label"), secret: t("status.secret.label") }}
      />
      {result?.notFound ? (
        <div className="error-summary" role="alert">
          <p>{t("status.notFound")}</p>
        </div>
      ) : null}
      <Form method="post" noValidate className="stack">
        <TextField
          name="reference"
          label={t("status.reference.label")}
          hint={t("status.reference.hint")}
          required
          errors={result?.errors ?? undefined}
          defaultValue={reference}
          autoComplete="off"
        />
        <TextField
          name="secret"
          type="password"
          label={t("status.secret.label")}
          required
          errors={result?.errors ?? undefined}
          autoComplete="off"
        />
        <button type="submit">{t("status.submit")}</button>
      </Form>
    </>
  );
}
