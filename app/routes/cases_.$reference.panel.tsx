import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { PostedAnswerPage } from "../components/case-relations";
import { requirePermission } from "../auth/require-permission.server";
import { formCasePanel } from "../services/panels.server";
import { notFound } from "../utils/http.server";
import { readForm } from "../utils/read-form.server";

// Issue #17: a manager seats the independent panel of a level-3 case (the form is on the case page).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "panel.form");
  const form = await readForm(request);
  const memberIds = form
    .getAll("member")
    .map((v) => Number(v))
    .filter((n) => Number.isSafeInteger(n) && n > 0)
    .slice(0, 50);
  const result = await formCasePanel({
    db: context.db,
    user,
    reference: params.reference ?? "",
    memberIds,
    now: new Date(),
  });
  if (result.ok) return { done: true, refusal: null };
  if (result.reason === "not_found") throw notFound();
  return data({ done: false, refusal: result }, { status: 409 });
}

// Only posted to: the form lives on the case page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "panel.form");
  throw notFound();
}

// A page, not a resource route: an answer keeps its status (400, 409) and a post without JavaScript
// lands on words and a way back.
export default PostedAnswerPage;
