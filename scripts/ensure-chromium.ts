// Run by `npm test` before the browser tests: makes sure the Chromium they drive is there
// (scripts/lib/chromium-plan.ts decides), installing Debian's package when running as root.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { planChromium } from "./lib/chromium-plan";

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
  for (const [command, ...args] of plan.commands as [string, ...string[]][]) {
    console.log(`$ ${[command, ...args].join(" ")}`);
    const result = spawnSync(command, args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) {
      console.error(
        `\`${[command, ...args].join(" ")}\` failed (${result.error?.message ?? `exit status ${result.status}`}).`,
      );
      process.exit(1);
    }
  }
  if (!existsSync(plan.path)) {
    console.error(`The chromium package is installed but ${plan.path} is missing: set CHROMIUM_PATH to its binary.`);
    process.exit(1);
  }
}
