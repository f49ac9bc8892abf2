// Run by `npm test` before the tests: the IMAP poller's tests (test/integration/imap-poller.test.ts)
// poll a real IMAP server, Debian's dovecot, started per suite by test/fixtures/dovecot.ts.
// Installs Debian's dovecot-imapd when running as root; otherwise says the one command to run.
import { existsSync } from "node:fs";
import { DOVECOT_BINARY } from "./lib/dovecot-binary";
import { runOrStop } from "./lib/run-commands";

if (!existsSync(DOVECOT_BINARY)) {
  if (process.getuid?.() !== 0) {
    console.error(
      "Dovecot is missing for the IMAP tests: run `sudo apt-get update && sudo apt-get install -y dovecot-imapd`, then npm test again.",
    );
    process.exit(1);
  }
  console.log("Dovecot is missing for the IMAP tests: installing Debian's dovecot-imapd package (about 10 MB).");
  runOrStop([
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", "dovecot-imapd"],
  ]);
  if (!existsSync(DOVECOT_BINARY)) {
    console.error(`The dovecot-imapd package is installed but ${DOVECOT_BINARY} is missing.`);
    process.exit(1);
  }
}
