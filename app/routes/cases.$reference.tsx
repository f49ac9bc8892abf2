import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "../components/error-summary";
import { SelectField, TextArea } from "../components/form-fields";
import { allowedStaffActions, DECISION_OUTCOMES } from "../domain/case-workflow";
import { useLanguage, useT } from "../hooks/use-translation";
import type { MessageKey } from "../i18n";
import { performStaffAction, staffCaseView } from "../services/case-handling.server";
import { getDb } from "../utils/db.server";
import { formatDateTime } from "../utils/format-date";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requireUser } from "../utils/session.server";

export const meta: MetaFunction = ({ matches, params }) =>
  pageTitle(matches, "case.title", { reference: params.reference ?? "" });

const STAFF = ["ssm_staff", "ssm_manager"] as const;
const version = z.coerce.number().int().min(1);
const message = z.string().trim().min(1, "error.required").max(5000, "error.tooLong");
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge"), version }),
  z.object({ intent: z.literal("reply"), version, message }),
  z.object({ intent: z.literal("note"), version, note: message }),
  z.object({
    intent: z.literal("decide"),
    version,
    outcome: z.enum(DECISION_OUTCOMES, { error: "error.choose" }),
    reasons: z.string().trim().min(1, "error.required").max(10000, "error.tooLong"),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, STAFF);
  const view = await staffCaseView({ db: getDb(), user, reference: params.reference ?? "", now: new Date() });
  if (!view) throw notFound();
  return { ...view, allowed: allowedStaffActions(view.case.status) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, STAFF);
  const parsed = parseForm(actionSchema, await request.formData());
  if (!parsed.ok) {
    return data({ errors: parsed.errors, intent: parsed.values.intent ?? null, done: null, refused: null }, { status: 400 });
  }
  const { intent, version: expectedVersion } = parsed.data;
  const command =
    parsed.data.intent === "acknowledge"
      ? { action: "acknowledge" as const }
      : parsed.data.intent === "decide"
        ? { action: "decide" as const, outcome: parsed.data.outcome, reasons: parsed.data.reasons }
        : parsed.data.intent === "reply"
          ? { action: "reply" as const, message: parsed.data.message }
          : { action: "note" as const, message: parsed.data.note };
  const result = await performStaffAction({
    db: getDb(),
    user,
    reference: params.reference ?? "",
    expectedVersion,
    command,
    now: new Date(),
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    const refused: MessageKey = result.reason === "stale" ? "case.stale" : `case.refused.${result.reason}`;
    return data({ errors: null, intent, done: null, refused }, { status: 409 });
  }
  return { errors: null, intent, done: `case.done.${intent}` as MessageKey, refused: null };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export default function CasePage() {
  const { case: c, events, emails, policy, respondent, allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const language = useLanguage();
  const busy = navigation.state !== "idle";
  const errors = result?.errors ?? {};
  const dateTime = (iso: string) => (
    <time dateTime={iso} suppressHydrationWarning>
      {formatDateTime(iso, language)}
    </time>
  );
  const deadline = (due: string | null, doneAt: string | null) =>
    due ? (
      <>
        {dateTime(due)}
        {doneAt ? <> ({t("case.done", { date: formatDateTime(doneAt, language) })})</> : null}
      </>
    ) : (
      "—"
    );

  return (
    <>
      <h1>{t("case.title", { reference: c.reference })}</h1>
      <p className="status-line">
        <strong data-testid="case-status">{t(`caseStatus.${c.status}`)}</strong> · {t("level.short", { n: c.level })} ·{" "}
        {t(`kind.${c.kind}`)}
      </p>
      {result?.done ? (
        <p className="notice-success" role="status">
          {t(result.done)}
        </p>
      ) : null}
      {result?.refused ? (
        <div className="error-summary" role="alert">
          <p>{t(result.refused)}</p>
        </div>
      ) : null}

      <div className="case-grid">
        <section aria-labelledby="details-title">
          <h2 id="details-title">{t("case.details")}</h2>
          <dl className="summary-list">
            <Field label={t("case.provider")}>
              {respondent ? (language === "fr" ? respondent.name_fr : respondent.name_en) : t("case.providerUnknown")}
            </Field>
            <Field label={t("case.program")}>{c.program ? t(`program.${c.program}` as MessageKey) : "—"}</Field>
            <Field label={t("case.channel")}>{t(`channel.${c.channel}`)}</Field>
            <Field label={t("status.received")}>{dateTime(c.received_at)}</Field>
            <Field label={t("case.description")}>
              <span className="pre">{c.description}</span>
            </Field>
            <Field label={t("case.outcomeWanted")}>
              <span className="pre">{c.outcome_wanted}</span>
            </Field>
          </dl>
          <h2>{t("case.filer")}</h2>
          <dl className="summary-list">
            <Field label={t("file.name.label")}>{c.filer_name}</Field>
            <Field label={t("case.filerContact")}>
              {[c.filer_email, c.filer_phone].filter(Boolean).join(" · ")}
            </Field>
            <Field label={t("case.language")}>{c.language === "fr" ? "Français" : "English"}</Field>
            <Field label={t("case.accommodation")}>
              {c.accommodation_needed ? (c.accommodation_details ?? t("file.yes")) : t("case.accommodationNone")}
            </Field>
          </dl>
        </section>
        <section aria-labelledby="deadlines-title">
          <h2 id="deadlines-title">{t("case.deadlines")}</h2>
          <dl className="summary-list">
            <Field label={t("case.ackDue")}>{deadline(c.acknowledge_due_at, c.acknowledged_at)}</Field>
            <Field label={t("case.firstDue")}>{deadline(c.first_response_due_at, c.first_response_at)}</Field>
            <Field label={t("case.decisionDue")}>{deadline(c.decision_due_at, c.decided_at)}</Field>
          </dl>
          {policy ? (
            <p className="meta">
              {t("case.policyVersion", { version: policy.version, date: policy.effectiveFrom })}
            </p>
          ) : null}
          {emails.length ? (
            <>
              <h2>{t("case.emails")}</h2>
              <ul className="plain-list">
                {emails.map((e) => (
                  <li key={e.id}>
                    {e.template} → {e.recipient}: {t(`case.email.${e.status}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t("case.actions")}</h2>
        <ErrorSummary
          errors={errors}
          labels={{ message: t("case.reply.label"), note: t("case.note.label"), outcome: t("case.decision.outcome"), reasons: t("case.decision.reasons") }}
        />
        {allowed.includes("acknowledge") ? (
          <Form method="post" className="action-form">
            <input type="hidden" name="version" value={c.version} />
            <p className="hint">{t("case.acknowledgeHelp")}</p>
            <button type="submit" name="intent" value="acknowledge" disabled={busy}>
              {t("case.acknowledge")}
            </button>
          </Form>
        ) : null}
        {allowed.includes("reply") ? (
          <Form method="post" className="action-form" key={`reply-${c.version}`}>
            <input type="hidden" name="version" value={c.version} />
            <input type="hidden" name="intent" value="reply" />
            <TextArea name="message" label={t("case.reply.label")} hint={t("case.reply.hint")} required errors={result?.intent === "reply" ? errors : undefined} maxLength={5000} rows={4} />
            <button type="submit" disabled={busy}>
              {t("case.reply.submit")}
            </button>
          </Form>
        ) : null}
        {allowed.includes("decide") ? (
          <Form method="post" className="action-form" key={`decide-${c.version}`}>
            <fieldset className="group">
              <legend>{t("case.decision.legend")}</legend>
              <input type="hidden" name="version" value={c.version} />
              <input type="hidden" name="intent" value="decide" />
              <SelectField
                name="outcome"
                label={t("case.decision.outcome")}
                required
                errors={errors}
                placeholder=""
                options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
              />
              <TextArea name="reasons" label={t("case.decision.reasons")} required errors={errors} maxLength={10000} rows={5} />
              <button type="submit" disabled={busy}>
                {t("case.decision.submit")}
              </button>
            </fieldset>
          </Form>
        ) : null}
        <Form method="post" className="action-form" key={`note-${events.length}`}>
          <input type="hidden" name="version" value={c.version} />
          <input type="hidden" name="intent" value="note" />
          <TextArea
            name="note"
            label={t("case.note.label")}
            hint={t("case.note.hint")}
            required
            errors={result?.intent === "note" ? errors : undefined}
            maxLength={5000}
            rows={3}
          />
          <button type="submit" disabled={busy}>
            {t("case.note.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("case.timeline")}</h2>
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id} className={e.visibility === "internal" ? "timeline--internal" : undefined}>
              <p className="timeline__meta">
                {dateTime(e.created_at)} ·{" "}
                {e.actor_kind === "staff"
                  ? t("case.by", { name: e.actor_name ?? "" })
                  : e.actor_kind === "filer"
                    ? t("case.by", { name: t("case.filerActor") })
                    : t("case.by", { name: t("case.systemActor") })}{" "}
                · <span className="badge">{e.visibility === "internal" ? t("case.internal") : t("case.public")}</span>
              </p>
              <p className="timeline__title">
                {e.type === "decided"
                  ? t("event.decided", { outcome: t(`outcome.${JSON.parse(e.data_json ?? "{}").outcome}` as MessageKey) })
                  : t(`event.${e.type}` as MessageKey)}
              </p>
              {e.body ? <p className="pre">{e.body}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
