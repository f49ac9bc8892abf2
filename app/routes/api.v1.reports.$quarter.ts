import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, apiMethodNotAllowed, requireApiScope } from "../auth/api-request.server";
import { quarterIdSchema } from "../domain/report-input";
import { apiQuarterReports } from "../services/api.server";
import { env } from "../utils/env.server";

/** GET /api/v1/reports/:quarter: every SSM's submitted report, suppressed as the ministry's pages show it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireApiScope(request, context, "reports.read");
  const quarter = quarterIdSchema.safeParse(params.quarter);
  if (!quarter.success) throw apiError("not_found");
  const config = env();
  const reports = await apiQuarterReports({
    db: context.db,
    user,
    quarter: quarter.data,
    settings: { threshold: config.SUPPRESSION_THRESHOLD, dueDays: config.REPORT_DUE_DAYS },
    now: new Date(),
  });
  if (!reports) throw apiError("not_found");
  return apiJson(reports);
}

export const action = apiMethodNotAllowed("GET");
