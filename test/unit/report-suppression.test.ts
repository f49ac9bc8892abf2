import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  BREAKDOWNS,
  breakdownOf,
  type BreakdownId,
  type ClockFigures,
  type Count,
  type QuarterFigures,
} from "../../app/domain/report-figures";
import {
  provinceFigures,
  suppressQuarter,
  type ShownCount,
  type ShownCountRow,
  type ShownFigures,
} from "../../app/domain/report-suppression";

// ---------------------------------------------------------------------------------------------
// A builder: figures counted from lists of cases, decisions, … so every breakdown adds up.

interface CaseSpec {
  kind: string;
  channel: string;
  program: string;
  category: string;
  provider: string;
  groups: readonly string[];
}
interface ClockSpec {
  kind: "acknowledge" | "decision";
  level: number;
  onTime: boolean;
  days: number;
}
interface ReportSpec {
  cases?: readonly CaseSpec[];
  decisions?: readonly { level: string; outcome: string }[];
  escalations?: readonly { level: string; cause: string }[];
  recourse?: readonly string[];
  clocks?: readonly ClockSpec[];
  referredOut?: number;
  withdrawn?: number;
  openAtEnd?: number;
  carriedOver?: number;
  satisfaction?: QuarterFigures["satisfaction"];
}

const QUARTER = "2026-Q3";

