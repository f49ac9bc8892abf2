// When a failed email is tried again. Transient SMTP failures (4xx replies, a server that cannot
// be reached) back off exponentially; a permanent refusal (5xx) or too many tries is dead-lettered
// and shown to staff on the case instead of being retried forever.

// Twelve tries with doubling delays (30 s … capped at 6 h) span about 20 hours: an SMTP outage of a
// working day loses nothing.
export const MAX_EMAIL_ATTEMPTS = 12;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

const CONNECTION_ERRORS = new Set([
  "ECONNECTION",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

export interface SendFailure {
  code?: string;
  responseCode?: number;
}

export function isTransientSendFailure(failure: SendFailure): boolean {
  if (typeof failure.responseCode === "number") return failure.responseCode < 500;
  if (failure.code && CONNECTION_ERRORS.has(failure.code)) return true;
  // An unknown failure is retried: losing an email is worse than trying again.
  return true;
}

/** Delay before the next try, after `attemptsMade` tries have failed (1, 2, …). */
export function retryDelayMs(attemptsMade: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1), MAX_DELAY_MS);
}

export function nextEmailAttempt(
  failure: SendFailure,
  attemptsMade: number,
  now: Date,
): { dead: boolean; nextAttemptAt: Date } {
  const dead = !isTransientSendFailure(failure) || attemptsMade >= MAX_EMAIL_ATTEMPTS;
  return { dead, nextAttemptAt: new Date(now.getTime() + (dead ? 0 : retryDelayMs(attemptsMade))) };
}
