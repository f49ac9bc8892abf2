// npm run sweep [-- --now 2026-12-01T15:00:00Z]: evaluates due clocks once, for cron. Safe to run
// while the server runs its own sweep. --now is for rehearsals and tests: time as if it were then.
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateToLatest, openDatabase } from "../db/client";
import { sweepClocks } from "../app/services/clock-sweep.server";
import { parseEnv } from "../app/utils/env.server";

const { values } = parseArgs({ options: { now: { type: "string" } }, strict: true });
const now = z.iso.datetime({ offset: true, error: "--now must be an ISO date-time, e.g. 2026-12-01T15:00:00Z" }).optional().safeParse(values.now);
if (!now.success) {
  console.error(now.error.issues[0]?.message);
  process.exit(2);
}
const db = openDatabase(parseEnv().DATABASE_URL);
try {
  await migrateToLatest(db);
  const result = await sweepClocks({ db, now: now.data ? new Date(now.data) : new Date() });
  console.log(JSON.stringify(result));
} finally {
  await db.destroy();
}
