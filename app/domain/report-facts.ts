import { fiscalQuarterOf, formatQuarterId } from "./fiscal-quarter";
import {
  byClockOrder,
  nearestRank,
  PROVIDER_STAGE_MOVES,
  REPORTED_CLOCK_KINDS,
  type ClockFigures,
  type Count,
  type QuarterFigures,
  type ReportedClockKind,
} from "./report-figures";

/**
 * What each case contributes to the quarterly figures (issue #21), kept beside the case and
 * rewritten in the same transaction as every change to it, so that a quarter's figures read a few
 * thousand facts instead of every timeline entry and clock. The facts of one case are a function of
 * the case alone (its row, its reported events, its clocks): `caseReportFacts` below. The quarter's
 * reading (`figuresFromFacts`) applies the same definitions as the aggregate SQL it replaces
 * (db/repositories/report-figures.ts, kept as the fresh computation the tests compare against).
 */

/** Quarters are cut at Toronto's midnights, for every SSM. */
export const REPORTING_TIME_ZONE = "America/Toronto";

/** The case's own columns a report reads. */
export interface FactCase {
  areaSlug: string;
  receivedAt: string;
  kind: string;
  channel: string;
  program: string | null;
  category: string | null;
  providerId: number | null;
  /** JSON { group: "yes" | "no" } or null. */
  selfIdentificationJson: string | null;
  referredOut: boolean;
  merged: boolean;
}

export interface FactEvent {
  id: number;
  type: string;
  level: number;
  createdAt: string;
  dataJson: string | null;
}

export interface FactClock {
  kind: string;
  level: number;
  dueAt: string;
  metAt: string | null;
  breachedAt: string | null;
  takenBusinessDays: number | null;
  pausedBusinessDays: number | null;
}

/** The events whose occurrences the figures count; any other timeline entry never changes a fact. */
export const REPORTED_EVENT_TYPES = [
  "decided",
  "closed",
  "withdrawn",
  "referred_to_ministry",
  "reopened",
  "escalated",
  "recourse_requested",
  "deadline_extended",
  "referred_to_provider",
  "client_accepted_answer",
  "client_no_reply",
  "provider_stage_taken_over",
] as const;

const ENDING = new Set(["decided", "closed", "withdrawn", "referred_to_ministry"]);
const REOPENING = new Set(["reopened", "escalated"]);
const PROVIDER_LATE_CAUSES = new Set<string>(PROVIDER_STAGE_MOVES);

/** The received row: one per counted (not merged) case, at its receipt. */
export interface ReceivedFact {
  receivedAt: string;
  kind: string;
  channel: string;
  program: string | null;
  category: string | null;
  providerId: number | null;
  /** The groups answered "yes", comma-separated, sorted; "" for none. */
  groups: string;
  referredOut: boolean;
}

export type EventFactName =
  | "withdrawn"
  | "extended"
  | "decided"
  | "escalated"
  | "recourse"
  | "ps_referred"
  | "ps_resolved"
  | "ps_taken_over"
  | "clock_ended"
  | "clock_met"
  | "open";

/**
 * One dated occurrence. `key`, `level` and the two values mean, by fact:
 * decided (outcome, level), escalated (cause, level), recourse (the answer's outcome or
 * "referred_to_ministry", level; `settledAt` when answered, null while pending), clock_ended
 * (kind, level, value 1 when on time), clock_met (kind, level, value taken days, value2 paused
 * days), open (value +1 or −1: the case came into or left the SSM's hands just after `at`).
 */
export interface EventFact {
  at: string;
  fact: EventFactName;
  key: string | null;
  level: number;
  value: number;
  value2: number;
  settledAt: string | null;
}

export interface CaseFacts {
  received: ReceivedFact | null;
  events: EventFact[];
}

function dataField(json: string | null, field: "outcome" | "cause"): string | null {
  if (!json) return null;
  try {
    const data = JSON.parse(json) as unknown;
    if (data === null || typeof data !== "object") return null;
    const value = (data as Record<string, unknown>)[field];
    return typeof value === "string" ? value : value === undefined || value === null ? null : String(value);
  } catch {
    return null;
  }
}

