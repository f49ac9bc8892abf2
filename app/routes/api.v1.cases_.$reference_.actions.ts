import type { ActionFunctionArgs } from "@remix-run/node";
import {
  apiError,
  apiInvalid,
  apiJson,
  apiMethodNotAllowed,
  apiRefusal,
  readJson,
  requireApiScope,
} from "../auth/api-request.server";
import { caseActionSchema } from "../domain/api-contract";
import { staffActionRefusal } from "../domain/case-refusals";
import { apiCase, apiCaseAction } from "../services/api.server";

/**
 * POST /api/v1/cases/:reference/actions: a staff action, through the case page's own service and
 * lifecycle rules, so what the page refuses the API refuses with the same reason.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = await requireApiScope(request, context, "cases.act");
  const parsed = caseActionSchema.safeParse(await readJson(request));
  if (!parsed.success) throw apiInvalid(parsed.error);
  const reference = params.reference ?? "";
  const now = new Date();
  const result = await apiCaseAction({ db: context.db, user, reference, body: parsed.data, now });
  if (!result.ok) throw apiRefusal(staffActionRefusal(result.reason), result.reason);
  const after = await apiCase({ db: context.db, user, reference, now });
  if (!after) throw apiError("not_found");
  return apiJson({ done: parsed.data.action, case: after });
}

export const loader = apiMethodNotAllowed("POST");
