// Run by `npm test` before the browser tests: makes sure the Chromium they drive is there
// (scripts/lib/chromium-plan.ts decides), installing Debian's package when running as root.
import { existsSync } from "node:fs";
import { planChromium } from "./lib/chromium-plan";
import { runOrStop } from "./lib/run-commands";

const plan = planChromium({
  chromiumPath: process.env.CHROMIUM_PATH,
  exists: existsSync,
  isRoot: process.getuid?.() === 0,
});

if (plan.action === "stop") {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === "install") {
  console.log(`Chromium is missing for the browser tests: installing Debian's chromium package (about 110 MB).`);
  runOrStop(plan.commands);
  if (!existsSync(plan.path)) {
    console.error(`The chromium package is installed but ${plan.path} is missing: set CHROMIUM_PATH to its binary.`);
    process.exit(1);
  }
}
