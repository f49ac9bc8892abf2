// Run by `npm test` and `npm run test:e2e` before the browser tests: the print views are proven by
// the text of the PDF Chromium prints (test/e2e/report-screens.spec.ts), read with pdftotext from
// Debian's poppler-utils. Installs it when running as root; otherwise says the one command to run.
import { existsSync } from "node:fs";
import { PDFTOTEXT_BINARY } from "./lib/pdftotext-binary";
import { runOrStop } from "./lib/run-commands";

if (!existsSync(PDFTOTEXT_BINARY)) {
  if (process.getuid?.() !== 0) {
    console.error(
      "pdftotext is missing for the print tests: run `sudo apt-get update && sudo apt-get install -y poppler-utils`, then npm test again.",
    );
    process.exit(1);
  }
  console.log("pdftotext is missing for the print tests: installing Debian's poppler-utils package (about 1 MB).");
  runOrStop([
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", "poppler-utils"],
  ]);
  if (!existsSync(PDFTOTEXT_BINARY)) {
    console.error(`The poppler-utils package is installed but ${PDFTOTEXT_BINARY} is missing.`);
    process.exit(1);
  }
}
