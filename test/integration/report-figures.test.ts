import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  computeQuarterFigures,
  computeQuarterFiguresFromHistory,
  type QuarterPeriod,
} from "../../db/repositories/report-figures";
import { rebuildReportFacts } from "../../db/repositories/report-facts";
import type { DB } from "../../db/client";
import {
  bruteForce,
  type EventType,
  type GenCase,
  type GenClock,
  type GenResponse,
} from "../fixtures/report-brute-force";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// For random case histories, the figures the database computes equal a brute-force computation
// over the same histories written here in plain JavaScript, definition by definition.

const AREA = "hamilton-niagara";
const OTHER_AREA = "muskoka-kawarthas";
const QUARTER = "2026-Q2";
const START = Date.parse("2026-07-01T04:00:00.000Z");
const END = Date.parse("2026-10-01T04:00:00.000Z");
const DAY = 86_400_000;
const period: QuarterPeriod = { areaSlug: AREA, quarter: QUARTER, start: iso(START), end: iso(END) };

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

// Around the quarter, so cases fall before, inside and after it.
const instant = fc.integer({ min: START - 40 * DAY, max: END + 20 * DAY });
const quarterEdge = fc.constantFrom(START - 1, START, END - 1, END);
const anyInstant = fc.oneof({ weight: 5, arbitrary: instant }, { weight: 1, arbitrary: quarterEdge });

const eventArb = fc.record({
  type: fc.constantFrom<EventType>(
    "decided",
    "closed",
    "withdrawn",
    "referred_to_ministry",
    "reopened",
    "escalated",
    "recourse_requested",
    "deadline_extended",
    // The provider stage (issue #17).
    "referred_to_provider",
    "client_accepted_answer",
    "client_no_reply",
    "provider_stage_taken_over",
    "internal_note",
  ),
  at: anyInstant,
  level: fc.integer({ min: 1, max: 4 }),
  outcome: fc.constantFrom("upheld", "partly_upheld", "not_upheld", "resolved_informally"),
  cause: fc.constantFrom("breach", "recourse", "manual", "client_not_satisfied", "provider_late", "client_no_reply"),
});

const clockArb = fc.record({
  due: anyInstant,
  met: fc.option(anyInstant, { nil: null }),
  breached: fc.option(anyInstant, { nil: null }),
  taken: fc.option(
    fc.integer({ min: 0, max: 400 }).map((n) => n / 8),
    { nil: null },
  ),
  paused: fc.option(
    fc.integer({ min: 0, max: 80 }).map((n) => n / 4),
    { nil: null },
  ),
});

function caseArb(providerIds: number[]) {
  return fc
    .record({
      area: fc.constantFrom(AREA, AREA, AREA, OTHER_AREA),
      received: anyInstant,
      kind: fc.constantFrom<GenCase["kind"]>("client_complaint", "provider_dispute"),
      channel: fc.constantFrom("web", "phone", "email", "provider_portal"),
      program: fc.option(fc.constantFrom("employment_service", "odsp_employment_supports", "second_career"), {
        nil: null,
      }),
      category: fc.option(fc.constantFrom("service_quality", "payments"), { nil: null }),
      provider: fc.option(fc.constantFrom(...providerIds), { nil: null }),
      groups: fc.dictionary(
        fc.constantFrom("disability", "indigenous", "newcomer", "francophone"),
        fc.constantFrom<"yes" | "no">("yes", "no"),
      ),
      referredOut: fc.boolean(),
      merged: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      events: fc.array(eventArb, { maxLength: 6 }),
      // The client's silence closing the case at the provider stage: two events at one moment.
      silenceClosedAt: fc.option(anyInstant, { nil: null }),
      // Clock slots are unique per (kind, level), as the schema requires.
      clocks: fc.uniqueArray(
        fc.record({
          kind: fc.constantFrom<GenClock["kind"]>(
            "acknowledge",
            "first_response",
            "decision",
            "provider_response",
            "client_review",
          ),
          level: fc.integer({ min: 1, max: 3 }),
          clock: clockArb,
        }),
        { maxLength: 4, selector: (c) => `${c.kind}:${c.level}` },
      ),
    })
    .map(({ silenceClosedAt, ...c }): GenCase => ({
      ...c,
      // Events happen after filing and are written in time order, as the application writes them.
      events: [
        ...c.events,
        ...(silenceClosedAt === null
          ? []
          : (["client_no_reply", "closed"] as const).map((type) => ({
              type,
              at: silenceClosedAt,
              level: 1,
              outcome: "resolved_informally",
              cause: "manual",
            }))),
      ]
        .map((e) => ({ ...e, at: Math.max(e.at, c.received) }))
        .sort((a, b) => a.at - b.at),
      clocks: c.clocks.map(({ kind, level, clock }) => ({ kind, level, ...clock })),
    }));
}

const responseArb = fc.record({
  area: fc.constantFrom(AREA, OTHER_AREA),
  quarter: fc.constantFrom(QUARTER, "2026-Q1"),
  clear: fc.integer({ min: 1, max: 5 }),
  fair: fc.integer({ min: 1, max: 5 }),
  timely: fc.integer({ min: 1, max: 5 }),
});

