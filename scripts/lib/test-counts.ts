// The one line `.ci/run` ends with, "N passed, N failed", summed over every runner `npm test`
// starts: Vitest (the SQLite run, and the PostgreSQL run beside the browser tests) and Playwright
// (one process per group). Each prints its own summary shape; this reads them all from the log.

export interface TestCounts {
  passed: number;
  failed: number;
}

// Colour codes, which both runners print when they think a terminal is watching.
const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, "g");
// Vitest: "      Tests  2 failed | 40 passed | 1 skipped (43)".
const VITEST_SUMMARY = /^\s*Tests\s+(.*)\(\d+\)\s*$/;
// Playwright's list reporter: "  12 passed (41.3s)", "  1 failed", "  1 flaky" on lines of their own.
const PLAYWRIGHT_SUMMARY = /^\s+(\d+) (passed|failed|flaky|interrupted)(?: \(.*\))?\s*$/;

export function sumTestCounts(log: string, exitStatus = 0): TestCounts {
  const counts: TestCounts = { passed: 0, failed: 0 };
  for (const line of log.replace(ANSI, "").split(/\r?\n/)) {
    const vitest = VITEST_SUMMARY.exec(line);
    if (vitest) {
      for (const [, n, outcome] of vitest[1]!.matchAll(/(\d+) (passed|failed)/g)) add(counts, outcome!, Number(n));
      continue;
    }
    const playwright = PLAYWRIGHT_SUMMARY.exec(line);
    if (playwright) add(counts, playwright[2]!, Number(playwright[1]));
  }
  // A run that stopped before any test (the type check, a server that would not start) still failed.
  if (exitStatus !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function add(counts: TestCounts, outcome: string, n: number): void {
  if (outcome === "passed") counts.passed += n;
  else counts.failed += n;
}
