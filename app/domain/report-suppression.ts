import { cellsOf, clockCell, clockKey, rowCell, SINGLE_COUNTS } from "./report-cells";
import {
  breakdownOf,
  byClockOrder,
  onTimeShare,
  type BreakdownId,
  type ClockFigures,
  type Count,
  type QuarterFigures,
} from "./report-figures";
import { equationsOf } from "./report-relations";
import {
  checkThreshold,
  hideSmallMeasure,
  suppressVersion,
  type EarlierVersion,
  type Suppression,
} from "./suppression";

/**
 * The quarter's reports as the ministry may see them, release by release: every count from 0 to
 * threshold-1 shows as "small" ("<5"), and enough others are "hidden" that nothing released, now
 * or before, lets one be narrowed (suppression.ts), within an SSM's report, across its versions or
 * through Ontario's figures. Nothing suppressed survives as a number, since these figures go to
 * browsers, CSV files and emails.
 */

/** A count as published: "small" renders "<5" (the threshold), "hidden" hides it to protect one. */
export type ShownCount = number | "small" | "hidden";

export interface ShownCountRow {
  key: string;
  count: ShownCount;
  label?: { en: string; fr: string };
}

/**
 * A clock as published: a share only when its on-time and late counts both reach the threshold,
 * days only over at least `threshold` clocks met; "on time" counts are not published on their own.
 */
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
 * one be worked out; "province" Ontario's sum of a cell some SSM hides. Only "small" bounds the
 * value ("<5"); a hidden count may be any count.
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
  extensions: ShownCount;
  providerStage: {
    referred: ShownCount;
    resolved: ShownCount;
    movedOn: { total: ShownCount; byReason: ShownCountRow[] };
  };
  decided: { total: ShownCount; byLevel: ShownCountRow[]; byOutcome: ShownCountRow[] };
  openAtEnd: ShownCount;
  carriedOver: ShownCount;
  clocks: ShownClockFigures[];
  escalations: { total: ShownCount; byLevel: ShownCountRow[]; byCause: ShownCountRow[] };
  recourse: { total: ShownCount; byOutcome: ShownCountRow[] };
  satisfaction: { responses: ShownCount; clear: number | null; fair: number | null; timely: number | null };
}

/** The area slug of the province's figures. */
export const PROVINCE = "province";

/** One SSM's report version as released: its real figures, the cells its page listed, and which were hidden. */
export interface ReleasedReport {
  areaSlug: string;
  version: number;
  figures: QuarterFigures;
  cells: string[];
  hidden: Record<string, Suppression>;
}

export interface QuarterRelease {
  /** Each SSM's newest version, as released now. */
  reports: ReleasedReport[];
  byArea: Map<string, ShownFigures>;
  province: ShownFigures;
}

export interface SubmittedReport {
  areaSlug: string;
  version: number;
  figures: QuarterFigures;
}

/**
 * What the ministry may see of a quarter now, given everything released before (`earlier`: every
 * SSM report version ever released for the quarter, as it was released). Each SSM's newest
 * version is suppressed against its own earlier versions (suppression.ts), so nothing shown
 * before, and nothing an amendment left unchanged, is counted on to protect anything. Every SSM
 * lists every row any SSM has (0 shows as "<5" like any small count), so that a missing row gives
 * nothing away. Ontario's cell is shown only where every SSM's is: its sum then tells nothing new,
 * and an SSM's hidden count can never be had by subtracting the others from Ontario's.
 */
