import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/require-permission.server";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { mailToReview, markReviewed } from "../services/mail-review.server";
import { formatDateTime } from "../utils/format-date";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { readForm } from "../utils/read-form.server";
import { actionSchema } from "../forms/mail-review.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mailReview.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "mail.review");
  const entries = await mailToReview({ db: context.db, user });
  if (!entries) throw notFound();
  return { entries };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "mail.review");
  const parsed = parseForm(actionSchema, await readForm(request));
  if (!parsed.ok) return data({ done: false }, { status: 400 });
  if (!(await markReviewed({ db: context.db, user, id: parsed.data.id, now: new Date() }))) throw notFound();
  return { done: true };
}

const REASONS = ["missing", "forged", "expired", "no_case", "empty"] as const;

export default function MailReviewPage() {
  const { entries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const reason = (r: string | null) => codeText(t, "mailReview.reason", REASONS.find((x) => x === r) ?? "missing");
  return (
    <>
      <h1>{t("mailReview.title")}</h1>
      <p>{t("mailReview.intro")}</p>
      {result?.done ? (
        <p className="notice-success" role="status">
          {t("mailReview.done")}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p>{t("mailReview.empty")}</p>
      ) : (
        <ul className="stack" aria-label={t("mailReview.title")}>
          {entries.map((e) => (
            <li key={e.id}>
              <article aria-labelledby={`mail-${e.id}`}>
                <h2 id={`mail-${e.id}`}>{e.subject || t("mailReview.noSubject")}</h2>
                <dl>
                  <dt>{t("mailReview.from")}</dt>
                  <dd>{e.from_address}</dd>
                  <dt>{t("mailReview.received")}</dt>
                  <dd>{formatDateTime(e.received_at, language)}</dd>
                  <dt>{t("mailReview.why")}</dt>
                  <dd>{reason(e.reason)}</dd>
                </dl>
                <p style={{ whiteSpace: "pre-wrap" }}>{e.body_text}</p>
                <Form method="post">
                  <input type="hidden" name="id" value={e.id} />
                  <button type="submit">{t("mailReview.markDone")}</button>
                </Form>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
