import type { Equation } from "./report-relations";
import { exactRange, firstNarrowedExactly, linkedGroups } from "./suppression-exact";

/**
 * Statistical disclosure control for published counts, against a reader who keeps everything ever
 * released. Every count under the threshold (0 included) shows as "<threshold", so such a count
 * may be any of 0 … threshold−1; then enough other counts are hidden that no combination of
 * published figures, of this version and of every version released before, narrows a hidden count
 * to fewer than `threshold` possible values.
 *
 * The reader modelled knows the equations between cells (report-relations.ts), what each hidden
 * count's marker says ("small": 0 … t−1; "hidden": any count), and which counts an
 * amendment left unchanged: a count equal in two versions is one unknown, and a count shown in
 * any version is known in all of them. So a count already shown can never protect another; a
 * changed count (a total, when a case was added) can.
 *
 * Each hidden count's possible values are bounded by propagating the equations' bounds to a fixed
 * point, then probing (does it stay feasible with the count at its least, and at least t−1 above
 * it?). For one equation, or equations that share no hidden count, that is exact; for linked ones
 * it is the usual strong approximation, and the attacker test (integer programming) checks it.
 */

export type Suppression = "small" | "complementary";

/** A threshold below 3 would make "<2" name the value 1 outright. */
export const MIN_THRESHOLD = 3;

/** A version of the same report released before: its cells as listed, and which were hidden. */
export interface EarlierVersion {
  values: ReadonlyMap<string, number>;
  hidden: ReadonlyMap<string, Suppression>;
  equations: readonly Equation[];
}

interface Term {
  v: number;
  c: number;
}
interface Row {
  terms: Term[];
  rhs: number;
}

/**
 * The cells of a new version to hide, given the versions of the same report released before.
 * Cells under the threshold are "small"; a cell hidden before whose value did not change stays
 * hidden; then, while some hidden count could take fewer than `threshold` values, the smallest
 * count the reader does not already know, in an equation linked to it, is hidden too
 * ("complementary"); where nothing shown is left, a small count beside it is marked "hidden"
 * rather than "<5", dropping its bound. A count nothing unknown can protect is left as it is (the
 * attacker test would say so).
 */
