import { describe, expect, it } from "vitest";
import { sumTestCounts } from "../../scripts/lib/test-counts";

// Shapes copied from real runs of `npm test`: Vitest twice (SQLite, PostgreSQL), Playwright twice.
const SQLITE_VITEST = `
 Test Files  2 failed | 55 passed (57)
\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[31m2 failed\u001b[39m\u001b[22m\u001b[2m | \u001b[22m\u001b[1m\u001b[32m672 passed\u001b[39m\u001b[22m\u001b[90m (674)\u001b[39m
   Duration  98.53s (transform 2.71s, setup 0ms)`;
const PLAYWRIGHT_GROUP_1 = `
  ✓  41 [chromium] › test/e2e/reports.spec.ts:12:3 › the manager's report (8.1s)
  1 failed
    [chromium] › test/e2e/password-reset.spec.ts:20:3 › password reset
  4 did not run
  36 passed (3.2m)`;
const POSTGRES_VITEST = `
--- integration tests on PostgreSQL ---
      Tests  150 passed | 1 skipped (151)`;
const PLAYWRIGHT_GROUP_2 = `
--- browser tests, group 2 ---
  1 flaky
    [chromium] › test/e2e/french.spec.ts:5:3 › French pages
  30 passed (2.9m)`;

describe("the count .ci/run ends with", () => {
  it("sums passed and failed over both Vitest runs and both Playwright groups", () => {
    expect(
      sumTestCounts([SQLITE_VITEST, PLAYWRIGHT_GROUP_1, POSTGRES_VITEST, PLAYWRIGHT_GROUP_2].join("\n"), 1),
    ).toEqual({
      passed: 672 + 36 + 150 + 30,
      failed: 2 + 1 + 1,
    });
  });

  it("does not count test files, durations or a test whose title says passed", () => {
    expect(
      sumTestCounts(" Test Files  3 passed (3)\n  ✓ 2 passed checks stay green (1.2s)\n      Tests  9 passed (9)\n"),
    ).toEqual({ passed: 9, failed: 0 });
  });

  it("counts a run that failed before any test ran as one failure", () => {
    expect(sumTestCounts("app/x.ts(3,1): error TS2304: Cannot find name 'y'.\n", 2)).toEqual({ passed: 0, failed: 1 });
    expect(sumTestCounts("", 0)).toEqual({ passed: 0, failed: 0 });
  });
});
