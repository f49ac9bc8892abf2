import { createHash } from "node:crypto";
import { type Kysely, PostgresAdapter, type Selectable, sql } from "kysely";
import type { AuditLogTable, Database } from "../schema";

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

/** One stored entry with its place in the chain. */
export interface StoredAuditEntry extends AuditEntry {
  id: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an entry in a fixed order: what its hash covers. */
function canonicalAuditEntry(entry: AuditEntry): string {
  return JSON.stringify([
    entry.at,
    entry.actorUserId,
    entry.actorLabel,
    entry.organizationId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.details,
  ]);
}

/** sha256 of the previous entry's hash and this entry's canonical form. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

/** The hash of one entry chained to the one before: altering or removing any entry breaks it. */
export function auditEntryHash(prevHash: string, entry: AuditEntry): string {
  return chainHash(prevHash, canonicalAuditEntry(entry));
}

/**
 * `chainHash` as an SQL function, registered on every SQLite connection (db/client.ts) and created
 * by migration 0008 on PostgreSQL, so one INSERT reads the newest hash and chains to it.
 */
export const CHAIN_HASH_SQL_FUNCTION = "audit_chain_hash";

/**
 * Appends one entry after the newest. Call it inside the transaction of the change it records, so
 * the record and the change agree; the audit of a read may call it on `db`.
 *
 * Reading the newest hash and inserting after it must never interleave with another append, or two
 * entries would chain to the same one (a fork, which audit:verify reports as tampering). So both
 * happen in one INSERT … SELECT: SQLite takes the write lock before that statement reads, whether
 * it runs alone, in BEGIN IMMEDIATE or in a deferred transaction (where another process's commit
 * since the transaction's first read makes SQLite refuse the insert, SQLITE_BUSY_SNAPSHOT, rather
 * than chain it to a stale entry). The unique index on prev_hash (0008) refuses a fork whatever
 * the path. On PostgreSQL (READ COMMITTED) a transaction-scoped advisory lock serialises appenders.
 */
export async function appendAuditEntry(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // The lock lasts until commit, so outside a transaction the append gets one of its own.
    if (!db.isTransaction) return db.transaction().execute((trx) => appendAuditEntry(trx, entry));
    await sql`select pg_advisory_xact_lock(hashtext('audit_log'))`.execute(db);
  }
  const hashOf = sql.raw(CHAIN_HASH_SQL_FUNCTION);
  // Typed parameters: PostgreSQL reads an untyped one in a SELECT list as text.
  await sql`
    insert into audit_log (at, actor_user_id, actor_label, organization_id, action, target_type, target_id, details_json, prev_hash, hash)
    select cast(${entry.at} as text), cast(${entry.actorUserId} as integer), cast(${entry.actorLabel} as text),
      cast(${entry.organizationId} as integer), cast(${entry.action} as text), cast(${entry.targetType} as text),
      cast(${entry.targetId} as text), cast(${entry.details ? JSON.stringify(entry.details) : null} as text),
      newest.hash, ${hashOf}(newest.hash, cast(${canonicalAuditEntry(entry)} as text))
    from (select coalesce((select hash from audit_log order by id desc limit 1), ${GENESIS_HASH}) as hash) newest`.execute(
    db,
  );
}

// Details that are not JSON were written around the application: kept as found, so the entry's hash
// no longer matches and verification names it.
function parseDetails(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { unparseable: json };
  }
}

function toStored(row: Selectable<AuditLogTable>): StoredAuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    organizationId: row.organization_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: parseDetails(row.details_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Entries in id order after `afterId`: the chain is read a page at a time. */
export async function listAuditEntriesAfter(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<StoredAuditEntry[]> {
  const rows = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map(toStored);
}

/** Ids of the entries whose own hash is `hash` (a full scan: only used once a break is found). */
export async function findAuditIdsByHash(db: Kysely<Database>, hash: string): Promise<number[]> {
  const rows = await db.selectFrom("audit_log").select("id").where("hash", "=", hash).orderBy("id").execute();
  return rows.map((r) => r.id);
}

export async function findAuditEntryById(db: Kysely<Database>, id: number): Promise<StoredAuditEntry | null> {
  const row = await db.selectFrom("audit_log").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toStored(row) : null;
}
