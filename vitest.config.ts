import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    globals: true,
    include: ["test/unit/**/*.test.ts", "test/unit/**/*.test.tsx", "test/integration/**/*.test.ts"],
    // *.pg.test.ts need a PostgreSQL server: only vitest.pg.config.ts runs them.
    exclude: [...configDefaults.exclude, "**/*.pg.test.ts"],
    environment: "node",
    // Once per run: the migrated, seeded database each suite copies (test/fixtures/template-db.ts).
    globalSetup: ["test/fixtures/global-setup.ts"],
    // Backstops for a test that hangs, not budgets: on a busy machine a long suite (a demo seed, kill -9
    // twenty times, three servers) may take minutes, and must then pass, not time out. Each wait
    // inside a test has its own bound and says what it waited for.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
