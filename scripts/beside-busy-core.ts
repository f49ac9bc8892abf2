// `npm run test:busy [-- command…]`: runs a command (default `npm test`) while a busy loop keeps
// one core at 100 %, pinned there with taskset, the way a machine shared with other work is. A test
// that fails only here waits on time somewhere instead of on an event (README, "Test it").
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";

const command = process.argv.slice(2);
const [program, ...args] = (command.length ? command : ["npm", "test"]) as [string, ...string[]];
const core = availableParallelism() - 1;

const hasTaskset = spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;
const busyLoop = [process.execPath, "-e", "for (;;) {}"];
const burner = hasTaskset
  ? spawn("taskset", ["-c", String(core), ...busyLoop], { stdio: "ignore" })
  : spawn(busyLoop[0]!, busyLoop.slice(1), { stdio: "ignore" });
console.log(
  hasTaskset
    ? `A busy loop (pid ${burner.pid}) holds CPU ${core} while \`${[program, ...args].join(" ")}\` runs.`
    : `taskset is missing (Debian's util-linux): the busy loop (pid ${burner.pid}) runs unpinned while \`${[program, ...args].join(" ")}\` runs.`,
);

const child = spawn(program, args, { stdio: "inherit" });
const stopBurner = () => burner.kill("SIGKILL");
process.on("SIGINT", () => child.kill("SIGINT"));
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("close", (code, signal) => {
  stopBurner();
  process.exit(code ?? (signal ? 1 : 0));
});
