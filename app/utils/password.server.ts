import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { newPasswordSchema } from "../domain/new-password-input";
import { COMMON_PASSWORDS_REFUSED, passwordProblem } from "../domain/password-policy";

// OWASP's argon2id minimum: 19 MiB of memory, two passes, one lane.
// algorithm 2 is Algorithm.Argon2id: a const enum, which isolated modules cannot import.
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so an unknown email takes as long as a known one.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  return dummyHash;
}

// zxcvbn-ts's list is ranked from the leaked-password corpora, most common first, in lower case.
let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary["passwords-common"].slice(0, COMMON_PASSWORDS_REFUSED));
  return common;
}

/** One of the 1,000 most common passwords, whatever its capitals ("Password1" is "password1"). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** Why this new password is refused (a translation key), or null when it follows the policy. */
export function newPasswordProblem(password: string) {
  return passwordProblem(password, isCommonPassword);
}

/** The "choose a password" form: the password typed twice, checked against the whole policy. */
export const newPasswordFormSchema = newPasswordSchema(isCommonPassword);
