import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentForUser } from "../services/attachments.server";
import { attachmentResponse } from "../utils/attachment-response.server";
import { getDb } from "../utils/db.server";
import { notFound } from "../utils/http.server";
import { requireUser } from "../utils/session.server";

// Staff of the case's SSM and the provider that raised the dispute; anyone else gets 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["ssm_staff", "ssm_manager", "provider_user"]);
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) throw notFound();
  const file = await attachmentForUser({ db: getDb(), user, id, now: new Date() });
  if (!file) throw notFound();
  return attachmentResponse(file);
}
