import { defineConfig } from "@playwright/test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ACTION_MS, EXPECT_MS, NAVIGATION_MS, SERVER_START_MS, TEST_BACKSTOP_MS } from "./test/e2e/budgets";
import { freePort, SERVER_NODE_FLAGS } from "./test/fixtures/built-server";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  const error = new Error(
    `Chromium not found at ${executablePath}: npm run test:e2e installs it (as root), or run "sudo apt-get install -y chromium", or set CHROMIUM_PATH.`,
  );
  // Printed as this one line, without "Error:", brackets or a stack trace: the fix is in the message.
  Object.assign(error, { [Symbol.for("nodejs.util.inspect.custom")]: () => error.message });
  throw error;
}

// A port nothing listens on now, so two runs on one machine (a developer's and CI's) never collide.
process.env.RECOURSE_E2E_PORT ??= String(await freePort());
const PORT = Number(process.env.RECOURSE_E2E_PORT);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// Replies by email (issue #20): the server listens for them on a port of its own, and signs the
// Reply-To of each email it writes with this run's secret (test/e2e/mail-in.spec.ts replies to one).
process.env.RECOURSE_E2E_INBOUND_PORT ??= String(await freePort());

// This file is evaluated by the runner and again by each worker. The runner creates the run's
// folder (database and mail) and records it in the environment, which the workers inherit, so all
// agree on one path. test/e2e/fixtures.ts reads RECOURSE_E2E_MAIL_DIR.
if (!process.env.RECOURSE_E2E_DIR) {
  const created = mkdtempSync(join(tmpdir(), "recourse-e2e-"));
  process.env.RECOURSE_E2E_DIR = created;
  process.on("exit", (code) => {
    if (code === 0) rmSync(created, { recursive: true, force: true });
    else console.error(`E2E database and mail kept for inspection in ${created}`);
  });
}
const runDir = process.env.RECOURSE_E2E_DIR;
process.env.RECOURSE_E2E_MAIL_DIR = join(runDir, "mail");
// Mail must land in MAIL_DIR where the tests read it, never go to a real SMTP server.
delete process.env.SMTP_URL;

// `npm test` runs the specs as two groups at once (scripts/tests-side-by-side.ts), each its own
// Playwright process with its own server, database and mail folder, so neither sees the other's
// changes. Group 2 is this list (about half the running time); group 1 is every other spec, so a
// new spec runs somewhere without being listed. Without RECOURSE_E2E_GROUP, every spec runs.
const SECOND_GROUP = [
  "deadlines.spec.ts",
  "ssm-admin.spec.ts",
  "public-journey.spec.ts",
  "provider-disputes.spec.ts",
  "authorization.spec.ts",
  "french.spec.ts",
  "keyboard.spec.ts",
  "survey.spec.ts",
  "production-errors.spec.ts",
  "same-origin.spec.ts",
  "healthz.spec.ts",
  "zz-rate-limits.spec.ts",
].map((file) => `**/${file}`);
const group = process.env.RECOURSE_E2E_GROUP;

export default defineConfig({
  testDir: "test/e2e",
  ...(group === "1" ? { testIgnore: SECOND_GROUP } : group === "2" ? { testMatch: SECOND_GROUP } : {}),
  // Per group: Playwright empties its output folder when it starts.
  outputDir: group ? `test-results/group-${group}` : "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
  // Each step has its own budget (test/e2e/budgets.ts); the test's own is only a backstop.
  timeout: TEST_BACKSTOP_MS,
  expect: { timeout: EXPECT_MS },
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    locale: "en-CA",
    trace: "retain-on-failure",
    actionTimeout: ACTION_MS,
    navigationTimeout: NAVIGATION_MS,
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node ${SERVER_NODE_FLAGS.join(" ")} build/server.js`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: SERVER_START_MS,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      // A fresh PostgreSQL database may be named instead, to try the pages there by hand; the specs
      // that open the SQLite file themselves (locks, direct reads) need the default.
      DATABASE_URL: process.env.RECOURSE_E2E_DATABASE_URL ?? `file:${join(runDir, "recourse.db")}`,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      PUBLIC_URL: BASE_URL,
      MAIL_DIR: process.env.RECOURSE_E2E_MAIL_DIR,
      OUTBOX_INTERVAL_MS: "200",
      // The production-error test holds the write lock on purpose: each blocked write fails sooner.
      SQLITE_BUSY_TIMEOUT_MS: "1000",
      SEED_DEMO: "true",
      // Every test files from 127.0.0.1: the per-address limit is tested in the integration suite.
      FILINGS_PER_IP_PER_HOUR: "1000",
      INBOUND_SMTP_PORT: process.env.RECOURSE_E2E_INBOUND_PORT,
      INBOUND_SMTP_HOST: "127.0.0.1",
      REPLY_TOKEN_SECRET: "e2e-reply-token-secret-0123456789abcdef",
      // Lets the administrator keep an organization's OpenID client secret (oidc-sign-in.spec.ts).
      SECRETS_KEY: "e2e sealing key, at least thirty-two characters long",
    },
  },
});
