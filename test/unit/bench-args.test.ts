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

  it("measures on PostgreSQL when given a server's URL or the embedded one, and refuses anything else", () => {
    expect(parseBenchArgs(["--database", "postgres://u:p@127.0.0.1:5432/x"])).toMatchObject({
      ok: true,
      data: { database: "postgres://u:p@127.0.0.1:5432/x" },
    });
    expect(parseBenchArgs(["--database", "embedded"])).toMatchObject({ ok: true, data: { database: "embedded" } });
    const none = parseBenchArgs([]);
    expect(none.ok && none.data.database).toBeUndefined();
    const wrong = parseBenchArgs(["--database", "file:data/recourse.db"]);
    expect(!wrong.ok && wrong.errors.join()).toContain("--database takes a PostgreSQL server's URL");
  });
});
