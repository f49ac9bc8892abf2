// npm run db:migrate: brings the database named by DATABASE_URL to the latest schema.
import { migrateToLatest, openDatabase } from "../db/client";
import { parseEnv } from "../app/utils/env.server";

const db = openDatabase(parseEnv().DATABASE_URL);
try {
  await migrateToLatest(db);
  console.log("Database is up to date.");
} finally {
  await db.destroy();
}
