import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseIdForFilerAccess } from "../services/case-lookup.server";
import { attachmentForFiler } from "../services/attachments.server";
import { attachmentResponse } from "../utils/attachment-response.server";
import { filerAccessTokenOf } from "../utils/filer-access.server";
import { notFound } from "../utils/http.server";

// Under /status so the filer's access cookie (Path=/status) comes with the request.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = filerAccessTokenOf(request);
  const caseId = token ? await caseIdForFilerAccess(context.db, token, new Date()) : null;
  const id = Number(params.id);
  if (caseId === null || !Number.isInteger(id) || id < 1) throw notFound();
  const file = await attachmentForFiler({ db: context.db, caseId, id, now: new Date() });
  if (!file) throw notFound();
  return attachmentResponse(file);
}
