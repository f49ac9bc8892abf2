import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, apiMethodNotAllowed, requireApiScope } from "../auth/api-request.server";
import { apiCase } from "../services/api.server";

/** GET /api/v1/cases/:reference: one of the token's SSM's cases, its clocks and timeline. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireApiScope(request, context, "cases.read");
  const found = await apiCase({ db: context.db, user, reference: params.reference ?? "", now: new Date() });
  if (!found) throw apiError("not_found");
  return apiJson(found);
}

export const action = apiMethodNotAllowed("GET");
