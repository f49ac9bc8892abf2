import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { refused } from "../domain/result";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { PostedAnswerPage } from "../components/case-relations";
import { requirePermission } from "../auth/require-permission.server";
import { knownKey, type MessageKey } from "../i18n";
import { extendCaseDeadline } from "../services/case-extensions.server";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { readForm } from "../utils/read-form.server";
import { schema } from "../forms/case-extension.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "case.extend");
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { done: null });
  const result = await extendCaseDeadline({
    db: context.db,
    user,
    reference: params.reference ?? "",
    expectedVersion: parsed.data.version,
    businessDays: parsed.data.businessDays,
    reason: parsed.data.extensionReason,
    now: new Date(),
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    const reason = result.reason === "stale" ? "case.stale" : knownKey(`case.refused.${result.reason}`, "case.stale");
    return refusalResponse(refused("conflict", reason), { done: null });
  }
  const done: MessageKey = "extension.done";
  return { errors: null, refused: null, done };
}

// Only posted to: the form lives on the case page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "case.extend");
  throw notFound();
}

// A page, not a resource route: an answer keeps its status (400, 409) and a post without JavaScript
// lands on words and a way back.
export default PostedAnswerPage;
