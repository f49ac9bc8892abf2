// npm run restore -- --from data/backups/recourse-….db: puts a backup back as the database named by
// DATABASE_URL. Stop the server first. The backup is checked before anything is touched; the
// database it replaces is kept aside (data/backups/before-restore-<UTC time>.db); the restored
// database is then migrated to this version's schema. Exit 0 on success, 1 on failure, 2 on bad
// arguments.
import { parseArgs } from "node:util";
import { z } from "zod";
import { restoreDatabase } from "../db/backup";
import { migrateToLatest, openDatabase } from "../db/client";
import { parseEnv } from "../app/utils/env.server";
import { sqliteFileOrExit } from "./lib/sqlite-file";

const argsSchema = z.object({
  from: z.string({ error: "--from <backup file> is required" }).trim().min(1, "--from <backup file> is required"),
});
const { values } = parseArgs({ options: { from: { type: "string" } }, strict: true });
const args = argsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues[0]?.message);
  process.exit(2);
}

const databaseUrl = parseEnv().DATABASE_URL;
const targetPath = sqliteFileOrExit(databaseUrl);
try {
  const result = await restoreDatabase({ backupPath: args.data.from, targetPath, now: new Date() });
  if (result.previousCopy) console.log(`The database it replaced is kept at ${result.previousCopy}`);
  const db = openDatabase(databaseUrl);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  console.log(
    `Restored ${args.data.from} (${rows} rows in ${Object.keys(result.counts).length} tables) and migrated it. Start the server.`,
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
