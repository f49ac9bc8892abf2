import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NODE_FLAGS } from "../fixtures/built-server";

// Issue #15: a crashed server stayed down. In production systemd supervises it (docs/recourse.service,
// named in the README); this keeps the unit restarting it, in production mode, as `npm start` runs it.

const unit = readFileSync("docs/recourse.service", "utf8");
const setting = (name: string) => [...unit.matchAll(new RegExp(`^${name}=(.*)$`, "gm"))].map((m) => m[1]);

describe("the systemd unit", () => {
  it("restarts the server whenever it exits, in production mode, without the demo seed", () => {
    expect(setting("Restart")).toEqual(["always"]);
    expect(setting("Environment")).toContain("NODE_ENV=production");
    expect(unit).not.toMatch(/^[^#]*SEED_DEMO/m);
    expect(unit).not.toMatch(/^ExecStart=.*--demo/m);
  });

  it("starts the built server as `npm run serve` does, with npm start's Node flags but not its demo", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    const [exec] = setting("ExecStart");
    expect(exec).toBe(`/usr/bin/node ${PRODUCTION_NODE_FLAGS.join(" ")} build/server.js`);
    expect(scripts.serve).toBe(`node ${PRODUCTION_NODE_FLAGS.join(" ")} build/server.js`);
    expect(scripts.start).toContain(`node ${PRODUCTION_NODE_FLAGS.join(" ")} build/server.js --demo`);
  });
});
