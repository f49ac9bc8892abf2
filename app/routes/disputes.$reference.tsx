import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FilerCaseView } from "../components/filer-case-view";
import { useT } from "../hooks/use-translation";
import { providerAttach, providerDisputeAction, providerDisputeView } from "../services/provider-disputes.server";
import { readFormWithUpload } from "../utils/multipart.server";
import { filerActionResponse, filerCommandOf } from "../utils/filer-action-form.server";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { refusalResponse } from "../utils/refusal-response.server";
import { uploadRefusal } from "../domain/case-refusals";
import { actionSchema } from "../forms/dispute-page.server";

export const meta: MetaFunction = ({ matches, params }) =>
  pageTitle(matches, "case.title", { reference: params.reference ?? "" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "dispute.read");
  const view = await providerDisputeView({ db: context.db, user, reference: params.reference ?? "", now: new Date() });
  if (!view) throw notFound();
  const search = new URL(request.url).searchParams;
  return { view, justFiled: search.get("filed") === "1", confirmWithdraw: search.get("withdraw") === "confirm" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "dispute.act");
  const upload = await readFormWithUpload(request);
  if (upload.tooBig || upload.formData.get("intent") === "attach") {
    const attached = upload.tooBig
      ? ({ ok: false, reason: "too_big" } as const)
      : await providerAttach({
          db: context.db,
          user,
          reference: params.reference ?? "",
          file: upload.file,
          now: new Date(),
        });
    if (!attached) throw notFound();
    if (!attached.ok) return refusalResponse(uploadRefusal(attached.reason), { message: null, ok: false });
    return { errors: null, message: "attach.done" as const, ok: true };
  }
  const parsed = parseForm(actionSchema, upload.formData);
  if (!parsed.ok) return { errors: parsed.errors, message: null, ok: false };
  const result = await providerDisputeAction({
    db: context.db,
    user,
    reference: params.reference ?? "",
    command: filerCommandOf(parsed.data),
    now: new Date(),
  });
  if (!result) throw notFound();
  return filerActionResponse(parsed.data, result, "provider");
}

export default function DisputePage() {
  const { view, justFiled, confirmWithdraw } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      {justFiled && !result ? (
        <p className="notice-success" role="status">
          {t("disputes.done", { reference: view.reference })}
        </p>
      ) : null}
      <FilerCaseView
        view={view}
        result={result}
        attachmentHref={(id) => `/attachments/${id}`}
        confirmWithdraw={confirmWithdraw && !result}
      />
    </>
  );
}
