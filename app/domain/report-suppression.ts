import {
  BREAKDOWNS,
  breakdownOf,
  onTimeShare,
  type BreakdownId,
  type ClockFigures,
  type Count,
  type QuarterFigures,
} from "./report-figures";
import { suppressCells, type SuppressionGroup } from "./suppression";

/**
 * The quarter's reports as the ministry may see them: every count from 1 to threshold-1 shows as
 * "small" ("<5"), and enough others are "hidden" that no total gives one away, whether within an
 * SSM's breakdowns or across SSMs through the province's figures. Nothing suppressed survives as a
 * number, since these figures go to browsers and CSV files.
 */

/** A count as published: "small" renders "<5" (the threshold), "hidden" hides it to protect one. */
export type ShownCount = number | "small" | "hidden";

export interface ShownCountRow {
  key: string;
  count: ShownCount;
  label?: { en: string; fr: string };
}

/** Measures only over at least `threshold` clocks; "on time" counts are not published on their own. */
export interface ShownClockFigures {
  kind: ClockFigures["kind"];
  level: number;
  ended: ShownCount;
  onTimeShare: number | null;
  medianDays: number | null;
  p90Days: number | null;
  pausedDays: number | null;
}

/**
 * Why a count is not shown: "small" it is under the threshold; "complementary" it would let a small
 * one be worked out (so it is not small itself); "province" Ontario's sum of a cell some SSM hides.
 */
export type HiddenReason = "small" | "complementary" | "province";

export interface ShownFigures {
  areaSlug: string;
  /** Each hidden cell (report-cells.ts names) and why, for the page to say. */
  hidden?: { cell: string; reason: HiddenReason }[];
  quarter: string;
  computedAt: string;
  received: {
    total: ShownCount;
    byKind: ShownCountRow[];
    byChannel: ShownCountRow[];
    byProgram: ShownCountRow[];
    byCategory: ShownCountRow[];
    byProvider: ShownCountRow[];
    byGroup: ShownCountRow[];
  };
  referredOut: ShownCount;
  withdrawn: ShownCount;
  decided: { total: ShownCount; byLevel: ShownCountRow[]; byOutcome: ShownCountRow[] };
  openAtEnd: ShownCount;
  carriedOver: ShownCount;
  clocks: ShownClockFigures[];
  escalations: { total: ShownCount; byLevel: ShownCountRow[]; byCause: ShownCountRow[] };
  recourse: { total: ShownCount; byOutcome: ShownCountRow[] };
  satisfaction: { responses: ShownCount; clear: number | null; fair: number | null; timely: number | null };
}

/** The area slug of the province's figures, and the prefix of their cells. */
export const PROVINCE = "province";

/** Single counts, by the path that names their cell; the breakdowns' totals are among them. */
const SINGLE_COUNTS = {
  received: (f) => f.received.total,
  referredOut: (f) => f.referredOut,
  withdrawn: (f) => f.withdrawn,
  decided: (f) => f.decided.total,
  openAtEnd: (f) => f.openAtEnd,
  carriedOver: (f) => f.carriedOver,
  escalations: (f) => f.escalations.total,
  recourse: (f) => f.recourse.total,
  "satisfaction.responses": (f) => f.satisfaction.responses,
} satisfies Record<string, (f: QuarterFigures) => number>;

const BREAKDOWN_IDS: readonly BreakdownId[] = [...BREAKDOWNS.map((b) => b.id), "received.byGroup"];

/**
 * Suppresses a quarter's reports together: an SSM's figures, the other SSMs' and the province's
 * are read side by side, so none may let a count of another be worked out. Every SSM's
 * breakdown gets a row for every key any SSM has (0 where it has none), so that the per-SSM and
 * province figures form one table; a 0 row the SSM did not have is listed only if it was hidden.
 * With no reports, the province's figures are all 0 and the quarter is "".
 */
