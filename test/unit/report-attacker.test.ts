import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QuarterFigures } from "../../app/domain/report-figures";
import {
  releaseQuarter,
  releasedSoFar,
  type QuarterRelease,
  type ShownFigures,
} from "../../app/domain/report-suppression";
import {
  attack,
  disclosed,
  smallCountsPublished,
  statisticsOverTooFew,
  wideTableBeyondLongForm,
  type CellRange,
  type Release,
} from "../support/attacker";
import { cases, figures, quarterArb, type CaseSpec, type ClockSpec, type Submission } from "../support/quarter-figures";

// An outside reader with every figure ever released for a quarter (test/support/attacker.ts)
// against the ministry's views, as SSMs submit and amend: no count the pages withhold may be
// narrowed to fewer than `threshold` possible values (the six recoveries of issue #14 first). The
// table-shaped comparison CSV (issue #19) is read too: it must show exactly what the long form shows.
// test/integration/release-channels-attacker.test.ts runs the same attacker over every channel at
// once (the pages, the API, the open-data files; issue #22), read over HTTP from the built server.

const T = 5;
/** Sized so the property runs within a minute on this two-core machine (200 runs took 54 s at a load of 6). */
const RUNS = Number(process.env.ATTACKER_RUNS ?? 100);

/**
 * What the ministry's views release, step by step, as each submission lands: each release is
 * suppressed knowing every earlier one, and an older version's page shows it as last released.
 */
function publish(submissions: readonly Submission[]): { releases: Release[]; truth: Map<string, QuarterFigures> } {
  const truth = new Map(submissions.map((s) => [`${s.areaSlug}@${s.version}`, s.figures]));
  const latest = new Map<string, Submission>();
  const made: QuarterRelease[] = [];
  const lastShown = new Map<string, ShownFigures>();
  const releases: Release[] = [];
  for (const s of submissions) {
    latest.set(s.areaSlug, s);
    const current = [...latest.values()];
    const release = releaseQuarter(current, releasedSoFar(made), T);
    made.push(release);
    for (const c of current) lastShown.set(`${c.areaSlug}@${c.version}`, release.byArea.get(c.areaSlug)!);
    releases.push({
      current: current.map((c) => ({
        areaSlug: c.areaSlug,
        version: c.version,
        figures: release.byArea.get(c.areaSlug)!,
      })),
      older: submissions
        .slice(0, submissions.indexOf(s) + 1)
        .filter((o) => latest.get(o.areaSlug) !== o)
        .map((o) => ({
          areaSlug: o.areaSlug,
          version: o.version,
          figures: lastShown.get(`${o.areaSlug}@${o.version}`)!,
        })),
      province: release.province,
    });
  }
  return { releases, truth };
}

function rangeOf(ranges: readonly CellRange[], report: string, cell: string): CellRange {
  const found = ranges.filter((r) => r.report === report && r.cell === cell);
  expect(found.length, `${report} ${cell} is hidden`).toBeGreaterThan(0);
  return found[0]!;
}

function expectProtected(ranges: readonly CellRange[], report: string, cell: string) {
  const r = rangeOf(ranges, report, cell);
  expect(r.min).toBeLessThanOrEqual(r.truth);
  expect(r.max).toBeGreaterThanOrEqual(r.truth);
  expect(r.max - r.min + 1, `${report} ${cell} (really ${r.truth}) could be ${r.min}–${r.max}`).toBeGreaterThanOrEqual(
    T,
  );
}

/** No hidden count narrowed, no small count published, no statistic over too few. */
function expectNothingDisclosed({ releases, truth, ranges }: ReturnType<typeof run>) {
  expect(disclosed(ranges, T)).toEqual([]);
  expect(smallCountsPublished(releases, T, 0)).toEqual([]);
  expect(statisticsOverTooFew(releases, T, truth)).toEqual([]);
}

function run(submissions: readonly Submission[]) {
  const { releases, truth } = publish(submissions);
  // The attacker reads the long form; the table-shaped CSV must show exactly that, in every release.
  expect(wideTableBeyondLongForm(releases, T)).toEqual([]);
  return { releases, truth, ranges: attack(releases, T, truth) };
}

