// npm run backup [-- --to path/to/copy.db]: a consistent copy of the live database, taken with
// SQLite's online backup API while the server runs, then checked (integrity, rows per table,
// migrations). Default destination: data/backups/recourse-<UTC time>.db beside the database.
// Exit 0 when the copy is sound, 1 when not, 2 on bad arguments. Restore: npm run restore.
import { parseArgs } from "node:util";
import { z } from "zod";
import { backupDatabase, defaultBackupPath } from "../db/backup";
import { parseEnv } from "../app/utils/env.server";
import { sqliteFileOrExit } from "./lib/sqlite-file";

const argsSchema = z.object({ to: z.string().trim().min(1, "--to needs a file path").optional() });
const { values } = parseArgs({ options: { to: { type: "string" } }, strict: true });
const args = argsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues[0]?.message);
  process.exit(2);
}

const source = sqliteFileOrExit(parseEnv().DATABASE_URL);
const destination = args.data.to ?? defaultBackupPath(source, new Date());
try {
  const result = await backupDatabase({ sourcePath: source, destinationPath: destination });
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  console.log(`Backup written and verified: ${result.path}`);
  console.log(
    `  ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${Object.keys(result.counts).length} tables, ${rows} rows, ${result.ms} ms; integrity ok`,
  );
  for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(24)} ${n}`);
  if (result.auditHead) {
    console.log(`Audit head: ${result.auditHead.id}:${result.auditHead.hash}`);
    console.log(
      `  (keep it with the backup's record; later: npm run audit:verify -- --anchor ${result.auditHead.id}:${result.auditHead.hash})`,
    );
  }
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