export function suppressQuarter(
  reports: readonly QuarterFigures[],
  threshold: number
): { byArea: Map<string, ShownFigures>; province: ShownFigures } {
  const slugs = new Set<string>();
  for (const r of reports) {
    if (r.areaSlug === PROVINCE || r.areaSlug.includes("|") || slugs.has(r.areaSlug)) {
      throw new RangeError(`Cannot suppress the report of area "${r.areaSlug}": a duplicate or reserved slug`);
    }
    slugs.add(r.areaSlug);
  }
  const province = provinceFigures(reports, reports[0]?.quarter ?? "");
  const areas = [...reports, province];

  // The province's figures list every key and clock of any SSM: the shape every area's cells take.
  const paths = [
    ...Object.keys(SINGLE_COUNTS),
    ...BREAKDOWN_IDS.flatMap((id) => breakdownOf(province, id).map((c) => `${id}|${c.key}`)),
    ...province.clocks.map((c) => `clocks|${clockKey(c)}`),
  ];
  const values = new Map<string, number>();
  for (const f of areas) {
    for (const [path, count] of cellsOf(f)) values.set(`${f.areaSlug}|${path}`, count);
    for (const path of paths) if (!values.has(`${f.areaSlug}|${path}`)) values.set(`${f.areaSlug}|${path}`, 0);
  }
  const groups: SuppressionGroup[] = [
    ...areas.flatMap((f) =>
      BREAKDOWNS.map((b) => ({
        parts: breakdownOf(province, b.id).map((c) => `${f.areaSlug}|${b.id}|${c.key}`),
        total: `${f.areaSlug}|${b.total}`,
      }))
    ),
    ...paths.map((path) => ({ parts: reports.map((r) => `${r.areaSlug}|${path}`), total: `${PROVINCE}|${path}` })),
  ];
  const hidden = suppressCells(values, groups, threshold);

  const show = (f: QuarterFigures) => {
    const shownCount = (path: string): ShownCount => {
      const id = `${f.areaSlug}|${path}`;
      const status = hidden.get(id);
      if (status === "small") return "small";
      if (status === "complementary") return "hidden";
      return values.get(id) ?? 0;
    };
    return shownFigures(f, province, shownCount, threshold);
  };
  return { byArea: new Map(reports.map((r) => [r.areaSlug, show(r)])), province: show(province) };
}

/**
 * The province's figures: the SSMs' counts added up, key by key and clock by clock. Medians and
 * 90th percentiles cannot be added (the median of medians is not the median of the clocks), so the
 * province has none; satisfaction means are the SSMs' means weighted by their responses.
 */
export function provinceFigures(reports: readonly QuarterFigures[], quarter: string): QuarterFigures {
  for (const r of reports) {
    if (r.quarter !== quarter) throw new RangeError(`The report of ${r.areaSlug} is for ${r.quarter}, not ${quarter}`);
  }
  const sum = (count: (f: QuarterFigures) => number) => reports.reduce((s, r) => s + count(r), 0);
  const rows = (id: BreakdownId) => mergeCounts(reports.map((r) => breakdownOf(r, id)));
  const mean = (field: "clear" | "fair" | "timely") => {
    const answered = reports.filter((r) => r.satisfaction[field] !== null && r.satisfaction.responses > 0);
    const weight = answered.reduce((s, r) => s + r.satisfaction.responses, 0);
    return weight === 0 ? null : answered.reduce((s, r) => s + r.satisfaction[field]! * r.satisfaction.responses, 0) / weight;
  };
  return {
    areaSlug: PROVINCE,
    quarter,
    computedAt: reports.reduce((latest, r) => (r.computedAt > latest ? r.computedAt : latest), ""),
    received: {
      total: sum(SINGLE_COUNTS.received),
      byKind: rows("received.byKind"),
      byChannel: rows("received.byChannel"),
      byProgram: rows("received.byProgram"),
      byCategory: rows("received.byCategory"),
      byProvider: rows("received.byProvider"),
      byGroup: rows("received.byGroup"),
    },
    referredOut: sum(SINGLE_COUNTS.referredOut),
    withdrawn: sum(SINGLE_COUNTS.withdrawn),
    decided: { total: sum(SINGLE_COUNTS.decided), byLevel: rows("decided.byLevel"), byOutcome: rows("decided.byOutcome") },
    openAtEnd: sum(SINGLE_COUNTS.openAtEnd),
    carriedOver: sum(SINGLE_COUNTS.carriedOver),
    clocks: mergeClocks(reports.map((r) => r.clocks)),
    escalations: {
      total: sum(SINGLE_COUNTS.escalations),
      byLevel: rows("escalations.byLevel"),
      byCause: rows("escalations.byCause"),
    },
    recourse: { total: sum(SINGLE_COUNTS.recourse), byOutcome: rows("recourse.byOutcome") },
    satisfaction: {
      responses: sum(SINGLE_COUNTS["satisfaction.responses"]),
      clear: mean("clear"),
      fair: mean("fair"),
      timely: mean("timely"),
    },
  };
}

/** Every count of one report, by the path that names its cell. */
function cellsOf(f: QuarterFigures): Map<string, number> {
  const cells = new Map<string, number>();
  const add = (path: string, count: number) => {
    if (cells.has(path)) throw new RangeError(`The report of ${f.areaSlug} has ${path} twice`);
    cells.set(path, count);
  };
  for (const [path, count] of Object.entries(SINGLE_COUNTS)) add(path, count(f));
  for (const id of BREAKDOWN_IDS) for (const c of breakdownOf(f, id)) add(`${id}|${c.key}`, c.count);
  for (const c of f.clocks) add(`clocks|${clockKey(c)}`, c.ended);
  return cells;
}

