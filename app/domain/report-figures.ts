/**
 * The figures of one SSM's quarterly report to the ministry. Computed by aggregate SQL
 * (db/repositories/report-figures.ts), frozen as JSON when a manager submits, suppressed
 * (report-suppression.ts) before anyone outside the SSM sees them.
 *
 * Every breakdown is a list of { key, count } whose counts add up to the total beside it, except
 * client groups: a person may answer for several groups or none, so those have no total.
 */

export interface Count {
  /** The category: a status, channel, program code, level ("1"), provider id, or "none". */
  key: string;
  count: number;
  /** Names frozen with the report (providers), since a name may change after submission. */
  label?: { en: string; fr: string };
}

/**
 * The clocks a report counts, in the order it lists them: the SSM's acknowledgement, the provider's
 * answer at the provider stage (issue #17, level 1 only), and each level's decision.
 */
export const REPORTED_CLOCK_KINDS = ["acknowledge", "provider_response", "decision"] as const;
export type ReportedClockKind = (typeof REPORTED_CLOCK_KINDS)[number];

/** Sorts clocks as reports list them: by kind (above), then level. */
export function byClockOrder(a: Pick<ClockFigures, "kind" | "level">, b: Pick<ClockFigures, "kind" | "level">) {
  return a.kind === b.kind
    ? a.level - b.level
    : REPORTED_CLOCK_KINDS.indexOf(a.kind) - REPORTED_CLOCK_KINDS.indexOf(b.kind);
}

export interface ClockFigures {
  kind: ReportedClockKind;
  level: number;
  /** Clocks that ended in the quarter: met, or missed (breached). */
  ended: number;
  onTime: number;
  /**
   * Clocks met in the quarter: what the median, 90th percentile and paused days are computed over.
   * Absent from reports frozen before it was counted; those measures are then withheld.
   */
  met?: number;
  /** Business days from start to met, net of pauses (nearest rank); null when none was met. */
  medianDays: number | null;
  p90Days: number | null;
  /** Business days spent waiting for the filer, over the clocks met in the quarter. */
  pausedDays: number;
}

export interface QuarterFigures {
  areaSlug: string;
  /** "2026-Q3" (fiscal-quarter.ts). */
  quarter: string;
  /** When the figures were computed: the live draft's moment, or the submission's. */
  computedAt: string;
  received: {
    total: number;
    byKind: Count[];
    byChannel: Count[];
    byProgram: Count[];
    byCategory: Count[];
    byProvider: Count[];
    /** Only people who answered "yes" for a group; no total (see above). */
    byGroup: Count[];
  };
  /** Received in the quarter for a program the ministry keeps: recorded and sent on. */
  referredOut: number;
  /** Withdrawn by the filer during the quarter. */
  withdrawn: number;
  /**
   * Deadlines staff extended during the quarter (issue #17), counted apart from the misses: an
   * extended clock met by its extended due time is on time. Absent from reports frozen before it
   * was counted.
   */
  extensions?: number;
  /**
   * The provider stage (issue #17, decision record 018). Absent from reports frozen before it was
   * counted; those show it as 0.
   */
  providerStage?: ProviderStageFigures;
  decided: { total: number; byLevel: Count[]; byOutcome: Count[] };
  /** Open (in the SSM's hands, not decided) at the quarter's end, and at its start. */
  openAtEnd: number;
  carriedOver: number;
  clocks: ClockFigures[];
  escalations: { total: number; byLevel: Count[]; byCause: Count[] };
  /** Recourse requested in the quarter, by what had come of each by the quarter's end. */
  recourse: { total: number; byOutcome: Count[] };
  satisfaction: {
    responses: number;
    /** Means on 1–5; null without responses. */
    clear: number | null;
    fair: number | null;
    timely: number | null;
  };
}

/** Why a complaint moved on from the provider stage to the SSM: the escalation causes, or staff. */
export const PROVIDER_STAGE_MOVES = [
  "client_not_satisfied",
  "provider_late",
  "client_no_reply",
  "staff_stepped_in",
] as const;

export interface ProviderStageFigures {
  /** Complaints referred to their provider in the quarter (at filing, or by staff). */
  referred: number;
  /** Closed as resolved at the provider stage in the quarter: the client accepted, or was silent where policy closes. */
  resolved: number;
  /**
   * Moved on to the SSM in the quarter, by why: every key of PROVIDER_STAGE_MOVES listed, 0 or not.
   * The escalation causes match escalations.byCause row for row (report-relations.ts).
   */
  movedOn: { total: number; byReason: Count[] };
}

/** Breakdowns whose counts add up to a total: the groups suppression must protect. */
export const BREAKDOWNS = [
  { id: "received.byKind", total: "received" },
  { id: "received.byChannel", total: "received" },
  { id: "received.byProgram", total: "received" },
  { id: "received.byCategory", total: "received" },
  { id: "received.byProvider", total: "received" },
  { id: "decided.byLevel", total: "decided" },
  { id: "decided.byOutcome", total: "decided" },
  { id: "escalations.byLevel", total: "escalations" },
  { id: "escalations.byCause", total: "escalations" },
  { id: "recourse.byOutcome", total: "recourse" },
  { id: "providerStage.byReason", total: "providerStage.movedOn" },
] as const;

export type BreakdownId = (typeof BREAKDOWNS)[number]["id"] | "received.byGroup";

/** The breakdown lists of a report, whatever its rows are (counts, or suppressed counts). */
export interface WithBreakdowns<Row> {
  received: { byKind: Row[]; byChannel: Row[]; byProgram: Row[]; byCategory: Row[]; byProvider: Row[]; byGroup: Row[] };
  decided: { byLevel: Row[]; byOutcome: Row[] };
  escalations: { byLevel: Row[]; byCause: Row[] };
  recourse: { byOutcome: Row[] };
  providerStage?: { movedOn: { byReason: Row[] } };
}

export function breakdownOf<Row>(f: WithBreakdowns<Row>, id: BreakdownId): Row[] {
  switch (id) {
    case "received.byKind":
      return f.received.byKind;
    case "received.byChannel":
      return f.received.byChannel;
    case "received.byProgram":
      return f.received.byProgram;
    case "received.byCategory":
      return f.received.byCategory;
    case "received.byProvider":
      return f.received.byProvider;
    case "received.byGroup":
      return f.received.byGroup;
    case "decided.byLevel":
      return f.decided.byLevel;
    case "decided.byOutcome":
      return f.decided.byOutcome;
    case "escalations.byLevel":
      return f.escalations.byLevel;
    case "escalations.byCause":
      return f.escalations.byCause;
    case "recourse.byOutcome":
      return f.recourse.byOutcome;
    case "providerStage.byReason":
      return f.providerStage?.movedOn.byReason ?? [];
  }
}

/**
 * What the ministry's charts compare on-time shares against: nine in ten clocks met within the
 * published response times. A reading aid, not a rule the application enforces.
 */
export const ON_TIME_TARGET = 0.9;

/** Share met on time, 0–1; null when no clock ended. */
export function onTimeShare(c: Pick<ClockFigures, "ended" | "onTime">): number | null {
  return c.ended === 0 ? null : c.onTime / c.ended;
}

/**
 * Nearest-rank percentile (p in 1..100) of sorted values: the smallest value with at least p% of
 * values at or below it. The SQL computes the same rank: ceil(n * p / 100).
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((sorted.length * p) / 100);
  return sorted[Math.max(1, rank) - 1]!;
}
