import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CaseTimeline } from "../components/case-timeline";
import { ErrorSummary } from "../components/error-summary";
import { TextArea, TextField } from "../components/form-fields";
import { useLanguage, useT } from "../hooks/use-translation";
import type { MessageKey } from "../i18n";
import { caseIdForFilerAccess, closeFilerAccess, FILER_ACCESS_MS, filerCaseView, openFilerAccess } from "../services/case-lookup.server";
import { performFilerAction } from "../services/filer-actions.server";
import { countAttempt, isRateLimited, STATUS_LOOKUP_FAILURES } from "../services/rate-limit.server";
import { normalizeCaseReference } from "../domain/case-reference";
import { getDb } from "../utils/db.server";
import { clearedFilerAccessCookie, filerAccessCookie, filerAccessTokenOf } from "../utils/filer-access.server";
import { formatDateTime, formatLongDate } from "../utils/format-date";
import { parseForm } from "../utils/form";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "status.title");

// The secret travels only in a POST body, never in a URL where logs and history would keep it.
// Every form here posts as a full page (reloadDocument): the access cookie is scoped to Path=/status,
// which the browser does not send to Remix's client-side data URL /status.data, so a client-side
// submission would open the case and then show the empty lookup form again.
const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("lookup"),
    reference: z.string().trim().min(1, "error.required").max(40, "error.tooLong"),
    secret: z.string().trim().min(1, "error.required").max(80, "error.tooLong"),
  }),
  z.object({ intent: z.literal("add_information"), information: z.string().trim().min(1, "error.required").max(5000, "error.tooLong") }),
  z.object({ intent: z.literal("request_recourse"), reasons: z.string().trim().min(1, "error.required").max(5000, "error.tooLong") }),
  z.object({ intent: z.literal("withdraw") }),
  z.object({ intent: z.literal("close") }),
]);

async function openCaseId(request: Request): Promise<number | null> {
  const token = filerAccessTokenOf(request);
  return token ? caseIdForFilerAccess(getDb(), token, new Date()) : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const caseId = await openCaseId(request);
  const view = caseId === null ? null : await filerCaseView({ db: getDb(), caseId, now: new Date() });
  return { reference: new URL(request.url).searchParams.get("reference")?.slice(0, 40) ?? "", view };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(actionSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, message: null }, { status: 400 });
  const db = getDb();
  const input = parsed.data;
  if (input.intent === "lookup") {
    const now = new Date();
    // Failed look-ups are limited per address and per reference, so a secret cannot be guessed.
    const keys = [`ip:${context.clientIp}`, `ref:${normalizeCaseReference(input.reference) ?? input.reference.slice(0, 40)}`];
    if (await isRateLimited(db, STATUS_LOOKUP_FAILURES, keys, now)) {
      return data({ errors: null, message: "error.rateLimited" as MessageKey }, { status: 429 });
    }
    const token = await openFilerAccess({ db, reference: input.reference, secret: input.secret, now });
    if (!token) {
      await countAttempt(db, STATUS_LOOKUP_FAILURES, keys, now);
      return data({ errors: null, message: "status.notFound" as MessageKey }, { status: 404 });
    }
    return redirect("/status", { headers: { "Set-Cookie": filerAccessCookie(token, FILER_ACCESS_MS / 1000) } });
  }
  if (input.intent === "close") {
    const token = filerAccessTokenOf(request);
    if (token) await closeFilerAccess(db, token);
    return redirect("/status", { headers: { "Set-Cookie": clearedFilerAccessCookie() } });
  }
  const caseId = await openCaseId(request);
  if (caseId === null) return redirect("/status");
  const command =
    input.intent === "add_information"
      ? { action: "add_information" as const, message: input.information }
      : input.intent === "request_recourse"
        ? { action: "request_recourse" as const, reasons: input.reasons }
        : { action: "withdraw" as const };
  const result = await performFilerAction({ db, caseId, command, now: new Date() });
  if (!result.ok) {
    const message = (result.reason === "stale" ? "error.generic" : `status.refused.${result.reason}`) as MessageKey;
    return data({ errors: null, message }, { status: 409 });
  }
  const done = { add_information: "status.addInfo.done", request_recourse: "status.recourse.done", withdraw: "status.withdraw.done" } as const;
  return { errors: null, message: done[input.intent] as MessageKey, ok: true };
}