function shownFigures(
  f: QuarterFigures,
  province: QuarterFigures,
  shownCount: (path: string) => ShownCount,
  threshold: number
): ShownFigures {
  const rows = (id: BreakdownId): ShownCountRow[] => {
    const own = breakdownOf(f, id);
    const ownKeys = new Set(own.map((c) => c.key));
    // A row the SSM does not have reads as 0 by its absence, unless it had to be hidden.
    const added = breakdownOf(province, id).filter(
      (c) => !ownKeys.has(c.key) && typeof shownCount(`${id}|${c.key}`) !== "number"
    );
    return [...own, ...added].map((c) => ({
      key: c.key,
      count: shownCount(`${id}|${c.key}`),
      ...(c.label ? { label: c.label } : {}),
    }));
  };
  // A measure over a hidden count could narrow it (a share of 2/7 says the count is a multiple of
  // 7), so measures need their count shown, and at least at the threshold.
  const measurable = (count: ShownCount) => typeof count === "number" && count >= threshold;
  const ownClocks = new Set(f.clocks.map(clockKey));
  const addedClocks = province.clocks
    .filter((c) => !ownClocks.has(clockKey(c)) && typeof shownCount(`clocks|${clockKey(c)}`) !== "number")
    .map(
      (c): ClockFigures => ({ kind: c.kind, level: c.level, ended: 0, onTime: 0, medianDays: null, p90Days: null, pausedDays: 0 })
    );
  const clocks = [...f.clocks, ...addedClocks].map((c): ShownClockFigures => {
    const ended = shownCount(`clocks|${clockKey(c)}`);
    const shown = measurable(ended);
    return {
      kind: c.kind,
      level: c.level,
      ended,
      onTimeShare: shown ? onTimeShare(c) : null,
      medianDays: shown ? c.medianDays : null,
      p90Days: shown ? c.p90Days : null,
      pausedDays: shown ? c.pausedDays : null,
    };
  });
  const responses = shownCount("satisfaction.responses");
  const answered = measurable(responses);
  return {
    areaSlug: f.areaSlug,
    quarter: f.quarter,
    computedAt: f.computedAt,
    received: {
      total: shownCount("received"),
      byKind: rows("received.byKind"),
      byChannel: rows("received.byChannel"),
      byProgram: rows("received.byProgram"),
      byCategory: rows("received.byCategory"),
      byProvider: rows("received.byProvider"),
      byGroup: rows("received.byGroup"),
    },
    referredOut: shownCount("referredOut"),
    withdrawn: shownCount("withdrawn"),
    decided: { total: shownCount("decided"), byLevel: rows("decided.byLevel"), byOutcome: rows("decided.byOutcome") },
    openAtEnd: shownCount("openAtEnd"),
    carriedOver: shownCount("carriedOver"),
    clocks,
    escalations: { total: shownCount("escalations"), byLevel: rows("escalations.byLevel"), byCause: rows("escalations.byCause") },
    recourse: { total: shownCount("recourse"), byOutcome: rows("recourse.byOutcome") },
    satisfaction: {
      responses,
      clear: answered ? f.satisfaction.clear : null,
      fair: answered ? f.satisfaction.fair : null,
      timely: answered ? f.satisfaction.timely : null,
    },
  };
}

/** Counts added up by key, each key's first label kept, in the order the repository sorts keys. */
function mergeCounts(lists: readonly (readonly Count[])[]): Count[] {
  const merged = new Map<string, Count>();
  for (const list of lists) {
    for (const c of list) {
      const m = merged.get(c.key);
      if (!m) merged.set(c.key, { key: c.key, count: c.count, ...(c.label ? { label: c.label } : {}) });
      else {
        m.count += c.count;
        if (!m.label && c.label) m.label = c.label;
      }
    }
  }
  return [...merged.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Clocks added up by kind and level; percentiles cannot be, so they are null. */
function mergeClocks(lists: readonly (readonly ClockFigures[])[]): ClockFigures[] {
  const merged = new Map<string, ClockFigures>();
  for (const c of lists.flat()) {
    const m = merged.get(clockKey(c));
    if (!m) {
      merged.set(clockKey(c), { ...c, medianDays: null, p90Days: null });
    } else {
      m.ended += c.ended;
      m.onTime += c.onTime;
      m.pausedDays += c.pausedDays;
    }
  }
  return [...merged.values()].sort((a, b) => (a.kind === b.kind ? a.level - b.level : a.kind === "acknowledge" ? -1 : 1));
}

function clockKey(c: Pick<ClockFigures, "kind" | "level">): string {
  return `${c.kind}:${c.level}`;
}
