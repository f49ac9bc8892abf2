import { databaseAnswers } from "../services/health.server";
import { getDb } from "../utils/db.server";
import { logError } from "../utils/log.server";

export async function loader() {
  let ok = false;
  try {
    ok = await databaseAnswers(getDb());
  } catch (error) {
    logError("health check: database could not be opened", error);
  }
  return new Response(ok ? "ok" : "database unavailable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
}