describe("the six recoveries of issue #14", () => {
  it("1: recourse requests equal escalations caused by recourse", () => {
    const a = figures("hamilton", {
      cases: cases(30),
      escalations: [
        ...Array.from({ length: 2 }, () => ({ level: "2", cause: "breach" })),
        ...Array.from({ length: 6 }, () => ({ level: "2", cause: "recourse" })),
        ...Array.from({ length: 10 }, () => ({ level: "2", cause: "manual" })),
      ],
    });
    const { ranges } = run([{ areaSlug: "hamilton", version: 1, figures: a }]);
    expectProtected(ranges, "hamilton@1", "escalations.byCause|breach");
  });

  it("2: referred out equals the programs the ministry keeps", () => {
    const a = figures("hamilton", {
      cases: [
        ...cases(6, { program: "employment_service" }),
        ...cases(3, { program: "literacy_basic_skills" }),
        ...cases(8, { program: "apprenticeship" }),
      ],
    });
    const { ranges } = run([{ areaSlug: "hamilton", version: 1, figures: a }]);
    expectProtected(ranges, "hamilton@1", "received.byProgram|literacy_basic_skills");
  });

  it("3: what was released before an SSM submitted undoes what is hidden after", () => {
    const a = figures("area-a", {
      cases: [...cases(40, { program: "employment_service" }), ...cases(6, { program: "supported_employment" })],
    });
    const b = figures("area-b", {
      cases: [...cases(50, { program: "employment_service" }), ...cases(2, { program: "supported_employment" })],
    });
    const { ranges } = run([
      { areaSlug: "area-a", version: 1, figures: a },
      { areaSlug: "area-b", version: 1, figures: b },
    ]);
    expectProtected(ranges, "area-b@1", "received.byProgram|supported_employment");
  });

  it("4: two versions of one report give away the count that changed", () => {
    const v1 = figures("hamilton", { cases: cases(32) });
    const v2 = figures("hamilton", { cases: [...cases(32), { kind: "provider_dispute" }] });
    const { ranges } = run([
      { areaSlug: "hamilton", version: 1, figures: v1 },
      { areaSlug: "hamilton", version: 2, figures: v2 },
    ]);
    expectProtected(ranges, "hamilton@2", "received.byKind|provider_dispute");
  });

  it("5: an on-time share beside its base gives the late count", () => {
    const clocks = Array.from({ length: 19 }, (_, i) => ({
      kind: "decision" as const,
      level: 1,
      met: true,
      onTime: i >= 2,
      days: 5,
    }));
    const { releases } = run([
      { areaSlug: "hamilton", version: 1, figures: figures("hamilton", { cases: cases(20), clocks }) },
    ]);
    expect(smallCountsPublished(releases, T)).toEqual([]);
  });

  it("5 still: a late count its page withholds is attacked, and one it leaves unprinted beside a known on-time 0 is not", () => {
    // Decisions: 19 ended, 2 late: the late count is "<5", and the share is withheld with it.
    const decisions = Array.from({ length: 19 }, (_, i) => ({
      kind: "decision" as const,
      level: 1,
      met: true,
      onTime: i >= 2,
      days: 5,
    }));
    // The sweep between version 1 and its amendment (amendment-after-sweep-attacker.test.ts):
    // 16 acknowledgements ended, none on time. Version 1 listed none, so the on-time count is
    // known to be 0 (and unchanged), and the late count is 16 − 0: worked out, rightly, but no
    // page withholds it; its share stays unprinted only because it would give the "<5" away.
    const acknowledgements = Array.from({ length: 16 }, () => ({
      kind: "acknowledge" as const,
      level: 1,
      met: false,
      onTime: false,
      days: 0,
    }));
    const { ranges, releases } = run([
      { areaSlug: "hamilton", version: 1, figures: figures("hamilton", { cases: cases(20), clocks: decisions }) },
      {
        areaSlug: "hamilton",
        version: 2,
        figures: figures("hamilton", { cases: cases(20), clocks: [...decisions, ...acknowledgements] }),
      },
    ]);
    expectProtected(ranges, "hamilton@1", "clocks|decision:1|late");
    expectProtected(ranges, "hamilton@2", "clocks|decision:1|late");
    const page = releases[1]!.current[0]!.figures;
    expect(page.clocks.map((c) => [c.kind, c.ended, c.onTimeShare])).toEqual([
      ["acknowledge", 16, null],
      ["decision", 19, null],
    ]);
    expect(page.hidden).toContainEqual({ cell: "clocks|acknowledge:1|onTime", reason: "small" });
    expect(page.hidden!.map((h) => h.cell)).not.toContain("clocks|acknowledge:1|late");
    expect(ranges.filter((r) => r.cell === "clocks|acknowledge:1|late")).toEqual([]);
    expect(disclosed(ranges, T)).toEqual([]);
  });

  it("6: a median over fewer clocks met than the threshold", () => {
    const clocks = [
      { kind: "decision" as const, level: 1, met: true, onTime: true, days: 7 },
      ...Array.from({ length: 5 }, () => ({ kind: "decision" as const, level: 1, met: false, onTime: false, days: 0 })),
    ];
    const { releases, truth } = run([
      { areaSlug: "hamilton", version: 1, figures: figures("hamilton", { cases: cases(20), clocks }) },
    ]);
    expect(statisticsOverTooFew(releases, T, truth)).toEqual([]);
  });
});

