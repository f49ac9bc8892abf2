import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, apiMethodNotAllowed, requireApiScope } from "../auth/api-request.server";
import { caseListQuerySchema } from "../domain/api-contract";
import { apiCaseList } from "../services/api.server";

/** GET /api/v1/cases: the token's SSM's queue, with the queue page's filters and cursor. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireApiScope(request, context, "cases.read");
  const filters = caseListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await apiCaseList({ db: context.db, user, filters, now: new Date() });
  if (!list) throw apiError("not_found");
  return apiJson(list);
}

export const action = apiMethodNotAllowed("GET");
