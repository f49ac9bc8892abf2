import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  exposedMembers,
  hideSmallMeasure,
  isGroupSafe,
  suppressCells,
  type Suppression,
  type SuppressionGroup,
} from "../../app/domain/suppression";

/** A one-level group: cells p0, p1, … adding up to T. */
function oneGroup(parts: readonly number[]) {
  const values = new Map<string, number>(parts.map((v, i) => [`p${i}`, v]));
  values.set(
    "T",
    parts.reduce((s, v) => s + v, 0)
  );
  const group: SuppressionGroup = { parts: parts.map((_, i) => `p${i}`), total: "T" };
  return { values, groups: [group] };
}

/** A rows × cols table with row totals R*, column totals C* and grand total G, all groups crossing. */
function table(cells: readonly (readonly number[])[]) {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const values = new Map<string, number>();
  const groups: SuppressionGroup[] = [];
  cells.forEach((row, r) => row.forEach((v, c) => values.set(`r${r}c${c}`, v)));
  for (let r = 0; r < rows; r++) {
    values.set(
      `R${r}`,
      cells[r]!.reduce((s, v) => s + v, 0)
    );
    groups.push({ parts: cells[r]!.map((_, c) => `r${r}c${c}`), total: `R${r}` });
  }
  for (let c = 0; c < cols; c++) {
    values.set(
      `C${c}`,
      cells.reduce((s, row) => s + row[c]!, 0)
    );
    groups.push({ parts: cells.map((_, r) => `r${r}c${c}`), total: `C${c}` });
  }
  values.set(
    "G",
    cells.flat().reduce((s, v) => s + v, 0)
  );
  groups.push({ parts: cells.map((_, r) => `R${r}`), total: "G" });
  groups.push({ parts: Array.from({ length: cols }, (_, c) => `C${c}`), total: "G" });
  return { values, groups };
}

/**
 * Every value each hidden member of a group can take, over all integer assignments of the hidden
 * members ("small" in [1, t-1], "complementary" in [0, cap]) that satisfy the group's equation
 * with the shown members' values. Independent of the interval code: an exhaustive search, folded
 * member by member into the set of sums the others can reach so that it stays fast.
 */
function possibleValues(
  group: SuppressionGroup,
  values: ReadonlyMap<string, number>,
  hidden: ReadonlyMap<string, Suppression>,
  threshold: number,
  cap: number
): Map<string, Set<number>> {
  const members = [...group.parts.map((id) => ({ id, sign: 1 })), { id: group.total, sign: -1 }];
  const range = (id: string): number[] => {
    const status = hidden.get(id);
    const [lo, hi] = status === "small" ? [1, threshold - 1] : [0, cap];
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  };
  const shownSum = members.filter((m) => !hidden.has(m.id)).reduce((s, m) => s + m.sign * values.get(m.id)!, 0);
  const secret = members.filter((m) => hidden.has(m.id));
  const result = new Map<string, Set<number>>();
  for (const m of secret) {
    let reachable = new Set([shownSum]);
    for (const other of secret) {
      if (other === m) continue;
      const next = new Set<number>();
      for (const r of reachable) for (const x of range(other.id)) next.add(r + other.sign * x);
      reachable = next;
    }
    result.set(m.id, new Set(range(m.id).filter((x) => reachable.has(-m.sign * x))));
  }
  return result;
}

/** Checks (a) every count in [1, t) is hidden and (b) no group pins down a hidden member. */
function expectProtected(values: ReadonlyMap<string, number>, groups: readonly SuppressionGroup[], threshold: number) {
  const hidden = suppressCells(values, groups, threshold);
  for (const [id, v] of values) {
    if (v >= 1 && v < threshold) expect(hidden.has(id), `${id} = ${v} hidden`).toBe(true);
    if (v === 0 && hidden.get(id) === "small") throw new Error(`${id} = 0 marked small`);
  }
  const cap = Math.max(0, ...values.values()) + threshold;
  for (const g of groups) {
    for (const [id, possible] of possibleValues(g, values, hidden, threshold, cap)) {
      expect(possible.has(values.get(id)!), `${id}'s true value is possible`).toBe(true);
      expect(possible.size, `${id} in group of ${g.total} has one possible value`).toBeGreaterThanOrEqual(2);
    }
    expect(isGroupSafe(g, values, hidden, threshold)).toBe(true);
  }
  return hidden;
}

function statusOf(hidden: ReadonlyMap<string, Suppression>, ids: readonly string[]) {
  return Object.fromEntries(ids.map((id) => [id, hidden.get(id) ?? "shown"]));
}

