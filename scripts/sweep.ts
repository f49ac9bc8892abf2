// npm run sweep [-- --now 2026-12-01T15:00:00Z]: evaluates due clocks (and report reminders) once, for cron. Safe to run
// while the server runs its own sweep. --now is for rehearsals and tests: time as if it were then.
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateToLatest, openDatabase } from "../db/client";
import { sweepClocks } from "../app/services/clock-sweep.server";
import { sendReportReminders } from "../app/services/report-reminders.server";
import { parseEnv } from "../app/utils/env.server";

const { values } = parseArgs({ options: { now: { type: "string" } }, strict: true });
const now = z.iso
  .datetime({ offset: true, error: "--now must be an ISO date-time, e.g. 2026-12-01T15:00:00Z" })
  .optional()
  .safeParse(values.now);
if (!now.success) {
  console.error(now.error.issues[0]?.message);
  process.exit(2);
}
const config = parseEnv();
const db = openDatabase(config.DATABASE_URL);
try {
  await migrateToLatest(db);
  const at = now.data ? new Date(now.data) : new Date();
  const result = await sweepClocks({ db, now: at });
  const reportReminders = await sendReportReminders({ db, now: at, dueDays: config.REPORT_DUE_DAYS });
  console.log(JSON.stringify({ ...result, reportReminders }));
} finally {
  await db.destroy();
}
