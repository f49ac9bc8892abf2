import type { DB } from "../../db/client";
import { countEventsSince, pruneEventsBefore, recordEvent } from "../../db/repositories/rate-limits";
import { env } from "../utils/env.server";

export interface RateLimit {
  name: string;
  max: number;
  windowMs: number;
}

// Failed status look-ups: 10 per 10 minutes, per IP and per reference (issue: the public side).
export const STATUS_LOOKUP_FAILURES: RateLimit = { name: "status-fail", max: 10, windowMs: 10 * 60 * 1000 };
/** Filings from one address per hour (FILINGS_PER_IP_PER_HOUR, default 10): enough for a family or
 * a shared library computer, not for a script. */
export function filingsPerIp(): RateLimit {
  return { name: "filing", max: env().FILINGS_PER_IP_PER_HOUR, windowMs: 60 * 60 * 1000 };
}

function bucket(limit: RateLimit, key: string): string {
  return `${limit.name}:${key}`;
}

/** True when any of the keys has used up the limit in the last window. Stored in the database, so
 * the limit holds across server instances and restarts. */
export async function isRateLimited(db: DB, limit: RateLimit, keys: string[], now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - limit.windowMs).toISOString();
  for (const key of keys) {
    if ((await countEventsSince(db, bucket(limit, key), since)) >= limit.max) return true;
  }
  return false;
}

export async function countAttempt(db: DB, limit: RateLimit, keys: string[], now: Date): Promise<void> {
  for (const key of keys) await recordEvent(db, bucket(limit, key), now.toISOString());
  // Cheap housekeeping: nothing older than a day is ever looked at.
  if (Math.random() < 0.01) await pruneEventsBefore(db, new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString());
}
