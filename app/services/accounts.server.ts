import { randomBytes } from "node:crypto";
import type { DB } from "../../db/client";
import { findOrganizationBySlug } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { findUserByEmail, insertUser } from "../../db/repositories/users";
import type { Language, Role } from "../../db/schema";
import { ROLE_ORGANIZATION } from "../domain/access";
import { PASSWORD_MAX, PASSWORD_MIN, type PasswordProblem } from "../domain/password-policy";
import { hashPassword, newPasswordProblem } from "../utils/password.server";

// The command line speaks English to an administrator; the pages use the translation keys.
const PASSWORD_REFUSALS: Record<PasswordProblem, string> = {
  "error.required": "The password is empty",
  "error.passwordShort": `The password must have at least ${PASSWORD_MIN} characters`,
  "error.passwordLong": `The password must have at most ${PASSWORD_MAX} characters`,
  "error.passwordCommon": "The password is one of the 1,000 most common passwords: choose another",
};

export type CreateAccountResult =
  { ok: true; userId: number; password: string; generated: boolean } | { ok: false; error: string };

/** Creates a sign-in for a real deployment. Prints nothing itself: the caller shows the password once. */
export async function createAccount(input: {
  db: DB;
  email: string;
  role: Role;
  organizationSlug: string;
  password?: string;
  displayName?: string;
  language?: Language;
  now: Date;
}): Promise<CreateAccountResult> {
  const { db } = input;
  const org = await findOrganizationBySlug(db, input.organizationSlug);
  if (!org) return { ok: false, error: `No organization with slug "${input.organizationSlug}"` };
  if (org.kind !== ROLE_ORGANIZATION[input.role]) {
    return {
      ok: false,
      error: `Role ${input.role} belongs to a ${ROLE_ORGANIZATION[input.role]} organization, not a ${org.kind}`,
    };
  }
  if (await findUserByEmail(db, input.email))
    return { ok: false, error: `An account for ${input.email} already exists` };
  const problem = input.password === undefined ? null : newPasswordProblem(input.password);
  if (problem) return { ok: false, error: PASSWORD_REFUSALS[problem] };
  const generated = !input.password;
  const password = input.password ?? randomBytes(15).toString("base64url");
  const passwordHash = await hashPassword(password);
  const userId = await db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      email: input.email,
      display_name: input.displayName ?? input.email.split("@")[0]!,
      password_hash: passwordHash,
      role: input.role,
      organization_id: org.id,
      language: input.language ?? "en",
      disabled_at: null,
      created_at: input.now.toISOString(),
    });
    await appendAuditEntry(trx, {
      at: input.now.toISOString(),
      actorUserId: null,
      actorLabel: "cli",
      organizationId: org.id,
      action: "user.created",
      targetType: "user",
      targetId: String(id),
      details: { role: input.role },
    });
    return id;
  });
  return { ok: true, userId, password, generated };
}