function countBy(keys: readonly string[], labelOf?: (key: string) => Count["label"]): Count[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count, ...(labelOf ? { label: labelOf(key) } : {}) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function report(areaSlug: string, spec: ReportSpec): QuarterFigures {
  const cases = spec.cases ?? [];
  const decisions = spec.decisions ?? [];
  const escalations = spec.escalations ?? [];
  const clocks = new Map<string, ClockSpec[]>();
  for (const c of spec.clocks ?? []) clocks.set(`${c.kind}:${c.level}`, [...(clocks.get(`${c.kind}:${c.level}`) ?? []), c]);
  return {
    areaSlug,
    quarter: QUARTER,
    computedAt: "2026-12-31T12:00:00.000Z",
    received: {
      total: cases.length,
      byKind: countBy(cases.map((c) => c.kind)),
      byChannel: countBy(cases.map((c) => c.channel)),
      byProgram: countBy(cases.map((c) => c.program)),
      byCategory: countBy(cases.map((c) => c.category)),
      byProvider: countBy(
        cases.map((c) => c.provider),
        (key) => ({ en: `Provider ${key}`, fr: `Fournisseur ${key}` })
      ),
      byGroup: countBy(cases.flatMap((c) => c.groups)),
    },
    referredOut: spec.referredOut ?? 0,
    withdrawn: spec.withdrawn ?? 0,
    decided: {
      total: decisions.length,
      byLevel: countBy(decisions.map((d) => d.level)),
      byOutcome: countBy(decisions.map((d) => d.outcome)),
    },
    openAtEnd: spec.openAtEnd ?? 0,
    carriedOver: spec.carriedOver ?? 0,
    clocks: [...clocks.values()].map((list): ClockFigures => {
      const days = list.map((c) => c.days).sort((a, b) => a - b);
      return {
        kind: list[0]!.kind,
        level: list[0]!.level,
        ended: list.length,
        onTime: list.filter((c) => c.onTime).length,
        medianDays: days[Math.ceil(days.length / 2) - 1] ?? null,
        p90Days: days[Math.ceil((days.length * 9) / 10) - 1] ?? null,
        pausedDays: list.length,
      };
    }),
    escalations: {
      total: escalations.length,
      byLevel: countBy(escalations.map((e) => e.level)),
      byCause: countBy(escalations.map((e) => e.cause)),
    },
    recourse: { total: (spec.recourse ?? []).length, byOutcome: countBy(spec.recourse ?? []) },
    satisfaction: spec.satisfaction ?? { responses: 0, clear: null, fair: null, timely: null },
  };
}

/** `n` cases alike, apart from what `over` sets. */
function cases(n: number, over: Partial<CaseSpec> = {}): CaseSpec[] {
  return Array.from({ length: n }, () => ({
    kind: "client_complaint",
    channel: "web",
    program: "es",
    category: "service",
    provider: "p1",
    groups: [],
    ...over,
  }));
}

// ---------------------------------------------------------------------------------------------
// Reading the figures back as cells, true and shown.

const SINGLE_PATHS = [
  "received",
  "referredOut",
  "withdrawn",
  "decided",
  "openAtEnd",
  "carriedOver",
  "escalations",
  "recourse",
  "satisfaction.responses",
];
const BREAKDOWN_IDS: readonly BreakdownId[] = [...BREAKDOWNS.map((b) => b.id), "received.byGroup"];

function trueSingle(f: QuarterFigures, path: string): number {
  const byPath: Record<string, number> = {
    received: f.received.total,
    referredOut: f.referredOut,
    withdrawn: f.withdrawn,
    decided: f.decided.total,
    openAtEnd: f.openAtEnd,
    carriedOver: f.carriedOver,
    escalations: f.escalations.total,
    recourse: f.recourse.total,
    "satisfaction.responses": f.satisfaction.responses,
  };
  return byPath[path]!;
}

function shownSingle(s: ShownFigures, path: string): ShownCount {
  const byPath: Record<string, ShownCount> = {
    received: s.received.total,
    referredOut: s.referredOut,
    withdrawn: s.withdrawn,
    decided: s.decided.total,
    openAtEnd: s.openAtEnd,
    carriedOver: s.carriedOver,
    escalations: s.escalations.total,
    recourse: s.recourse.total,
    "satisfaction.responses": s.satisfaction.responses,
  };
  return byPath[path]!;
}

function shownRows(s: ShownFigures, id: BreakdownId): ShownCountRow[] {
  const [section, field] = id.split(".") as [string, string];
  return (s as unknown as Record<string, Record<string, ShownCountRow[]>>)[section]![field]!;
}

/** Every cell of an area over the province's keys and clocks: its true value and what is shown. */
function cellsOf(
  f: QuarterFigures,
  s: ShownFigures,
  province: QuarterFigures
): Map<string, { value: number; shown: ShownCount }> {
  const cells = new Map<string, { value: number; shown: ShownCount }>();
  for (const path of SINGLE_PATHS) cells.set(path, { value: trueSingle(f, path), shown: shownSingle(s, path) });
  for (const id of BREAKDOWN_IDS) {
    for (const { key } of breakdownOf(province, id)) {
      const value = breakdownOf(f, id).find((c) => c.key === key)?.count ?? 0;
      // An absent row reads as 0.
      const shown = shownRows(s, id).find((r) => r.key === key)?.count ?? 0;
      cells.set(`${id}|${key}`, { value, shown });
    }
  }
  for (const c of province.clocks) {
    const value = f.clocks.find((x) => x.kind === c.kind && x.level === c.level)?.ended ?? 0;
    const shown = s.clocks.find((x) => x.kind === c.kind && x.level === c.level)?.ended ?? 0;
    cells.set(`clocks|${c.kind}:${c.level}`, { value, shown });
  }
  return cells;
}

/**
 * The values each hidden member of `parts` − `total` = 0 can take over all integer assignments (a
 * "<t" cell in [1, t-1], a hidden one in [0, cap]) that fit the shown members: an exhaustive search
 * folded into the sums the members before and after each one can reach, independent of the
 * suppression code.
 */
function possibleValues(
  members: readonly { sign: number; value: number; shown: ShownCount }[],
  threshold: number,
  cap: number
): Set<number>[] {
  const range = (shown: ShownCount) => {
    const [lo, hi] = shown === "small" ? [1, threshold - 1] : [0, cap];
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  };
  const known = members.reduce((s, m) => (typeof m.shown === "number" ? s + m.sign * m.shown : s), 0);
  const secret = members.map((m, i) => ({ ...m, i })).filter((m) => typeof m.shown !== "number");
  const fold = (sums: Set<number>, m: (typeof secret)[number]) => {
    const next = new Set<number>();
    for (const r of sums) for (const x of range(m.shown)) next.add(r + m.sign * x);
    return next;
  };
  // before[j]: sums of the hidden members before the j-th; after[j]: of those after it.
  const before = [new Set([known])];
  for (const m of secret) before.push(fold(before[before.length - 1]!, m));
  const after = [new Set([0])];
  for (const m of [...secret].reverse()) after.unshift(fold(after[0]!, m));
  const result = members.map((m) => new Set(typeof m.shown === "number" ? [m.shown] : []));
  secret.forEach((m, j) => {
    for (const x of range(m.shown)) {
      const need = -m.sign * x;
      if ([...before[j]!].some((b) => after[j + 1]!.has(need - b))) result[m.i]!.add(x);
    }
  });
  return result;
}

/** Everything a reader of the output must not be able to do, checked against the true figures. */
function expectDisclosureControlled(reports: readonly QuarterFigures[], threshold: number) {
  const out = suppressQuarter(reports, threshold);
  // What leaves the server is JSON: check that, not the objects.
  const parsed = JSON.parse(JSON.stringify({ byArea: [...out.byArea], province: out.province })) as {
    byArea: [string, ShownFigures][];
    province: ShownFigures;
  };
  const province = provinceFigures(reports, QUARTER);
  const shownOf = new Map(parsed.byArea);
  const areas = [...reports.map((r) => ({ f: r, s: shownOf.get(r.areaSlug)! })), { f: province, s: parsed.province }];
  const cells = new Map(areas.map(({ f, s }) => [f.areaSlug, cellsOf(f, s, province)]));

  for (const { f, s } of areas) {
    for (const [path, { value, shown }] of cells.get(f.areaSlug)!) {
      const where = `${f.areaSlug}|${path} = ${value} shown as ${shown}`;
      if (typeof shown === "number") expect(shown, where).toBe(value);
      if (value >= 1 && value < threshold) expect(typeof shown, where).toBe("string");
      if (shown === "small") expect(value >= 1 && value < threshold, where).toBe(true);
    }
    for (const c of s.clocks) {
      const measured = typeof c.ended === "number" && c.ended >= threshold;
      if (!measured) expect([c.onTimeShare, c.medianDays, c.p90Days, c.pausedDays]).toEqual([null, null, null, null]);
    }
    const answered = typeof s.satisfaction.responses === "number" && s.satisfaction.responses >= threshold;
    if (!answered) expect([s.satisfaction.clear, s.satisfaction.fair, s.satisfaction.timely]).toEqual([null, null, null]);
  }

  const expectSafe = (members: { sign: number; value: number; shown: ShownCount }[], where: string) => {
    // A hidden member that can move can move by 1, with another member moving by 1 to make up:
    // values above the group's largest plus the threshold change nothing.
    const cap = Math.max(0, ...members.map((m) => m.value)) + threshold;
    possibleValues(members, threshold, cap).forEach((possible, i) => {
      if (typeof members[i]!.shown === "number") return;
      expect(possible.has(members[i]!.value), where).toBe(true);
      expect(possible.size, `${where}: member ${i} (${members[i]!.value}) can be worked out`).toBeGreaterThanOrEqual(2);
    });
  };
  for (const { f } of areas) {
    const own = cells.get(f.areaSlug)!;
    for (const b of BREAKDOWNS) {
      const parts = breakdownOf(province, b.id).map(({ key }) => ({ sign: 1, ...own.get(`${b.id}|${key}`)! }));
      expectSafe([...parts, { sign: -1, ...own.get(b.total)! }], `${f.areaSlug} ${b.id}`);
    }
  }
  for (const path of cells.get(province.areaSlug)!.keys()) {
    const parts = reports.map((r) => ({ sign: 1, ...cells.get(r.areaSlug)!.get(path)! }));
    expectSafe([...parts, { sign: -1, ...cells.get(province.areaSlug)!.get(path)! }], `SSMs → province ${path}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe("provinceFigures", () => {
  const a = report("york", {
    cases: [...cases(3), ...cases(20, { kind: "provider_dispute", provider: "y1" })],
    clocks: [
      { kind: "decision", level: 1, onTime: true, days: 4 },
      { kind: "decision", level: 1, onTime: false, days: 9 },
    ],
    withdrawn: 2,
    satisfaction: { responses: 10, clear: 4, fair: 3, timely: null },
  });
  const b = {
    ...report("peel", {
      cases: cases(7, { provider: "q1" }),
      clocks: [
        { kind: "acknowledge", level: 1, onTime: true, days: 1 },
        { kind: "decision", level: 1, onTime: true, days: 2 },
      ],
      withdrawn: 5,
      satisfaction: { responses: 30, clear: 2, fair: null, timely: 5 },
    }),
    computedAt: "2027-01-02T00:00:00.000Z",
  };

  it("adds up counts key by key over the union of keys", () => {
    const p = provinceFigures([a, b], QUARTER);
    expect(p.areaSlug).toBe("province");
    expect(p.received.total).toBe(30);
    expect(p.withdrawn).toBe(7);
    expect(p.received.byKind).toEqual([
      { key: "client_complaint", count: 10 },
      { key: "provider_dispute", count: 20 },
    ]);
    expect(p.received.byProvider.map((c) => [c.key, c.count, c.label?.en])).toEqual([
      ["p1", 3, "Provider p1"],
      ["q1", 7, "Provider q1"],
      ["y1", 20, "Provider y1"],
    ]);
    expect(p.computedAt).toBe("2027-01-02T00:00:00.000Z");
  });

  it("adds clocks by kind and level, with no medians, and weighs satisfaction by responses", () => {
    const p = provinceFigures([a, b], QUARTER);
    expect(p.clocks).toEqual([
      { kind: "acknowledge", level: 1, ended: 1, onTime: 1, medianDays: null, p90Days: null, pausedDays: 1 },
      { kind: "decision", level: 1, ended: 3, onTime: 2, medianDays: null, p90Days: null, pausedDays: 3 },
    ]);
    expect(p.satisfaction).toEqual({ responses: 40, clear: (10 * 4 + 30 * 2) / 40, fair: 3, timely: 5 });
  });

  it("refuses a report of another quarter, and gives zeros for no reports", () => {
    expect(() => provinceFigures([a, { ...b, quarter: "2026-Q2" }], QUARTER)).toThrow(RangeError);
    const none = provinceFigures([], QUARTER);
    expect(none.received.total).toBe(0);
    expect(none.satisfaction.clear).toBeNull();
  });
});

describe("suppressQuarter", () => {
  it("shows a small SSM count as small, and hides the next-smallest count that would give it away", () => {
    const york = report("york", { cases: cases(40), withdrawn: 2 });
    const peel = report("peel", { cases: cases(40), withdrawn: 30 });
    const { byArea, province } = suppressQuarter([york, peel], 5);
    expect(byArea.get("york")!.withdrawn).toBe("small");
    // 32 in the province, less Peel's 30, would give York's 2.
    expect(byArea.get("peel")!.withdrawn).toBe("hidden");
    expect(province.withdrawn).toBe(32);
    expectDisclosureControlled([york, peel], 5);
  });

  it("protects a small breakdown row within its SSM and across SSMs", () => {
    const york = report("york", { cases: [...cases(3, { channel: "phone" }), ...cases(20), ...cases(30, { channel: "email" })] });
    const peel = report("peel", { cases: [...cases(12, { channel: "phone" }), ...cases(15)] });
    const { byArea, province } = expectDisclosureControlled([york, peel], 5);
    const channels = (s: ShownFigures) => Object.fromEntries(s.received.byChannel.map((r) => [r.key, r.count]));
    expect(channels(byArea.get("york")!)).toEqual({ email: 30, phone: "small", web: "hidden" });
    expect(byArea.get("york")!.received.total).toBe(53);
    // York's 3 phone cases sit in the province's 15: Peel's 12 must not be shown beside it.
    expect(channels(byArea.get("peel")!).phone).toBe("hidden");
    expect(channels(province).phone).toBe(15);
  });

  it("lists rows only for keys some SSM reported", () => {
    fc.assert(
      fc.property(reportsArb, fc.integer({ min: 3, max: 6 }), (reports, t) => {
        const { byArea, province } = suppressQuarter(reports, t);
        const p = provinceFigures(reports, QUARTER);
        for (const s of [...byArea.values(), province]) {
          for (const id of BREAKDOWN_IDS) {
            for (const row of shownRows(s, id)) expect(breakdownOf(p, id).some((c) => c.key === row.key)).toBe(true);
          }
        }
      }),
      { numRuns: 30 }
    );
  });

  it("hides measures over fewer clocks or responses than the threshold", () => {
    const clocks = (n: number, level: number): ClockSpec[] =>
      Array.from({ length: n }, (_, i) => ({ kind: "decision", level, onTime: i % 2 === 0, days: i + 1 }));
    const york = report("york", {
      cases: cases(30),
      clocks: [...clocks(4, 1), ...clocks(12, 2)],
      satisfaction: { responses: 3, clear: 5, fair: 5, timely: 5 },
    });
    const peel = report("peel", {
      cases: cases(30),
      clocks: clocks(20, 1),
      satisfaction: { responses: 20, clear: 4, fair: 3, timely: 2 },
    });
    const { byArea, province } = expectDisclosureControlled([york, peel], 5);
    const yorkClocks = byArea.get("york")!.clocks;
    expect(yorkClocks[0]).toEqual({
      kind: "decision",
      level: 1,
      ended: "small",
      onTimeShare: null,
      medianDays: null,
      p90Days: null,
      pausedDays: null,
    });
    expect(yorkClocks[1]).toMatchObject({ level: 2, ended: 12, onTimeShare: 0.5, medianDays: 6, p90Days: 11, pausedDays: 12 });
    expect(byArea.get("york")!.satisfaction).toEqual({ responses: "small", clear: null, fair: null, timely: null });
    // Peel's level-1 count is hidden to protect York's: its share would narrow it down.
    expect(byArea.get("peel")!.clocks[0]).toMatchObject({ ended: "hidden", onTimeShare: null, medianDays: null });
    expect(province.clocks.find((c) => c.level === 2)).toMatchObject({
      ended: 12,
      onTimeShare: 0.5,
      medianDays: null,
      p90Days: null,
    });
  });

  it("uses the configured threshold", () => {
    const york = report("york", { cases: [...cases(7), ...cases(30, { kind: "provider_dispute" })] });
    expect(
      suppressQuarter([york], 5)
        .byArea.get("york")!
        .received.byKind.map((r) => r.count)
    ).toEqual([7, 30]);
    expect(
      suppressQuarter([york], 10)
        .byArea.get("york")!
        .received.byKind.map((r) => r.count)
    ).toEqual(["small", "hidden"]);
    expectDisclosureControlled([york], 10);
  });

  it("refuses a duplicate or reserved area slug", () => {
    const york = report("york", { cases: cases(10) });
    expect(() => suppressQuarter([york, york], 5)).toThrow(RangeError);
    expect(() => suppressQuarter([report("province", {})], 5)).toThrow(RangeError);
  });

  // Its speed is a bench figure (bench/measure-report.ts), never a test's: a test fails only for a wrong result.
  it("suppresses a quarter of 15 SSMs, every SSM and Ontario shown", () => {
    const reports = fc
      .sample(
        fc.integer({ min: 0, max: 14 }).chain((i) => reportArb(`area-${i}`)),
        { numRuns: 15, seed: 42 }
      )
      .map((r, i) => ({ ...r, areaSlug: `area-${i}` }));
    const shown = suppressQuarter(reports, 5);
    expect([...shown.byArea.keys()].sort()).toEqual(reports.map((r) => r.areaSlug).sort());
    expect(shown.province).toBeDefined();
  });

  it("never leaves a suppressed count recoverable, in an SSM's breakdowns or across SSMs (2–6 SSMs)", () => {
    fc.assert(
      fc.property(reportsArb, fc.integer({ min: 3, max: 6 }), (reports, t) => {
        expectDisclosureControlled(reports, t);
      }),
      { numRuns: 60 }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random quarters: few cases per SSM, so that small counts are common.

const caseArb = (provider: fc.Arbitrary<string>) =>
  fc.record({
    kind: fc.constantFrom("client_complaint", "provider_dispute"),
    channel: fc.constantFrom("web", "phone", "email"),
    program: fc.constantFrom("es", "ei"),
    category: fc.constantFrom("service", "access", "conduct"),
    provider,
    groups: fc.subarray(["indigenous", "francophone", "disability"]),
  });

const reportArb = (slug: string) =>
  fc
    .record({
      cases: fc.array(caseArb(fc.constantFrom(`${slug}-a`, `${slug}-b`)), { maxLength: 30 }),
      decisions: fc.array(
        fc.record({ level: fc.constantFrom("1", "2"), outcome: fc.constantFrom("upheld", "dismissed", "settled") }),
        {
          maxLength: 20,
        }
      ),
      escalations: fc.array(fc.record({ level: fc.constantFrom("2", "3"), cause: fc.constantFrom("breach", "recourse") }), {
        maxLength: 10,
      }),
      recourse: fc.array(fc.constantFrom("pending", "upheld", "referred_to_ministry"), { maxLength: 8 }),
      clocks: fc.array(
        fc.record({
          kind: fc.constantFrom("acknowledge" as const, "decision" as const),
          level: fc.integer({ min: 1, max: 2 }),
          onTime: fc.boolean(),
          days: fc.integer({ min: 1, max: 20 }),
        }),
        { maxLength: 15 }
      ),
      referredOut: fc.integer({ min: 0, max: 8 }),
      withdrawn: fc.integer({ min: 0, max: 8 }),
      openAtEnd: fc.integer({ min: 0, max: 30 }),
      carriedOver: fc.integer({ min: 0, max: 30 }),
      responses: fc.integer({ min: 0, max: 12 }),
    })
    .map(({ responses, ...spec }) =>
      report(slug, {
        ...spec,
        satisfaction:
          responses === 0 ? { responses, clear: null, fair: null, timely: null } : { responses, clear: 4, fair: 3.5, timely: 2 },
      })
    );

const reportsArb = fc
  .integer({ min: 2, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => reportArb(`area-${i + 1}`))));
