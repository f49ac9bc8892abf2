import { solve, type Constraint } from "yalps";
import type { QuarterFigures } from "../../app/domain/report-figures";
import { equationsOf } from "../../app/domain/report-relations";
import type { ShownFigures } from "../../app/domain/report-suppression";
import { COMPARISON_COLUMNS } from "../../app/domain/report-comparison";
import { flattenShown } from "../../app/domain/report-labels";
import { comparisonCsvCell } from "../../app/utils/report-comparison-cells";

/**
 * An outside reader who collects every figure ever released for a quarter (each version of each
 * SSM's report, Ontario's row, at each moment as SSMs submit and amend) and works out, with
 * integer programming, every value each withheld count could take.
 *
 * Written apart from the suppression code: it reads what the pages show (ShownFigures), knows the
 * relations between figures (report-relations.ts) and the published rules ("<5" is a count under
 * the threshold; a count hidden "to protect another" is not small; 0 shows as 0 if any 0 is ever
 * shown), and nothing else of how cells were chosen. It is also told which counts an amendment
 * left unchanged (an amendment's reason often says so), so that a count shown in one version and
 * hidden in the next is known in both.
 *
 * A count is attacked where some page withholds it: shown as "<5" or "hidden", or named in the
 * page's list of hidden figures (each with its reason). An on-time or late count the page does
 * not print only because its share is withheld (the other of the two is small) is an unknown in
 * the equations but not itself withheld: a late count of 16 beside an on-time count of 0 that an
 * earlier version already gave away is worked out exactly, and that discloses nobody
 * (decision 003; test/integration/amendment-after-sweep-attacker.test.ts).
 */

export interface PublishedReport {
  areaSlug: string;
  version: number;
  figures: ShownFigures;
}

/** One moment's release: every SSM's newest report, Ontario's row, and any older versions shown. */
export interface Release {
  current: PublishedReport[];
  /** Older versions shown beside the current ones (the version history page). */
  older: PublishedReport[];
  province: ShownFigures | null;
}

export interface CellRange {
  /** "area@version" or "province@release". */
  report: string;
  cell: string;
  truth: number;
  min: number;
  max: number;
}

type Known = { lo: number; hi: number };

const SINGLE: Record<string, (f: ShownFigures) => ShownFigures["received"]["total"]> = {
  received: (f) => f.received.total,
  referredOut: (f) => f.referredOut,
  withdrawn: (f) => f.withdrawn,
  decided: (f) => f.decided.total,
  openAtEnd: (f) => f.openAtEnd,
  carriedOver: (f) => f.carriedOver,
  escalations: (f) => f.escalations.total,
  recourse: (f) => f.recourse.total,
  "satisfaction.responses": (f) => f.satisfaction.responses,
  "providerStage.referred": (f) => f.providerStage.referred,
  "providerStage.resolved": (f) => f.providerStage.resolved,
  "providerStage.movedOn": (f) => f.providerStage.movedOn.total,
};
const ROWS: Record<string, (f: ShownFigures) => ShownFigures["received"]["byKind"]> = {
  "received.byKind": (f) => f.received.byKind,
  "received.byChannel": (f) => f.received.byChannel,
  "received.byProgram": (f) => f.received.byProgram,
  "received.byCategory": (f) => f.received.byCategory,
  "received.byProvider": (f) => f.received.byProvider,
  "received.byGroup": (f) => f.received.byGroup,
  "decided.byLevel": (f) => f.decided.byLevel,
  "decided.byOutcome": (f) => f.decided.byOutcome,
  "escalations.byLevel": (f) => f.escalations.byLevel,
  "escalations.byCause": (f) => f.escalations.byCause,
  "recourse.byOutcome": (f) => f.recourse.byOutcome,
  "providerStage.byReason": (f) => f.providerStage.movedOn.byReason,
};

type Published = number | "small" | "hidden" | "unknown";

