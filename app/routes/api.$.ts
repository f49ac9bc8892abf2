import { apiError } from "../auth/api-request.server";

// Any path under /api that no endpoint claims (a typo, a version we do not have): the API's JSON
// 404, never the site's HTML page, whatever the method and whether or not a token came with it.
const notFound = () => {
  throw apiError("not_found", { reason: "no_such_endpoint" });
};

export const loader = notFound;
export const action = notFound;
