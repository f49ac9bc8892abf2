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
  for (const c of spec.clocks ?? [])
    clocks.set(`${c.kind}:${c.level}`, [...(clocks.get(`${c.kind}:${c.level}`) ?? []), c]);
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
        (key) => ({ en: `Provider ${key}`, fr: `Fournisseur ${key}` }),
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
        met: list.length,
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
      { kind: "acknowledge", level: 1, ended: 1, onTime: 1, met: 1, medianDays: null, p90Days: null, pausedDays: 1 },
      { kind: "decision", level: 1, ended: 3, onTime: 2, met: 3, medianDays: null, p90Days: null, pausedDays: 3 },
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

const BREAKDOWN_IDS: readonly BreakdownId[] = [...BREAKDOWNS.map((b) => b.id), "received.byGroup"];

function shownRows(s: ShownFigures, id: BreakdownId): ShownCountRow[] {
  return breakdownOf(s, id);
}

const channels = (s: ShownFigures) => Object.fromEntries(s.received.byChannel.map((r) => [r.key, r.count]));

// What every release protects against an outside reader with everything ever released is proven
// by test/unit/report-attacker.test.ts; these pin down the rules a reader of the pages sees.
describe("suppressQuarter", () => {
  it("shows every count under the threshold, 0 included, as small, and Ontario's only where every SSM's is shown", () => {
    const york = report("york", { cases: cases(40), withdrawn: 2 });
    const peel = report("peel", { cases: cases(40), withdrawn: 30 });
    const { byArea, province } = suppressQuarter([york, peel], 5);
    expect(byArea.get("york")!.withdrawn).toBe("small");
    expect(byArea.get("york")!.openAtEnd).toBe("small"); // 0
    expect(byArea.get("peel")!.withdrawn).toBe(30);
    // 32 in Ontario, less Peel's 30, would give York's 2.
    expect(province.withdrawn).toBe("hidden");
    expect(province.hidden).toContainEqual({ cell: "withdrawn", reason: "province" });
    expect(province.received.total).toBe(80);
  });

  it("protects a small breakdown row within its SSM, listing every row any SSM has", () => {
    const york = report("york", {
      cases: [...cases(3, { channel: "phone" }), ...cases(20), ...cases(30, { channel: "email" })],
    });
    const peel = report("peel", { cases: [...cases(12, { channel: "phone" }), ...cases(15)] });
    const { byArea, province } = suppressQuarter([york, peel], 5);
    expect(channels(byArea.get("york")!)).toEqual({ email: 30, phone: "small", web: "hidden" });
    expect(byArea.get("york")!.hidden).toContainEqual({ cell: "received.byChannel|web", reason: "complementary" });
    expect(byArea.get("york")!.received.total).toBe(53);
    // Peel has no email case: its 0 shows as "<5", and its smallest row is hidden to protect it.
    expect(channels(byArea.get("peel")!)).toEqual({ email: "small", phone: "hidden", web: 15 });
    expect(channels(province)).toEqual({ email: "hidden", phone: "hidden", web: "hidden" });
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
      { numRuns: 30 },
    );
  });

  it("shows a share only when its on-time and late counts both reach the threshold, and measures only over that many clocks met", () => {
    const clocks = (n: number, level: number, onTime: (i: number) => boolean): ClockSpec[] =>
      Array.from({ length: n }, (_, i) => ({ kind: "decision", level, onTime: onTime(i), days: i + 1 }));
    const york = report("york", {
      cases: cases(30),
      clocks: [...clocks(4, 1, () => true), ...clocks(12, 2, (i) => i % 2 === 0), ...clocks(19, 3, (i) => i >= 2)],
      satisfaction: { responses: 3, clear: 5, fair: 5, timely: 5 },
    });
    const peel = report("peel", {
      cases: cases(30),
      clocks: clocks(20, 1, (i) => i < 10),
      satisfaction: { responses: 20, clear: 4, fair: 3, timely: 2 },
    });
    const { byArea, province } = suppressQuarter([york, peel], 5);
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
    expect(yorkClocks[1]).toMatchObject({
      level: 2,
      ended: 12,
      onTimeShare: 0.5,
      medianDays: 6,
      p90Days: 11,
      pausedDays: 12,
    });
    // 17 of 19 on time would say 2 were late.
    expect(yorkClocks[2]).toMatchObject({ level: 3, ended: 19, onTimeShare: null, medianDays: 10 });
    expect(byArea.get("york")!.satisfaction).toEqual({ responses: "small", clear: null, fair: null, timely: null });
    expect(byArea.get("peel")!.clocks[0]).toMatchObject({ ended: 20, onTimeShare: 0.5, medianDays: 10 });
    expect(province.clocks.find((c) => c.level === 1)).toMatchObject({
      ended: "hidden",
      onTimeShare: null,
      medianDays: null,
    });
  });

  it("uses the configured threshold", () => {
    const york = report("york", { cases: [...cases(7), ...cases(30, { kind: "provider_dispute" })] });
    expect(
      suppressQuarter([york], 5)
        .byArea.get("york")!
        .received.byKind.map((r) => r.count),
    ).toEqual([7, 30]);
    expect(
      suppressQuarter([york], 10)
        .byArea.get("york")!
        .received.byKind.map((r) => r.count),
    ).toEqual(["small", "hidden"]);
  });

  it("refuses a duplicate or reserved area slug", () => {
    const york = report("york", { cases: cases(10) });
    expect(() => suppressQuarter([york, york], 5)).toThrow(RangeError);
    expect(() => suppressQuarter([report("province", {})], 5)).toThrow(RangeError);
  });

  it("suppresses a quarter of 15 SSMs, every one of them", () => {
    const reports = fc
      .sample(
        fc.integer({ min: 0, max: 14 }).chain((i) => reportArb(`area-${i}`)),
        { numRuns: 15, seed: 42 },
      )
      .map((r, i) => ({ ...r, areaSlug: `area-${i}` }));
    const started = performance.now();
    const { byArea } = suppressQuarter(reports, 5);
    console.log(`suppressQuarter: 15 SSMs in ${Math.round(performance.now() - started)} ms`);
    expect(byArea.size).toBe(15);
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
        },
      ),
      escalations: fc.array(
        fc.record({ level: fc.constantFrom("2", "3"), cause: fc.constantFrom("breach", "recourse") }),
        {
          maxLength: 10,
        },
      ),
      recourse: fc.array(fc.constantFrom("pending", "upheld", "referred_to_ministry"), { maxLength: 8 }),
      clocks: fc.array(
        fc.record({
          kind: fc.constantFrom("acknowledge" as const, "decision" as const),
          level: fc.integer({ min: 1, max: 2 }),
          onTime: fc.boolean(),
          days: fc.integer({ min: 1, max: 20 }),
        }),
        { maxLength: 15 },
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
          responses === 0
            ? { responses, clear: null, fair: null, timely: null }
            : { responses, clear: 4, fair: 3.5, timely: 2 },
      }),
    );

const reportsArb = fc
  .integer({ min: 2, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => reportArb(`area-${i + 1}`))));
