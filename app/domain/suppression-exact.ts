import { solve, type Constraint } from "yalps";

/**
 * The exact test behind suppression: for each unknown count in a system of equations between
 * counts, the least and greatest whole values it can take, by integer programming.
 *
 * Propagating bounds (suppression.ts) sees what one equation, or a sum of two, gives away; a
 * reader with a solver sees what any combination gives away: an amendment's changed total beside
 * its changed rows and two unchanged breakdowns pinned a count of version 1 to 1–4 (the attacker
 * test's seed 123456). So suppression ends with this test, and hides more while it fails.
 */

export interface ExactTerm {
  v: number;
  c: number;
}
/** Σ c·x = rhs over unknowns x, each within [lo, hi] (hi may be Infinity). */
export interface ExactRow {
  terms: readonly ExactTerm[];
  rhs: number;
}

/**
 * The first unknown (in order within its linked equations) whose whole values span fewer than
 * `t`, or -1. Unknowns in `skip` are not tested (nothing left could protect them).
 */
export function firstNarrowedExactly(
  system: readonly ExactRow[],
  lo: readonly number[],
  hi: readonly number[],
  t: number,
  skip: ReadonlySet<number>,
): number {
  for (const component of linkedGroups(system)) {
    const vars = varsOf(component);
    for (const v of vars) {
      if (skip.has(v)) continue;
      const range = rangeIn(component, vars, lo, hi, v);
      if (range && range.max - range.min + 1 < t) return v;
    }
  }
  return -1;
}

/** The whole values `v` can take given the equations linked to it, or null if none can. */
export function exactRange(
  system: readonly ExactRow[],
  lo: readonly number[],
  hi: readonly number[],
  v: number,
): { min: number; max: number } | null {
  const component = linkedGroups(system).find((rows) => rows.some((r) => r.terms.some((x) => x.v === v)));
  if (!component) return { min: lo[v]!, max: hi[v]! };
  return rangeIn(component, varsOf(component), lo, hi, v);
}

function varsOf(rows: readonly ExactRow[]): number[] {
  return [...new Set(rows.flatMap((r) => r.terms.map((x) => x.v)))].sort((a, b) => a - b);
}

function rangeIn(
  rows: readonly ExactRow[],
  vars: readonly number[],
  lo: readonly number[],
  hi: readonly number[],
  v: number,
): { min: number; max: number } | null {
  const min = optimum(rows, vars, lo, hi, v, "minimize");
  // No whole solution: the figures contradict each other, which suppression cannot mend.
  if (min === null) return null;
  const max = optimum(rows, vars, lo, hi, v, "maximize");
  return max === null ? null : { min, max };
}

/** Equations grouped by the unknowns they share. */
export function linkedGroups<R extends { terms: readonly ExactTerm[] }>(system: readonly R[]): R[][] {
  const parent = system.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstRowOf = new Map<number, number>();
  system.forEach((r, i) => {
    for (const { v } of r.terms) {
      const j = firstRowOf.get(v);
      if (j === undefined) firstRowOf.set(v, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, R[]>();
  system.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  return [...groups.values()];
}

/** The least or greatest whole value of `target`, or null if no whole solution exists. */
function optimum(
  rows: readonly ExactRow[],
  vars: readonly number[],
  lo: readonly number[],
  hi: readonly number[],
  target: number,
  direction: "minimize" | "maximize",
): number | null {
  // Each unknown as its least value plus a non-negative part (the solver's own lower bound), so
  // bounds need no rows of their own.
  const constraints = new Map<string, Constraint>();
  rows.forEach((row, i) => {
    let rhs = row.rhs;
    for (const { v, c } of row.terms) rhs -= c * lo[v]!;
    constraints.set(`e${i}`, { equal: rhs });
  });
  const variables = new Map<string, Map<string, number>>();
  for (const v of vars) {
    const coefs = new Map<string, number>();
    if (Number.isFinite(hi[v]!)) {
      constraints.set(`b${v}`, { max: hi[v]! - lo[v]! });
      coefs.set(`b${v}`, 1);
    }
    rows.forEach((row, i) => {
      const c = row.terms.reduce((sum, x) => (x.v === v ? sum + x.c : sum), 0);
      if (c !== 0) coefs.set(`e${i}`, c);
    });
    if (v === target) coefs.set("objective", 1);
    variables.set(String(v), coefs);
  }
  // The linear relaxation first: where its optimum is whole (the usual case for sums with unit
  // coefficients) it is the integer optimum too, and far cheaper.
  for (const integers of [false, true]) {
    const solution = solve(
      { direction, objective: "objective", constraints, variables, integers },
      { maxPivots: 200_000 },
    );
    if (solution.status === "unbounded") return direction === "maximize" ? Infinity : -Infinity;
    if (solution.status !== "optimal") return null;
    if (integers || solution.variables.every(([, x]) => Math.abs(x - Math.round(x)) < 1e-6))
      return lo[target]! + Math.round(solution.result);
  }
  return null;
}
