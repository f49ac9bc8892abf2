// npm test's last step: the browser tests in two groups (playwright.config.ts lists them), each a
// Playwright process with its own server and database, and with --with-postgres the integration
// suites on PostgreSQL (a server of their own from npm unless TEST_POSTGRES_URL names one, started
// by that run's global setup), all at once. The browser tests mostly wait (pages, emails, hydration), so
// side by side they take about the time of the slowest on two cores. The first job prints as it
// goes; the others' output follows when all are done, so nothing is interleaved. Exit status: 0
// only if every job passed. `npx playwright test [files]` still runs specs in one process.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { z } from "zod";

const { values } = parseArgs({ options: { "with-postgres": { type: "boolean" } }, strict: true });
const args = z.object({ "with-postgres": z.boolean().default(false) }).parse(values);

interface Job {
  title: string;
  command: string[];
  env?: Record<string, string>;
}

const jobs: Job[] = [
  { title: "browser tests, group 1", command: ["npx", "playwright", "test"], env: { RECOURSE_E2E_GROUP: "1" } },
  { title: "browser tests, group 2", command: ["npx", "playwright", "test"], env: { RECOURSE_E2E_GROUP: "2" } },
  // One worker: the browser tests need the other core more than this run needs two.
  ...(args["with-postgres"]
    ? [
        {
          title: "integration tests on PostgreSQL",
          command: ["npx", "vitest", "run", "-c", "vitest.pg.config.ts", "--maxWorkers=1"],
        },
      ]
    : []),
];

function run(job: Job, live: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const [command, ...rest] = job.command as [string, ...string[]];
    const child = spawn(command, rest, { env: { ...process.env, ...job.env }, stdio: ["ignore", "pipe", "pipe"] });
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

const results = await Promise.all(jobs.map((job, i) => run(job, i === 0)));
results.slice(1).forEach((result, i) => process.stdout.write(`\n--- ${jobs[i + 1]!.title} ---\n${result.output}`));
process.exit(results.every((result) => result.code === 0) ? 0 : 1);