function groupsOf(json: string | null): string {
  if (!json) return "";
  try {
    const data = JSON.parse(json) as unknown;
    if (data === null || typeof data !== "object") return "";
    return Object.entries(data as Record<string, unknown>)
      .filter(([, v]) => v === "yes")
      .map(([k]) => k)
      .sort()
      .join(",");
  } catch {
    return "";
  }
}

function fact(at: string, name: EventFactName, rest: Partial<Omit<EventFact, "at" | "fact">> = {}): EventFact {
  return { at, fact: name, key: null, level: 0, value: 1, value2: 0, settledAt: null, ...rest };
}

/**
 * The changes of "open" (in the SSM's hands) over the case's life, as the figures define it: open at
 * a moment when received before it, not referred out or merged, and the latest ending or reopening
 * event before it (latest by time, then id) reopened the case or there is none.
 */
function openChanges(c: FactCase, events: readonly FactEvent[]): EventFact[] {
  if (c.referredOut || c.merged) return [];
  // `events` are in the order they were written: the latest of a moment is the last one.
  const moves = events.filter((e) => ENDING.has(e.type) || REOPENING.has(e.type));
  const instants = [...new Set([c.receivedAt, ...moves.map((e) => e.createdAt)])].sort();
  const out: EventFact[] = [];
  let wasOpen = false;
  for (const at of instants) {
    // Open just after `at`: everything at or before it has happened.
    const latest = moves.filter((e) => e.createdAt <= at).at(-1);
    const open = c.receivedAt <= at && (latest === undefined || REOPENING.has(latest.type));
    if (open !== wasOpen) out.push(fact(at, "open", { value: open ? 1 : -1 }));
    wasOpen = open;
  }
  return out;
}

/** Every fact of one case. Events in the order they were written (time, then id). */
export function caseReportFacts(c: FactCase, allEvents: readonly FactEvent[], clocks: readonly FactClock[]): CaseFacts {
  const events = [...allEvents]
    .filter((e) => (REPORTED_EVENT_TYPES as readonly string[]).includes(e.type))
    .sort((a, b) => (a.createdAt === b.createdAt ? a.id - b.id : a.createdAt < b.createdAt ? -1 : 1));
  const out: EventFact[] = [];
  for (const [i, e] of events.entries()) {
    const at = e.createdAt;
    switch (e.type) {
      case "withdrawn":
        out.push(fact(at, "withdrawn", { level: e.level }));
        break;
      case "deadline_extended":
        out.push(fact(at, "extended", { level: e.level }));
        break;
      case "decided":
        out.push(fact(at, "decided", { key: dataField(e.dataJson, "outcome"), level: e.level }));
        break;
      case "escalated":
        out.push(fact(at, "escalated", { key: dataField(e.dataJson, "cause"), level: e.level }));
        break;
      case "referred_to_provider":
        out.push(fact(at, "ps_referred", { level: e.level }));
        break;
      case "client_accepted_answer":
        out.push(fact(at, "ps_resolved", { level: e.level }));
        break;
      case "provider_stage_taken_over":
        out.push(fact(at, "ps_taken_over", { level: e.level }));
        break;
      case "closed":
        // Silence closing the case at the provider stage: the sweep writes both at one moment.
        if (events.some((n) => n.type === "client_no_reply" && n.createdAt === at))
          out.push(fact(at, "ps_resolved", { level: e.level }));
        break;
      case "recourse_requested": {
        // What came of it: the first decision at a higher level, or a referral to the ministry.
        const answer = events
          .slice(i + 1)
          .filter((d) => d.id > e.id)
          .sort((a, b) => a.id - b.id)
          .find((d) => (d.type === "decided" && d.level > e.level) || d.type === "referred_to_ministry");
        out.push(
          fact(at, "recourse", {
            level: e.level,
            key: answer ? (dataField(answer.dataJson, "outcome") ?? answer.type) : null,
            settledAt: answer?.createdAt ?? null,
          }),
        );
        break;
      }
    }
  }
  for (const k of clocks) {
    if (!(REPORTED_CLOCK_KINDS as readonly string[]).includes(k.kind)) continue;
    const ended = k.breachedAt ?? k.metAt;
    if (ended !== null) {
      const onTime = k.breachedAt === null && k.metAt !== null && k.metAt <= k.dueAt;
      out.push(fact(ended, "clock_ended", { key: k.kind, level: k.level, value: onTime ? 1 : 0 }));
    }
    if (k.metAt !== null && k.takenBusinessDays !== null) {
      out.push(
        fact(k.metAt, "clock_met", {
          key: k.kind,
          level: k.level,
          value: k.takenBusinessDays,
          value2: k.pausedBusinessDays ?? 0,
        }),
      );
    }
  }
  out.push(...openChanges(c, events));
  const received: ReceivedFact | null = c.merged
    ? null
    : {
        receivedAt: c.receivedAt,
        kind: c.kind,
        channel: c.channel,
        program: c.program,
        category: c.category,
        providerId: c.providerId,
        groups: groupsOf(c.selfIdentificationJson),
        referredOut: c.referredOut,
      };
  return { received, events: out };
}