describe("an amendment after others' releases", () => {
  /** `n` cases whose rows add up to each breakdown given (key → count), listed in order. */
  function casesWith(
    n: number,
    by: Record<"kind" | "channel" | "program" | "category" | "provider", Record<string, number>>,
    groups: Record<string, number>,
  ): CaseSpec[] {
    const spread = (counts: Record<string, number>) =>
      Object.entries(counts).flatMap(([key, c]) => Array.from({ length: c }, () => key));
    const column = Object.fromEntries(Object.entries(by).map(([field, counts]) => [field, spread(counts)]));
    return Array.from({ length: n }, (_, i) => ({
      kind: column.kind![i]!,
      channel: column.channel![i]!,
      program: column.program![i]!,
      category: column.category![i]!,
      provider: column.provider![i]!,
      groups: Object.entries(groups)
        .filter(([, c]) => i < c)
        .map(([g]) => g),
    }));
  }
  const clocks: ClockSpec[] = [
    { kind: "decision", level: 1, met: true, onTime: true, days: 0 },
    { kind: "decision", level: 1, met: true, onTime: false, days: 0 },
    { kind: "decision", level: 1, met: false, onTime: false, days: 0 },
    { kind: "acknowledge", level: 1, met: true, onTime: true, days: 0 },
    ...Array.from({ length: 2 }, () => ({ kind: "acknowledge" as const, level: 1, met: true, onTime: false, days: 0 })),
    ...Array.from({ length: 4 }, () => ({
      kind: "acknowledge" as const,
      level: 1,
      met: false,
      onTime: false,
      days: 0,
    })),
  ];
  const escalations = [{ level: "3", cause: "breach" }];

  // Found by the property (seed -1204454035): the amendment's changed totals and rows, beside
  // version 1's, pinned version 1's hidden web count (really 3) to 1–4.
  it("cannot narrow a count hidden in the version it amends", () => {
    const v1 = figures("area-2", {
      cases: casesWith(
        10,
        {
          kind: { client_complaint: 7, provider_dispute: 3 },
          channel: { email: 4, phone: 3, web: 3 },
          program: { apprenticeship: 3, employment_service: 3, literacy_basic_skills: 3, supported_employment: 1 },
          category: { payments: 5, service_quality: 5 },
          provider: { p1: 5, p2: 1, p3: 4 },
        },
        { disability: 3, indigenous: 4 },
      ),
      clocks,
      escalations,
      withdrawn: 7,
    });
    const v2 = figures("area-2", {
      cases: casesWith(
        8,
        {
          kind: { client_complaint: 5, provider_dispute: 3 },
          channel: { email: 4, phone: 3, web: 1 },
          program: { apprenticeship: 2, employment_service: 2, literacy_basic_skills: 3, supported_employment: 1 },
          category: { payments: 4, service_quality: 4 },
          provider: { p1: 3, p2: 1, p3: 4 },
        },
        { disability: 2, indigenous: 4 },
      ),
      clocks,
      escalations,
      withdrawn: 7,
    });
    expect([v1.received.total, v1.referredOut, v2.received.total, v2.referredOut]).toEqual([10, 6, 8, 5]);
    const outcome = run([
      ...["area-1", "area-4", "area-3"].map((areaSlug) => ({ areaSlug, version: 1, figures: figures(areaSlug, {}) })),
      { areaSlug: "area-2", version: 1, figures: v1 },
      { areaSlug: "area-2", version: 2, figures: v2 },
    ]);
    expectProtected(outcome.ranges, "area-2@1", "received.byChannel|web");
    expectNothingDisclosed(outcome);
  });

  // Found by the property (seed 1): the amendment dropped provider p3's only case, so its row was
  // left off, known to be 0; p1 + p2 then equalled a total at least the web count shown.
  it("cannot narrow earlier counts by dropping a row", () => {
    const p1 = cases(4, { provider: "p1", channel: "web" });
    const p2 = [
      { provider: "p2", channel: "web", category: "payments" },
      { provider: "p2", channel: "email", category: "payments" },
      { provider: "p2", channel: "phone", category: "payments", kind: "provider_dispute" },
      { provider: "p2", channel: "phone", kind: "provider_dispute" },
    ];
    const p3 = {
      provider: "p3",
      channel: "email",
      category: "payments",
      kind: "provider_dispute",
      program: "supported_employment",
    };
    const outcome = run([
      { areaSlug: "area-1", version: 1, figures: figures("area-1", { cases: [...p1, ...p2, p3] }) },
      { areaSlug: "area-1", version: 2, figures: figures("area-1", { cases: [...p1, ...p2] }) },
    ]);
    expectProtected(outcome.ranges, "area-1@1", "received.byProvider|p1");
    expectNothingDisclosed(outcome);
  });
  // Found by the property (seed 123456): the amendment's total fell by one while payments fell
  // from 5 (shown) to "<5"; with the unchanged service-quality and referred-out counts that made
  // version 1's employment-service count minus version 2's equal 5 − payments, so at least 1.
  // Bounds on pairs of equations missed it; the exact test did not.
  it("cannot narrow an earlier count through a chain of three equations", () => {
    const v1 = figures("area-3", {
      cases: casesWith(
        9,
        {
          kind: { client_complaint: 6, provider_dispute: 3 },
          channel: { email: 2, phone: 2, web: 5 },
          program: { apprenticeship: 2, employment_service: 3, literacy_basic_skills: 2, supported_employment: 2 },
          category: { payments: 5, service_quality: 4 },
          provider: { p1: 4, p2: 4, p3: 1 },
        },
        { disability: 4, indigenous: 3 },
      ),
      withdrawn: 6,
    });
    const v2 = figures("area-3", {
      cases: casesWith(
        8,
        {
          kind: { client_complaint: 5, provider_dispute: 3 },
          channel: { email: 3, phone: 1, web: 4 },
          program: { apprenticeship: 3, employment_service: 2, literacy_basic_skills: 1, supported_employment: 2 },
          category: { payments: 4, service_quality: 4 },
          provider: { p1: 3, p2: 5 },
        },
        { disability: 4, indigenous: 2 },
      ),
      withdrawn: 6,
    });
    const outcome = run([
      { areaSlug: "area-3", version: 1, figures: v1 },
      { areaSlug: "area-3", version: 2, figures: v2 },
    ]);
    expectProtected(outcome.ranges, "area-3@1", "received.byProgram|employment_service");
    expectNothingDisclosed(outcome);
  });
});

