import fc from "fast-check";
import { isRetainedByMinistry } from "../../app/domain/programs";
import {
  PROVIDER_STAGE_MOVES,
  type ClockFigures,
  type Count,
  type QuarterFigures,
  type ReportedClockKind,
} from "../../app/domain/report-figures";

// Quarter figures counted from lists of cases, decisions, escalations and clocks, the way the
// database counts them, so that every relation of report-relations.ts holds: referred out is the
// cases about programs the ministry keeps, recourse requests are the escalations caused by one, and
// complaints moved on from the provider stage are the escalations with its causes plus staff stepping in.

export const QUARTER = "2026-Q3";

export interface CaseSpec {
  kind?: string;
  channel?: string;
  program?: string;
  category?: string;
  provider?: string;
  groups?: readonly string[];
}
export interface ClockSpec {
  kind: ReportedClockKind;
  level: number;
  /** Met (on time or late) or marked missed. */
  met: boolean;
  onTime: boolean;
  days: number;
}
export interface ReportSpec {
  cases?: readonly CaseSpec[];
  decisions?: readonly { level: string; outcome: string }[];
  /** A "recourse" escalation is a recourse request too; `outcome` is what came of it. */
  escalations?: readonly { level: string; cause: string; outcome?: string }[];
  clocks?: readonly ClockSpec[];
  withdrawn?: number;
  /** The provider stage (issue #17): what escalations do not say of it. */
  providerStage?: { referred: number; resolved: number; steppedIn: number };
  openAtEnd?: number;
  carriedOver?: number;
  satisfaction?: QuarterFigures["satisfaction"];
}

