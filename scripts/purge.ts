// npm run purge [-- --older-than-years 7] [-- --dry-run] [-- --now 2033-12-01T15:00:00Z]: removes the
// personal information of cases closed, withdrawn or referred more than N years ago (default
// RETENTION_YEARS, 7), keeping what the report figures count. For cron; running it twice changes
// nothing the second time. --dry-run counts without changing anything; --now rehearses a date.
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateToLatest, openDatabase } from "../db/client";
import { purgeExpiredPersonalInformation } from "../app/services/retention.server";
import { parseEnv } from "../app/utils/env.server";

const config = parseEnv();
const argsSchema = z.object({
  "older-than-years": z.coerce
    .number({ error: "--older-than-years must be a whole number of years" })
    .int("--older-than-years must be a whole number of years")
    .min(1, "--older-than-years must be at least 1")
    .max(100, "--older-than-years must be at most 100")
    .default(config.RETENTION_YEARS),
  "dry-run": z.boolean().default(false),
  now: z.iso.datetime({ offset: true, error: "--now must be an ISO date-time, e.g. 2033-12-01T15:00:00Z" }).optional(),
});
const { values } = parseArgs({
  options: { "older-than-years": { type: "string" }, "dry-run": { type: "boolean" }, now: { type: "string" } },
  strict: true,
});
const args = argsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues[0]?.message);
  process.exit(2);
}

const db = openDatabase(config.DATABASE_URL);
try {
  await migrateToLatest(db);
  const result = await purgeExpiredPersonalInformation({
    db,
    now: args.data.now ? new Date(args.data.now) : new Date(),
    olderThanYears: args.data["older-than-years"],
    attachmentsDir: config.ATTACHMENTS_DIR,
    dryRun: args.data["dry-run"],
  });
  console.log(JSON.stringify(result));
} finally {
  await db.destroy();
}
