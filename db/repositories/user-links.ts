import type { Kysely } from "kysely";
import type { Database, InvitationRow, PasswordResetRow, User } from "../schema";

// Invitations and password resets are the same thing to the database: a single-use link for one
// account, kept as the sha256 of its token, used once or revoked. Their queries live here once.

export type UserLinkTable = "invitations" | "password_resets";

export type LinkUser = Pick<User, "id" | "email" | "display_name" | "language" | "organization_id" | "disabled_at">;

/** The link (a row of `table`) and its account; the caller knows which row type it asked for. */
export async function findUserLinkByTokenHash(
  db: Kysely<Database>,
  table: UserLinkTable,
  tokenHash: string,
): Promise<{ link: InvitationRow | PasswordResetRow; user: LinkUser } | null> {
  const row = await db
    .selectFrom(`${table} as l` as "invitations as l")
    .innerJoin("users as u", "u.id", "l.user_id")
    .selectAll("l")
    .select(["u.email", "u.display_name", "u.language", "u.organization_id", "u.disabled_at"])
    .where("l.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const { email, display_name, language, organization_id, disabled_at, ...link } = row;
  return { link, user: { id: link.user_id, email, display_name, language, organization_id, disabled_at } };
}

/** Marks it used only if nobody used or revoked it first: 1 when this call won, 0 otherwise. */
export async function markUserLinkUsed(
  db: Kysely<Database>,
  table: UserLinkTable,
  id: number,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable(table as "invitations")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Every link of the user not used yet stops working (a newer one, a reset, a closed account). */
export async function revokeOpenUserLinks(
  db: Kysely<Database>,
  table: UserLinkTable,
  userId: number,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable(table as "invitations")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
