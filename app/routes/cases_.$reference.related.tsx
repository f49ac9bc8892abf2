import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { refused } from "../domain/result";
import { refusalResponse, invalidFormResponse } from "../utils/refusal-response.server";
import { PostedAnswerPage } from "../components/case-relations";
import { requirePermission } from "../auth/require-permission.server";
import { knownKey, type MessageKey } from "../i18n";
import { linkCases, mergeDuplicate } from "../services/case-links.server";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { readForm } from "../utils/read-form.server";
import { schema } from "../forms/case-relations.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "case.link");
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { done: null });
  const common = { db: context.db, user, reference: params.reference ?? "", now: new Date() };
  const input = parsed.data;
  const result =
    input.intent === "link"
      ? await linkCases({ ...common, otherReference: input.otherReference, kind: input.kind })
      : await mergeDuplicate({
          ...common,
          duplicateReference: input.duplicateReference,
          expectedVersion: input.version,
        });
  if (!result.ok) {
    // This case not found is a 404; the other one not found (or another SSM's) is a typing mistake.
    if (result.reason === "not_found") throw notFound();
    return refusalResponse(refused("conflict", knownKey(`links.refused.${result.reason}`, "case.stale")), {
      done: null,
    });
  }
  const done: MessageKey = input.intent === "link" ? "links.done" : "links.mergeDone";
  return { errors: null, refused: null, done };
}

// Only posted to: the form lives on the case page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "case.link");
  throw notFound();
}

// A page, not a resource route: an answer keeps its status (400, 409) and a post without JavaScript
// lands on words and a way back.
export default PostedAnswerPage;