type View = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["view"]>;

function CaseStatus({ view }: { view: View }) {
  const t = useT();
  const language = useLanguage();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const decision = [...view.events].reverse().find((e) => e.type === "decided");
  const errors = result?.errors ?? {};
  return (
    <>
      <h1>{t("case.title", { reference: view.reference })}</h1>
      {result?.message ? (
        <p className={"ok" in result ? "notice-success" : "error-summary"} role={"ok" in result ? "status" : "alert"}>
          {t(result.message)}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>{t("status.current")}</dt>
        <dd data-testid="case-status">{t(`caseStatus.${view.status}`)}</dd>
        <dt>{t("status.level")}</dt>
        <dd>{t(`level.${view.level}` as MessageKey)}</dd>
        <dt>{t("status.received")}</dt>
        <dd>
          <time dateTime={view.receivedAt} suppressHydrationWarning>
            {formatDateTime(view.receivedAt, language)}
          </time>
        </dd>
      </dl>
      {view.status === "waiting_for_filer" ? <p className="panel">{t("status.waiting")}</p> : null}
      {view.status === "referred_to_ministry" ? <p className="panel">{t("status.ministry")}</p> : null}
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
            <strong>{t(`outcome.${JSON.parse(decision.data_json ?? "{}").outcome}` as MessageKey)}</strong>
          </p>
          <p className="pre">{decision.body}</p>
        </section>
      ) : null}
      <ErrorSummary errors={errors} labels={{ information: t("status.addInfo.label"), reasons: t("status.recourse.label") }} />
      {view.canAskRecourse && view.recourseDeadlineAt ? (
        <section aria-labelledby="recourse-title">
          <h2 id="recourse-title">{t("status.recourse.title")}</h2>
          <p>{t("status.recourse.intro", { date: formatLongDate(view.recourseDeadlineAt, language) })}</p>
          <Form method="post" reloadDocument className="stack">
            <input type="hidden" name="intent" value="request_recourse" />
            <TextArea name="reasons" label={t("status.recourse.label")} required errors={errors} maxLength={5000} rows={4} />
            <button type="submit" disabled={busy}>
              {t("status.recourse.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      {view.canAct ? (
        <section aria-labelledby="add-info-title">
          <h2 id="add-info-title">{t("status.addInfo.label")}</h2>
          <Form method="post" reloadDocument className="stack" key={view.events.length}>
            <input type="hidden" name="intent" value="add_information" />
            <TextArea name="information" label={t("status.addInfo.label")} hint={t("status.addInfo.hint")} required errors={errors} maxLength={5000} rows={4} />
            <button type="submit" disabled={busy}>
              {t("status.addInfo.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <h2>{t("status.timeline")}</h2>
      <CaseTimeline events={view.events} staffView={false} />
      {view.canAct ? (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t("status.withdraw.title")}</h2>
          <p>{t("status.withdraw.hint")}</p>
          <Form method="post" reloadDocument>
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button--secondary" disabled={busy}>
              {t("status.withdraw.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <Form method="post" reloadDocument className="action-form">
        <input type="hidden" name="intent" value="close" />
        <button type="submit" className="link-button">
          {t("status.signedOut")}
        </button>
      </Form>
    </>
  );
}

export default function StatusPage() {
  const { reference, view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (view) return <CaseStatus view={view} />;
  return (
    <>
      <h1>{t("status.title")}</h1>
      <p>{t("status.intro")}</p>
      <ErrorSummary errors={result?.errors ?? {}} labels={{ reference: t("status.reference.label"), secret: t("status.secret.label") }} />
      {result?.message ? (
        <div className="error-summary" role="alert">
          <p>{t(result.message)}</p>
        </div>
      ) : null}
      <Form method="post" reloadDocument noValidate className="stack">
        <input type="hidden" name="intent" value="lookup" />
        <TextField
          name="reference"
          label={t("status.reference.label")}
          hint={t("status.reference.hint")}
          required
          errors={result?.errors ?? undefined}
          defaultValue={reference}
          autoComplete="off"
        />
        <TextField name="secret" type="password" label={t("status.secret.label")} required errors={result?.errors ?? undefined} autoComplete="off" />
        <button type="submit">{t("status.submit")}</button>
      </Form>
    </>
  );
}