export function suppressVersion(input: {
  values: ReadonlyMap<string, number>;
  equations: readonly Equation[];
  earlier?: readonly EarlierVersion[];
  threshold: number;
}): Map<string, Suppression> {
  const { values, equations, threshold: t } = input;
  checkThreshold(t);
  const earlier = input.earlier ?? [];
  for (const [cell, v] of values)
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`Cell ${cell} is not a count: ${v}`);

  // Unknowns: one per (cell, value), since a count equal in two versions is the same unknown.
  const index = new Map<string, number>();
  const varOf = (cell: string, value: number) => {
    const key = `${cell}=${value}`;
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = index.size));
    return i;
  };
  const known = new Set<number>();
  const hiddenBefore = new Set<number>();
  const smallBefore = new Set<number>();
  const rows: { row: Equation; version: ReadonlyMap<string, number>; current: boolean }[] = [];
  for (const e of earlier) {
    for (const [cell, value] of e.values) {
      const i = varOf(cell, value);
      if (!e.hidden.has(cell)) known.add(i);
      else hiddenBefore.add(i);
      if (e.hidden.get(cell) === "small") smallBefore.add(i);
    }
    // A row left off a page is 0 there.
    for (const cell of values.keys()) if (!e.values.has(cell)) known.add(varOf(cell, 0));
    for (const row of e.equations) rows.push({ row, version: e.values, current: false });
  }
  for (const e of earlier) for (const cell of e.values.keys()) if (!values.has(cell)) known.add(varOf(cell, 0));
  for (const row of equations) rows.push({ row, version: values, current: true });

  const cellVar = new Map([...values].map(([cell, value]) => [cell, varOf(cell, value)]));
  const valueOfVar: number[] = [];
  for (const [key, i] of index) valueOfVar[i] = Number(key.slice(key.lastIndexOf("=") + 1));

  const status = new Map<string, Suppression>();
  for (const [cell, value] of values) {
    const i = cellVar.get(cell)!;
    if (value < t) status.set(cell, "small");
    else if (!known.has(i) && hiddenBefore.has(i)) status.set(cell, "complementary");
  }
  const compiled = rows.map(({ row, version, current }) => {
    const terms = new Map<number, number>();
    const add = (cell: string, c: number) => {
      const i = varOf(cell, version.get(cell) ?? 0);
      if (!version.has(cell)) known.add(i);
      terms.set(i, (terms.get(i) ?? 0) + c);
    };
    for (const p of row.parts) add(p, 1);
    add(row.total, -1);
    return {
      terms: [...terms].filter(([, c]) => c !== 0).map(([v, c]) => ({ v, c })),
      current,
      cells: [...row.parts, row.total],
    };
  });

  /** What the reader knows, given what is hidden so far: each unknown's bounds and the equations over unknowns. */
  const assess = (hiddenNow: ReadonlyMap<string, Suppression>) => {
    const shownVar = (i: number) => known.has(i) || [...cellVar].some(([cell, j]) => j === i && !hiddenNow.has(cell));
    const shown = new Set<number>();
    for (let i = 0; i < index.size; i++) if (shownVar(i)) shown.add(i);
    // "hidden" promises nothing of a count (so no group is given away by a hidden total's
    // being at least the threshold): 0 … ∞.
    const lo = valueOfVar.map((v, i) => (shown.has(i) ? v : 0));
    // "<5" anywhere bounds a count; a small count hidden as "hidden" everywhere is unbounded.
    const small = new Set(smallBefore);
    for (const [cell, s] of hiddenNow) if (s === "small") small.add(cellVar.get(cell)!);
    const hi = valueOfVar.map((v, i) => (shown.has(i) ? v : small.has(i) ? t - 1 : Infinity));
    const system: Row[] = [];
    for (const eq of compiled) {
      let rhs = 0;
      const terms: Term[] = [];
      for (const term of eq.terms) {
        if (shown.has(term.v)) rhs -= term.c * valueOfVar[term.v]!;
        else terms.push(term);
      }
      if (terms.length > 0) system.push({ terms, rhs });
    }
    return { lo, hi, system };
  };

  const givenUp = new Set<number>();
  for (;;) {
    const { lo, hi, system } = assess(status);
    // Bounds first (fast, and enough for most tables), then the exact test for what they miss.
    let narrowed = firstNarrowed([...system, ...combinations(system)], lo, hi, t, givenUp);
    if (narrowed === -1) narrowed = firstNarrowedExactly(system, lo, hi, t, givenUp);
    if (narrowed === -1) break;
    const cell =
      nextToHide(narrowed, compiled, system, values, cellVar, status, known) ??
      smallToUnbound(narrowed, compiled, system, cellVar, status, known, smallBefore, (cell) => {
        const trial = assess(new Map([...status, [cell, "complementary"]]));
        const range = exactRange(trial.system, trial.lo, trial.hi, narrowed);
        return range === null || range.max - range.min + 1 >= t;
      });
    if (cell === null) {
      givenUp.add(narrowed);
      continue;
    }
    status.set(cell, "complementary");
  }
  return status;
}

/**
 * Sums and differences of equations that cancel shared unknowns: bounds alone cannot see that
 * two versions' "e + p + w1 = 8" and "e + p + w2 = 9" give "w2 − w1 = 1", which the reader can.
 * Two steps deep: an amendment's changed total and row give "w1 − w2 = R1 − R2", and another
 * breakdown of both versions bounds "R1 − R2"; each difference alone is no shorter, yet together
 * they pin w1 (the property test's seed −1204454035 found it).
 */
function combinations(system: readonly Row[]): Row[] {
  const seen = new Set(system.map(rowKey));
  const out: Row[] = [];
  const combine = (left: readonly Row[], right: readonly Row[], keep: (terms: number, a: Row, b: Row) => boolean) => {
    const made: Row[] = [];
    for (let i = 0; i < left.length; i++) {
      for (let j = left === right ? i + 1 : 0; j < right.length; j++) {
        const a = left[i]!;
        const b = right[j]!;
        if (!a.terms.some((x) => b.terms.some((y) => y.v === x.v))) continue;
        for (const sign of [-1, 1]) {
          const coef = new Map<number, number>();
          for (const x of a.terms) coef.set(x.v, (coef.get(x.v) ?? 0) + x.c);
          for (const y of b.terms) coef.set(y.v, (coef.get(y.v) ?? 0) + sign * y.c);
          const terms = [...coef].filter(([, c]) => c !== 0).map(([v, c]) => ({ v, c }));
          if (terms.length > 0 && keep(terms.length, a, b) && terms.every((x) => Math.abs(x.c) === 1)) {
            const row = { terms, rhs: a.rhs + sign * b.rhs };
            const key = rowKey(row);
            if (seen.has(key)) continue;
            seen.add(key);
            made.push(row);
          }
        }
      }
    }
    return made;
  };
  const longest = (a: Row, b: Row) => Math.max(a.terms.length, b.terms.length);
  // First step: any combination no longer than its longer equation (differences of versions).
  const first = combine(system, system, (n, a, b) => n <= longest(a, b));
  // Second step: only what comes out shorter, so the system stays small.
  const second = combine(first, system, (n, a, b) => n < longest(a, b));
  out.push(...first, ...second);
  return out;
}