describe("suppressCells, one group", () => {
  it("hides a small count and the next-smallest cell, so the total cannot give it away", () => {
    const { values, groups } = oneGroup([3, 20, 30]);
    const hidden = suppressCells(values, groups, 5);
    expect(statusOf(hidden, ["p0", "p1", "p2", "T"])).toEqual({ p0: "small", p1: "complementary", p2: "shown", T: "shown" });
  });

  it("hides more when two small counts pin each other down ([4, 4, 10] → 18: both must be 4)", () => {
    const { values, groups } = oneGroup([4, 4, 10]);
    const hidden = suppressCells(values, groups, 5);
    expect(statusOf(hidden, ["p0", "p1", "p2", "T"])).toEqual({ p0: "small", p1: "small", p2: "complementary", T: "shown" });
  });

  it("hides more for [1, 1, 10] → 12 (the two small ones add up to 2, so both are 1)", () => {
    const { values, groups } = oneGroup([1, 1, 10]);
    const hidden = suppressCells(values, groups, 5);
    expect(statusOf(hidden, ["p0", "p1", "p2", "T"])).toEqual({ p0: "small", p1: "small", p2: "complementary", T: "shown" });
  });

  it("needs nothing more when two small counts leave room ([2, 3, 10] → 15)", () => {
    const { values, groups } = oneGroup([2, 3, 10]);
    const hidden = suppressCells(values, groups, 5);
    expect(statusOf(hidden, ["p0", "p1", "p2", "T"])).toEqual({ p0: "small", p1: "small", p2: "shown", T: "shown" });
  });

  it("never hides a zero as small, and leaves a group without small counts alone", () => {
    const { values, groups } = oneGroup([0, 7, 8, 0]);
    expect(suppressCells(values, groups, 5).size).toBe(0);
  });

  it("marks a total below the threshold small itself", () => {
    const { values, groups } = oneGroup([1, 2, 0]);
    const hidden = suppressCells(values, groups, 5);
    expect(statusOf(hidden, ["p0", "p1", "p2", "T"])).toEqual({ p0: "small", p1: "small", p2: "shown", T: "small" });
  });

  it("drops a '<5' bound when the bounds alone give the values away ([1, 1, 1, 1] → 4)", () => {
    // Four parts of at least 1 under a total of at most 4: each is 1, unless one bound is dropped.
    const { values, groups } = oneGroup([1, 1, 1, 1]);
    const hidden = suppressCells(values, groups, 5);
    expect(statusOf(hidden, ["p0", "p1", "p2", "p3", "T"])).toEqual({
      p0: "complementary",
      p1: "small",
      p2: "small",
      p3: "small",
      T: "small",
    });
    expectProtected(values, groups, 5);
  });

  it("uses the configured threshold", () => {
    const { values, groups } = oneGroup([7, 20, 30]);
    expect(suppressCells(values, groups, 5).size).toBe(0);
    const hidden = suppressCells(values, groups, 10);
    expect(statusOf(hidden, ["p0", "p1", "p2", "T"])).toEqual({ p0: "small", p1: "complementary", p2: "shown", T: "shown" });
  });

  it("breaks ties between equal cells by id, deterministically", () => {
    const { values, groups } = oneGroup([10, 3, 10]);
    const first = suppressCells(values, groups, 5);
    expect(statusOf(first, ["p0", "p1", "p2"])).toEqual({ p0: "complementary", p1: "small", p2: "shown" });
    expect([...suppressCells(values, groups, 5)]).toEqual([...first]);
  });

  it("protects a small total in the group it is a part of, and leaves the zero beside it shown", () => {
    const values = new Map([
      ["a", 3],
      ["b", 0],
      ["R", 3],
      ["x", 9],
      ["S", 12],
    ]);
    const groups: SuppressionGroup[] = [
      { parts: ["a", "b"], total: "R" },
      { parts: ["R", "x"], total: "S" },
    ];
    const hidden = expectProtected(values, groups, 5);
    expect(statusOf(hidden, ["a", "b", "R", "x", "S"])).toEqual({
      a: "small",
      b: "shown",
      R: "small",
      x: "complementary",
      S: "shown",
    });
  });

  it("refuses a threshold that would name the value, a group that does not add up, and an unknown cell", () => {
    const { values, groups } = oneGroup([3, 20]);
    expect(() => suppressCells(values, groups, 2)).toThrow(RangeError);
    expect(() => suppressCells(values, groups, 4.5)).toThrow(RangeError);
    expect(() => suppressCells(new Map([...values, ["T", 24]]), groups, 5)).toThrow(/does not add up/);
    expect(() => suppressCells(values, [{ parts: ["p0", "zz"], total: "T" }], 5)).toThrow(/No value for cell zz/);
    expect(() => suppressCells(new Map([...values, ["p0", -1]]), groups, 5)).toThrow(RangeError);
  });
});