/** What one page says of each count; on-time and late counts come from a share beside its base. */
function readPage(f: ShownFigures): Map<string, Published> {
  const out = new Map<string, Published>();
  const put = (cell: string, v: ShownFigures["received"]["total"]) => out.set(cell, v);
  for (const [cell, get] of Object.entries(SINGLE)) put(cell, get(f));
  for (const [id, get] of Object.entries(ROWS)) for (const row of get(f)) put(`${id}|${row.key}`, row.count);
  for (const c of f.clocks) {
    const base = `clocks|${c.kind}:${c.level}`;
    put(`${base}|ended`, c.ended);
    if (typeof c.ended === "number" && c.onTimeShare !== null) {
      const onTime = Math.round(c.onTimeShare * c.ended);
      out.set(`${base}|onTime`, onTime);
      out.set(`${base}|late`, c.ended - onTime);
    } else {
      out.set(`${base}|onTime`, "unknown");
      out.set(`${base}|late`, "unknown");
    }
  }
  return out;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/**
 * Every count hidden on some page, with the least and greatest value it could have given everything
 * released. `truth` gives each report's real figures by "area@version": used only to tell the
 * attacker which counts an amendment left unchanged, and to report the real value beside the range.
 */
export function attack(
  releases: readonly Release[],
  threshold: number,
  truth: ReadonlyMap<string, QuarterFigures>,
): CellRange[] {
  const pages: { report: string; page: Map<string, Published>; withheld: ReadonlySet<string> | null }[] = [];
  const equations: { parts: string[]; total: string }[] = [];
  const read = new Map<ShownFigures, Map<string, Published>>();
  const pageOf = (f: ShownFigures) => read.get(f) ?? read.set(f, readPage(f)).get(f)!;
  const everyPage = releases.flatMap((r) =>
    [...r.current, ...r.older].map((p) => p.figures).concat(r.province ? [r.province] : []),
  );
  const zerosShown = everyPage.some((f) => [...pageOf(f).values()].some((x) => x === 0));
  const smallLo = zerosShown ? 1 : 0;
  // A row or clock a page leaves out is 0 on that page (pages list only what they have, or more).
  const allCells = new Set(everyPage.flatMap((f) => [...pageOf(f).keys()]));
  for (const f of everyPage) {
    const page = pageOf(f);
    for (const cell of allCells) if (!page.has(cell)) page.set(cell, 0);
  }

  const vars = new UnionFind();
  const v = (report: string, cell: string) => `${report}#${cell}`;
  const value = new Map<string, number>();
  const withEquations = new Set<string>();
  const addEquations = (report: string) => {
    if (withEquations.has(report)) return;
    withEquations.add(report);
    for (const eq of equationsOf(allCells))
      equations.push({ parts: eq.parts.map((c) => v(report, c)), total: v(report, eq.total) });
  };

  releases.forEach((release, r) => {
    for (const p of [...release.current, ...release.older]) {
      const report = `${p.areaSlug}@${p.version}`;
      pages.push({ report, page: pageOf(p.figures), withheld: withheldOn(p.figures) });
      addEquations(report);
      const real = truth.get(report)!;
      for (const cell of allCells) value.set(v(report, cell), realValue(real, cell));
    }
    if (release.province) {
      const report = `province@${r}`;
      pages.push({ report, page: pageOf(release.province), withheld: withheldOn(release.province) });
      // Ontario's own breakdowns follow from the SSMs' and the sums below: nothing to add.
      for (const cell of allCells) {
        equations.push({
          parts: release.current.map((p) => v(`${p.areaSlug}@${p.version}`, cell)),
          total: v(report, cell),
        });
        value.set(
          v(report, cell),
          release.current.reduce((s, p) => s + realValue(truth.get(`${p.areaSlug}@${p.version}`)!, cell), 0),
        );
      }
    }
  });

  // The amendment oracle: a count equal in two versions of one SSM's report is one unknown.
  const byAreaCell = new Map<string, string>();
  for (const [id, n] of value) {
    const [report, cell] = id.split("#") as [string, string];
    if (report.startsWith("province@")) continue;
    const key = `${report.split("@")[0]}#${cell}#${n}`;
    const first = byAreaCell.get(key);
    if (first) vars.union(id, first);
    else byAreaCell.set(key, id);
  }

  // What the pages say of each unknown, intersected over every page that shows it.
  const known = new Map<string, Known>();
  const hiddenSomewhere = new Set<string>();
  const narrow = (id: string, lo: number, hi: number) => {
    const root = vars.find(id);
    const k = known.get(root) ?? { lo: 0, hi: Infinity };
    known.set(root, { lo: Math.max(k.lo, lo), hi: Math.min(k.hi, hi) });
  };
  for (const { report, page, withheld } of pages) {
    for (const [cell, shown] of page) {
      const id = v(report, cell);
      if (typeof shown === "number") narrow(id, shown, shown);
      else {
        if (shown !== "unknown" || withheld === null || withheld.has(cell)) hiddenSomewhere.add(id);
        if (shown === "small") narrow(id, smallLo, threshold - 1);
        else narrow(id, 0, Infinity);
      }
    }
  }
  for (const eq of equations)
    for (const id of [...eq.parts, eq.total]) if (!known.has(vars.find(id))) narrow(id, 0, Infinity);

  // Equations over unknowns only: exact ones move to the right-hand side.
  const system: { coef: Map<string, number>; rhs: number; definesOnly?: string }[] = [];
  for (const eq of equations) {
    const coef = new Map<string, number>();
    let rhs = 0;
    const add = (id: string, c: number) => {
      const root = vars.find(id);
      const k = known.get(root)!;
      if (k.lo === k.hi) rhs -= c * k.lo;
      else coef.set(root, (coef.get(root) ?? 0) + c);
    };
    for (const p of eq.parts) add(p, 1);
    add(eq.total, -1);
    for (const [id, c] of coef) if (c === 0) coef.delete(id);
    if (coef.size > 0) system.push({ coef, rhs });
  }

  dropDefinitions(system, known);

  const ranges = new Map<string, { min: number; max: number }>();
  const rangeOf = (root: string) => {
    const hit = ranges.get(root);
    if (hit) return hit;
    const k = known.get(root)!;
    if (k.lo === k.hi) return { min: k.lo, max: k.hi };
    const component = componentOf(root, system);
    if (component.equations.length === 0) return { min: k.lo, max: k.hi };
    const min = optimum(root, component, known, "minimize");
    const max = optimum(root, component, known, "maximize");
    const out = { min, max };
    ranges.set(root, out);
    return out;
  };

  const out: CellRange[] = [];
  for (const id of hiddenSomewhere) {
    const [report, cell] = id.split("#") as [string, string];
    // Ontario's withheld sums of at least the threshold are not attacked (see `disclosed`).
    if (report.startsWith("province@") && value.get(id)! >= threshold) continue;
    const { min, max } = rangeOf(vars.find(id));
    out.push({ report, cell, truth: value.get(id) ?? NaN, min, max });
  }
  return out;
}

/**
 * The counts a page says it withholds (its list of hidden figures), or null for a page without
 * that list, on which every count it does not print is taken as withheld.
 */
function withheldOn(f: ShownFigures): ReadonlySet<string> | null {
  return f.hidden ? new Set(f.hidden.map((h) => h.cell)) : null;
}

function realValue(f: QuarterFigures, cell: string): number {
  const single = (SINGLE_TRUTH as Record<string, (f: QuarterFigures) => number>)[cell];
  if (single) return single(f);
  const [id, key, count] = cell.split("|") as [string, string, string | undefined];
  if (id === "clocks") {
    const c = f.clocks.find((x) => `${x.kind}:${x.level}` === key);
    if (!c) return 0;
    return count === "ended" ? c.ended : count === "onTime" ? c.onTime : c.ended - c.onTime;
  }
  const rows = ROWS_TRUTH[id]!(f);
  return rows.find((r) => r.key === key)?.count ?? 0;
}

const SINGLE_TRUTH = {
  received: (f: QuarterFigures) => f.received.total,
  referredOut: (f: QuarterFigures) => f.referredOut,
  withdrawn: (f: QuarterFigures) => f.withdrawn,
  decided: (f: QuarterFigures) => f.decided.total,
  openAtEnd: (f: QuarterFigures) => f.openAtEnd,
  carriedOver: (f: QuarterFigures) => f.carriedOver,
  escalations: (f: QuarterFigures) => f.escalations.total,
  recourse: (f: QuarterFigures) => f.recourse.total,
  "satisfaction.responses": (f: QuarterFigures) => f.satisfaction.responses,
  "providerStage.referred": (f: QuarterFigures) => f.providerStage?.referred ?? 0,
  "providerStage.resolved": (f: QuarterFigures) => f.providerStage?.resolved ?? 0,
  "providerStage.movedOn": (f: QuarterFigures) => f.providerStage?.movedOn.total ?? 0,
};
const ROWS_TRUTH: Record<string, (f: QuarterFigures) => { key: string; count: number }[]> = {
  "received.byKind": (f) => f.received.byKind,
  "received.byChannel": (f) => f.received.byChannel,
  "received.byProgram": (f) => f.received.byProgram,
  "received.byCategory": (f) => f.received.byCategory,
  "received.byProvider": (f) => f.received.byProvider,
  "received.byGroup": (f) => f.received.byGroup,
  "decided.byLevel": (f) => f.decided.byLevel,
  "decided.byOutcome": (f) => f.decided.byOutcome,
  "escalations.byLevel": (f) => f.escalations.byLevel,
  "escalations.byCause": (f) => f.escalations.byCause,
  "recourse.byOutcome": (f) => f.recourse.byOutcome,
  "providerStage.byReason": (f) => f.providerStage?.movedOn.byReason ?? [],
};

/**
 * Leaves out equations that only define an unknown nothing else constrains: Ontario's withheld
 * sum (−P + Σ parts = 0, P in [0, ∞) and in no other equation) says nothing of its parts, so it
 * is kept only for finding P's own range. Makes each SSM's unknowns a small problem of their own.
 */
function dropDefinitions(
  system: { coef: Map<string, number>; rhs: number; definesOnly?: string }[],
  known: ReadonlyMap<string, Known>,
): void {
  const uses = new Map<string, number>();
  for (const eq of system) for (const id of eq.coef.keys()) uses.set(id, (uses.get(id) ?? 0) + 1);
  for (const eq of system) {
    if (eq.rhs !== 0) continue;
    for (const [id, c] of eq.coef) {
      const k = known.get(id)!;
      const othersOpposite = [...eq.coef].every(([o, oc]) => o === id || (oc === -c && known.get(o)!.lo >= 0));
      if (uses.get(id) === 1 && k.lo === 0 && k.hi === Infinity && othersOpposite) {
        eq.definesOnly = id;
        break;
      }
    }
  }
}

/** The equations linked to `root` through shared unknowns. */
function componentOf(
  root: string,
  system: readonly { coef: Map<string, number>; rhs: number; definesOnly?: string }[],
) {
  const seen = new Set([root]);
  const picked = new Set<number>();
  const queue = [root];
  while (queue.length) {
    const id = queue.pop()!;
    system.forEach((eq, i) => {
      if (picked.has(i) || !eq.coef.has(id) || (eq.definesOnly !== undefined && eq.definesOnly !== root)) return;
      picked.add(i);
      for (const other of eq.coef.keys())
        if (!seen.has(other)) {
          seen.add(other);
          queue.push(other);
        }
    });
  }
  return { vars: seen, equations: [...picked].map((i) => system[i]!) };
}

function optimum(
  target: string,
  component: { vars: Set<string>; equations: { coef: Map<string, number>; rhs: number }[] },
  known: ReadonlyMap<string, Known>,
  direction: "minimize" | "maximize",
): number {
  // Each unknown as its least value plus a non-negative part (the solver's own lower bound), so
  // that bounds need no rows of their own: fewer, less degenerate pivots.
  const constraints = new Map<string, Constraint>();
  const rows = component.equations.map((eq) => {
    let rhs = eq.rhs;
    for (const [id, c] of eq.coef) rhs -= c * known.get(id)!.lo;
    return rhs;
  });
  rows.forEach((rhs, i) => constraints.set(`e${i}`, { equal: rhs }));
  const variables = new Map<string, Map<string, number>>();
  for (const id of component.vars) {
    const k = known.get(id)!;
    const coefs = new Map<string, number>();
    if (Number.isFinite(k.hi)) {
      constraints.set(`b:${id}`, { max: k.hi - k.lo });
      coefs.set(`b:${id}`, 1);
    }
    component.equations.forEach((eq, i) => {
      const c = eq.coef.get(id);
      if (c) coefs.set(`e${i}`, c);
    });
    if (id === target) coefs.set("objective", 1);
    variables.set(id, coefs);
  }
  const lo = known.get(target)!.lo;
  // The linear relaxation first: where its optimum is whole, it is the integer optimum too (the
  // usual case for sums with unit coefficients), and it is much faster.
  for (const integers of [false, true]) {
    const solution = solve(
      { direction, objective: "objective", constraints, variables, integers },
      { maxPivots: 200_000 },
    );
    if (solution.status === "unbounded") return direction === "maximize" ? Infinity : -Infinity;
    if (solution.status !== "optimal")
      throw new Error(`The attacker's model is ${solution.status}: the released figures contradict the relations`);
    if (integers || solution.variables.every(([, x]) => Math.abs(x - Math.round(x)) < 1e-6))
      return lo + Math.round(solution.result);
  }
  throw new Error("unreachable");
}

/**
 * Hidden cells whose possible values span fewer than `threshold`. Not counted: a cell pinned at 0
 * (it names nobody), and Ontario's sum of at least the threshold withheld only because an SSM's
 * cell is hidden, when the SSMs' figures imply it anyway (an SSM's 0 known from an earlier release).
 */
export function disclosed(ranges: readonly CellRange[], threshold: number): CellRange[] {
  return ranges.filter(
    (r) =>
      r.max - r.min + 1 < threshold &&
      !(r.min === 0 && r.max === 0) &&
      !(r.report.startsWith("province@") && r.truth >= threshold),
  );
}

/** Counts published as a number, directly or through a share beside its base, under the threshold. */
export function smallCountsPublished(
  releases: readonly Release[],
  threshold: number,
  from = 1,
): { report: string; cell: string; value: number }[] {
  const out: { report: string; cell: string; value: number }[] = [];
  releases.forEach((release, r) => {
    const reports = [...release.current, ...release.older].map((p) => ({
      report: `${p.areaSlug}@${p.version}`,
      figures: p.figures,
    }));
    if (release.province) reports.push({ report: `province@${r}`, figures: release.province });
    for (const { report, figures } of reports) {
      for (const [cell, shown] of readPage(figures)) {
        if (typeof shown === "number" && shown >= from && shown < threshold) out.push({ report, cell, value: shown });
      }
    }
  });
  return out;
}

/** Medians, percentiles, paused days and means shown over fewer people than the threshold. */
export function statisticsOverTooFew(
  releases: readonly Release[],
  threshold: number,
  truth: ReadonlyMap<string, QuarterFigures>,
): string[] {
  const out: string[] = [];
  for (const release of releases) {
    for (const p of [...release.current, ...release.older]) {
      const real = truth.get(`${p.areaSlug}@${p.version}`)!;
      for (const c of p.figures.clocks) {
        const met = real.clocks.find((x) => x.kind === c.kind && x.level === c.level)?.met ?? 0;
        for (const measure of ["medianDays", "p90Days", "pausedDays"] as const) {
          if (c[measure] !== null && met < threshold)
            out.push(`${p.areaSlug}@${p.version} ${c.kind}:${c.level} ${measure} over ${met} met`);
        }
      }
      if (p.figures.satisfaction.clear !== null && real.satisfaction.responses < threshold)
        out.push(`${p.areaSlug}@${p.version} satisfaction over ${real.satisfaction.responses}`);
    }
  }
  return out;
}

/**
 * Cells of the table-shaped comparison CSV (one row per SSM, report-comparison-cells.ts) that say
 * more than the long-form CSV says of the same page (flattenShown, one row per figure): a number
 * where the long form hides one, a count that differs, a share or a median more precise than the
 * page's one decimal, or a blank. Empty when the wide file adds nothing an attacker could use.
 */
export function wideTableBeyondLongForm(releases: readonly Release[], threshold: number): string[] {
  const out: string[] = [];
  releases.forEach((release, r) => {
    const pages = [...release.current, ...release.older].map((p) => ({
      report: `${p.areaSlug}@${p.version}`,
      figures: p.figures,
      province: false,
    }));
    if (release.province) pages.push({ report: `province@${r}`, figures: release.province, province: true });
    for (const { report, figures, province } of pages) {
      const long = new Map(flattenShown(figures).map((c) => [c.key === null ? c.path : `${c.path}|${c.key}`, c.value]));
      for (const column of COMPARISON_COLUMNS) {
        const wide = comparisonCsvCell(column, figures, { threshold, language: "en", province });
        const path = column.cell(figures)?.path;
        const value = path === undefined ? undefined : long.get(path);
        const where = `${report} ${column.id} (${path ?? "no such row"}: ${String(value)}) reads ${String(wide)}`;
        if (province && column.perSsmOnly) {
          if (wide !== "per SSM only") out.push(where);
        } else if (value === "small") {
          if (wide !== `<${threshold}`) out.push(where);
        } else if (value === "hidden") {
          if (wide !== "hidden") out.push(where);
        } else if (typeof value !== "number") {
          if (wide !== "too few to show") out.push(where);
        } else {
          const exact = column.measure === "share" ? value * 100 : value;
          const tolerance = column.measure === "count" ? 0 : 0.05 + 1e-9;
          if (typeof wide !== "number" || Math.abs(wide - exact) > tolerance) out.push(where);
        }
      }
    }
  });
  return out;
}
