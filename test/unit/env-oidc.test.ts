import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/utils/env.server";

// Issue #22: one organization's provider by environment is all four variables or none.
describe("OpenID Connect by environment", () => {
  it("refuses half a provider, naming what is missing", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "test", OIDC_ORGANIZATION: "ssm-durham", OIDC_ISSUER: "https://login.example.org" }),
    ).toThrow(/OIDC_CLIENT_ID: is needed with OIDC_ORGANIZATION, OIDC_ISSUER[\s\S]*OIDC_CLIENT_SECRET/);
  });

  it("takes a whole provider, with passwords still on unless switched off", () => {
    const e = parseEnv({
      NODE_ENV: "test",
      OIDC_ORGANIZATION: "ssm-durham",
      OIDC_ISSUER: "https://login.example.org",
      OIDC_CLIENT_ID: "recourse",
      OIDC_CLIENT_SECRET: "secret",
    });
    expect(e.OIDC_PASSWORDS).toBe(true);
    expect(parseEnv({ NODE_ENV: "test", OIDC_PASSWORDS: "false" }).OIDC_PASSWORDS).toBe(false);
  });

  it("asks for a metrics token and a sealing key long enough to resist guessing", () => {
    expect(() => parseEnv({ NODE_ENV: "test", METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    expect(() => parseEnv({ NODE_ENV: "test", SECRETS_KEY: "short" })).toThrow(/SECRETS_KEY/);
  });
});
