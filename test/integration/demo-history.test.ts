import type { ProviderStagePolicy } from "../../app/domain/provider-stage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  businessDaysTouched,
  businessMsBetween,
  dueAt,
  isClosingOfBusinessDay,
  moveDueByBusinessDays,
  type BusinessCalendar,
} from "../../app/domain/business-calendar";
import { nextDueAt, type Clock, type ClockExtension, type ClockPause } from "../../app/domain/case-clocks";
import { parseQuarterId, quarterBounds } from "../../app/domain/fiscal-quarter";
import { decisionDaysAt, type DisputePolicy } from "../../app/domain/policy";
import { fileClientComplaint } from "../../app/services/filing.server";
import {
  figuresOf,
  lastClosedQuarterId,
  liveFigures,
  quartersEndingWith,
} from "../../app/services/quarter-reports.server";
import { listCasesFiledByOrganization } from "../../db/repositories/cases";
import type { CaseClockRow, CaseEventRow, CaseRow } from "../../db/schema";
import { CATCHMENT_AREAS } from "../../db/seed/catchment-areas";
import { DEMO_USERS, seedDemoData } from "../../scripts/seed/demo-data";
import { sampleComplaint } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// The demo's year of history behind the live cases: what `npm start` seeds so the report screens
// have figures above suppression, trends, a missing report and an amendment to show.

const NOW = new Date("2026-12-02T15:00:00Z");
const QUARTERS = ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"];
const UNSUBMITTED = ["hamilton-niagara", "northeast", "toronto"];

let t: TestDatabase;
let cases: CaseRow[];
let eventsByCase: Map<number, CaseEventRow[]>;

beforeAll(async () => {
  t = await createTestDatabase(NOW);
  const started = performance.now();
  await seedDemoData(t.db, NOW);
  console.log(`seedDemoData with history: ${Math.round(performance.now() - started)} ms`);
  cases = await t.db.selectFrom("cases").selectAll().orderBy("id").execute();
  eventsByCase = new Map();
  for (const e of await t.db.selectFrom("case_events").selectAll().orderBy("id").execute()) {
    eventsByCase.set(e.case_id, [...(eventsByCase.get(e.case_id) ?? []), e]);
  }
});
afterAll(async () => t.cleanup());

async function reportsOf(areaSlug: string) {
  return t.db
    .selectFrom("quarter_reports as r")
    .innerJoin("users as u", "u.id", "r.submitted_by")
    .selectAll("r")
    .select("u.email")
    .where("r.area_slug", "=", areaSlug)
    .orderBy("r.quarter")
    .orderBy("r.version")
    .execute();
}

