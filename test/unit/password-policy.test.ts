import { describe, expect, it } from "vitest";
import { dictionary } from "@zxcvbn-ts/language-common";
import {
  COMMON_PASSWORDS_REFUSED,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
} from "../../app/domain/password-policy";
import {
  ARGON2_OPTIONS,
  hashPassword,
  isCommonPassword,
  newPasswordFormSchema,
  newPasswordProblem,
  verifyPassword,
} from "../../app/utils/password.server";

const never = () => false;

describe("password policy (issue #7: 8 to 128 characters, the 1,000 most common refused)", () => {
  it("takes 8 to 128 characters, counted as a person sees them", () => {
    expect(PASSWORD_MIN).toBe(8);
    expect(PASSWORD_MAX).toBe(128);
    expect(passwordProblem("", never)).toBe("error.required");
    expect(passwordProblem("a".repeat(7), never)).toBe("error.passwordShort");
    expect(passwordProblem("a".repeat(8), never)).toBeNull();
    expect(passwordProblem("a".repeat(128), never)).toBeNull();
    expect(passwordProblem("a".repeat(129), never)).toBe("error.passwordLong");
    // Seven emoji are seven characters (fourteen UTF-16 units): still too short.
    expect(passwordProblem("🔑".repeat(7), never)).toBe("error.passwordShort");
    expect(passwordProblem("🔑".repeat(128), never)).toBeNull();
    // Any character is allowed: spaces, accents, symbols; no composition rules.
    expect(passwordProblem("café au lait à midi", never)).toBeNull();
    expect(passwordProblem("aaaaaaaa", never)).toBeNull();
  });

  it("refuses exactly the 1,000 most common passwords of the list, whatever their capitals", () => {
    const list = dictionary["passwords-common"];
    expect(COMMON_PASSWORDS_REFUSED).toBe(1000);
    expect(list.length).toBeGreaterThan(COMMON_PASSWORDS_REFUSED);
    for (const common of ["password", "12345678", "qwertyuiop", "iloveyou", "trustno1", "password1"]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(newPasswordProblem(common), common).toBe("error.passwordCommon");
    }
    expect(isCommonPassword("PassWord1")).toBe(true);
    expect(isCommonPassword(list[COMMON_PASSWORDS_REFUSED - 1]!)).toBe(true);
    // The 1,001st is past the line (unless it also appears earlier in the list).
    const next = list[COMMON_PASSWORDS_REFUSED]!;
    expect(isCommonPassword(next)).toBe(list.slice(0, COMMON_PASSWORDS_REFUSED).includes(next));
    expect(isCommonPassword("Recourse-demo-2026")).toBe(false);
    expect(newPasswordProblem("correct horse battery staple")).toBeNull();
  });

  it("checks the whole policy, then that both copies match, in the choose-a-password form", () => {
    const issue = (password: string, confirm = password) =>
      newPasswordFormSchema.safeParse({ password, confirm }).error?.issues[0]?.message;
    expect(issue("short")).toBe("error.passwordShort");
    expect(issue("x".repeat(129))).toBe("error.passwordLong");
    expect(issue("Password1")).toBe("error.passwordCommon");
    expect(issue("long enough here", "long enough hers")).toBe("error.passwordMismatch");
    expect(issue("")).toBe("error.required");
    expect(
      newPasswordFormSchema.safeParse({ password: "a long new password", confirm: "a long new password" }).success,
    ).toBe(true);
  });
});

describe("password hashing", () => {
  it("produces argon2id with at least 19 MiB of memory, 2 passes and 1 lane", async () => {
    const stored = await hashPassword("a long new password");
    const [, algorithm, version, params, salt, hash] = stored.split("$");
    expect(algorithm).toBe("argon2id");
    expect(version).toBe("v=19");
    const p = Object.fromEntries(
      params!
        .split(",")
        .map((kv) => kv.split("="))
        .map(([k, v]) => [k, Number(v)]),
    );
    expect(p.m).toBeGreaterThanOrEqual(19 * 1024);
    expect(p).toEqual({ m: ARGON2_OPTIONS.memoryCost, t: 2, p: 1 });
    // A 16-byte salt and a 32-byte hash, base64 without padding.
    expect(Buffer.from(salt!, "base64").length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(hash!, "base64").length).toBeGreaterThanOrEqual(32);
    // Salted: the same password never hashes the same twice.
    expect(await hashPassword("a long new password")).not.toBe(stored);
  });

  it("verifies the right password only, and answers false to a malformed hash", async () => {
    const stored = await hashPassword("a long new password");
    expect(await verifyPassword(stored, "a long new password")).toBe(true);
    expect(await verifyPassword(stored, "a long new passworD")).toBe(false);
    expect(await verifyPassword("!invited: no password set", "anything")).toBe(false);
  });
});