/** The reporting quarter an instant falls in ("2026-Q3"). */
export function reportingQuarterOf(at: string): string {
  return formatQuarterId(fiscalQuarterOf(new Date(at), REPORTING_TIME_ZONE));
}

/** Net change of the open count per quarter: what the per-quarter counters add up. */
export function openChangesByQuarter(facts: readonly EventFact[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of facts) {
    if (f.fact !== "open") continue;
    const q = reportingQuarterOf(f.at);
    m.set(q, (m.get(q) ?? 0) + f.value);
  }
  return m;
}

/** A grouped row of the quarter's received facts. */
export interface ReceivedGroup {
  kind: string;
  channel: string;
  program: string | null;
  category: string | null;
  providerId: number | null;
  groups: string;
  referredOut: boolean;
  count: number;
}

/** A grouped row of the quarter's event facts; `key` of a recourse is "pending" unless settled by the quarter's end. */
export interface EventGroup {
  fact: EventFactName;
  key: string | null;
  level: number;
  value: number;
  value2: number;
  count: number;
}

function tally(pairs: Iterable<[string, number]>): Count[] {
  const m = new Map<string, number>();
  for (const [k, n] of pairs) m.set(k, (m.get(k) ?? 0) + n);
  return [...m]
    .filter(([, n]) => n > 0)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

const sumOf = (counts: readonly Count[]) => counts.reduce((s, c) => s + c.count, 0);

function clocksOf(rows: readonly EventGroup[]): ClockFigures[] {
  const slots = new Map<string, ClockFigures & { days: [number, number][]; paused: number[] }>();
  const slot = (kind: string, level: number) => {
    const id = `${kind}:${level}`;
    let s = slots.get(id);
    if (!s) {
      s = {
        kind: kind as ReportedClockKind,
        level,
        ended: 0,
        onTime: 0,
        met: 0,
        medianDays: null,
        p90Days: null,
        pausedDays: 0,
        days: [],
        paused: [],
      };
      slots.set(id, s);
    }
    return s;
  };
  for (const r of rows) {
    if (r.fact === "clock_ended") {
      const s = slot(r.key ?? "", r.level);
      s.ended += r.count;
      if (r.value === 1) s.onTime += r.count;
    } else if (r.fact === "clock_met") {
      const s = slot(r.key ?? "", r.level);
      s.met = (s.met ?? 0) + r.count;
      s.paused.push(r.value2 * r.count);
      s.days.push([r.value, r.count]);
    }
  }
  return [...slots.values()]
    .map(({ days, paused, ...s }) => {
      const sorted = days.sort((a, b) => a[0] - b[0]).flatMap(([v, n]) => Array<number>(n).fill(v));
      // Summed in one order whatever order the database returned the groups in: floating-point sums
      // differ in the last digit by order, and a frozen report must not change with a re-run.
      const pausedDays = paused.sort((a, b) => a - b).reduce((sum, d) => sum + d, 0);
      return { ...s, pausedDays, medianDays: nearestRank(sorted, 50), p90Days: nearestRank(sorted, 90) };
    })
    .sort(byClockOrder);
}

/**
 * A quarter's figures from its facts: the received rows grouped, the event facts grouped, the
 * open counts at its start and end (the per-quarter counters summed), the survey answers and the
 * providers' names. The same figures as the aggregate SQL over the whole history.
 */
export function figuresFromFacts(input: {
  areaSlug: string;
  quarter: string;
  computedAt: string;
  received: readonly ReceivedGroup[];
  events: readonly EventGroup[];
  openAtStart: number;
  openAtEnd: number;
  providerNames: ReadonlyMap<number, { en: string; fr: string }>;
  satisfaction: QuarterFigures["satisfaction"];
}): QuarterFigures {
  const r = input.received;
  const e = input.events;
  const by = (pick: (g: ReceivedGroup) => string) => tally(r.map((g) => [pick(g), g.count]));
  const byProvider = by((g) => (g.providerId === null ? "none" : String(g.providerId))).map((c) => {
    const name = c.key === "none" ? undefined : input.providerNames.get(Number(c.key));
    return name ? { ...c, label: name } : c;
  });
  const of = (name: EventFactName) => e.filter((g) => g.fact === name);
  const count = (name: EventFactName) => of(name).reduce((s, g) => s + g.count, 0);
  const decidedByLevel = tally(of("decided").map((g) => [String(g.level), g.count]));
  const escalationsByLevel = tally(of("escalated").map((g) => [String(g.level), g.count]));
  const escalationsByCause = tally(of("escalated").map((g) => [g.key ?? "none", g.count]));
  const recourse = tally(of("recourse").map((g) => [g.key ?? "pending", g.count]));
  const moved = (key: string) =>
    key === "staff_stepped_in"
      ? count("ps_taken_over")
      : of("escalated")
          .filter((g) => g.key === key && PROVIDER_LATE_CAUSES.has(key))
          .reduce((s, g) => s + g.count, 0);
  const byReason = PROVIDER_STAGE_MOVES.map((key) => ({ key, count: moved(key) })).sort((a, b) =>
    a.key.localeCompare(b.key),
  );
  return {
    areaSlug: input.areaSlug,
    quarter: input.quarter,
    computedAt: input.computedAt,
    received: {
      total: r.reduce((s, g) => s + g.count, 0),
      byKind: by((g) => g.kind),
      byChannel: by((g) => g.channel),
      byProgram: by((g) => g.program ?? "none"),
      byCategory: by((g) => g.category ?? "none"),
      byProvider,
      byGroup: tally(
        r.flatMap((g) => (g.groups ? g.groups.split(",").map((k): [string, number] => [k, g.count]) : [])),
      ),
    },
    referredOut: r.filter((g) => g.referredOut).reduce((s, g) => s + g.count, 0),
    withdrawn: count("withdrawn"),
    extensions: count("extended"),
    providerStage: {
      referred: count("ps_referred"),
      resolved: count("ps_resolved"),
      movedOn: { total: sumOf(byReason), byReason },
    },
    decided: {
      total: sumOf(decidedByLevel),
      byLevel: decidedByLevel,
      byOutcome: tally(of("decided").map((g) => [g.key ?? "none", g.count])),
    },
    openAtEnd: input.openAtEnd,
    carriedOver: input.openAtStart,
    clocks: clocksOf(e),
    escalations: { total: sumOf(escalationsByLevel), byLevel: escalationsByLevel, byCause: escalationsByCause },
    recourse: { total: sumOf(recourse), byOutcome: recourse },
    satisfaction: input.satisfaction,
  };
}
