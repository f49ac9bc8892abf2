import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FilerCaseView } from "../components/filer-case-view";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/form-fields";
import { useT } from "../hooks/use-translation";
import { knownKey, type MessageKey } from "../i18n";
import { performProviderStageAction } from "../services/provider-stage.server";
import {
  caseIdForFilerAccess,
  closeFilerAccess,
  FILER_ACCESS_MS,
  filerCaseView,
  openFilerAccess,
} from "../services/case-lookup.server";
import { performFilerAction } from "../services/filer-actions.server";
import { attachToCase } from "../services/attachments.server";
import { readFormWithUpload } from "../utils/multipart.server";
import { releaseAttempt, reserveAttempt, STATUS_LOOKUP_FAILURES } from "../services/rate-limit.server";
import { normalizeCaseReference } from "../domain/case-reference";
import { clearedFilerAccessCookie, filerAccessCookie, filerAccessTokenOf } from "../utils/filer-access.server";
import { filerActionResponse, filerCommandOf } from "../utils/filer-action-form.server";
import { parseForm } from "../utils/form";
import { pageTitle } from "../utils/meta";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { uploadRefusal } from "../domain/case-refusals";
import { actionSchema } from "../forms/status-page.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "status.title");

async function openCaseId(request: Request, db: AppLoadContext["db"]): Promise<number | null> {
  const token = filerAccessTokenOf(request);
  return token ? caseIdForFilerAccess(db, token, new Date()) : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const caseId = await openCaseId(request, context.db);
  const view = caseId === null ? null : await filerCaseView({ db: context.db, caseId, now: new Date() });
  const search = new URL(request.url).searchParams;
  return {
    reference: search.get("reference")?.slice(0, 40) ?? "",
    view,
    confirmWithdraw: search.get("withdraw") === "confirm",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const upload = await readFormWithUpload(request);
  if (upload.tooBig || upload.formData.get("intent") === "attach") {
    const caseId = await openCaseId(request, context.db);
    if (caseId === null) return redirect("/status");
    const attached = upload.tooBig
      ? ({ ok: false, reason: "too_big" } as const)
      : upload.file
        ? await attachToCase({
            db: context.db,
            caseId,
            file: upload.file,
            uploadedBy: { kind: "filer", userId: null, label: "filer" },
            visibility: "public",
            now: new Date(),
          })
        : ({ ok: false, reason: "empty" } as const);
    if (!attached.ok) return refusalResponse(uploadRefusal(attached.reason), { message: null });
    return { errors: null, message: "attach.done" as const, ok: true };
  }
  const parsed = parseForm(actionSchema, upload.formData);
  if (!parsed.ok) return invalidFormResponse(parsed, { message: null });
  const db = context.db;
  const input = parsed.data;
  if (input.intent === "lookup") {
    const now = new Date();
    // Failed look-ups are limited per address and per reference, so a secret cannot be guessed.
    const keys = [
      `ip:${context.clientIp}`,
      `ref:${normalizeCaseReference(input.reference) ?? input.reference.slice(0, 40)}`,
    ];
    // Counted as a failure before the secret is checked (atomic), given back if it opens the case.
    const reservation = await reserveAttempt(db, STATUS_LOOKUP_FAILURES, keys, now);
    if (!reservation) {
      return data({ errors: null, message: "error.rateLimited" as const }, { status: 429 });
    }
    const token = await openFilerAccess({ db, reference: input.reference, secret: input.secret, now });
    if (!token) {
      // Said beside the code, the field most often mistyped, and in the summary above the form.
      return data({ errors: { secret: { key: "status.notFound" as const } }, message: null }, { status: 404 });
    }
    await releaseAttempt(db, reservation);
    return redirect("/status", { headers: { "Set-Cookie": filerAccessCookie(token, FILER_ACCESS_MS / 1000) } });
  }
  if (input.intent === "close") {
    const token = filerAccessTokenOf(request);
    if (token) await closeFilerAccess(db, token);
    return redirect("/status", { headers: { "Set-Cookie": clearedFilerAccessCookie() } });
  }
  const caseId = await openCaseId(request, context.db);
  if (caseId === null) return redirect("/status");
  if (input.intent === "accept_answer" || input.intent === "refuse_answer") {
    const reviewed = await performProviderStageAction({
      db,
      acting: { kind: "client", caseId },
      command:
        input.intent === "accept_answer"
          ? { by: "client", action: "accept" }
          : { by: "client", action: "refuse", reasons: input.answerReasons },
      now: new Date(),
    });
    if (!reviewed.ok) {
      const message = knownKey(`status.refused.${reviewed.reason}`, "error.generic");
      return data({ errors: null, message, ok: false }, { status: 409 });
    }
    const message: MessageKey = input.intent === "accept_answer" ? "status.answer.accepted" : "status.answer.refused";
    return data({ errors: null, message, ok: true });
  }
  const result = await performFilerAction({ db, caseId, command: filerCommandOf(input), now: new Date() });
  return filerActionResponse(input, result);
}

export default function StatusPage() {
  const { reference, view, confirmWithdraw } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (view)
    return (
      <FilerCaseView
        view={view}
        result={result}
        attachmentHref={(id) => `/status/attachments/${id}`}
        closable
        confirmWithdraw={confirmWithdraw && !result}
      />
    );
  return (
    <>
      <h1>{t("status.title")}</h1>
      <p>{t("status.intro")}</p>
      <ErrorSummary
        errors={result?.errors ?? {}}
        labels={{ reference: t("status.reference.label"), secret: t("status.secret.label") }}
      />
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
        {/* Shown as typed, not masked: a code read from paper or a phone call is checked by eye. */}
        <TextField
          name="secret"
          label={t("status.secret.label")}
          hint={t("status.secret.hint")}
          required
          errors={result?.errors ?? undefined}
          autoComplete="off"
          code
        />
        <button type="submit">{t("status.submit")}</button>
      </Form>
      <p>
        <Link to="/status/lost">{t("status.lost.link")}</Link>
      </p>
    </>
  );
}
