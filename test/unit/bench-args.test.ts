import { describe, expect, it } from "vitest";
import { MEASUREMENTS, parseBenchArgs } from "../../bench/lib/args";

describe("npm run bench arguments", () => {
  it("runs every measurement at a million cases when given nothing", () => {
    const args = parseBenchArgs([]);
    expect(args).toMatchObject({ ok: true, data: { cases: 1_000_000, only: [...MEASUREMENTS] } });
  });

  it("takes a small scale and a chosen list of measurements", () => {
    const args = parseBenchArgs(["--cases", "20000", "--only", "filing, pages"]);
    expect(args).toMatchObject({ ok: true, data: { cases: 20_000, only: ["filing", "pages"] } });
  });

  it("refuses an unknown measurement, a fractional scale and an unknown flag with a message", () => {
    const only = parseBenchArgs(["--only", "filing,speed"]);
    expect(only.ok).toBe(false);
    expect(!only.ok && only.errors.join()).toContain("--only takes a comma-separated list");
    const cases = parseBenchArgs(["--cases", "1500.5"]);
    expect(!cases.ok && cases.errors.join()).toContain("--cases must be a whole number");
    expect(parseBenchArgs(["--databse", "postgres"]).ok).toBe(false);
  });
});
