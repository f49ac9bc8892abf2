import type { LoaderFunctionArgs } from "@remix-run/node";
import { OPEN_DATA_COLUMNS, openDataCells, parseOpenDataFile } from "../domain/open-data";
import { openDataQuarter } from "../services/open-data.server";
import { csvResponse } from "../utils/csv.server";
import { env } from "../utils/env.server";
import { notFound } from "../utils/http.server";

/** /open-data/:area/:quarter.csv and .json: one SSM's published figures of one quarter (issue #22). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const file = parseOpenDataFile(params.file ?? "");
  const area = params.area ?? "";
  if (!file) throw notFound();
  const threshold = env().SUPPRESSION_THRESHOLD;
  const row = await openDataQuarter(context.db, area, file.quarter, threshold);
  if (!row) throw notFound();
  if (file.format === "csv")
    return csvResponse(`recourse-${area}-${file.quarter}.csv`, [OPEN_DATA_COLUMNS, openDataCells(row)]);
  return new Response(JSON.stringify({ threshold, dictionary: "/open-data#dictionary", ...row }), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
