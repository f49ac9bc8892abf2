// `.ci/run`'s last line: reads the log of `npm test` on stdin and prints "N passed, N failed"
// (scripts/lib/test-counts.ts). Usage: sum-test-counts.ts <exit status of npm test> < log
import { readFileSync } from "node:fs";
import { sumTestCounts } from "./lib/test-counts";

const { passed, failed } = sumTestCounts(readFileSync(0, "utf8"), Number(process.argv[2] ?? 0));
console.log(`${passed} passed, ${failed} failed`);
