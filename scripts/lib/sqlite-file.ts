import { isPostgresUrl } from "../../db/dialect";
import { sqlitePathFromUrl } from "../../db/client";

/**
 * The SQLite file DATABASE_URL names, for the commands that work on the file itself (backup,
 * restore); on a PostgreSQL URL they stop (exit 2) and point to PostgreSQL's own tools.
 */
export function sqliteFileOrExit(databaseUrl: string): string {
  if (isPostgresUrl(databaseUrl)) {
    console.error(
      "DATABASE_URL names a PostgreSQL server: back it up and restore it with pg_dump and pg_restore (README, Running several instances).",
    );
    process.exit(2);
  }
  return sqlitePathFromUrl(databaseUrl);
}
