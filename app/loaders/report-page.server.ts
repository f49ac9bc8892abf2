import type { Params } from "@remix-run/react";
import { idNumber } from "../domain/id-bounds";
import { reportPageView } from "../services/report-pages.server";
import { requirePermission } from "../auth/require-permission.server";
import { getDb } from "../utils/db.server";
import { env } from "../utils/env.server";
import { notFound } from "../utils/http.server";

// Loaders that several routes share live here: a file under app/routes would itself be a route,
// and app/utils sits below the services this one calls.

/** `?version=N` (a positive whole number) or null; anything else is a page that does not exist. */
function versionParam(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("version");
  if (raw === null) return null;
  const n = idNumber.safeParse(raw);
  if (!n.success) throw notFound();
  return n.data;
}

/** What the report page and its printable page load: one SSM's quarter as the signed-in person may see it. */
export async function loadReportPage(request: Request, params: Params) {
  const { user } = await requirePermission(request, ["report.read_province", "report.read"]);
  const config = env();
  const view = await reportPageView({
    db: getDb(),
    user,
    areaSlug: params.area ?? "",
    quarter: params.quarter ?? "",
    version: versionParam(request),
    settings: { threshold: config.SUPPRESSION_THRESHOLD, dueDays: config.REPORT_DUE_DAYS },
    now: new Date(),
  });
  if (!view) throw notFound();
  return view;
}