async function writeHistory(db: DB, cases: GenCase[], responses: GenResponse[], policyId: number): Promise<void> {
  await db.deleteFrom("report_fact_events").execute();
  await db.deleteFrom("case_report_facts").execute();
  await db.deleteFrom("report_open_counts").execute();
  await db.deleteFrom("case_events").execute();
  await db.deleteFrom("case_clocks").execute();
  await db.deleteFrom("cases").execute();
  await db.deleteFrom("survey_responses").execute();
  let n = 0;
  for (const c of cases) {
    n += 1;
    const { id } = await db
      .insertInto("cases")
      .values({
        reference: `T-${n}`,
        area_slug: c.area,
        kind: c.kind,
        channel: c.channel as "web",
        status: c.referredOut ? "referred_out" : "in_review",
        level: 1,
        program: c.program,
        category: c.category,
        respondent_org_id: c.provider,
        assignee_id: null,
        filer_user_id: null,
        filer_org_id: null,
        filer_name: "Someone",
        filer_email: null,
        filer_phone: null,
        language: "en",
        accommodation_needed: 0,
        accommodation_details: null,
        description: "d",
        outcome_wanted: "o",
        secret_hash: "x",
        submission_key: null,
        policy_id: policyId,
        received_at: iso(c.received),
        decided_at: null,
        outcome: null,
        closed_at: null,
        self_identification_json: Object.keys(c.groups).length ? JSON.stringify(c.groups) : null,
        recourse_deadline_at: null,
        next_due_at: null,
        // Merged into the case written before it (the column has no foreign key: see 0016).
        merged_into_case_id: c.merged ? Math.max(1, n - 1) : null,
        version: 1,
        created_at: iso(c.received),
        updated_at: iso(c.received),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const e of c.events) {
      const data = e.type === "decided" ? { outcome: e.outcome } : e.type === "escalated" ? { cause: e.cause } : null;
      await db
        .insertInto("case_events")
        .values({
          case_id: id,
          type: e.type,
          visibility: "public",
          actor_kind: "system",
          actor_user_id: null,
          level: e.level,
          body: null,
          data_json: data ? JSON.stringify(data) : null,
          created_at: iso(e.at),
        })
        .execute();
    }
    for (const k of c.clocks) {
      await db
        .insertInto("case_clocks")
        .values({
          case_id: id,
          kind: k.kind,
          level: k.level,
          started_at: iso(c.received),
          due_at: iso(k.due),
          state: k.met ? "met" : k.breached ? "breached" : "running",
          paused_at: null,
          paused_business_ms: 0,
          met_at: k.met === null ? null : iso(k.met),
          breached_at: k.breached === null ? null : iso(k.breached),
          reminded_at: null,
          taken_business_days: k.met === null ? null : k.taken,
          paused_business_days: k.met === null ? null : k.paused,
        })
        .execute();
    }
  }
  for (const r of responses) {
    await db
      .insertInto("survey_responses")
      .values({ area_slug: r.area, quarter: r.quarter, clear: r.clear, fair: r.fair, timely: r.timely, comment: null })
      .execute();
  }
  // Written as rows, not through the services: the facts are built as migration 0022 builds them.
  await rebuildReportFacts(db);
}

describe("quarter figures computed by the database", () => {
  let t: TestDatabase;
  let policyId: number;
  const providerNames = new Map<number, string>();

  beforeAll(async () => {
    t = await createTestDatabase(new Date("2026-06-01T12:00:00Z"));
    policyId = (await t.db.selectFrom("policies").select("id").where("area_slug", "=", AREA).executeTakeFirstOrThrow())
      .id;
    for (const name of ["Alpha Jobs", "Beta Careers"]) {
      const { id } = await t.db
        .insertInto("organizations")
        .values({
          slug: name.toLowerCase().replace(" ", "-"),
          kind: "provider",
          name_en: name,
          name_fr: name,
          area_slug: AREA,
          contact_email: null,
          contact_phone: null,
          contact_address: null,
          contact_in_person: null,
          retired_at: null,
          created_at: iso(START),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      providerNames.set(id, name);
    }
  });
  afterAll(() => t.cleanup());

  it("equal a brute-force computation for random case histories", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArb([...providerNames.keys()]), { maxLength: 25 }),
        fc.array(responseArb, { maxLength: 8 }),
        async (cases, responses) => {
          await writeHistory(t.db, cases, responses, policyId);
          const expected = bruteForce(cases, responses, providerNames, period);
          // Both ways: the aggregate SQL over the history, and the facts built by migration 0022.
          for (const compute of [computeQuarterFiguresFromHistory, computeQuarterFigures]) {
            const { computedAt: _, ...figures } = await compute(t.db, period, iso(END));
            expect({ ...figures, satisfaction: null }, compute.name).toEqual({ ...expected, satisfaction: null });
            expect(figures.satisfaction.responses).toBe(expected.satisfaction.responses);
            for (const q of ["clear", "fair", "timely"] as const) {
              if (expected.satisfaction[q] === null) expect(figures.satisfaction[q]).toBeNull();
              else expect(figures.satisfaction[q]).toBeCloseTo(expected.satisfaction[q]!, 9);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts a case filed at the quarter's first instant in it and one at its end in the next", async () => {
    const base = {
      kind: "client_complaint" as const,
      channel: "web",
      program: null,
      category: null,
      provider: null,
      groups: {},
      referredOut: false,
      events: [],
      clocks: [],
    };
    await writeHistory(
      t.db,
      [
        { ...base, area: AREA, received: START },
        { ...base, area: AREA, received: END },
      ],
      [],
      policyId,
    );
    const figures = await computeQuarterFigures(t.db, period, iso(END));
    expect(figures.received.total).toBe(1);
    expect(figures.openAtEnd).toBe(1);
    expect(figures.carriedOver).toBe(0);
  });
});
