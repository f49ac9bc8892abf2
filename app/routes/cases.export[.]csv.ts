import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseQueueFilters } from "../domain/queue-filters";
import { localDateOf } from "../domain/time-zone";
import { staffCaseExport } from "../services/case-export.server";
import { csvResponse } from "../utils/csv.server";
import { DISPLAY_TIME_ZONE } from "../utils/format-date";
import { notFound } from "../utils/http.server";
import { languageOf } from "../utils/language.server";
import { requirePermission } from "../auth/require-permission.server";

/** /cases/export.csv?<the queue's filters>: every case of the staff member's SSM that they match, streamed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "case.export");
  // The queue's own schema: an unknown or malformed filter is dropped, as on the page.
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  const now = new Date();
  const exported = await staffCaseExport({ db: context.db, user, filters, language: languageOf(request), now });
  if (!exported) throw notFound();
  const filename = `recourse-cases-${exported.areaSlug}-${localDateOf(now, DISPLAY_TIME_ZONE)}.csv`;
  return csvResponse(filename, exported.rows, { signal: request.signal });
}