function rowKey(row: Row): string {
  return `${[...row.terms]
    .sort((a, b) => a.v - b.v)
    .map((x) => `${x.c}*${x.v}`)
    .join("+")}=${row.rhs}`;
}

/** The first unknown (in order) whose possible values span fewer than t, or -1. */
function firstNarrowed(
  system: readonly Row[],
  lo: number[],
  hi: number[],
  t: number,
  skip: ReadonlySet<number>,
): number {
  const bounds = { lo: [...lo], hi: [...hi] };
  if (!propagate(system, bounds.lo, bounds.hi)) return firstVar(system, skip);
  for (const component of linkedGroups(system)) {
    const vars = [...new Set(component.flatMap((r) => r.terms.map((x) => x.v)))].sort((a, b) => a - b);
    for (const v of vars) {
      if (skip.has(v)) continue;
      const l = bounds.lo[v]!;
      const h = bounds.hi[v]!;
      if (h - l + 1 < t) return v;
      // One equation alone is exact already; linked ones are probed.
      if (component.length === 1) continue;
      const min = leastFeasible(component, bounds, v);
      if (min === null || !feasibleWith(component, bounds, v, min + t - 1, Infinity)) return v;
    }
  }
  return -1;
}

function firstVar(system: readonly Row[], skip: ReadonlySet<number>): number {
  for (const r of system) for (const x of r.terms) if (!skip.has(x.v)) return x.v;
  return -1;
}

/** Tightens bounds with every equation until none changes; false if they contradict. */
function propagate(system: readonly Row[], lo: number[], hi: number[]): boolean {
  for (let round = 0; round < 200; round++) {
    let changed = false;
    for (const { terms, rhs } of system) {
      for (let i = 0; i < terms.length; i++) {
        let minOthers = 0;
        let maxOthers = 0;
        for (let j = 0; j < terms.length; j++) {
          if (j === i) continue;
          const { v, c } = terms[j]!;
          minOthers += c > 0 ? c * lo[v]! : c * hi[v]!;
          maxOthers += c > 0 ? c * hi[v]! : c * lo[v]!;
        }
        const { v, c } = terms[i]!;
        // c·x = rhs − others
        let newLo = c > 0 ? (rhs - maxOthers) / c : (rhs - minOthers) / c;
        let newHi = c > 0 ? (rhs - minOthers) / c : (rhs - maxOthers) / c;
        newLo = Number.isFinite(newLo) ? Math.ceil(newLo - 1e-9) : newLo;
        newHi = Number.isFinite(newHi) ? Math.floor(newHi + 1e-9) : newHi;
        if (newLo > lo[v]!) {
          lo[v] = newLo;
          changed = true;
        }
        if (newHi < hi[v]!) {
          hi[v] = newHi;
          changed = true;
        }
        if (lo[v]! > hi[v]!) return false;
      }
    }
    if (!changed) return true;
  }
  return true;
}

function feasibleWith(
  system: readonly Row[],
  bounds: { lo: number[]; hi: number[] },
  v: number,
  min: number,
  max: number,
): boolean {
  const lo = [...bounds.lo];
  const hi = [...bounds.hi];
  lo[v] = Math.max(lo[v]!, min);
  hi[v] = Math.min(hi[v]!, max);
  return lo[v]! <= hi[v]! && propagate(system, lo, hi);
}

