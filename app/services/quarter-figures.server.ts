import type { DB } from "../../db/client";
import { listAreasWithSsm } from "../../db/repositories/areas";
import { countReceivedAndDecidedByArea } from "../../db/repositories/cases";
import { fiscalQuarterOf, formatQuarterId, quarterBounds } from "../domain/fiscal-quarter";

const REPORTING_TIME_ZONE = "America/Toronto";

/** Cases received and decided per SSM in the Ontario fiscal quarter containing `now`: counts only. */
export async function currentQuarterFigures(input: { db: DB; now: Date }) {
  const quarter = fiscalQuarterOf(input.now, REPORTING_TIME_ZONE);
  const { start, end } = quarterBounds(quarter, REPORTING_TIME_ZONE);
  const [areas, counts] = await Promise.all([
    listAreasWithSsm(input.db),
    countReceivedAndDecidedByArea(input.db, start.toISOString(), end.toISOString()),
  ]);
  const byArea = new Map(counts.map((c) => [c.area_slug, c]));
  const rows = areas.map((a) => ({
    areaSlug: a.slug,
    area_en: a.name_en,
    area_fr: a.name_fr,
    ssm_en: a.ssm.name_en,
    ssm_fr: a.ssm.name_fr,
    received: byArea.get(a.slug)?.received ?? 0,
    decided: byArea.get(a.slug)?.decided ?? 0,
  }));
  return {
    quarterId: formatQuarterId(quarter),
    start: start.toISOString(),
    // The last day of the quarter, for display: the bound itself is exclusive.
    lastDay: new Date(end.getTime() - 1).toISOString(),
    rows,
    total: {
      received: rows.reduce((s, r) => s + r.received, 0),
      decided: rows.reduce((s, r) => s + r.decided, 0),
    },
  };
}
