import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeQuarterFigures, type QuarterPeriod } from "../../db/repositories/report-figures";
import { IN_SCOPE_PROGRAMS, MINISTRY_RETAINED_PROGRAMS, isRetainedByMinistry } from "../../app/domain/programs";
import { cellsOf } from "../../app/domain/report-cells";
import { equationsOf, RELATIONS } from "../../app/domain/report-relations";
import type { DB } from "../../db/client";
import { rebuildReportFacts } from "../../db/repositories/report-facts";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Every relation report-relations.ts declares holds for the figures the database computes, over
// random histories written the way the services write them: a case about a program the ministry
// keeps is referred out when filed (filing.server.ts), and a filer's recourse request is recorded
// with the escalation it causes, at the same moment (filer-actions.server.ts).

const AREA = "hamilton-niagara";
const START = Date.parse("2026-07-01T04:00:00.000Z");
const END = Date.parse("2026-10-01T04:00:00.000Z");
const DAY = 86_400_000;
const period: QuarterPeriod = { areaSlug: AREA, quarter: "2026-Q2", start: iso(START), end: iso(END) };

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const instant = fc.integer({ min: START - 30 * DAY, max: END + 10 * DAY });
const stepArb = fc.oneof(
  fc.record({
    type: fc.constant("decided" as const),
    outcome: fc.constantFrom("upheld", "not_upheld", "resolved_informally"),
  }),
  fc.record({ type: fc.constant("escalated" as const), cause: fc.constantFrom("breach" as const, "manual" as const) }),
  fc.record({ type: fc.constant("recourse" as const) }),
  fc.record({ type: fc.constant("withdrawn" as const) }),
  // Leaving the provider stage (case-lifecycle-provider.ts): by an escalation with its cause, or staff stepping in.
  fc.record({
    type: fc.constant("provider" as const),
    how: fc.constantFrom(
      ["client_refused_answer", "client_not_satisfied"] as const,
      ["provider_late", "provider_late"] as const,
      ["client_no_reply", "client_no_reply"] as const,
      ["provider_stage_taken_over", null] as const,
    ),
  }),
);
const caseArb = fc.record({
  received: instant,
  channel: fc.constantFrom("web", "phone", "email"),
  program: fc.constantFrom(...IN_SCOPE_PROGRAMS.slice(0, 3), ...MINISTRY_RETAINED_PROGRAMS.slice(0, 2)),
  steps: fc.array(fc.record({ step: stepArb, after: fc.integer({ min: 0, max: 40 * DAY }) }), { maxLength: 5 }),
  clocks: fc.array(
    fc.record({ level: fc.integer({ min: 1, max: 2 }), met: fc.option(instant, { nil: null }), due: instant }),
    { maxLength: 2 },
  ),
});
type GenCase = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

async function writeHistory(db: DB, cases: GenCase[], policyId: number): Promise<void> {
  await db.deleteFrom("report_fact_events").execute();
  await db.deleteFrom("case_report_facts").execute();
  await db.deleteFrom("report_open_counts").execute();
  await db.deleteFrom("case_events").execute();
  await db.deleteFrom("case_clocks").execute();
  await db.deleteFrom("cases").execute();
  let n = 0;
  for (const c of cases) {
    n += 1;
    const referredOut = isRetainedByMinistry(c.program);
    const { id } = await db
      .insertInto("cases")
      .values({
        reference: `R-${n}`,
        area_slug: AREA,
        kind: "client_complaint",
        channel: c.channel as "web",
        status: referredOut ? "referred_out" : "in_review",
        level: 1,
        program: c.program,
        category: null,
        respondent_org_id: null,
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
        self_identification_json: null,
        recourse_deadline_at: null,
        next_due_at: null,
        version: 1,
        created_at: iso(c.received),
        updated_at: iso(c.received),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const event = (type: string, at: number, level: number, data: object | null) =>
      db
        .insertInto("case_events")
        .values({
          case_id: id,
          type,
          visibility: "public",
          actor_kind: "system",
          actor_user_id: null,
          level,
          body: null,
          data_json: data ? JSON.stringify(data) : null,
          created_at: iso(at),
        })
        .execute();
    if (referredOut) continue; // A referred-out case goes no further here.
    let at = c.received;
    let level = 1;
    for (const { step, after } of c.steps) {
      at += after;
      if (step.type === "decided") await event("decided", at, level, { outcome: step.outcome });
      else if (step.type === "withdrawn") await event("withdrawn", at, level, null);
      else if (step.type === "escalated") await event("escalated", at, ++level, { cause: step.cause });
      else if (step.type === "provider") {
        const type: string = step.how[0];
        const cause: string | null = step.how[1];
        await event(type, at, level, null);
        if (cause) await event("escalated", at, ++level, { cause });
      } else {
        await event("recourse_requested", at, level, null);
        await event("escalated", at, ++level, { cause: "recourse" });
      }
    }
    for (const [i, k] of c.clocks.entries()) {
      await db
        .insertInto("case_clocks")
        .values({
          case_id: id,
          kind: "decision",
          level: k.level + i * 2,
          started_at: iso(c.received),
          due_at: iso(k.due),
          state: k.met ? "met" : "breached",
          paused_at: null,
          paused_business_ms: 0,
          met_at: k.met === null ? null : iso(k.met),
          breached_at: k.met === null ? iso(k.due) : null,
          reminded_at: null,
          taken_business_days: k.met === null ? null : 3,
          paused_business_days: k.met === null ? null : 0,
        })
        .execute();
    }
  }
  // Written as rows, not through the services: the report facts are built as migration 0022 builds them.
  await rebuildReportFacts(db);
}

describe("relations between published figures", () => {
  let t: TestDatabase;
  let policyId: number;
  beforeAll(async () => {
    t = await createTestDatabase(new Date("2026-06-01T12:00:00Z"));
    policyId = (await t.db.selectFrom("policies").select("id").where("area_slug", "=", AREA).executeTakeFirstOrThrow())
      .id;
  });
  afterAll(() => t.cleanup());

  it("each declared relation holds for random case histories", async () => {
    const used = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { maxLength: 20 }), async (cases) => {
        await writeHistory(t.db, cases, policyId);
        const cells = cellsOf(await computeQuarterFigures(t.db, period, iso(END)));
        for (const eq of equationsOf(cells.keys())) {
          const parts = eq.parts.reduce((s, p) => s + (cells.get(p) ?? 0), 0);
          expect(`${eq.parts.join(" + ") || "0"} = ${eq.total}: ${parts}`).toBe(
            `${eq.parts.join(" + ") || "0"} = ${eq.total}: ${cells.get(eq.total) ?? 0}`,
          );
          if (parts > 0) used.add(eq.total);
        }
      }),
      { numRuns: 40 },
    );
    // The histories reach every relation with non-zero counts, so none holds only as 0 = 0.
    expect(RELATIONS.length).toBeGreaterThan(0);
    for (const total of [
      "received",
      "referredOut",
      "decided",
      "escalations",
      "recourse",
      "providerStage.movedOn",
      "providerStage.byReason|client_not_satisfied",
    ])
      expect(used).toContain(total);
  });
});
