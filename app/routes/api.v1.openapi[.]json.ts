import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiMethodNotAllowed } from "../auth/api-request.server";
import { openApiDocument } from "../domain/api-openapi";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from the schemas it validates with. */
export function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(new URL(request.url).origin));
}

export const action = apiMethodNotAllowed("GET");