export function releaseQuarter(
  current: readonly SubmittedReport[],
  earlier: readonly ReleasedReport[],
  threshold: number,
): QuarterRelease {
  checkThreshold(threshold);
  const slugs = new Set<string>();
  for (const r of current) {
    if (r.areaSlug === PROVINCE || r.areaSlug.includes("|") || slugs.has(r.areaSlug)) {
      throw new RangeError(`Cannot suppress the report of area "${r.areaSlug}": a duplicate or reserved slug`);
    }
    slugs.add(r.areaSlug);
  }
  // Rows and clocks of versions released before count too (as 0): an amendment that drops a row
  // must list it "<5" still, since a row left off is known to be 0, and that 0 beside the earlier
  // version's "<5" rows pins them (the property test's seed 1 found it).
  const quarter = current[0]?.figures.quarter ?? "";
  const earlierRows = earlier
    .filter(
      (e) =>
        e.figures.quarter === quarter && !current.some((r) => r.areaSlug === e.areaSlug && r.version === e.version),
    )
    .map((e) => zeroed(e.figures));
  const province = provinceFigures([...current.map((r) => r.figures), ...earlierRows], quarter);
  const universe = [...cellsOf(province).keys()];
  const equations = equationsOf(universe);

  const reports = current.map((r): ReleasedReport => {
    const own = cellsOf(r.figures);
    const values = new Map(universe.map((cell) => [cell, own.get(cell) ?? 0]));
    const before = earlier.find((e) => e.areaSlug === r.areaSlug && e.version === r.version);
    if (before) {
      // Released already: shown as it was, with any row added since (0 here) as small. `cells`
      // stays the first listing: a row it left out was known to be 0 then, and still is.
      const hidden = { ...before.hidden };
      for (const [cell, value] of values) if (!before.cells.includes(cell) && value < threshold) hidden[cell] = "small";
      return { ...r, cells: before.cells, hidden };
    }
    const versions: EarlierVersion[] = earlier
      .filter((e) => e.areaSlug === r.areaSlug && e.version !== r.version)
      .map((e) => {
        const real = cellsOf(e.figures);
        return {
          values: new Map(e.cells.map((cell) => [cell, real.get(cell) ?? 0])),
          hidden: new Map(Object.entries(e.hidden)),
          equations: equationsOf(e.cells),
        };
      });
    const hidden = suppressVersion({ values, equations, earlier: versions, threshold });
    return { ...r, cells: universe, hidden: Object.fromEntries(hidden) };
  });

  const statusOf =
    (report: ReleasedReport) =>
    (cell: string): HiddenReason | "shown" =>
      report.hidden[cell] ?? "shown";
  const provinceStatus = (cell: string): HiddenReason | "shown" =>
    reports.every((r) => statusOf(r)(cell) === "shown") ? "shown" : "province";
  const byArea = new Map(
    reports.map((r) => [
      r.areaSlug,
      shownFigures(r.figures, province, statusOf(r), threshold, { measuresOver: (c) => metOf(r.figures, c) }),
    ]),
  );
  const provinceShown = shownFigures(province, province, provinceStatus, threshold, {
    // Ontario's paused days add up the SSMs': shown only where every SSM's could be.
    measuresOver: (c) =>
      current.every((r) => {
        const m = metOf(r.figures, c);
        return m === 0 || m >= threshold;
      })
        ? metOf(province, c)
        : 0,
  });
  return { reports, byArea, province: provinceShown };
}

/** Every report version released so far (releases oldest first), each as it was last released. */
export function releasedSoFar(releases: readonly { reports: readonly ReleasedReport[] }[]): ReleasedReport[] {
  const byVersion = new Map<string, ReleasedReport>();
  for (const release of releases) for (const r of release.reports) byVersion.set(`${r.areaSlug}@${r.version}`, r);
  return [...byVersion.values()];
}

/** A quarter released at once, with nothing released before it: each report as version 1. */
export function suppressQuarter(
  reports: readonly QuarterFigures[],
  threshold: number,
): { byArea: Map<string, ShownFigures>; province: ShownFigures } {
  const { byArea, province } = releaseQuarter(
    reports.map((figures) => ({ areaSlug: figures.areaSlug, version: 1, figures })),
    [],
    threshold,
  );
  return { byArea, province };
}

/** A report's rows and clocks with every count 0: listed, adding nothing to Ontario's sums. */
function zeroed(f: QuarterFigures): QuarterFigures {
  const none = (list: readonly Count[]) => list.map((c) => ({ ...c, count: 0 }));
  return {
    ...f,
    computedAt: "",
    received: {
      total: 0,
      byKind: none(f.received.byKind),
      byChannel: none(f.received.byChannel),
      byProgram: none(f.received.byProgram),
      byCategory: none(f.received.byCategory),
      byProvider: none(f.received.byProvider),
      byGroup: none(f.received.byGroup),
    },
    referredOut: 0,
    withdrawn: 0,
    extensions: 0,
    providerStage: {
      referred: 0,
      resolved: 0,
      movedOn: { total: 0, byReason: none(f.providerStage?.movedOn.byReason ?? []) },
    },
    decided: { total: 0, byLevel: none(f.decided.byLevel), byOutcome: none(f.decided.byOutcome) },
    openAtEnd: 0,
    carriedOver: 0,
    clocks: f.clocks.map((c) => ({
      ...c,
      ended: 0,
      onTime: 0,
      met: 0,
      medianDays: null,
      p90Days: null,
      pausedDays: 0,
    })),
    escalations: { total: 0, byLevel: none(f.escalations.byLevel), byCause: none(f.escalations.byCause) },
    recourse: { total: 0, byOutcome: none(f.recourse.byOutcome) },
    satisfaction: { responses: 0, clear: null, fair: null, timely: null },
  };
}

