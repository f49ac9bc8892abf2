import type { LoaderFunctionArgs } from "@remix-run/node";
import { OPEN_DATA_COLUMNS } from "../domain/open-data";
import { openDataIndex } from "../services/open-data.server";
import { env } from "../utils/env.server";

/** /open-data.json: every published dataset and where it is, for a harvester (issue #22). */
export async function loader({ context }: LoaderFunctionArgs) {
  const datasets = await openDataIndex(context.db);
  return new Response(
    JSON.stringify({
      threshold: env().SUPPRESSION_THRESHOLD,
      dictionary: "/open-data#dictionary",
      columns: OPEN_DATA_COLUMNS,
      datasets,
    }),
    { headers: { "Content-Type": "application/json; charset=utf-8" } },
  );
}
