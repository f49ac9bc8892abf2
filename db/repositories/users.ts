import type { Insertable, Kysely } from "kysely";
import type { Database, User, UserTable } from "../schema";

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

/** The managers of an organization who can act: alerts and escalations go to them. */
export async function listActiveManagers(
  db: Kysely<Database>,
  organizationId: number,
): Promise<Pick<User, "id" | "display_name" | "email" | "language">[]> {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "email", "language"])
    .where("organization_id", "=", organizationId)
    .where("role", "=", "ssm_manager")
    .where("disabled_at", "is", null)
    .orderBy("id")
    .execute();
}
