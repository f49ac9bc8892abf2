import type { MessageKey } from "../i18n";
import type { Label } from "./label";
import { breakdownOf, type BreakdownId } from "./report-figures";
import type { HiddenReason, ShownClockFigures, ShownCountRow, ShownFigures } from "./report-suppression";

/**
 * What each figure of a quarterly report is called (as a Label: named here, translated by whoever
 * shows it), and every figure as a flat list of cells: the
 * page, the CSV exports and the list of what changed between two versions of a report all name
 * figures the same way. A cell is named by its path in ShownFigures ("received.byChannel") and, in
 * a breakdown, the row's key ("web"); a clock's measures by "clocks.<kind>.<level>.<measure>".
 */

export type FigureValue = number | string | null;

export interface FigureCell {
  path: string;
  /** The breakdown row's key; null for a single figure. */
  key: string | null;
  /** A count (a number, or "small" / "hidden" when suppressed), a share, a number of days or a mean; null when there is too little to show. */
  value: FigureValue;
  /** A provider's names, frozen with the report. */
  label?: { en: string; fr: string };
}

export interface FigureChange {
  path: string;
  key: string | null;
  /** undefined when the row is not in that version at all. */
  before: FigureValue | undefined;
  after: FigureValue | undefined;
  label?: { en: string; fr: string };
}

/** Breakdowns in the order the report shows them. */
export const BREAKDOWN_PATHS = [
  "received.byKind",
  "received.byChannel",
  "received.byProgram",
  "received.byCategory",
  "received.byProvider",
  "received.byGroup",
  "decided.byLevel",
  "decided.byOutcome",
  "escalations.byLevel",
  "escalations.byCause",
  "recourse.byOutcome",
  "providerStage.byReason",
] as const satisfies readonly BreakdownId[];
export type BreakdownPath = (typeof BREAKDOWN_PATHS)[number];

export const CLOCK_MEASURES = ["ended", "onTimeShare", "medianDays", "p90Days", "pausedDays"] as const;
export type ClockMeasure = (typeof CLOCK_MEASURES)[number];

const MEASURE_KEYS: Record<ClockMeasure, MessageKey> = {
  ended: "report.col.ended",
  onTimeShare: "report.col.onTimeShare",
  medianDays: "report.col.medianDays",
  p90Days: "report.col.p90Days",
  pausedDays: "report.col.pausedDays",
};

/** The message for `key` when the catalog has one; otherwise the fallback (a code added after this release). */
function known(key: string, fallback: string): Label {
  return { optionalKey: key, fallback };
}

const text = (words: string): Label => ({ text: words });

const isLevel = (key: string) => /^\d+$/.test(key);

/**
 * The name of one row of a breakdown: "Web form", "Level 2", a provider's frozen name. A key the
 * catalog does not know (a program added later) shows as itself rather than failing.
 */
export function categoryLabel(breakdown: string, key: string, rowLabel?: string): Label {
  switch (breakdown) {
    case "received.byKind":
      return known(`kind.${key}`, key);
    case "received.byChannel":
      return known(`channel.${key}`, key);
    case "received.byProgram":
      return key === "none" ? { key: "report.none.program" } : known(`program.${key}`, key);
    case "received.byCategory":
      return key === "none" ? { key: "report.none.category" } : known(`category.${key}`, key);
    case "received.byProvider":
      return rowLabel !== undefined ? text(rowLabel) : key === "none" ? { key: "report.none.provider" } : text(key);
    case "received.byGroup":
      return known(`groupName.${key}`, key);
    case "decided.byLevel":
      return isLevel(key) ? { key: "level.short", vars: { n: key } } : text(key);
    case "escalations.byLevel":
      return isLevel(key) ? { key: "report.toLevel", vars: { n: key } } : text(key);
    case "decided.byOutcome":
      return key === "none" ? { key: "report.none.generic" } : known(`outcome.${key}`, key);
    case "escalations.byCause":
      return key === "none"
        ? { key: "report.none.generic" }
        : { ...known(`escalationCause.${key}`, key), capitalized: true };
    case "providerStage.byReason":
      return key === "staff_stepped_in"
        ? { key: "report.providerStage.staffSteppedIn" }
        : { ...known(`escalationCause.${key}`, key), capitalized: true };
    case "recourse.byOutcome":
      if (key === "pending") return { key: "report.recourse.pending" };
      if (key === "referred_to_ministry") return { key: "caseStatus.referred_to_ministry" };
      return key === "none" ? { key: "report.none.generic" } : known(`outcome.${key}`, key);
    default:
      return text(key);
  }
}

