import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvQuerySchema } from "../domain/report-input";
import { reportCsvRows } from "../services/report-exports.server";
import { csvResponse } from "../utils/csv.server";
import { env } from "../utils/env.server";
import { notFound } from "../utils/http.server";
import { languageOf } from "../utils/language.server";
import { requirePermission } from "../auth/require-permission.server";

/** /reports/export.csv?view=comparison|table|report|trend|all&…: any report view as a streamed CSV (table: the comparison laid out as on screen). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, ["report.read_province", "report.read"]);
  const query = csvQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    throw new Response(
      "Bad request: view must be comparison, table, report, trend or all, with a quarter like 2026-Q2 where needed.",
      { status: 400 },
    );
  const config = env();
  const rows = await reportCsvRows({
    db: context.db,
    user,
    query: query.data,
    settings: { threshold: config.SUPPRESSION_THRESHOLD, dueDays: config.REPORT_DUE_DAYS },
    language: languageOf(request),
    now: new Date(),
  });
  if (!rows) throw notFound();
  const q = query.data;
  const name = [
    "recourse",
    q.view,
    "area" in q ? q.area : null,
    "quarter" in q ? q.quarter : null,
    "version" in q && q.version ? `v${q.version}` : null,
  ]
    .filter(Boolean)
    .join("-");
  return csvResponse(`${name}.csv`, rows, { signal: request.signal });
}
