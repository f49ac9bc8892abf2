import type { Insertable, Kysely } from "kysely";
import type { Database, Organization, Role, User, UserTable } from "../schema";

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | null> {
  return (
    (await db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst()) ??
    null
  );
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | null> {
  return (await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function insertUser(db: Kysely<Database>, user: Insertable<UserTable>): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listActiveUsersOfOrganization(
  db: Kysely<Database>,
  organizationId: number,
): Promise<Pick<User, "id" | "display_name" | "email" | "role" | "language">[]> {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "email", "role", "language"])
    .where("organization_id", "=", organizationId)
    .where("disabled_at", "is", null)
    .orderBy("display_name")
    .execute();
}

/** The enabled people of an organization holding one of the roles (which roles: app/domain/access.ts). */
export async function listActiveUsersWithRoles(
  db: Kysely<Database>,
  organizationId: number,
  roles: readonly Role[],
): Promise<Pick<User, "id" | "display_name" | "email" | "language">[]> {
  if (roles.length === 0) return [];
  return db
    .selectFrom("users")
    .select(["id", "display_name", "email", "language"])
    .where("organization_id", "=", organizationId)
    .where("role", "in", roles)
    .where("disabled_at", "is", null)
    .orderBy("id")
    .execute();
}

export interface UserWithOrganization extends Pick<
  User,
  "id" | "display_name" | "email" | "role" | "language" | "disabled_at" | "organization_id"
> {
  organization: Pick<Organization, "id" | "kind" | "name_en" | "name_fr">;
}

/** Everyone in these organizations, enabled or not, with their organization's names. */
export async function listUsersOfOrganizations(
  db: Kysely<Database>,
  organizationIds: readonly number[],
): Promise<UserWithOrganization[]> {
  if (!organizationIds.length) return [];
  const rows = await db
    .selectFrom("users as u")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select(["u.id", "u.display_name", "u.email", "u.role", "u.language", "u.disabled_at", "u.organization_id"])
    .select(["o.kind as org_kind", "o.name_en as org_name_en", "o.name_fr as org_name_fr"])
    .where("u.organization_id", "in", organizationIds)
    .orderBy("o.kind", "desc")
    .orderBy("o.name_en")
    .orderBy("u.display_name")
    .execute();
  return rows.map(({ org_kind, org_name_en, org_name_fr, ...user }) => ({
    ...user,
    organization: { id: user.organization_id, kind: org_kind, name_en: org_name_en, name_fr: org_name_fr },
  }));
}

export async function updateUserRole(db: Kysely<Database>, userId: number, role: Role): Promise<void> {
  await db.updateTable("users").set({ role }).where("id", "=", userId).execute();
}

export async function markUserDisabled(db: Kysely<Database>, userId: number, now: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ disabled_at: now })
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .execute();
}

export async function markUserEnabled(db: Kysely<Database>, userId: number): Promise<void> {
  await db.updateTable("users").set({ disabled_at: null }).where("id", "=", userId).execute();
}

/** The invited person chose a password: it replaces the placeholder and the account opens. */
export async function enableUserWithPassword(
  db: Kysely<Database>,
  userId: number,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, disabled_at: null })
    .where("id", "=", userId)
    .execute();
}

/** A new password for an open account (a reset): the account stays as it was otherwise. */
export async function updateUserPassword(db: Kysely<Database>, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

/** How many of these emails belong to an account that is not disabled. */
export async function countOpenUsersWithEmails(db: Kysely<Database>, emails: string[]): Promise<number> {
  if (emails.length === 0) return 0;
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", "in", emails)
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