/** The least value of v that propagation cannot rule out (binary search: feasibility of v ≤ m grows with m). */
function leastFeasible(system: readonly Row[], bounds: { lo: number[]; hi: number[] }, v: number): number | null {
  let low = bounds.lo[v]!;
  let high = Math.min(bounds.hi[v]!, low + 1_000_000);
  if (!feasibleWith(system, bounds, v, -Infinity, high)) return null;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (feasibleWith(system, bounds, v, -Infinity, mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The cell to hide next for a narrowed unknown: a shown cell of the new version the reader does
 * not already know, in an equation with the unknown (else in one linked to it through other
 * hidden unknowns); the smallest, parts before totals, then by name.
 */
function nextToHide(
  narrowed: number,
  compiled: readonly { terms: Term[]; current: boolean; cells: string[] }[],
  system: readonly Row[],
  values: ReadonlyMap<string, number>,
  cellVar: ReadonlyMap<string, number>,
  status: ReadonlyMap<string, Suppression>,
  known: ReadonlySet<number>,
): string | null {
  const linked = new Set([narrowed]);
  for (const component of linkedGroups(system)) {
    if (component.some((r) => r.terms.some((x) => x.v === narrowed)))
      for (const r of component) for (const x of r.terms) linked.add(x.v);
  }
  const candidatesIn = (reach: ReadonlySet<number>) => {
    const found: { cell: string; total: boolean }[] = [];
    for (const eq of compiled) {
      if (!eq.current || !eq.terms.some((x) => reach.has(x.v))) continue;
      eq.cells.forEach((cell, i) => {
        const v = cellVar.get(cell);
        if (v !== undefined && !status.has(cell) && !known.has(v) && values.get(cell)! > 0)
          found.push({ cell, total: i === eq.cells.length - 1 });
      });
    }
    return found.sort(
      (a, b) =>
        values.get(a.cell)! - values.get(b.cell)! ||
        Number(a.total) - Number(b.total) ||
        (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0),
    );
  };
  return (candidatesIn(new Set([narrowed]))[0] ?? candidatesIn(linked)[0])?.cell ?? null;
}

/**
 * Where nothing shown is left to hide: a small count of the new version linked to the narrowed
 * one loses its "<5" bound instead ("hidden" says nothing of a count), unless an earlier version
 * already showed it as "<5". The nearest through the equations first, and of those the first
 * that protects the narrowed count alone (`protects`), so no more "<5" are dropped than needed.
 */
function smallToUnbound(
  narrowed: number,
  compiled: readonly { terms: Term[]; current: boolean; cells: string[] }[],
  system: readonly Row[],
  cellVar: ReadonlyMap<string, number>,
  status: ReadonlyMap<string, Suppression>,
  known: ReadonlySet<number>,
  smallBefore: ReadonlySet<number>,
  protects: (cell: string) => boolean,
): string | null {
  const distance = distancesFrom(narrowed, system);
  const candidates = new Map<string, number>();
  for (const eq of compiled) {
    if (!eq.current) continue;
    for (const cell of eq.cells) {
      const v = cellVar.get(cell)!;
      const d = distance.get(v);
      if (d === undefined || status.get(cell) !== "small" || smallBefore.has(v) || known.has(v)) continue;
      candidates.set(cell, d);
    }
  }
  const ordered = [...candidates].sort(([a, da], [b, db]) => da - db || (a < b ? -1 : a > b ? 1 : 0)).map(([c]) => c);
  return ordered.find(protects) ?? ordered[0] ?? null;
}

/** How many equations apart each unknown is from `start` (0 for itself). */
function distancesFrom(start: number, system: readonly Row[]): Map<number, number> {
  const distance = new Map([[start, 0]]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const row of system) {
      const near = row.terms.map((x) => distance.get(x.v)).filter((d): d is number => d !== undefined);
      if (near.length === 0) continue;
      const d = Math.min(...near) + 1;
      for (const { v } of row.terms)
        if (!distance.has(v)) {
          distance.set(v, d);
          next.push(v);
        }
    }
    frontier = next;
  }
  return distance;
}

/**
 * Whether a ratio, mean or percentile over `count` people must be withheld: below the threshold it
 * describes too few people.
 */
export function hideSmallMeasure(count: number, threshold: number): boolean {
  return count < threshold;
}

export function checkThreshold(threshold: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < MIN_THRESHOLD) {
    throw new RangeError(`Suppression threshold must be an integer of at least ${MIN_THRESHOLD}: ${threshold}`);
  }
}
