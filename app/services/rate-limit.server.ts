import type { DB } from "../../db/client";
import {
  countEventsSince,
  pruneEventsBefore,
  releaseEvents,
  reserveEvents,
  reserveEventsInWriteTransaction,
} from "../../db/repositories/rate-limits";
import { env } from "../utils/env.server";

export interface RateLimit {
  name: string;
  max: number;
  windowMs: number;
}

// Failed status look-ups: 10 per 10 minutes, per IP and per reference (issue: the public side).
export const STATUS_LOOKUP_FAILURES: RateLimit = { name: "status-fail", max: 10, windowMs: 10 * 60 * 1000 };
/** "I lost my code" requests: 5 an hour per address and per reference, so nobody floods a filer's inbox. */
export const RECOVERY_REQUESTS: RateLimit = { name: "recovery", max: 5, windowMs: 60 * 60 * 1000 };
/** Filings from one address per hour (FILINGS_PER_IP_PER_HOUR, default 10): enough for a family or
 * a shared library computer, not for a script. */
export function filingsPerIp(): RateLimit {
  return { name: "filing", max: env().FILINGS_PER_IP_PER_HOUR, windowMs: 60 * 60 * 1000 };
}

function bucket(limit: RateLimit, key: string): string {
  return `${limit.name}:${key}`;
}

/** An attempt counted against a limit before it was made; released if it turns out not to count. */
export interface Reservation {
  buckets: string[];
  at: string;
}

/**
 * Counts an attempt against the limit for every key, if none has used it up in the last window,
 * as one atomic step (db/repositories/rate-limits.ts): null when refused. Counted before the attempt
 * is made, so simultaneous attempts cannot all see room for one more (issue #15). Stored in the
 * database, so the limit holds across server instances and restarts.
 */
export async function reserveAttempt(db: DB, limit: RateLimit, keys: string[], now: Date): Promise<Reservation | null> {
  const buckets = keys.map((key) => bucket(limit, key));
  const at = now.toISOString();
  const reserved = await reserveEvents(db, {
    buckets,
    since: new Date(now.getTime() - limit.windowMs).toISOString(),
    at,
    max: limit.max,
  });
  // Cheap housekeeping: nothing older than a day is ever looked at.
  if (reserved && Math.random() < 0.01)
    await pruneEventsBefore(db, new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString());
  return reserved ? { buckets, at } : null;
}

/** Thrown inside a write transaction whose attempt found the limit used up: its writes are undone. */
export class RateLimitedError extends Error {
  constructor() {
    super("rate limited");
    this.name = "RateLimitedError";
  }
}

/**
 * reserveAttempt for a write transaction (db/client.ts writeTransaction) that records the attempt's
 * own rows: the count, the decision and the attempt share one commit, so filing costs one disk
 * flush, not two. Throws RateLimitedError, which rolls the transaction back, when the limit is used up.
 */
export async function reserveAttemptInWriteTransaction(
  trx: DB,
  limit: RateLimit,
  keys: string[],
  now: Date,
): Promise<void> {
  const reserved = await reserveEventsInWriteTransaction(trx, {
    buckets: keys.map((key) => bucket(limit, key)),
    since: new Date(now.getTime() - limit.windowMs).toISOString(),
    at: now.toISOString(),
    max: limit.max,
  });
  if (!reserved) throw new RateLimitedError();
}

/** The attempt did not count after all (a sign-in that succeeded, a form refused for its content). */
export async function releaseAttempt(db: DB, reservation: Reservation): Promise<void> {
  await releaseEvents(db, reservation.buckets, reservation.at);
}

/** True when any of the keys has used up the limit in the last window (a read: nothing counted). */
export async function isRateLimited(db: DB, limit: RateLimit, keys: string[], now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - limit.windowMs).toISOString();
  for (const key of keys) {
    if ((await countEventsSince(db, bucket(limit, key), since)) >= limit.max) return true;
  }
  return false;
}
