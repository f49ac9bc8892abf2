import { CASE_TEXTS } from "../../scripts/seed/demo-history-texts";
import { type CaseHistory, playOut, type BusinessDays, type Dice } from "../../scripts/seed/demo-history";

// How one bench case goes. Most cases follow the demo's own play-out (scripts/seed/demo-history.ts), so
// every status, clock and timeline entry is what the engine would have written. Two changes make a
// five-year history look like one:
// - staff close nearly every decided case once its recourse window has passed (the demo leaves 12 %
//   decided, which over five years would be a hundred thousand forgotten cases);
// - the last year carries a backlog: cases acknowledged and answered but waiting weeks for a
//   decision, many waiting months for the filer (some forever), so about a tenth of all cases are open at "now" with
//   clocks running, paused, or just due, which is what the sweep and the queue must cope with.

const DAY_MS = 86_400_000;
/** Cases received this close to now may join the backlog. */
export const BACKLOG_WINDOW_MS = 365 * DAY_MS;
/** The share of cases in that window that do; tuned so ~10 % of all cases are open at now. */
export const BACKLOG_SHARE = 0.85;

export function playBenchCase(h: CaseHistory, dice: Dice, nowMs: number): CaseHistory {
  const backlog =
    h.plan.receivedAt > nowMs - BACKLOG_WINDOW_MS &&
    !h.plan.referredOut &&
    h.plan.path !== "referral" &&
    dice.chance(BACKLOG_SHARE);
  if (backlog) return playBacklog(h, dice);
  playOut(h, dice);
  if (h.status === "decided" && h.recourseDeadlineAt !== null && dice.chance(0.75)) {
    const at = h.days.after(h.recourseDeadlineAt, dice, 0.1, 6);
    if (at >= h.last) h.close(at);
  }
  return h.finish();
}

/**
 * Acknowledged and answered, then weeks before a decision: a missed decision climbs a level through
 * the sweep (CaseHistory replays it), and a case waiting for the filer keeps its decision clock
 * paused. Decisions come no later than 38 business days after the last step, so a case is decided
 * before its third-level clock runs out and none is decided after being referred to the ministry.
 */
function playBacklog(h: CaseHistory, dice: Dice): CaseHistory {
  const { days, plan } = h;
  const lang = plan.language;
  const text = (pool: { en: readonly string[]; fr: readonly string[] }) => dice.pick(pool[lang]);
  h.file();
  const ackAt = dice.chance(0.12)
    ? days.after(h.dueOf("acknowledge"), dice, 0.1, 2)
    : days.after(plan.receivedAt, dice, 0.1, 1.9);
  h.acknowledge(ackAt);
  h.reply(days.after(ackAt, dice, 0.2, 4), text(CASE_TEXTS.replies));
  if (dice.chance(0.65)) {
    const askedAt = days.after(h.last, dice, 0.5, 4);
    h.requestInformation(askedAt, text(CASE_TEXTS.infoRequests));
    // Some filers answer within days, some within months, some never: then the case waits, paused.
    if (!dice.chance(0.6)) return h.finish();
    h.addInformation(after(days, askedAt, dice, 1, 150), text(CASE_TEXTS.filerInfo));
  }
  const decideAt = after(days, h.last, dice, 8, 38);
  const outcome = dice.weighted({ upheld: 25, partly_upheld: 20, not_upheld: 35, resolved_informally: 20 } as const);
  h.decide(decideAt, outcome, text(CASE_TEXTS.reasons[outcome]));
  if (h.status === "decided" && h.recourseDeadlineAt !== null && dice.chance(0.9))
    h.close(days.after(h.recourseDeadlineAt, dice, 0.1, 4));
  return h.finish();
}

/** `t` plus a random number of business days; a step in the future is simply not taken (CaseHistory). */
function after(days: BusinessDays, t: number, dice: Dice, lo: number, hi: number): number {
  try {
    return days.after(t, dice, lo, hi);
  } catch {
    return Number.MAX_SAFE_INTEGER; // past the calendar: after now in any case
  }
}
