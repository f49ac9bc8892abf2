// `npm run screenshots`: the README's pictures of the screens people work in all day (#19),
// taken from the built server over a fresh demo database, at a desktop's 1280×800, in Chromium.
// Writes docs/screenshots/{case-page,queue,comparison}.png; run again after a screen changes.
import { chromium, type Page } from "@playwright/test";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../test/fixtures/built-server";

const OUT = "docs/screenshots";
const PASSWORD = "Recourse-demo-2026";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  // The top 1280×1400 of the page: the window's width, and the first screen and a half of content.
  await page.screenshot({
    path: join(OUT, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: 1400 },
  });
  console.log(`wrote ${join(OUT, `${name}.png`)}`);
}

if (!existsSync("build/server.js")) throw new Error("build/server.js is missing: `npm run screenshots` builds first");
mkdirSync(OUT, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "recourse-screenshots-"));
const port = await freePort();
const baseURL = `http://127.0.0.1:${port}`;
// Mail goes to files in the throw-away folder, never to a real SMTP server.
const { SMTP_URL: _smtp, ...environment } = process.env;
const server = spawn(process.execPath, ["build/server.js", "--demo"], {
  env: {
    ...environment,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: baseURL,
    DATABASE_URL: `file:${join(dir, "recourse.db")}`,
    MAIL_DIR: join(dir, "mail"),
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
try {
  // The demo seed runs at start-up: /healthz answers once the server listens.
  for (let ready = false; !ready;) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    ready = await fetch(`${baseURL}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: "en-CA" });
  const page = await context.newPage();

  await signIn(page, "staff@hamilton-niagara.example.org");
  await page.goto("/cases");
  await shoot(page, "queue");
  // A case staff are working on: the first in the queue with a conversation under way, held by the
  // officer (one the sweep moved up on its own has no conversation to show).
  const reference = await page
    .getByRole("table", { name: "Cases", exact: true })
    .getByRole("row")
    .filter({ hasText: "In review" })
    .filter({ hasText: "Hamilton Case Officer" })
    .first()
    .getByRole("link")
    .first()
    .innerText();
  await page.goto(`/cases/${reference.trim()}`);
  await shoot(page, "case-page");

  await context.clearCookies();
  await signIn(page, "analyst@ministry.example.org");
  await page.goto("/reports");
  await shoot(page, "comparison");
} finally {
  await browser.close();
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(dir, { recursive: true, force: true });
}