describe("isGroupSafe / exposedMembers", () => {
  it("finds a lone small cell, and both cells of a pair that must each be 4", () => {
    const { values, groups } = oneGroup([3, 20, 30]);
    expect(exposedMembers(groups[0]!, values, new Map([["p0", "small"]]), 5)).toEqual(["p0"]);
    expect(
      isGroupSafe(
        groups[0]!,
        values,
        new Map<string, Suppression>([
          ["p0", "small"],
          ["p1", "complementary"],
        ]),
        5
      )
    ).toBe(true);
    const pair = oneGroup([4, 4, 10]);
    expect(
      exposedMembers(
        pair.groups[0]!,
        pair.values,
        new Map([
          ["p0", "small"],
          ["p1", "small"],
        ]),
        5
      )
    ).toEqual(["p0", "p1"]);
  });

  it("counts a hidden zero as exposed when the others fix it", () => {
    const { values, groups } = oneGroup([0, 5]);
    expect(exposedMembers(groups[0]!, values, new Map([["p0", "complementary"]]), 5)).toEqual(["p0"]);
  });
});

describe("suppressCells, crossing groups", () => {
  it("protects a small cell in both its row and its column", () => {
    const { values, groups } = table([
      [3, 20, 30],
      [10, 12, 15],
      [8, 9, 40],
    ]);
    const hidden = expectProtected(values, groups, 5);
    expect(hidden.get("r0c0")).toBe("small");
    // Its row and its column each need a second hidden cell.
    expect(["r0c1", "r0c2", "R0"].some((id) => hidden.has(id))).toBe(true);
    expect(["r1c0", "r2c0", "C0"].some((id) => hidden.has(id))).toBe(true);
  });

  it("runs a quarter's worth of cells (15 SSMs × 100 cells, ~260 groups)", () => {
    const rng = mulberry32(7);
    const cells = Array.from({ length: 15 }, () =>
      Array.from({ length: 100 }, () => (rng() < 0.5 ? Math.floor(rng() * 6) : Math.floor(rng() * 60)))
    );
    // Ten breakdowns per SSM, each of ten cells, and every cell and total summed over SSMs.
    const values = new Map<string, number>();
    const groups: SuppressionGroup[] = [];
    cells.forEach((row, s) => {
      row.forEach((v, c) => values.set(`s${s}|c${c}`, v));
      for (let b = 0; b < 10; b++) {
        const parts = Array.from({ length: 10 }, (_, i) => `s${s}|c${b * 10 + i}`);
        values.set(
          `s${s}|t${b}`,
          parts.reduce((sum, id) => sum + values.get(id)!, 0)
        );
        groups.push({ parts, total: `s${s}|t${b}` });
      }
    });
    for (const suffix of [...Array.from({ length: 100 }, (_, c) => `c${c}`), ...Array.from({ length: 10 }, (_, b) => `t${b}`)]) {
      const parts = cells.map((_, s) => `s${s}|${suffix}`);
      values.set(
        `P|${suffix}`,
        parts.reduce((sum, id) => sum + values.get(id)!, 0)
      );
      groups.push({ parts, total: `P|${suffix}` });
    }
    for (let b = 0; b < 10; b++) {
      groups.push({ parts: Array.from({ length: 10 }, (_, i) => `P|c${b * 10 + i}`), total: `P|t${b}` });
    }
    // Its speed is a bench figure, never a test's: a test fails only for a wrong result.
    const hidden = suppressCells(values, groups, 5);
    for (const g of groups) expect(isGroupSafe(g, values, hidden, 5)).toBe(true);
  });
});

describe("suppressCells, properties", () => {
  /** Counts skewed small, where suppression has work to do. */
  const count = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 2 }), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: 6 }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 30 }), weight: 1 }
  );
  const threshold = fc.integer({ min: 3, max: 8 });

  it("never leaves a cell recoverable in one group", () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 7 }), threshold, (parts, t) => {
        const { values, groups } = oneGroup(parts);
        expectProtected(values, groups, t);
      }),
      { numRuns: 400 }
    );
  });

  it("never leaves a cell recoverable in a table with row, column and grand totals", () => {
    const cells = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, cols]) =>
        fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
      );
    fc.assert(
      fc.property(cells, threshold, (rows, t) => {
        const { values, groups } = table(rows);
        expectProtected(values, groups, t);
      }),
      { numRuns: 150 }
    );
  });

  it("gives the same answer whatever order the cells were listed in", () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 7 }), threshold, (parts, t) => {
        const { values, groups } = oneGroup(parts);
        const reversed = new Map([...values].reverse());
        const a = suppressCells(values, groups, t);
        const b = suppressCells(reversed, groups, t);
        expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
      }),
      { numRuns: 200 }
    );
  });
});

describe("hideSmallMeasure", () => {
  it("hides a measure over fewer items than the threshold, including none", () => {
    expect(hideSmallMeasure(0, 5)).toBe(true);
    expect(hideSmallMeasure(4, 5)).toBe(true);
    expect(hideSmallMeasure(5, 5)).toBe(false);
    expect(hideSmallMeasure(120, 10)).toBe(false);
  });
});

/** A small seeded generator, so the timing test always measures the same table. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
