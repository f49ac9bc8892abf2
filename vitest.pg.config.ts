import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:pg`: the integration suites again, each on a database of its own on the PostgreSQL
// server named by TEST_POSTGRES_URL (test/fixtures/test-db.ts). Two suites are about SQLite files
// themselves (the online backup, and kill -9 against the file's journal) and stay SQLite-only.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/integration/**/*.test.ts"],
    exclude: ["test/integration/backup.test.ts", "test/integration/durability.test.ts"],
    globalSetup: ["test/fixtures/postgres-server.ts"],
  },
});
