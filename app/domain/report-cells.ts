import { BREAKDOWNS, breakdownOf, type BreakdownId, type ClockFigures, type QuarterFigures } from "./report-figures";

/**
 * A report's counts as named cells: the unit suppression hides and the relations between figures
 * (report-relations.ts) are written in. A breakdown row is "<breakdown>|<key>" ("received.byChannel|web"),
 * a clock's counts "clocks|<kind>:<level>|ended" (and "|onTime", "|late": an on-time share beside
 * its base publishes both, so they are cells too).
 */

/** Single counts, by the path that names their cell; the breakdowns' totals are among them. */
export const SINGLE_COUNTS = {
  received: (f) => f.received.total,
  referredOut: (f) => f.referredOut,
  withdrawn: (f) => f.withdrawn,
  extensions: (f) => f.extensions ?? 0,
  "providerStage.referred": (f) => f.providerStage?.referred ?? 0,
  "providerStage.resolved": (f) => f.providerStage?.resolved ?? 0,
  "providerStage.movedOn": (f) => f.providerStage?.movedOn.total ?? 0,
  decided: (f) => f.decided.total,
  openAtEnd: (f) => f.openAtEnd,
  carriedOver: (f) => f.carriedOver,
  escalations: (f) => f.escalations.total,
  recourse: (f) => f.recourse.total,
  "satisfaction.responses": (f) => f.satisfaction.responses,
} satisfies Record<string, (f: QuarterFigures) => number>;

export type SingleCount = keyof typeof SINGLE_COUNTS;

export const BREAKDOWN_IDS: readonly BreakdownId[] = [...BREAKDOWNS.map((b) => b.id), "received.byGroup"];

export const CLOCK_COUNTS = ["ended", "onTime", "late"] as const;
export type ClockCount = (typeof CLOCK_COUNTS)[number];

export function clockKey(c: Pick<ClockFigures, "kind" | "level">): string {
  return `${c.kind}:${c.level}`;
}

export function rowCell(breakdown: BreakdownId, key: string): string {
  return `${breakdown}|${key}`;
}

export function clockCell(c: Pick<ClockFigures, "kind" | "level">, count: ClockCount): string {
  return `clocks|${clockKey(c)}|${count}`;
}

/** Every count of one report, by the path that names its cell. */
export function cellsOf(f: QuarterFigures): Map<string, number> {
  const cells = new Map<string, number>();
  const add = (path: string, count: number) => {
    if (cells.has(path)) throw new RangeError(`The report of ${f.areaSlug} has ${path} twice`);
    cells.set(path, count);
  };
  for (const [path, count] of Object.entries(SINGLE_COUNTS)) add(path, count(f));
  for (const id of BREAKDOWN_IDS) for (const c of breakdownOf(f, id)) add(rowCell(id, c.key), c.count);
  for (const c of f.clocks) {
    add(clockCell(c, "ended"), c.ended);
    add(clockCell(c, "onTime"), c.onTime);
    add(clockCell(c, "late"), c.ended - c.onTime);
  }
  return cells;
}
