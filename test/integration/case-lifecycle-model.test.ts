import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessMsBetween, isClosingOfBusinessDay } from "../../app/domain/business-calendar";
import { isOutstanding, nextDueAt, type Clock } from "../../app/domain/case-clocks";
import { DEFAULT_PROVIDER_STAGE } from "../../app/domain/provider-stage";
import { complaintForRespondent, performProviderStageAction } from "../../app/services/provider-stage.server";
import { insertPolicyVersion } from "../../db/repositories/policies";
import { isFinished, mayEscalate } from "../../app/domain/case-lifecycle";
import { recourseDeadline } from "../../app/domain/escalation";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import { localTimeOf } from "../../app/domain/time-zone";
import type { SessionUser } from "../../app/services/auth.server";
import { filerCaseView } from "../../app/services/case-lookup.server";
import { staffQueue } from "../../app/services/case-queue.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { sweepClocks } from "../../app/services/clock-sweep.server";
import { performFilerAction, type FilerCommand } from "../../app/services/filer-actions.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { recordComplaintOnBehalf } from "../../app/services/intake.server";
import { fileProviderDispute, providerDisputeAction } from "../../app/services/provider-disputes.server";
import { performStaffAction, type StaffCommand } from "../../app/services/staff-actions.server";
import { insertUser } from "../../db/repositories/users";
import { fiscalQuarterOf, formatQuarterId } from "../../app/domain/fiscal-quarter";
import { periodOf, REPORTING_TIME_ZONE } from "../../app/services/quarter-reports.server";
import { computeQuarterFigures, computeQuarterFiguresFromHistory } from "../../db/repositories/report-figures";
import { createProvider, createStaff, sampleComplaint } from "../fixtures/people";
import { bruteForce, type EventType, type GenCase } from "../fixtures/report-brute-force";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #13's model-based test: random lives of cases — filed by every channel, acted on by staff,
// managers, filers and providers, paused, escalated, reopened, swept at random times over months
// across holidays and DST changes — on a real database (SQLite here, PostgreSQL in `npm run
// test:pg`). After every step the database must satisfy the lifecycle's invariants. The run count
// is fixed and sized to take well under a minute on this machine; the time taken is printed.

const AREA = "hamilton-niagara";
const cal = DEFAULT_POLICY.calendar;
const DAY_MS = (cal.closesAtMinutes - cal.opensAtMinutes) * 60_000;
let t: TestDatabase;
let staff: SessionUser;
let manager: SessionUser;
let providerUser: SessionUser;
let providerId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: AREA });
  manager = await createStaff(t.db, { areaSlug: AREA, role: "ssm_manager" });
  providerId = await createProvider(t.db, AREA, "Model Provider");
  // Staff decide per case, and check each answer first: every step of the provider stage is reachable.
  await insertPolicyVersion(t.db, {
    areaSlug: AREA,
    effectiveFrom: "2026-01-01",
    policy: {
      ...DEFAULT_POLICY,
      providerStage: { ...DEFAULT_PROVIDER_STAGE, referral: "per_case", staffCheck: true },
    },
    createdBy: null,
    now: new Date().toISOString(),
  });
  const email = "provider@model.test";
  const id = await insertUser(t.db, {
    email,
    display_name: "Provider",
    password_hash: "x",
    role: "provider_user",
    organization_id: providerId,
    language: "en",
    disabled_at: null,
    created_at: new Date().toISOString(),
  });
  providerUser = {
    id,
    email,
    display_name: "Provider",
    role: "provider_user",
    organization_id: providerId,
    language: "en",
  };
});
afterAll(async () => t.cleanup());

type Channel = "web" | "phone" | "in_person" | "mail" | "email" | "provider_portal";
type Step =
  | { kind: "file"; channel: Channel; receivedHoursAgo: number }
  /** The provider stage (#17): staff refer, release or step in; the provider answers; the client reviews. */
  | { kind: "stage"; commands: StageCommand[]; target: number }
  | { kind: "staff"; command: StaffCommand; asManager: boolean; target: number }
  | { kind: "filer"; command: FilerCommand; target: number }
  | { kind: "sweep" };

