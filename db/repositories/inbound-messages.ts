import type { Kysely } from "kysely";
import type { Database, InboundMessageRow } from "../schema";

export type NewInboundMessage = Omit<InboundMessageRow, "id" | "reviewed_at" | "reviewed_by">;

export async function inboundMessageExists(db: Kysely<Database>, messageId: string): Promise<boolean> {
  const row = await db
    .selectFrom("inbound_messages")
    .select("id")
    .where("message_id", "=", messageId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a message once: false when its Message-ID is already recorded (a replay, a second delivery). */
export async function recordInboundMessage(db: Kysely<Database>, message: NewInboundMessage): Promise<boolean> {
  const result = await db
    .insertInto("inbound_messages")
    .values(message)
    .onConflict((oc) => oc.column("message_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export type ReviewEntry = Pick<
  InboundMessageRow,
  "id" | "received_at" | "channel" | "reason" | "from_address" | "subject" | "body_text"
>;

/** Mail that named no case (or no longer could), for one SSM's staff, newest first. */
export async function listMailToReview(
  db: Kysely<Database>,
  organizationId: number,
  limit = 100,
): Promise<ReviewEntry[]> {
  return db
    .selectFrom("inbound_messages")
    .select(["id", "received_at", "channel", "reason", "from_address", "subject", "body_text"])
    .where("organization_id", "=", organizationId)
    .where("outcome", "=", "review")
    .where("reviewed_at", "is", null)
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function markMailReviewed(
  db: Kysely<Database>,
  input: { id: number; organizationId: number; userId: number; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable("inbound_messages")
    .set({ reviewed_at: input.now, reviewed_by: input.userId })
    .where("id", "=", input.id)
    .where("organization_id", "=", input.organizationId)
    .where("outcome", "=", "review")
    .where("reviewed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The SSM organizations, for mail that names none (a deployment with a single SSM sends it there). */
export async function listSsmOrganizationIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom("organizations").select("id").where("kind", "=", "ssm").execute();
  return rows.map((r) => r.id);
}
