// npm test's browser tests: the specs in two groups at once (playwright.config.ts lists them), each
// a Playwright process with its own server and database. The browser tests mostly wait (pages,
// emails, hydration), so two groups take about half the time on two cores. Group 1 prints as it
// goes; group 2's output follows when both are done, so neither is interleaved with the other.
// Exit status: 0 only if both groups passed. `npx playwright test [files]` still runs specs in one.
import { spawn } from "node:child_process";

function runGroup(group: "1" | "2", live: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["playwright", "test"], {
      env: { ...process.env, RECOURSE_E2E_GROUP: group },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const take = (chunk: Buffer) => {
      if (live) process.stdout.write(chunk);
      else output += chunk.toString();
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

const [first, second] = await Promise.all([runGroup("1", true), runGroup("2", false)]);
process.stdout.write(`\n--- browser tests, group 2 ---\n${second.output}`);
process.exit(first.code === 0 && second.code === 0 ? 0 : 1);
