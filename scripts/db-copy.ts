// npm run db:copy -- --to postgres://user:password@host:5432/database [--from file:data/recourse.db]:
// copies a SQLite database (DATABASE_URL, or --from) into a new, empty PostgreSQL database, in one
// transaction: ids, audit chain and all. Stop the app first. The target is migrated, then filled;
// a target that already holds rows is refused and left as it was. Afterwards the row counts and the
// audit chain are checked on the target before it is committed. Exit 0 when copied and verified,
// 1 when refused or failed (the target then holds no rows), 2 on bad arguments.
import SQLite from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { Kysely, SqliteDialect } from "kysely";
import { z } from "zod";
import { migrateToLatest, openDatabase, sqlitePathFromUrl, type DB } from "../db/client";
import { checkSourceIsReady, checkTargetIsEmpty, copyDatabase, CopyRefused, type CopyProgress } from "../db/copy";
import { isPostgresUrl } from "../db/dialect";
import type { Database } from "../db/schema";
import { verifyAuditChain } from "../app/services/audit-verify.server";
import { parseEnv } from "../app/utils/env.server";

const argsSchema = z.object({
  to: z
    .string({
      error:
        "--to is required: the PostgreSQL database to fill, e.g. --to postgres://recourse:secret@127.0.0.1:5432/recourse",
    })
    .refine(isPostgresUrl, "--to must be a postgres:// URL: db:copy only copies SQLite to PostgreSQL"),
  from: z
    .string()
    .refine(
      (v) => !isPostgresUrl(v),
      "--from must be a SQLite file (file:<path>): db:copy only copies SQLite to PostgreSQL",
    )
    .refine((v) => v !== ":memory:", "--from must be a SQLite file (file:<path>), not :memory:")
    .optional(),
});

const { values } = parseArgs({ options: { to: { type: "string" }, from: { type: "string" } }, strict: true });
const args = argsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues[0]?.message);
  process.exit(2);
}

const fromUrl = args.data.from ?? parseEnv().DATABASE_URL;
if (isPostgresUrl(fromUrl))
  fail("DATABASE_URL names a PostgreSQL database: point it (or --from) at the SQLite file to copy");
const sourcePath = sqlitePathFromUrl(fromUrl);
if (!existsSync(sourcePath) || !statSync(sourcePath).isFile()) fail(`no SQLite database at ${sourcePath}`);

// Read-only: whatever goes wrong, the copy cannot change the database it copies.
let source: DB;
try {
  source = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(sourcePath, { readonly: true, fileMustExist: true }) }),
  });
} catch (error) {
  fail(`cannot open ${sourcePath}: ${(error as Error).message}`);
}
const target = openDatabase(args.data.to, { poolSize: 2 });
const shownTarget = args.data.to.replace(/:[^:@/]*@/, ":***@");

try {
  const started = performance.now();
  await checkSourceIsReady(source);
  await checkTargetIsEmpty(target);
  await migrateToLatest(target);
  console.error(`Copying ${sourcePath} to ${shownTarget} …`);
  let audit = 0;
  const summary = await copyDatabase({
    source,
    target,
    onProgress: progressPrinter(),
    beforeCommit: async (trx) => {
      const report = await verifyAuditChain(trx);
      if (!report.ok)
        throw new Error(
          `the audit chain does not verify on the target (${report.problem.kind}, entry #${report.problem.entryId}): ${report.problem.message}`,
        );
      audit = report.entries;
    },
  });
  const width = Math.max(...summary.map((s) => s.table.length));
  console.log(`${"table".padEnd(width)}  ${"source".padStart(9)}  ${"target".padStart(9)}  ${"ms".padStart(7)}`);
  for (const s of summary) {
    console.log(
      `${s.table.padEnd(width)}  ${String(s.sourceRows).padStart(9)}  ${String(s.targetRows).padStart(9)}  ${String(s.ms).padStart(7)}`,
    );
  }
  const rows = summary.reduce((n, s) => n + s.targetRows, 0);
  console.log(
    `Copied ${rows} rows in ${summary.length} tables in ${((performance.now() - started) / 1000).toFixed(1)} s; row counts match; audit chain verified (${audit} entries).`,
  );
} catch (error) {
  console.error(
    error instanceof CopyRefused
      ? `db:copy refused: ${error.message}`
      : `db:copy failed, no rows were written to the target: ${(error as Error).message}`,
  );
  process.exitCode = 1;
} finally {
  await source.destroy();
  await target.destroy();
}

/** A line on stderr about once a second while a table of more than 10,000 rows is copied. */
function progressPrinter(): (p: CopyProgress) => void {
  let last = 0;
  return (p) => {
    if (p.total <= 10_000) return;
    const now = performance.now();
    if (now - last < 1_000 && p.copied < p.total) return;
    last = now;
    console.error(`  ${p.table}: ${p.copied} / ${p.total} rows (${Math.floor((100 * p.copied) / p.total)}%)`);
  };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