/** "Acknowledge", "Decision, level 2". */
export function clockLabel(kind: string, level: number): Label {
  if (kind === "acknowledge") return { key: "clock.acknowledge" };
  if (kind === "decision") return { key: "report.clock.decision", vars: { level } };
  if (kind === "provider_response") return { key: "report.clock.providerResponse" };
  return text(`${kind} ${level}`);
}

/** A figure on its own: "Received by channel", "Decision, level 1: Median (business days)". */
export function figureName(path: string): Label {
  const clock = /^clocks\.([a-z_]+)\.(\d+)\.(\w+)$/.exec(path);
  if (clock) {
    const [, kind, level, measure] = clock as unknown as [string, string, string, string];
    const measureKey = (MEASURE_KEYS as Record<string, MessageKey | undefined>)[measure];
    return {
      key: "report.labelWithKey",
      vars: { figure: clockLabel(kind, Number(level)), category: measureKey ? { key: measureKey } : text(measure) },
    };
  }
  return known(`report.figure.${path}`, path);
}

/**
 * The human label of one cell: "Received by channel: Web form". Pass the row's frozen name in the
 * reader's language as `rowLabel` for providers (FigureCell.label), whose keys are ids.
 */
export function figureLabel(path: string, key: string | null, rowLabel?: string): Label {
  const name = figureName(path);
  if (key === null) return name;
  return { key: "report.labelWithKey", vars: { figure: name, category: categoryLabel(path, key, rowLabel) } };
}

/** The rows of one breakdown of a shown report. */
export function shownBreakdown(f: ShownFigures, path: BreakdownPath): ShownCountRow[] {
  return breakdownOf(f, path);
}

export function clockPath(c: Pick<ShownClockFigures, "kind" | "level">, measure: ClockMeasure): string {
  return `clocks.${c.kind}.${c.level}.${measure}`;
}

/** Every cell of a report, in the order the report shows them. */
export function flattenShown(f: ShownFigures): FigureCell[] {
  const cells: FigureCell[] = [];
  const single = (path: string, value: FigureValue) => cells.push({ path, key: null, value });
  const breakdown = (path: BreakdownPath) => {
    for (const row of shownBreakdown(f, path)) {
      cells.push({ path, key: row.key, value: row.count, ...(row.label ? { label: row.label } : {}) });
    }
  };
  single("received.total", f.received.total);
  for (const path of BREAKDOWN_PATHS.filter((p) => p.startsWith("received."))) breakdown(path);
  single("referredOut", f.referredOut);
  single("withdrawn", f.withdrawn);
  single("extensions", f.extensions);
  single("providerStage.referred", f.providerStage.referred);
  single("providerStage.resolved", f.providerStage.resolved);
  single("providerStage.movedOn.total", f.providerStage.movedOn.total);
  breakdown("providerStage.byReason");
  single("decided.total", f.decided.total);
  breakdown("decided.byLevel");
  breakdown("decided.byOutcome");
  single("openAtEnd", f.openAtEnd);
  single("carriedOver", f.carriedOver);
  for (const c of f.clocks) for (const m of CLOCK_MEASURES) single(clockPath(c, m), c[m]);
  single("escalations.total", f.escalations.total);
  breakdown("escalations.byLevel");
  breakdown("escalations.byCause");
  single("recourse.total", f.recourse.total);
  breakdown("recourse.byOutcome");
  single("satisfaction.responses", f.satisfaction.responses);
  single("satisfaction.clear", f.satisfaction.clear);
  single("satisfaction.fair", f.satisfaction.fair);
  single("satisfaction.timely", f.satisfaction.timely);
  return cells;
}

