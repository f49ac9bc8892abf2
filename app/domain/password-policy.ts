// The rules for every password a person chooses (invitation, reset, `user:add`), after OWASP ASVS
// 5.0 level 2 (V6.2): at least 8 characters and up to 128, any character allowed, no composition
// rules, and none of the most common passwords. Messages are translation keys.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** How many of the most common passwords are refused (the list's first entries, most common first). */
export const COMMON_PASSWORDS_REFUSED = 1000;

export type PasswordProblem = "error.required" | "error.passwordShort" | "error.passwordLong" | "error.passwordCommon";

/**
 * Why a new password is refused, or null. `isCommon` answers from the common-password list, which
 * the server loads (app/utils/password.server.ts): the list stays out of the browser's bundle.
 */
export function passwordProblem(password: string, isCommon: (password: string) => boolean): PasswordProblem | null {
  if (password.length === 0) return "error.required";
  // Counted in characters as a person sees them, so "é" or an emoji counts once.
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "error.passwordShort";
  if (length > PASSWORD_MAX) return "error.passwordLong";
  if (isCommon(password)) return "error.passwordCommon";
  return null;
}