describe("any quarter, any order of submissions and amendments", () => {
  // Integer programming over every release takes 20–40 s here, and 3–4 minutes at a load of 26
  // (seen while eight sessions shared two cores): the limit is only a backstop against a hang,
  // like the browser tests' own, never a verdict on speed.
  it("leaves every hidden count at least the threshold's number of possible values", { timeout: 15 * 60_000 }, () => {
    const started = Date.now();
    let hiddenCells = 0;
    fc.assert(
      fc.property(quarterArb, (submissions) => {
        const { releases, truth, ranges } = run(submissions);
        hiddenCells += ranges.length;
        for (const r of ranges) expect(r.truth, `${r.report} ${r.cell}`).toBeGreaterThanOrEqual(r.min);
        expect(disclosed(ranges, T)).toEqual([]);
        expect(smallCountsPublished(releases, T, 0)).toEqual([]);
        expect(statisticsOverTooFew(releases, T, truth)).toEqual([]);
        expect(wideTableBeyondLongForm(releases, T)).toEqual([]);
      }),
      // ATTACKER_SEED replays a failure fast-check reported; unset, every run tries new quarters.
      { numRuns: RUNS, ...(process.env.ATTACKER_SEED ? { seed: Number(process.env.ATTACKER_SEED) } : {}) },
    );
    console.log(`attacker: ${RUNS} quarters, ${hiddenCells} hidden counts attacked in ${Date.now() - started} ms`);
  });
});
