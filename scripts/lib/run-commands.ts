import { spawnSync } from "node:child_process";

/** Runs each command in turn, printing it first; stops the script with the failing command named. */
export function runOrStop(commands: readonly (readonly string[])[]): void {
  for (const [command, ...args] of commands as [string, ...string[]][]) {
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
}