const staffCommand: fc.Arbitrary<StaffCommand> = fc.constantFrom<StaffCommand>(
  { action: "take" },
  { action: "acknowledge" },
  { action: "reply", message: "We are looking into it." },
  { action: "note", message: "Called the provider." },
  { action: "request_info", message: "Which office?" },
  { action: "resume", reason: "Enough to go on." },
  { action: "decide", outcome: "partly_upheld", reasons: "Reasons.", panel: "A. Chair, B. Member, C. Member" },
  { action: "escalate", reason: "Needs a formal review." },
  { action: "close" },
  { action: "reopen", reason: "New facts." },
);
const filerCommand: fc.Arbitrary<FilerCommand> = fc.constantFrom<FilerCommand>(
  { action: "add_information", message: "Here it is." },
  { action: "request_recourse", reasons: "I disagree." },
  { action: "withdraw" },
);
type StageCommand = Parameters<typeof performProviderStageAction>[0]["command"];
const stageCommand: fc.Arbitrary<StageCommand> = fc.constantFrom<StageCommand>(
  { by: "staff", action: "refer" },
  { by: "staff", action: "release_answer" },
  { by: "staff", action: "step_in", reason: "The SSM takes it back." },
  { by: "provider", action: "answer", answer: "We are sorry.", proposedResolution: "A new appointment." },
  { by: "client", action: "accept" },
  { by: "client", action: "refuse", reasons: "Not enough." },
);
// The stage's steps in the order they can happen, cut off anywhere, and a random one after them.
const STAGE_ORDER: StageCommand[] = [
  { by: "staff", action: "refer" },
  { by: "provider", action: "answer", answer: "We are sorry.", proposedResolution: "A new appointment." },
  { by: "staff", action: "release_answer" },
];
const stageCommands: fc.Arbitrary<StageCommand[]> = fc
  .record({ depth: fc.integer({ min: 0, max: 3 }), then: fc.option(stageCommand, { nil: undefined }) })
  .map(({ depth, then }) => [...STAGE_ORDER.slice(0, depth), ...(then ? [then] : [])]);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("stage" as const), commands: stageCommands, target: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("file" as const),
      channel: fc.constantFrom<Channel>("web", "phone", "in_person", "mail", "email", "provider_portal"),
      receivedHoursAgo: fc.integer({ min: 0, max: 72 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("staff" as const),
      command: staffCommand,
      asManager: fc.boolean(),
      target: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("filer" as const), command: filerCommand, target: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ kind: "sweep" as const }) },
);
// Starts near the moments that break calendars: DST changes, Christmas and New Year, Canada Day,
// a quarter's last evening; then time moves by minutes to weeks between steps.
const START_DAYS = ["2026-03-05", "2026-06-26", "2026-09-28", "2026-10-29", "2026-12-21", "2027-03-11"];
const life = fc.record({
  start: fc.constantFrom(...START_DAYS),
  startMinutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  steps: fc.array(
    fc.record({
      step,
      advanceMinutes: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 600, max: 30 * 24 * 60 })),
    }),
    { minLength: 1, maxLength: 18 },
  ),
});

interface Filed {
  caseId: number;
  reference: string;
  provider: boolean;
  level: number;
}