function countBy(keys: readonly string[], labelOf?: (key: string) => Count["label"]): Count[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count, ...(labelOf ? { label: labelOf(key) } : {}) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function figures(areaSlug: string, spec: ReportSpec): QuarterFigures {
  const cases = (spec.cases ?? []).map((c) => ({
    kind: c.kind ?? "client_complaint",
    channel: c.channel ?? "web",
    program: c.program ?? "employment_service",
    category: c.category ?? "service_quality",
    provider: c.provider ?? "p1",
    groups: c.groups ?? [],
  }));
  const decisions = spec.decisions ?? [];
  const escalations = spec.escalations ?? [];
  const recourse = escalations.filter((e) => e.cause === "recourse").map((e) => e.outcome ?? "pending");
  const clocks = new Map<string, ClockSpec[]>();
  for (const c of spec.clocks ?? [])
    clocks.set(`${c.kind}:${c.level}`, [...(clocks.get(`${c.kind}:${c.level}`) ?? []), c]);
  return {
    areaSlug,
    quarter: QUARTER,
    computedAt: "2026-10-20T12:00:00.000Z",
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
    referredOut: cases.filter((c) => isRetainedByMinistry(c.program)).length,
    withdrawn: spec.withdrawn ?? 0,
    providerStage: providerStageOf(spec, escalations),
    decided: {
      total: decisions.length,
      byLevel: countBy(decisions.map((d) => d.level)),
      byOutcome: countBy(decisions.map((d) => d.outcome)),
    },
    openAtEnd: spec.openAtEnd ?? 0,
    carriedOver: spec.carriedOver ?? 0,
    clocks: [...clocks.values()].map((list): ClockFigures => {
      const days = list
        .filter((c) => c.met)
        .map((c) => c.days)
        .sort((a, b) => a - b);
      return {
        kind: list[0]!.kind,
        level: list[0]!.level,
        ended: list.length,
        onTime: list.filter((c) => c.met && c.onTime).length,
        met: days.length,
        medianDays: days[Math.ceil(days.length / 2) - 1] ?? null,
        p90Days: days[Math.ceil((days.length * 9) / 10) - 1] ?? null,
        pausedDays: days.length,
      };
    }),
    escalations: {
      total: escalations.length,
      byLevel: countBy(escalations.map((e) => e.level)),
      byCause: countBy(escalations.map((e) => e.cause)),
    },
    recourse: { total: recourse.length, byOutcome: countBy(recourse) },
    satisfaction: spec.satisfaction ?? { responses: 0, clear: null, fair: null, timely: null },
  };
}

function providerStageOf(
  spec: ReportSpec,
  escalations: readonly { cause: string }[],
): NonNullable<QuarterFigures["providerStage"]> {
  const stage = spec.providerStage ?? { referred: 0, resolved: 0, steppedIn: 0 };
  const byReason = PROVIDER_STAGE_MOVES.map((key) => ({
    key,
    count: key === "staff_stepped_in" ? stage.steppedIn : escalations.filter((e) => e.cause === key).length,
  })).sort((a, b) => a.key.localeCompare(b.key));
  return {
    referred: stage.referred,
    resolved: stage.resolved,
    movedOn: { total: byReason.reduce((s, r) => s + r.count, 0), byReason },
  };
}

/** `n` cases alike, apart from what `over` sets. */
export function cases(n: number, over: CaseSpec = {}): CaseSpec[] {
  return Array.from({ length: n }, () => ({ ...over }));
}

// ---- random quarters: small vocabularies, so that small counts and linked cells abound ----

const caseArb: fc.Arbitrary<CaseSpec> = fc.record({
  kind: fc.constantFrom("client_complaint", "client_complaint", "provider_dispute"),
  channel: fc.constantFrom("web", "web", "phone", "email"),
  program: fc.constantFrom(
    "employment_service",
    "employment_service",
    "supported_employment",
    "literacy_basic_skills",
    "apprenticeship",
  ),
  category: fc.constantFrom("service_quality", "payments"),
  provider: fc.constantFrom("p1", "p1", "p2", "p3"),
  groups: fc.subarray(["indigenous", "disability"]),
});
const escalationArb = fc.record({
  level: fc.constantFrom("2", "2", "3"),
  cause: fc.constantFrom("breach", "recourse", "manual", "client_not_satisfied", "provider_late"),
  outcome: fc.constantFrom("pending", "upheld"),
});
const clockArb: fc.Arbitrary<ClockSpec> = fc.record({
  kind: fc.constantFrom("acknowledge" as const, "decision" as const, "provider_response" as const),
  level: fc.constant(1),
  met: fc.boolean(),
  onTime: fc.boolean(),
  days: fc.integer({ min: 0, max: 20 }),
});
export const reportSpecArb: fc.Arbitrary<ReportSpec> = fc.record({
  cases: fc.array(caseArb, { maxLength: 30 }),
  decisions: fc.array(
    fc.record({ level: fc.constantFrom("1", "2"), outcome: fc.constantFrom("upheld", "not_upheld") }),
    { maxLength: 12 },
  ),
  escalations: fc.array(escalationArb, { maxLength: 12 }),
  clocks: fc.array(clockArb, { maxLength: 14 }),
  withdrawn: fc.integer({ min: 0, max: 8 }),
  providerStage: fc.record({
    referred: fc.integer({ min: 0, max: 8 }),
    resolved: fc.integer({ min: 0, max: 6 }),
    steppedIn: fc.integer({ min: 0, max: 3 }),
  }),
});

/** An amendment: a few cases, decisions and escalations added or taken away. */
export function amendedArb(spec: ReportSpec): fc.Arbitrary<ReportSpec> {
  return fc
    .record({
      dropCases: fc.integer({ min: 0, max: 2 }),
      addCases: fc.array(caseArb, { maxLength: 3 }),
      addEscalations: fc.array(escalationArb, { maxLength: 2 }),
      dropDecisions: fc.integer({ min: 0, max: 1 }),
    })
    .map((a) => ({
      ...spec,
      cases: [...(spec.cases ?? []).slice(a.dropCases), ...a.addCases],
      decisions: (spec.decisions ?? []).slice(a.dropDecisions),
      escalations: [...(spec.escalations ?? []), ...a.addEscalations],
    }));
}

export interface Submission {
  areaSlug: string;
  version: number;
  figures: QuarterFigures;
}

/**
 * A quarter of 2 to 6 SSMs, each submitting once and some amending, in a random order (an
 * amendment always after its first version).
 */
export const quarterArb: fc.Arbitrary<Submission[]> = fc
  .integer({ min: 2, max: 6 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        reportSpecArb.chain((spec) =>
          fc
            .option(amendedArb(spec), { nil: null, freq: 2 })
            .map((amended) => ({ slug: `area-${i + 1}`, spec, amended })),
        ),
      ),
    ),
  )
  .chain((areas) => {
    const steps = areas.flatMap((a) => [
      { areaSlug: a.slug, version: 1, figures: figures(a.slug, a.spec) },
      ...(a.amended ? [{ areaSlug: a.slug, version: 2, figures: figures(a.slug, a.amended) }] : []),
    ]);
    return fc.shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length }).map((order) => {
      // Keep each amendment after its first version, wherever the shuffle put them.
      const out: Submission[] = [];
      for (const s of order) {
        if (s.version === 1 || out.some((o) => o.areaSlug === s.areaSlug)) out.push(s);
        else
          out.push(
            steps.find((x) => x.areaSlug === s.areaSlug && x.version === 1)!,
            { ...s },
          );
      }
      return out.filter((s, i) => out.findIndex((o) => o.areaSlug === s.areaSlug && o.version === s.version) === i);
    });
  });
