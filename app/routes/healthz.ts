import type { LoaderFunctionArgs } from "@remix-run/node";
import { databaseAnswers } from "../services/health.server";
import { logError } from "../utils/log.server";

export async function loader({ context }: LoaderFunctionArgs) {
  let ok = false;
  try {
    ok = await databaseAnswers(context.db);
  } catch (error) {
    logError("health check: database could not be opened", error);
  }
  return new Response(ok ? "ok" : "database unavailable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
}