describe("demo history", () => {
  it("gives every SSM a manager, the logins README lists, with Hamilton's first", () => {
    expect(DEMO_USERS[0]!.email).toBe("manager@hamilton-niagara.example.org");
    for (const area of CATCHMENT_AREAS) {
      const manager = DEMO_USERS.filter((u) => u.email === `manager@${area.slug}.example.org`);
      expect(manager, area.slug).toHaveLength(1);
      expect(manager[0]).toMatchObject({
        role: "ssm_manager",
        language: area.slug === "ottawa" || area.slug === "northeast" ? "fr" : "en",
      });
    }
  });

  it("has reports for the four closed quarters from every SSM, by its manager, except three for the last", async () => {
    expect(quartersEndingWith(lastClosedQuarterId(NOW), 4)).toEqual(QUARTERS);
    for (const area of CATCHMENT_AREAS) {
      const reports = await reportsOf(area.slug);
      const expected = UNSUBMITTED.includes(area.slug) ? QUARTERS.slice(0, 3) : QUARTERS;
      expect([...new Set(reports.map((r) => r.quarter))], area.slug).toEqual(expected);
      for (const r of reports) {
        expect(r.email).toBe(`manager@${area.slug}.example.org`);
        expect(r.submitted_at <= NOW.toISOString()).toBe(true);
        expect(r.actions_taken.length).toBeGreaterThan(20);
        expect(figuresOf(r).received.total).toBeGreaterThanOrEqual(8);
      }
      if (area.slug === "ottawa") expect(reports[0]!.actions_taken).toMatch(/[éè]/);
    }
    const v1 = await t.db
      .selectFrom("quarter_reports")
      .select(["quarter", "submitted_at"])
      .where("version", "=", 1)
      .execute();
    for (const r of v1) {
      // Submitted 10 to 28 days after the quarter, within the 30 days allowed.
      const { end } = quarterBounds(parseQuarterId(r.quarter)!, "America/Toronto");
      const days = (Date.parse(r.submitted_at) - end.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(9);
      expect(days).toBeLessThan(31);
    }
  });

  it("amends Kingston's report for the quarter before the last: version 2 counts a letter recorded late", async () => {
    const versions = (await reportsOf("kingston-pembroke")).filter((r) => r.quarter === "2026-Q1");
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const [v1, v2] = versions as [(typeof versions)[0], (typeof versions)[0]];
    expect(v1.amendment_reason).toBeNull();
    expect(v2.amendment_reason).toMatch(/recorded on .+ after our first submission/);
    expect(v2.actions_taken).not.toBe(v1.actions_taken);
    expect(figuresOf(v2).received.total).toBe(figuresOf(v1).received.total + 1);
    expect(figuresOf(v2).received.byChannel.find((c) => c.key === "mail")?.count ?? 0).toBe(
      (figuresOf(v1).received.byChannel.find((c) => c.key === "mail")?.count ?? 0) + 1,
    );
    const late = cases.find(
      (c) =>
        c.area_slug === "kingston-pembroke" &&
        c.channel === "mail" &&
        c.created_at > v1.submitted_at &&
        c.received_at < "2026-07-01",
    );
    expect(late).toBeDefined();
  });

  it("gives Hamilton's last closed quarter figures above suppression, for the demo manager to submit", async () => {
    const figures = await liveFigures(t.db, "hamilton-niagara", "2026-Q2", NOW);
    expect(figures.received.total).toBeGreaterThanOrEqual(12);
    expect(figures.decided.total).toBeGreaterThanOrEqual(5);
    expect(figures.clocks.some((c) => c.medianDays !== null)).toBe(true);
    expect(figures.clocks.find((c) => c.kind === "decision" && c.level === 1)!.ended).toBeGreaterThanOrEqual(5);
    for (const quarter of QUARTERS) {
      const f = await liveFigures(t.db, "hamilton-niagara", quarter, NOW);
      expect(f.openAtEnd, quarter).toBeGreaterThan(0);
      expect(f.carriedOver, quarter).toBeGreaterThan(0);
      expect(f.satisfaction.responses, quarter).toBeGreaterThan(0);
    }
  });

  it("shows every kind of escalation, referrals to the ministry and small SSMs whose cells are suppressed", async () => {
    const escalations = cases.flatMap((c) =>
      (eventsByCase.get(c.id) ?? []).filter((e) => e.type === "escalated").map((e) => JSON.parse(e.data_json!).cause),
    );
    expect(new Set(escalations)).toEqual(new Set(["breach", "recourse", "manual"]));
    const referred = cases.filter((c) => c.status === "referred_to_ministry");
    expect(referred.length).toBeGreaterThanOrEqual(4);
    expect(referred.every((c) => c.level === 4)).toBe(true);
    const totals = (await t.db.selectFrom("quarter_reports").select("figures_json").execute()).map(
      (r) => figuresOf(r).received.total,
    );
    expect(Math.min(...totals)).toBeLessThanOrEqual(12);
    expect(Math.max(...totals)).toBeLessThanOrEqual(40);
    expect(cases.filter((c) => c.status === "referred_out").length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.language === "fr").length / cases.length).toBeGreaterThan(0.1);
  });

  it("dates nothing after now", async () => {
    const now = NOW.toISOString();
    for (const c of cases) {
      for (const at of [c.received_at, c.created_at, c.updated_at, c.decided_at, c.closed_at])
        if (at) expect(at <= now, c.reference).toBe(true);
      for (const e of eventsByCase.get(c.id) ?? []) expect(e.created_at <= now, `${c.reference} ${e.type}`).toBe(true);
    }
    const clocks = await t.db.selectFrom("case_clocks").selectAll().execute();
    for (const k of clocks)
      for (const at of [k.started_at, k.met_at, k.breached_at]) if (at) expect(at <= now).toBe(true);
  });

  it("keeps each case's status, level, decision and closing in step with its timeline", async () => {
    const clocks = await t.db.selectFrom("case_clocks").selectAll().orderBy("id").execute();
    for (const c of cases) {
      const events = eventsByCase.get(c.id) ?? [];
      expect(events[0]?.type, c.reference).toBe("filed");
      const times = events.map((e) => e.created_at);
      expect(times, `${c.reference}: events in time order`).toEqual([...times].sort());
      expect({ reference: c.reference, ...replay(events) }).toEqual({
        reference: c.reference,
        status: c.status,
        level: c.level,
        decidedAt: c.decided_at,
        outcome: c.outcome,
        closedAt: c.closed_at,
      });
      expect(c.next_due_at, c.reference).toBe(nextDueAt(clocks.filter((k) => k.case_id === c.id).map(asClock)));
    }
  });

  it("times every clock as the engine's business calendar does", async () => {
    const policies = new Map((await t.db.selectFrom("policies").selectAll().execute()).map((p) => [p.id, p]));
    const policyOfCase = new Map(cases.map((c) => [c.id, policies.get(c.policy_id)!]));
    const statusOfCase = new Map(cases.map((c) => [c.id, c.status]));
    const clocks = await t.db.selectFrom("case_clocks").selectAll().execute();
    expect(clocks.length).toBeGreaterThan(3000);
    for (const k of clocks) {
      const row = policyOfCase.get(k.case_id)!;
      const cal = JSON.parse(row.calendar_json) as BusinessCalendar;
      const policy = {
        acknowledgeDays: row.acknowledge_days,
        firstResponseDays: row.first_response_days,
        levels: JSON.parse(row.levels_json),
      } as DisputePolicy;
      const stage = row.provider_stage_json ? (JSON.parse(row.provider_stage_json) as ProviderStagePolicy) : null;
      const days =
        k.kind === "acknowledge"
          ? policy.acknowledgeDays
          : k.kind === "first_response"
            ? policy.firstResponseDays
            : k.kind === "provider_response"
              ? stage!.responseDays
              : k.kind === "client_review"
                ? stage!.reviewWindowDays
                : decisionDaysAt(policy, k.level)!;
      // The pause rule: each pause moved the deadline by the whole business days it touched.
      const pauses = k.pauses_json ? (JSON.parse(k.pauses_json) as ClockPause[]) : [];
      for (const p of pauses)
        expect(p.businessDays, `clock ${k.id}`).toBe(
          businessDaysTouched(new Date(p.pausedAt), new Date(p.resumedAt), cal),
        );
      // An extension (issue #17) moved it by its business days too.
      const extension = k.extension_json ? (JSON.parse(k.extension_json) as ClockExtension) : null;
      const moved = pauses.reduce((n, p) => n + p.businessDays, 0) + (extension?.businessDays ?? 0);
      const due = moveDueByBusinessDays(dueAt(new Date(k.started_at), days, cal), moved, cal);
      expect(k.due_at, `clock ${k.id}`).toBe(due.toISOString());
      expect(isClosingOfBusinessDay(due, cal), `clock ${k.id}`).toBe(true);
      // A breach is dated at its deadline; a finished case owes nothing.
      if (k.breached_at) expect(k.breached_at, `clock ${k.id}`).toBe(k.due_at);
      if (["closed", "withdrawn", "referred_out", "referred_to_ministry"].includes(statusOfCase.get(k.case_id)!)) {
        expect(
          k.state === "running" ||
            k.state === "paused" ||
            (k.state === "breached" && !k.met_at && k.kind !== "decision"),
          `clock ${k.id}`,
        ).toBe(false);
      }
      if (k.met_at) {
        const dayMs = (cal.closesAtMinutes - cal.opensAtMinutes) * 60_000;
        const gross = businessMsBetween(new Date(k.started_at), new Date(k.met_at), cal);
        expect(k.taken_business_days, `clock ${k.id}`).toBeCloseTo(
          Math.max(0, gross - k.paused_business_ms) / dayMs,
          9,
        );
        expect(k.paused_business_days, `clock ${k.id}`).toBeCloseTo(k.paused_business_ms / dayMs, 9);
      }
    }
  });

  it("allocates unique references, and a filing after the seed gets the next one", async () => {
    expect(new Set(cases.map((c) => c.reference)).size).toBe(cases.length);
    const highest = Math.max(
      ...cases.filter((c) => c.reference.startsWith("HAM-2026-")).map((c) => Number(c.reference.slice(-6))),
    );
    expect(highest).toBeGreaterThan(100);
    const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: NOW });
    expect(filed.kind).toBe("filed");
    if (filed.kind === "filed") expect(filed.reference).toBe(`HAM-2026-${String(highest + 1).padStart(6, "0")}`);
  });

  it("leaves the demo provider's list and the queue's name search as the demo shows them", async () => {
    const provider = await t.db
      .selectFrom("users")
      .select("organization_id")
      .where("email", "=", "provider@hamilton-niagara.example.org")
      .executeTakeFirstOrThrow();
    expect(await listCasesFiledByOrganization(t.db, provider.organization_id, 200)).toHaveLength(2);
    // Searching the queue for a filer's name (a substring match) finds that person's cases only.
    const names = [...new Set(cases.map((c) => c.filer_name.toLowerCase()))];
    const clashes = names.flatMap((a) =>
      names.filter((b) => b !== a && b.includes(a)).map((b) => `"${b}" contains "${a}"`),
    );
    expect(clashes).toEqual([]);
  });

  it("assigns open cases as an SSM's staff would: most to its people, new ones not yet (#19)", async () => {
    const FINISHED = ["closed", "withdrawn", "referred_out", "referred_to_ministry"];
    const users = await t.db.selectFrom("users").select(["id", "organization_id", "role"]).execute();
    const ssms = await t.db.selectFrom("organizations").select(["id", "area_slug"]).where("kind", "=", "ssm").execute();
    for (const area of ["hamilton-niagara", "toronto", "ottawa"]) {
      const open = cases.filter((c) => c.area_slug === area && !FINISHED.includes(c.status));
      const assigned = open.filter((c) => c.assignee_id !== null);
      expect(assigned.length / open.length, area).toBeGreaterThan(0.6);
      // Only people of the case's own SSM, staff or its manager, hold its cases.
      const ssm = ssms.find((o) => o.area_slug === area)!;
      for (const c of assigned) {
        const holder = users.find((u) => u.id === c.assignee_id)!;
        expect(holder.organization_id, c.reference).toBe(ssm.id);
        expect(["ssm_staff", "ssm_manager"]).toContain(holder.role);
      }
      // What nobody has picked up yet is what has just come in.
      const waiting = open.filter((c) => c.assignee_id === null);
      expect(waiting.length, area).toBeGreaterThan(0);
      expect(
        waiting.every((c) => c.status === "received" || c.status === "with_provider"),
        area,
      ).toBe(true);
    }
  });

  it("writes the same history for the same day", async () => {
    const again = await createTestDatabase(NOW);
    try {
      await seedDemoData(again.db, NOW);
      const digest = async (db: TestDatabase["db"]) => ({
        cases: await db
          .selectFrom("cases")
          .select(["reference", "status", "level", "received_at", "decided_at", "closed_at", "filer_name"])
          .where("received_at", "<", "2026-10-01")
          .orderBy("id")
          .execute(),
        events: await db
          .selectFrom("case_events as e")
          .innerJoin("cases as c", "c.id", "e.case_id")
          .select(["c.reference", "e.type", "e.created_at"])
          .where("c.received_at", "<", "2026-10-01")
          .orderBy("e.id")
          .execute(),
        reports: await db
          .selectFrom("quarter_reports")
          .select(["area_slug", "quarter", "version", "submitted_at", "figures_json"])
          .orderBy("id")
          .execute(),
        surveys: await db.selectFrom("survey_responses").selectAll().orderBy("id").execute(),
      });
      const [second, first] = [await digest(again.db), await digest(t.db)];
      // Section by section, first differing row named: the whole digest is too large for a readable diff.
      for (const section of ["cases", "events", "reports", "surveys"] as const) {
        expect(second[section].length, section).toBe(first[section].length);
        const at = second[section].findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(first[section][i]));
        expect(at === -1 ? null : { section, at, second: second[section][at] }).toEqual(
          at === -1 ? null : { section, at, second: first[section][at] },
        );
      }
    } finally {
      await again.cleanup();
    }
  });
});

