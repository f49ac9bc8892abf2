import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentForUser } from "../services/attachments.server";
import { attachmentResponse } from "../utils/attachment-response.server";
import { notFound } from "../utils/http.server";
import { requirePermission } from "../auth/require-permission.server";

// Staff of the case's SSM and the provider that raised the dispute; anyone else gets 404.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "attachment.read");
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) throw notFound();
  const file = await attachmentForUser({ db: context.db, user, id, now: new Date() });
  if (!file) throw notFound();
  return attachmentResponse(file);
}
