import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:pg`: the integration suites again, each on a database of its own on a PostgreSQL
// server: the one TEST_POSTGRES_URL names, else one this run starts from npm's binaries
// (test/fixtures/postgres-server.ts) and stops at its end. Two suites are about SQLite files
// themselves (the online backup, and kill -9 against the file's journal) and stay SQLite-only.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/integration/**/*.test.ts"],
    exclude: ["test/integration/backup.test.ts", "test/integration/durability.test.ts"],
    // In this order: the server first, then the template database on it (teardown runs in reverse).
    globalSetup: ["test/fixtures/postgres-server.ts", "test/fixtures/global-setup.ts"],
  },
});