/** Clocks met, what a clock's median, percentile and paused days are over; 0 when not recorded. */
function metOf(f: QuarterFigures, c: Pick<ClockFigures, "kind" | "level">): number {
  return f.clocks.find((x) => clockKey(x) === clockKey(c))?.met ?? 0;
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
    return weight === 0
      ? null
      : answered.reduce((s, r) => s + r.satisfaction[field]! * r.satisfaction.responses, 0) / weight;
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
    extensions: sum(SINGLE_COUNTS.extensions),
    providerStage: {
      referred: sum(SINGLE_COUNTS["providerStage.referred"]),
      resolved: sum(SINGLE_COUNTS["providerStage.resolved"]),
      movedOn: { total: sum(SINGLE_COUNTS["providerStage.movedOn"]), byReason: rows("providerStage.byReason") },
    },
    decided: {
      total: sum(SINGLE_COUNTS.decided),
      byLevel: rows("decided.byLevel"),
      byOutcome: rows("decided.byOutcome"),
    },
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

/**
 * One report as shown: every row and clock of the quarter listed; a hidden count as "small" or
 * "hidden" with its reason. A share needs both its on-time and late counts shown (so both at the
 * threshold or more); a median, percentile or paused total needs that many clocks met; survey
 * means need that many responses, shown.
 */
function shownFigures(
  f: QuarterFigures,
  province: QuarterFigures,
  status: (cell: string) => HiddenReason | "shown",
  threshold: number,
  options: { measuresOver: (c: ClockFigures) => number },
): ShownFigures {
  const own = cellsOf(f);
  const hidden: { cell: string; reason: HiddenReason }[] = [];
  const shownCount = (cell: string): ShownCount => {
    const s = status(cell);
    if (s === "shown") return own.get(cell) ?? 0;
    hidden.push({ cell, reason: s });
    return s === "small" ? "small" : "hidden";
  };
  const isShown = (cell: string) => status(cell) === "shown";
  const rows = (id: BreakdownId): ShownCountRow[] => {
    const mine = new Map(breakdownOf(f, id).map((c) => [c.key, c]));
    return breakdownOf(province, id).map((c) => {
      const label = mine.get(c.key)?.label ?? c.label;
      return { key: c.key, count: shownCount(rowCell(id, c.key)), ...(label ? { label } : {}) };
    });
  };
  const clocks = province.clocks.map((p): ShownClockFigures => {
    const c = f.clocks.find((x) => clockKey(x) === clockKey(p)) ?? {
      ...p,
      ended: 0,
      onTime: 0,
      met: 0,
      medianDays: null,
      p90Days: null,
      pausedDays: 0,
    };
    const ended = shownCount(clockCell(c, "ended"));
    const shareShown = typeof ended === "number" && isShown(clockCell(c, "onTime")) && isShown(clockCell(c, "late"));
    const measured = !hideSmallMeasure(options.measuresOver(c), threshold);
    return {
      kind: c.kind,
      level: c.level,
      ended,
      onTimeShare: shareShown ? onTimeShare(c) : null,
      medianDays: measured ? c.medianDays : null,
      p90Days: measured ? c.p90Days : null,
      pausedDays: measured ? c.pausedDays : null,
    };
  });
  const responses = shownCount("satisfaction.responses");
  const answered = typeof responses === "number" && !hideSmallMeasure(responses, threshold);
  const shown: ShownFigures = {
    areaSlug: f.areaSlug,
    quarter: f.quarter,
    computedAt: f.computedAt,
    hidden,
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
    extensions: shownCount("extensions"),
    providerStage: {
      referred: shownCount("providerStage.referred"),
      resolved: shownCount("providerStage.resolved"),
      movedOn: { total: shownCount("providerStage.movedOn"), byReason: rows("providerStage.byReason") },
    },
    decided: { total: shownCount("decided"), byLevel: rows("decided.byLevel"), byOutcome: rows("decided.byOutcome") },
    openAtEnd: shownCount("openAtEnd"),
    carriedOver: shownCount("carriedOver"),
    clocks,
    escalations: {
      total: shownCount("escalations"),
      byLevel: rows("escalations.byLevel"),
      byCause: rows("escalations.byCause"),
    },
    recourse: { total: shownCount("recourse"), byOutcome: rows("recourse.byOutcome") },
    satisfaction: {
      responses,
      clear: answered ? f.satisfaction.clear : null,
      fair: answered ? f.satisfaction.fair : null,
      timely: answered ? f.satisfaction.timely : null,
    },
  };
  // Clocks' on-time and late counts are cells too, though shown only through the share.
  for (const c of province.clocks)
    for (const cell of [clockCell(c, "onTime"), clockCell(c, "late")]) {
      const s = status(cell);
      if (s !== "shown") hidden.push({ cell, reason: s });
    }
  return shown;
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
      merged.set(clockKey(c), { ...c, met: c.met ?? 0, medianDays: null, p90Days: null });
    } else {
      m.ended += c.ended;
      m.onTime += c.onTime;
      m.met = (m.met ?? 0) + (c.met ?? 0);
      m.pausedDays += c.pausedDays;
    }
  }
  return [...merged.values()].sort(byClockOrder);
}
