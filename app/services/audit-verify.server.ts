import type { DB } from "../../db/client";
import {
  auditEntryHash,
  findAuditEntryById,
  findAuditIdsByHash,
  GENESIS_HASH,
  listAuditEntriesAfter,
  type StoredAuditEntry,
} from "../../db/repositories/audit-log";

export type AuditProblemKind = "altered" | "deleted" | "inserted" | "reordered" | "anchor";

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The entry named as the first one tampered with (for "deleted": the entry after the gap). */
  entryId: number;
  message: string;
}

export type AuditChainReport =
  | { ok: true; entries: number; head: { id: number; hash: string } | null }
  | { ok: false; entries: number; problem: AuditProblem };

/** An entry id and the hash it had when someone noted it down outside the database. */
export interface AuditAnchor {
  id: number;
  hash: string;
}

const PAGE = 1000;

/**
 * Recomputes the chain from the first entry and names the first entry that was altered, deleted,
 * inserted or moved. The chain alone cannot show entries cut off its end, or a chain rewritten from
 * the altered entry onwards (the hash has no secret key): an anchor, a head noted elsewhere (the
 * output of an earlier run, a backup log), closes both gaps.
 */
export async function verifyAuditChain(db: DB, anchors: readonly AuditAnchor[] = []): Promise<AuditChainReport> {
  let before: StoredAuditEntry | null = null; // the entry before `prev`
  let prev: StoredAuditEntry | null = null;
  let entries = 0;
  let page = await listAuditEntriesAfter(db, 0, PAGE);
  while (page.length > 0) {
    for (let i = 0; i < page.length; i++) {
      const entry = page[i]!;
      entries++;
      const expectedPrev = prev?.hash ?? GENESIS_HASH;
      const linked = entry.prevHash === expectedPrev;
      const intact = auditEntryHash(entry.prevHash, entry) === entry.hash;
      if (!linked || !intact) {
        const next = page[i + 1] ?? (await listAuditEntriesAfter(db, entry.id, 1))[0] ?? null;
        return { ok: false, entries, problem: await diagnose(db, { before, prev, entry, next, linked }) };
      }
      before = prev;
      prev = entry;
    }
    page = await listAuditEntriesAfter(db, prev!.id, PAGE);
  }
  for (const anchor of anchors) {
    const found = await findAuditEntryById(db, anchor.id);
    if (!found) {
      return {
        ok: false,
        entries,
        problem: {
          kind: "anchor",
          entryId: anchor.id,
          message: `entry #${anchor.id} was noted down as ${anchor.hash} but is no longer in the log: entries were deleted from its end`,
        },
      };
    }
    if (found.hash !== anchor.hash) {
      return {
        ok: false,
        entries,
        problem: {
          kind: "anchor",
          entryId: anchor.id,
          message: `entry #${anchor.id} now has hash ${found.hash}, not ${anchor.hash} as noted down: the chain was rewritten up to it`,
        },
      };
    }
  }
  return { ok: true, entries, head: prev ? { id: prev.id, hash: prev.hash } : null };
}

async function diagnose(
  db: DB,
  at: {
    before: StoredAuditEntry | null;
    prev: StoredAuditEntry | null;
    entry: StoredAuditEntry;
    next: StoredAuditEntry | null;
    linked: boolean;
  },
): Promise<AuditProblem> {
  const { prev, entry, next } = at;
  const expectedPrev = prev?.hash ?? GENESIS_HASH;
  // The entry after this one chains to the entry before it: this one was slipped in between.
  const skipped = next !== null && next.prevHash === expectedPrev;

  if (at.linked) {
    if (skipped) return inserted(entry, prev);
    return {
      kind: "altered",
      entryId: entry.id,
      message: `entry #${entry.id} was altered: its contents no longer match its hash`,
    };
  }

  const owners = entry.prevHash === GENESIS_HASH ? [] : await findAuditIdsByHash(db, entry.prevHash);
  const later = owners.find((id) => id > entry.id);
  if (later !== undefined) {
    return {
      kind: "reordered",
      entryId: entry.id,
      message: `entries were reordered: entry #${entry.id} chains to entry #${later}, which now comes after it`,
    };
  }
  const earlier = owners.find((id) => id < entry.id);
  if (earlier !== undefined && prev) {
    // Everything from the entry after `earlier` up to `prev` is outside the chain; name the first.
    const first =
      at.before && at.before.id === earlier ? prev : ((await listAuditEntriesAfter(db, earlier, 1))[0] ?? prev);
    return inserted(first, (await findAuditEntryById(db, earlier)) ?? null, entry);
  }
  if (skipped) return inserted(entry, prev);
  if (!prev) {
    return {
      kind: "deleted",
      entryId: entry.id,
      message: `entries before #${entry.id} were deleted: the first entry does not start the chain`,
    };
  }
  if (entry.id > prev.id + 1) {
    return {
      kind: "deleted",
      entryId: entry.id,
      message: `entries #${prev.id + 1} to #${entry.id - 1} were deleted: entry #${entry.id} chains to an entry that is no longer in the log`,
    };
  }
  return {
    kind: "altered",
    entryId: prev.id,
    message: `entry #${prev.id} was altered and its hash recomputed (entry #${entry.id} chains to another hash), or entries between them were deleted and renumbered`,
  };
}

function inserted(
  entry: StoredAuditEntry,
  chainedFrom: StoredAuditEntry | null,
  resumedBy?: StoredAuditEntry,
): AuditProblem {
  const after = chainedFrom ? `entry #${chainedFrom.id}` : "the start of the log";
  const resumed = resumedBy
    ? `entry #${resumedBy.id} chains straight to ${after}`
    : `the next entry chains straight to ${after}`;
  return {
    kind: "inserted",
    entryId: entry.id,
    message: `entry #${entry.id} was inserted: it is not part of the chain (${resumed})`,
  };
}