const cellId = (c: Pick<FigureCell, "path" | "key">) => (c.key === null ? c.path : `${c.path}|${c.key}`);

/**
 * The cells whose value differs between two versions of a report, a row present in only one of
 * them included, in report order: the after version's order, with the rows it dropped put back
 * where they stood before.
 */
export function figureChanges(before: ShownFigures, after: ShownFigures): FigureChange[] {
  const beforeCells = flattenShown(before);
  const afterCells = flattenShown(after);
  const beforeById = new Map(beforeCells.map((c) => [cellId(c), c]));
  const afterById = new Map(afterCells.map((c) => [cellId(c), c]));

  const order: FigureCell[] = [...afterCells];
  const position = (id: string) => order.findIndex((c) => cellId(c) === id);
  let anchor = -1;
  for (const c of beforeCells) {
    if (afterById.has(cellId(c))) {
      anchor = position(cellId(c));
      continue;
    }
    // A dropped row goes after the cell it followed, and after rows new to `after` in the same
    // breakdown whose keys sort before it (the repository lists keys in order).
    let at = anchor + 1;
    while (at < order.length) {
      const next = order[at]!;
      const isNewRowBefore =
        next.path === c.path &&
        next.key !== null &&
        c.key !== null &&
        !beforeById.has(cellId(next)) &&
        next.key.localeCompare(c.key) < 0;
      if (!isNewRowBefore) break;
      at++;
    }
    order.splice(at, 0, c);
    anchor = at;
  }

  const changes: FigureChange[] = [];
  for (const cell of order) {
    const b = beforeById.get(cellId(cell));
    const a = afterById.get(cellId(cell));
    if (b && a && b.value === a.value) continue;
    const label = a?.label ?? b?.label;
    changes.push({ path: cell.path, key: cell.key, before: b?.value, after: a?.value, ...(label ? { label } : {}) });
  }
  return changes;
}

const SINGLE_FIGURE_PATHS: Record<string, string> = {
  received: "received.total",
  decided: "decided.total",
  escalations: "escalations.total",
  recourse: "recourse.total",
  "providerStage.movedOn": "providerStage.movedOn.total",
};

/**
 * The counts a report hides for a reason beyond being small ("hidden", not "<5"), each named as
 * flattenShown names it, so that the page can say why. Clocks' on-time and late counts are left
 * out: their share reads "too few to show".
 */
export function hiddenFigures(
  f: ShownFigures,
): { path: string; key: string | null; label?: { en: string; fr: string }; reason: Exclude<HiddenReason, "small"> }[] {
  const out: {
    path: string;
    key: string | null;
    label?: { en: string; fr: string };
    reason: Exclude<HiddenReason, "small">;
  }[] = [];
  for (const { cell, reason } of f.hidden ?? []) {
    if (reason === "small") continue;
    const [id, key, count] = cell.split("|") as [string, string | undefined, string | undefined];
    if (id === "clocks") {
      if (count !== "ended") continue;
      const [kind, level] = key!.split(":");
      out.push({ path: `clocks.${kind}.${level}.ended`, key: null, reason });
    } else if (key === undefined) {
      out.push({ path: SINGLE_FIGURE_PATHS[id] ?? id, key: null, reason });
    } else {
      const label = breakdownOf(f, id as BreakdownId).find((r) => r.key === key)?.label;
      out.push({ path: id, key, reason, ...(label ? { label } : {}) });
    }
  }
  return out;
}
