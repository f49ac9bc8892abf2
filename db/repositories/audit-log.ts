import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../schema";

export interface AuditEntry {
  at: string;
  actorUserId: number | null;
  /** Who acted, readable without a join: an email, "filer" or "system". */
  actorLabel: string;
  organizationId: number | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
}

export const GENESIS_HASH = "0".repeat(64);

/** The hash of one entry chained to the one before: altering or removing any entry breaks it. */
export function auditEntryHash(prevHash: string, entry: AuditEntry): string {
  const canonical = JSON.stringify([
    entry.at,
    entry.actorUserId,
    entry.actorLabel,
    entry.organizationId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.details,
  ]);
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

/** Call inside the transaction of the change it records, so the record and the change agree. */
export async function appendAuditEntry(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const last = await db
    .selectFrom("audit_log")
    .select("hash")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto("audit_log")
    .values({
      at: entry.at,
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      organization_id: entry.organizationId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      details_json: entry.details ? JSON.stringify(entry.details) : null,
      prev_hash: prevHash,
      hash: auditEntryHash(prevHash, entry),
    })
    .execute();
}