/** What the timeline says the case's status and dates are, event by event, as the services change them. */
function replay(events: readonly CaseEventRow[]) {
  const s = {
    status: "received" as string,
    level: 1,
    decidedAt: null as string | null,
    outcome: null as string | null,
    closedAt: null as string | null,
  };
  for (const e of events) {
    const data = e.data_json ? (JSON.parse(e.data_json) as Record<string, unknown>) : {};
    switch (e.type) {
      case "acknowledged":
        if (s.status === "received") s.status = "acknowledged";
        break;
      // The provider stage (#17).
      case "referred_to_provider":
        s.status = "with_provider";
        break;
      case "provider_stage_taken_over":
        s.status = "in_review";
        break;
      case "client_accepted_answer":
        [s.status, s.decidedAt, s.outcome, s.closedAt] = ["closed", e.created_at, "resolved_informally", e.created_at];
        break;
      case "public_reply":
        if (s.status !== "decided" && s.status !== "waiting_for_filer") s.status = "in_review";
        break;
      case "info_requested":
        s.status = "waiting_for_filer";
        break;
      case "clock_resumed":
        s.status = "in_review";
        break;
      case "decided":
        [s.status, s.decidedAt, s.outcome] = ["decided", e.created_at, String(data.outcome)];
        break;
      case "escalated":
        [s.status, s.level] = ["in_review", Number(data.to)];
        break;
      case "reopened":
        [s.status, s.decidedAt, s.outcome, s.closedAt] = ["in_review", null, null, null];
        break;
      case "referred_to_ministry":
        s.status = "referred_to_ministry";
        break;
      case "referred_out":
      case "withdrawn":
      case "closed":
        [s.status, s.closedAt] = [e.type, e.created_at];
        break;
      // A duplicate merged into its original is closed as merged (issue #17).
      case "merged_into":
        [s.status, s.closedAt] = ["closed", e.created_at];
        break;
    }
  }
  return s;
}

function asClock(k: CaseClockRow): Clock {
  return {
    kind: k.kind,
    level: k.level,
    startedAt: k.started_at,
    dueAt: k.due_at,
    state: k.state,
    pausedAt: k.paused_at,
    pausedBusinessMs: k.paused_business_ms,
    metAt: k.met_at,
    breachedAt: k.breached_at,
  };
}
