import type { Kysely } from "kysely";
import type { Database } from "../schema";

/**
 * Takes the lease on a job, in one statement, if nobody holds it or its holder's lease has expired
 * (or the holder already has it): two instances asking at once never both get it.
 */
export async function takeWorkLease(
  db: Kysely<Database>,
  input: { name: string; holder: string; now: string; until: string },
): Promise<boolean> {
  const row = await db
    .insertInto("work_leases")
    .values({ name: input.name, holder: input.holder, expires_at: input.until })
    .onConflict((oc) =>
      oc
        .column("name")
        .doUpdateSet({ holder: input.holder, expires_at: input.until })
        .where((eb) =>
          eb.or([eb("work_leases.expires_at", "<=", input.now), eb("work_leases.holder", "=", input.holder)]),
        ),
    )
    .returning("holder")
    .executeTakeFirst();
  return row?.holder === input.holder;
}

/** Gives the lease back early, so another instance need not wait for it to expire. */
export async function releaseWorkLease(db: Kysely<Database>, input: { name: string; holder: string }): Promise<void> {
  await db.deleteFrom("work_leases").where("name", "=", input.name).where("holder", "=", input.holder).execute();
}
