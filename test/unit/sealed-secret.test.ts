import { describe, expect, it } from "vitest";
import { openSealedSecret, sealSecret } from "../../app/utils/sealed-secret.server";

// Issue #22: an organization's OpenID client secret is kept sealed under SECRETS_KEY.
const KEY = "the installation's sealing key, 32+ characters";

describe("sealed secrets", () => {
  it("opens what it sealed, and the sealed text does not hold the secret", () => {
    const sealed = sealSecret("entra-client-secret~value", KEY);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("entra-client-secret");
    expect(openSealedSecret(sealed, KEY)).toBe("entra-client-secret~value");
  });

  it("seals the same secret differently each time", () => {
    expect(sealSecret("same", KEY)).not.toBe(sealSecret("same", KEY));
  });

  it("gives nothing under another key, or once a character was changed", () => {
    const sealed = sealSecret("entra-client-secret", KEY);
    expect(openSealedSecret(sealed, "another key of more than thirty-two chars")).toBeNull();
    const parts = sealed.split(".");
    const body = parts[3]!;
    parts[3] = (body[0] === "A" ? "B" : "A") + body.slice(1);
    expect(openSealedSecret(parts.join("."), KEY)).toBeNull();
    expect(openSealedSecret("not sealed at all", KEY)).toBeNull();
  });
});
