import { describe, it, expect } from "vitest";
import { parseEnv, publicUrl } from "../../app/utils/env.server";

/** An environment with only these variables (ProcessEnv's type insists on NODE_ENV). */
const vars = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

/** parseEnv's message on failure, or a marker if it did not throw. */
function failure(source: Record<string, string>): string {
  try {
    parseEnv(vars(source));
  } catch (e) {
    return (e as Error).message;
  }
  return "(did not throw)";
}

describe("parseEnv", () => {
  it("fills in defaults for an empty environment: production, and no demo seed unless asked (issue #15)", () => {
    const env = parseEnv(vars({}));
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:data/recourse.db");
    expect(env.SEED_DEMO).toBe(false);
    expect(env.NODE_ENV).toBe("production");
    expect(env.PUBLIC_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("reads PORT as a number and DATABASE_URL as given", () => {
    const env = parseEnv(vars({ PORT: "8080", DATABASE_URL: "file:/var/lib/recourse/cases.db" }));
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe("file:/var/lib/recourse/cases.db");
    expect(parseEnv(vars({ DATABASE_URL: ":memory:" })).DATABASE_URL).toBe(":memory:");
  });

  it.each([
    ["false", false],
    ["0", false],
    ["no", false],
    ["true", true],
    ["1", true],
    ["yes", true],
  ] as const)("reads SEED_DEMO=%s as %s", (value, expected) => {
    expect(parseEnv(vars({ SEED_DEMO: value })).SEED_DEMO).toBe(expected);
  });

  it.each(["abc", "0", "-1", "65536", "80.5"])("refuses PORT=%s with a message naming PORT", (port) => {
    const message = failure({ PORT: port });
    expect(message).toMatch(/\bPORT\b/);
    expect(message).not.toMatch(/DATABASE_URL|SEED_DEMO/);
  });

  it.each(["postgres://localhost/recourse", "postgresql://recourse:secret@db.internal:5432/recourse"])(
    "takes DATABASE_URL=%s (PostgreSQL)",
    (url) => {
      expect(parseEnv(vars({ DATABASE_URL: url })).DATABASE_URL).toBe(url);
    },
  );

  it.each(["mysql://localhost/recourse", "data/recourse.db", "file:", "postgres://"])(
    "refuses DATABASE_URL=%s with a message naming DATABASE_URL",
    (url) => {
      const message = failure({ DATABASE_URL: url });
      expect(message).toMatch(/\bDATABASE_URL\b/);
      expect(message).not.toMatch(/\bPORT\b/);
    },
  );

  it("refuses a SEED_DEMO it cannot read rather than guessing", () => {
    expect(failure({ SEED_DEMO: "maybe" })).toMatch(/\bSEED_DEMO\b/);
  });

  it("names every bad variable at once", () => {
    const message = failure({ PORT: "abc", DATABASE_URL: "mysql://x" });
    expect(message).toMatch(/\bPORT\b/);
    expect(message).toMatch(/\bDATABASE_URL\b/);
  });

  it("ignores variables it does not know", () => {
    expect(() => parseEnv(vars({ HOME: "/root", PATH: "/usr/bin" }))).not.toThrow();
  });
});

describe("publicUrl", () => {
  it("defaults to localhost on the configured port, and drops a trailing slash", () => {
    expect(publicUrl(parseEnv(vars({ PORT: "4000" })))).toBe("http://localhost:4000");
    expect(publicUrl(parseEnv(vars({ PUBLIC_URL: "https://recourse.example.ca/" })))).toBe(
      "https://recourse.example.ca",
    );
  });
});