function localInput(at: Date): string {
  const { date, minutes } = localTimeOf(at, cal.timeZone);
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

async function file(s: Extract<Step, { kind: "file" }>, now: Date): Promise<Filed | null> {
  const provider = s.channel === "provider_portal";
  const result = provider
    ? await fileProviderDispute({
        db: t.db,
        user: providerUser,
        dispute: {
          area: AREA,
          category: "referrals",
          description: "Referrals stopped.",
          outcomeWanted: "Resume them.",
        },
        now,
      })
    : s.channel === "web"
      ? await fileClientComplaint({
          db: t.db,
          // About the model provider, so the provider stage applies; consent at random.
          complaint: sampleComplaint({
            area: AREA,
            provider: String(providerId),
            shareIdentity: s.receivedHoursAgo % 2 ? "yes" : "no",
          }),
          now,
        })
      : await recordComplaintOnBehalf({
          db: t.db,
          user: staff,
          complaint: sampleComplaint(),
          extras: {
            channel: s.channel as Exclude<Channel, "web" | "provider_portal">,
            receivedAt: localInput(new Date(now.getTime() - s.receivedHoursAgo * 3_600_000)),
          },
          now,
        });
  if (!result || result.kind !== "filed") throw new Error(`filing by ${s.channel} failed: ${JSON.stringify(result)}`);
  return { caseId: result.caseId, reference: result.reference, provider, level: 1 };
}

async function act(s: Step, cases: Filed[], now: Date): Promise<void> {
  if (s.kind === "sweep") {
    await sweepClocks({ db: t.db, now });
    return;
  }
  if (s.kind === "file") {
    const filed = await file(s, now);
    if (filed) cases.push(filed);
    return;
  }
  const target = cases[s.target % cases.length];
  if (!target) return;
  if (s.kind === "stage") {
    if (target.provider) return;
    for (const command of s.commands) {
      const version = (await staffCaseView({ db: t.db, user: staff, reference: target.reference, now }))!.case.version;
      const acting =
        command.by === "staff"
          ? { kind: "staff" as const, user: staff, reference: target.reference, expectedVersion: version }
          : command.by === "provider"
            ? { kind: "provider" as const, user: providerUser, reference: target.reference }
            : { kind: "client" as const, caseId: target.caseId };
      await performProviderStageAction({ db: t.db, acting, command, now });
    }
    return;
  }
  if (s.kind === "staff") {
    const user = s.asManager ? manager : staff;
    const view = await staffCaseView({ db: t.db, user, reference: target.reference, now });
    await performStaffAction({
      db: t.db,
      user,
      reference: target.reference,
      expectedVersion: view!.case.version,
      command: s.command,
      now,
    });
  } else if (target.provider) {
    await providerDisputeAction({ db: t.db, user: providerUser, reference: target.reference, command: s.command, now });
  } else {
    await performFilerAction({ db: t.db, caseId: target.caseId, command: s.command, now });
  }
}

type ClockRow = Awaited<ReturnType<typeof clockRows>>[number];
function clockRows(caseIds: number[]) {
  return t.db.selectFrom("case_clocks").selectAll().where("case_id", "in", caseIds).orderBy("id").execute();
}
const asClock = (k: ClockRow): Clock => ({
  kind: k.kind,
  level: k.level,
  startedAt: k.started_at,
  dueAt: k.due_at,
  state: k.state,
  pausedAt: k.paused_at,
  pausedBusinessMs: Number(k.paused_business_ms),
  metAt: k.met_at,
  breachedAt: k.breached_at,
});
const endedShape = (k: ClockRow) => [
  k.id,
  k.kind,
  k.level,
  k.started_at,
  k.due_at,
  k.met_at,
  k.breached_at,
  k.taken_business_days,
];

async function checkInvariants(cases: Filed[], now: Date, before: ClockRow[]): Promise<void> {
  if (cases.length === 0) return;
  const clocks = await clockRows(cases.map((c) => c.caseId));
  for (const filed of cases) {
    const row = await t.db.selectFrom("cases").selectAll().where("id", "=", filed.caseId).executeTakeFirstOrThrow();
    const own = clocks.filter((k) => k.case_id === filed.caseId);
    const ctx = `${row.reference} ${row.status} level ${row.level} at ${now.toISOString()}`;

    // A finished case owes nothing and is never overdue.
    const next = nextDueAt(own.map(asClock));
    if (isFinished(row.status)) {
      expect(
        own.filter((k) => isOutstanding(asClock(k))),
        ctx,
      ).toEqual([]);
      expect(row.next_due_at, ctx).toBeNull();
    }
    // The queue's overdue mark agrees with the clocks.
    expect(row.next_due_at, ctx).toBe(next);
    const queued = (await staffQueue({ db: t.db, user: staff, filters: { q: row.reference }, now }))!.rows.find(
      (r) => r.reference === row.reference,
    );
    expect(queued?.overdue, ctx).toBe(next !== null && Date.parse(next) < now.getTime());

    // Inside the recourse window after a decision, the filer can ask for a review.
    if (
      row.decided_at &&
      (row.status === "decided" || row.status === "closed") &&
      mayEscalate(DEFAULT_POLICY, row.level)
    ) {
      const deadline = recourseDeadline(DEFAULT_POLICY, new Date(row.decided_at));
      expect(row.recourse_deadline_at, ctx).toBe(deadline.toISOString());
      if (now <= deadline)
        expect((await filerCaseView({ db: t.db, caseId: row.id, now }))?.canAskRecourse, ctx).toBe(true);
    }

    // The provider stage (#17): only at level 1, with exactly one open stage clock while the
    // provider or the client owes something and none while staff check the answer or after.
    const stageOpen = own.filter(
      (k) =>
        (k.kind === "provider_response" || k.kind === "client_review") &&
        (k.state === "running" || k.state === "paused"),
    );
    if (row.status === "with_provider") {
      expect(row.level, ctx).toBe(1);
      expect(stageOpen.length, ctx).toBeLessThanOrEqual(1);
    } else expect(stageOpen, ctx).toEqual([]);
    // A provider never sees an identity the client did not share; never a complaint not referred to it.
    if (row.kind === "client_complaint") {
      const seen = await complaintForRespondent({ db: t.db, user: providerUser, reference: row.reference, now });
      expect(seen !== null, ctx).toBe(row.provider_referred_at !== null);
      if (seen && row.identity_shared === 0) {
        const text = JSON.stringify(seen);
        expect(text.includes(row.filer_name) || (row.filer_email !== null && text.includes(row.filer_email)), ctx).toBe(
          false,
        );
      }
    }

    // The level never exceeds 4 and never goes down.
    expect(row.level, ctx).toBeLessThanOrEqual(4);
    expect(row.level, ctx).toBeGreaterThanOrEqual(filed.level);
    filed.level = row.level;

    for (const k of own) {
      // Every due time falls at closing on a business day; a breach is dated at its deadline.
      expect(isClosingOfBusinessDay(new Date(k.due_at), cal), `${ctx} ${k.kind} due ${k.due_at}`).toBe(true);
      if (k.breached_at) expect(k.breached_at, ctx).toBe(k.due_at);
      // Business days taken never exceed business days elapsed.
      if (k.met_at && k.taken_business_days !== null) {
        expect(k.taken_business_days * DAY_MS, ctx).toBeLessThanOrEqual(
          businessMsBetween(new Date(k.started_at), new Date(k.met_at), cal) + 1,
        );
      }
    }
  }
  // Earlier ended clocks are kept as they were; a clock started again starts at this step's moment.
  for (const old of before.filter((k) => k.met_at)) {
    expect(endedShape(clocks.find((k) => k.id === old.id)!)).toEqual(endedShape(old));
  }
  const knownCases = new Set(before.map((k) => k.case_id));
  for (const k of clocks.filter((k) => knownCases.has(k.case_id) && !before.some((b) => b.id === k.id))) {
    expect(k.started_at, `new ${k.kind} clock of level ${k.level}`).toBe(now.toISOString());
  }
}

const REPORTED_EVENTS: readonly string[] = [
  "decided",
  "closed",
  "withdrawn",
  "referred_to_ministry",
  "reopened",
  "escalated",
  "recourse_requested",
  "deadline_extended",
  // The provider stage (#17): what its report figures are counted from.
  "referred_to_provider",
  "client_accepted_answer",
  "client_no_reply",
  "provider_stage_taken_over",
  "internal_note",
];

/** Every case of the area as the brute-force report computation reads histories. */
async function historiesOfArea(): Promise<GenCase[]> {
  const rows = await t.db.selectFrom("cases").selectAll().where("area_slug", "=", AREA).orderBy("id").execute();
  const events = await t.db
    .selectFrom("case_events as e")
    .innerJoin("cases as c", "c.id", "e.case_id")
    .selectAll("e")
    .where("c.area_slug", "=", AREA)
    .orderBy("e.id")
    .execute();
  const clocks = await t.db
    .selectFrom("case_clocks as k")
    .innerJoin("cases as c", "c.id", "k.case_id")
    .selectAll("k")
    .where("c.area_slug", "=", AREA)
    .orderBy("k.id")
    .execute();
  return rows.map((c) => ({
    area: c.area_slug,
    received: Date.parse(c.received_at),
    kind: c.kind,
    channel: c.channel,
    program: c.program,
    category: c.category,
    provider: c.respondent_org_id,
    groups: c.self_identification_json ? JSON.parse(c.self_identification_json) : {},
    referredOut: c.status === "referred_out",
    events: events
      .filter((e) => e.case_id === c.id && REPORTED_EVENTS.includes(e.type))
      .map((e) => {
        const data = e.data_json ? (JSON.parse(e.data_json) as Record<string, string>) : {};
        return {
          type: e.type as EventType,
          at: Date.parse(e.created_at),
          level: e.level,
          outcome: data.outcome ?? "",
          cause: data.cause ?? "",
        };
      }),
    clocks: clocks
      .filter((k) => k.case_id === c.id)
      .map((k) => ({
        kind: k.kind,
        level: k.level,
        due: Date.parse(k.due_at),
        met: k.met_at ? Date.parse(k.met_at) : null,
        breached: k.breached_at ? Date.parse(k.breached_at) : null,
        taken: k.taken_business_days,
        paused: k.paused_business_days,
      })),
  }));
}

/** The report's figures for the quarter of `at` equal the brute-force computation over every life so far. */
async function checkReportFigures(at: Date): Promise<void> {
  const period = periodOf(AREA, formatQuarterId(fiscalQuarterOf(at, REPORTING_TIME_ZONE)))!;
  const organizations = await t.db.selectFrom("organizations").select(["id", "name_en", "name_fr"]).execute();
  const names = new Map(organizations.map((o) => [o.id, { en: o.name_en, fr: o.name_fr }]));
  const responses = (await t.db.selectFrom("survey_responses").selectAll().execute()).map((r) => ({
    area: r.area_slug,
    quarter: r.quarter,
    clear: r.clear,
    fair: r.fair,
    timely: r.timely,
  }));
  // The figures read from the facts kept with each change (issue #21), and the same computed afresh.
  const { computedAt: _, satisfaction, ...figures } = await computeQuarterFigures(t.db, period, period.end);
  const {
    computedAt: __,
    satisfaction: ___,
    ...fresh
  } = await computeQuarterFiguresFromHistory(t.db, period, period.end);
  const { satisfaction: expectedSatisfaction, ...expected } = bruteForce(
    await historiesOfArea(),
    responses,
    names,
    period,
  );
  // Days paused are sums of fractions: the database may add them in another order.
  const rounded = (f: typeof figures) => ({
    ...f,
    clocks: f.clocks.map((k) => ({ ...k, pausedDays: Math.round(k.pausedDays * 1e6) / 1e6 })),
  });
  expect(rounded(figures), period.quarter).toEqual(rounded(expected));
  expect(rounded(figures), `${period.quarter}, maintained against fresh`).toEqual(rounded(fresh));
  expect(satisfaction.responses).toBe(expectedSatisfaction.responses);
}

describe("whole lives of cases, driven through the services", () => {
  it("keep the lifecycle's invariants after every step", async () => {
    const began = Date.now();
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(life, async ({ start, startMinutes, steps: planned }) => {
        const cases: Filed[] = [];
        let now = new Date(Date.parse(`${start}T05:00:00Z`) + startMinutes * 60_000);
        cases.push((await file({ kind: "file", channel: "web", receivedHoursAgo: 0 }, now))!);
        for (const { step: s, advanceMinutes } of planned) {
          now = new Date(now.getTime() + advanceMinutes * 60_000);
          const before = await clockRows(cases.map((c) => c.caseId));
          await act(s, cases, now);
          steps++;
          await checkInvariants(cases, now, before);
        }
        // The report figures' brute-force check runs over these lives too.
        await checkReportFigures(now);
      }),
      // Sized for about half a minute on SQLite and under a minute on PostgreSQL on this busy machine.
      { numRuns: 45 },
    );
    console.log(`lifecycle model: ${steps} steps in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  }, 240_000);
});
