import type { Insertable, Kysely, Transaction } from "kysely";
import {
  addBusinessMs,
  businessDaysTouched,
  businessMsBetween,
  dueAt,
  isBusinessDay,
  moveDueByBusinessDays,
  type BusinessCalendar,
} from "../../app/domain/business-calendar";
import { nextDueAt, type Clock, type ClockKind } from "../../app/domain/case-clocks";
import { formatCaseReference } from "../../app/domain/case-reference";
import type { DecisionOutcome } from "../../app/domain/case-workflow";
import { CLIENT_GROUPS } from "../../app/domain/client-groups";
import { DISPUTE_CATEGORIES, type DisputeCategory } from "../../app/domain/dispute-input";
import { fiscalQuarterOf, formatQuarterId, parseQuarterId, quarterBounds } from "../../app/domain/fiscal-quarter";
import { breach } from "../../app/domain/case-lifecycle-sweep";
import { filerTransition, type FilerLifecycleCommand } from "../../app/domain/case-lifecycle-filer";
import { staffTransition, type StaffLifecycleCommand } from "../../app/domain/case-lifecycle-staff";
import {
  emptyTransition,
  fileCase,
  panelRequired,
  type LifecycleInput,
  type LifecycleResult,
} from "../../app/domain/case-lifecycle";
import { deliveryAccepted } from "../../app/domain/case-lifecycle-delivery";
import type { DisputePolicy } from "../../app/domain/policy";
import { MINISTRY_RETAINED_PROGRAMS, type InScopeProgram } from "../../app/domain/programs";
import { addDays, instantAt, localDateOf, type IsoDate } from "../../app/domain/time-zone";
import type { SessionUser } from "../../app/services/auth.server";
import {
  lastClosedQuarterId,
  quartersEndingWith,
  REPORTING_TIME_ZONE,
  submitQuarterReport,
} from "../../app/services/quarter-reports.server";
import { generateAccessSecret, hashAccessSecret } from "../../app/utils/access-secret.server";
import { listAreasWithSsm } from "../../db/repositories/areas";
import { nextReferenceSequence } from "../../db/repositories/cases";
import { refreshCaseReportFacts } from "../../db/repositories/report-facts";
import { listPolicyVersions, type StoredPolicy } from "../../db/repositories/policies";
import type {
  ActorKind,
  CaseKind,
  CaseStatus,
  Channel,
  Database,
  EventVisibility,
  Language,
  NewCase,
  SurveyResponseTable,
} from "../../db/schema";
import { CATCHMENT_AREAS } from "../../db/seed/catchment-areas";
import { CASE_TEXTS, NARRATIVES, PEOPLE, type Bilingual } from "./demo-history-texts";

// The bench generator (bench/generate.ts) reuses the exported timeline pieces for its million cases.
// A year of handled cases and submitted quarterly reports behind the live demo cases, so report
// figures rise above suppression and trends have four points. Every timeline is written as the
// engine would have written it (statuses, clocks, events), dated relative to `now`, and the same
// `now` always gives the same history.

/** The three SSMs whose report for the last closed quarter is left to do: Hamilton's is the demo manager's. */
const UNSUBMITTED_LAST_QUARTER = ["hamilton-niagara", "northeast", "toronto"] as const;
/** The SSM that amends its report for the quarter before the last, after recording a late letter. */
const AMENDED_AREA = "kingston-pembroke";
const THRESHOLD = 5; // SUPPRESSION_THRESHOLD's default: only the analysts' emails use it
export const SWEEP_LAG_MS = 75_000; // the sweep runs every minute: a missed deadline is marked just after
const DAY_MS = 86_400_000;

/** Cases received per quarter, the share of first-level decisions made on time and of cases in French, by SSM. */
export const PROFILES: Record<string, { perQuarter: number; onTime: number; french: number }> = {
  toronto: { perQuarter: 38, onTime: 0.84, french: 0.12 },
  "hamilton-niagara": { perQuarter: 32, onTime: 0.91, french: 0.14 },
  ottawa: { perQuarter: 30, onTime: 0.88, french: 0.55 },
  peel: { perQuarter: 27, onTime: 0.86, french: 0.12 },
  york: { perQuarter: 24, onTime: 0.93, french: 0.12 },
  "kitchener-waterloo-barrie": { perQuarter: 22, onTime: 0.9, french: 0.12 },
  durham: { perQuarter: 20, onTime: 0.95, french: 0.15 },
  london: { perQuarter: 18, onTime: 0.91, french: 0.12 },
  "windsor-sarnia": { perQuarter: 17, onTime: 0.87, french: 0.18 },
  halton: { perQuarter: 15, onTime: 0.96, french: 0.12 },
  "muskoka-kawarthas": { perQuarter: 14, onTime: 0.92, french: 0.14 },
  northeast: { perQuarter: 14, onTime: 0.85, french: 0.6 },
  "kingston-pembroke": { perQuarter: 13, onTime: 0.94, french: 0.2 },
  "stratford-bruce": { perQuarter: 10, onTime: 0.97, french: 0.1 },
  northwest: { perQuarter: 9, onTime: 0.89, french: 0.15 },
};
const DEFAULT_PROFILE = { perQuarter: 12, onTime: 0.9, french: 0.15 };

/** mulberry32: a tiny seeded generator, so a fresh demo holds the same history for the same day. */
export class Dice {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  real(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return Math.floor(this.real(lo, hi + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T extends string>(weights: { [K in T]: number }): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [key, w] of entries) if ((r -= w) < 0) return key;
    return entries.at(-1)![0];
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[this.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}

/**
 * One calendar's business days over the span the history covers, for picking random moments of
 * business hours. Every deadline and every span of business time is asked of the canonical calendar
 * (business-calendar.ts), so the demo has no business-day arithmetic of its own; that calendar
 * remembers each day's facts, so asking it for some 1,300 timelines stays fast.
 */
export class BusinessDays {
  private readonly opens: number[] = [];
  private readonly closes: number[] = [];
  private readonly from: number;
  readonly dayMs: number;

  constructor(
    readonly cal: BusinessCalendar,
    from: IsoDate,
    through: IsoDate,
  ) {
    this.from = instantAt(from, 0, cal.timeZone).getTime();
    this.dayMs = (cal.closesAtMinutes - cal.opensAtMinutes) * 60_000;
    for (let day = from; day <= through; day = addDays(day, 1)) {
      if (!isBusinessDay(day, cal)) continue;
      const open = instantAt(day, cal.opensAtMinutes, cal.timeZone).getTime();
      this.opens.push(open);
      this.closes.push(Math.max(open, instantAt(day, cal.closesAtMinutes, cal.timeZone).getTime()));
    }
  }

  private inSpan(t: number): number {
    if (t < this.from) throw new RangeError(`${new Date(t).toISOString()} is before the history's calendar`);
    return t;
  }

  dueAt(start: number, businessDays: number): number {
    return dueAt(new Date(this.inSpan(start)), businessDays, this.cal).getTime();
  }

  msBetween(from: number, to: number): number {
    return businessMsBetween(new Date(from), new Date(to), this.cal);
  }

  addMs(from: number, ms: number): number {
    return addBusinessMs(new Date(this.inSpan(from)), ms, this.cal).getTime();
  }

  /** Business days whose opening hours overlap [from, to): how far a pause moves a deadline. */
  touched(from: number, to: number): number {
    return businessDaysTouched(new Date(from), new Date(to), this.cal);
  }

  moveDue(due: number, businessDays: number): number {
    return moveDueByBusinessDays(new Date(due), businessDays, this.cal).getTime();
  }

  /** `t` plus a random amount of business time between `lo` and `hi` business days, to the second. */
  after(t: number, dice: Dice, lo: number, hi: number): number {
    return this.addMs(t, Math.round((dice.real(lo, hi) * this.dayMs) / 1000) * 1000);
  }

  /** Business days whose opening falls in [start, end). */
  daysWithin(start: number, end: number): number[] {
    return this.opens.flatMap((open, i) => (open >= start && open < end ? [i] : []));
  }

  /** A moment of business hours on the `i`th business day, to the second. */
  momentOn(i: number, dice: Dice): number {
    return this.opens[i]! + Math.floor(dice.real(0, this.closes[i]! - this.opens[i]! - 60_000) / 1000) * 1000;
  }
}

export interface AreaSetup {
  slug: string;
  code: string;
  index: number;
  timeZone: string;
  areaCode: string;
  profile: (typeof PROFILES)[string];
  ssmId: number;
  staffId: number | null;
  manager: SessionUser | null;
  /** Providers serving the area: who complaints are about. */
  providers: { id: number; slug: string; name_en: string; contact_phone: string | null }[];
  /** Providers that raise the history's disputes: none with a demo login, whose list stays as the demo shows it. */
  disputers: { id: number; slug: string; name_en: string; contact_phone: string | null }[];
  policies: StoredPolicy[];
}

type Path = "normal" | "breach" | "manual" | "referral" | "withdrawn";

export interface CasePlan {
  area: AreaSetup;
  receivedAt: number;
  /** When it was entered in Recourse: the receipt, except for a letter recorded late. */
  recordedAt: number;
  kind: CaseKind;
  channel: Channel;
  program: string | null;
  category: DisputeCategory | null;
  respondentOrgId: number | null;
  filerOrgId: number | null;
  filerName: string;
  filerEmail: string | null;
  filerPhone: string | null;
  language: Language;
  accommodation: string | null;
  story: { description: string; outcome: string };
  selfIdentification: Record<string, "yes" | "no"> | null;
  referredOut: boolean;
  path: Path;
}

interface EventInput {
  type: string;
  visibility: EventVisibility;
  actorKind: ActorKind;
  actorUserId: number | null;
  level?: number;
  body?: string | null;
  data?: Record<string, unknown> | null;
}

const iso = (t: number) => new Date(t).toISOString();

/**
 * One case's life, step by step, making the changes staff-actions, filer-actions, the sweep and
 * escalation make: each step is given its time, and a step after `now` ends the story there. Before
 * each step, as the sweep would have, clocks that fell due are marked missed, and a missed decision
 * moves the case up a level.
 */
export class CaseHistory {
  status: CaseStatus = "received";
  level = 1;
  decidedAt: number | null = null;
  outcome: DecisionOutcome | null = null;
  closedAt: number | null = null;
  recourseDeadlineAt: number | null = null;
  acknowledgedAt: number | null = null;
  version = 1;
  last: number;
  clocks: Clock[] = [];
  readonly events: (EventInput & { level: number; at: number })[] = [];
  readonly policyId: number;
  readonly days: BusinessDays;
  private readonly policy: DisputePolicy;
  private cut = false;

  constructor(
    readonly plan: CasePlan,
    rules: Rules,
    private readonly now: number,
  ) {
    this.policyId = rules.policy.id;
    this.policy = rules.policy.policy;
    this.days = rules.days;
    this.last = plan.recordedAt;
  }

  private get staff() {
    return { actorKind: "staff" as const, actorUserId: this.plan.area.staffId };
  }

  dueOf(kind: ClockKind, level = 1): number {
    const clock = this.clocks.find((c) => c.kind === kind && c.level === level);
    if (!clock) throw new Error(`No ${kind} clock at level ${level}`);
    return Date.parse(clock.dueAt);
  }

  /** Runs the sweep up to `t`, then says whether a step at `t` happens (it does not after `now`). */
  private at(t: number): boolean {
    if (this.cut) return false;
    if (t < this.last) throw new Error(`Step at ${iso(t)} before ${iso(this.last)} in a demo timeline`);
    this.sweepUntil(Math.min(t, this.now));
    if (t > this.now) {
      this.cut = true;
      return false;
    }
    this.last = t;
    return true;
  }

  private sweepUntil(t: number): void {
    for (;;) {
      const due = this.clocks
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.state === "running" && Date.parse(c.dueAt) < t)
        .sort((a, b) => Date.parse(a.c.dueAt) - Date.parse(b.c.dueAt))[0];
      if (!due) return;
      const breachAt = Math.max(Date.parse(due.c.dueAt), this.last) + SWEEP_LAG_MS;
      if (breachAt >= t) return;
      this.last = breachAt;
      // Marked by the sweep just after, dated at the deadline; a missed decision moves the case up (case-lifecycle-sweep.ts).
      const clock = due.c;
      this.play(breachAt, { actorKind: "system", actorUserId: null }, "breach", (input) => {
        const swept = breach(input, clock);
        return swept ? { ok: true, change: swept.change } : { ok: false, reason: "finished" };
      });
    }
  }

  /** Everything that happened by `now`: the sweep has already acted on what fell due. */
  finish(): this {
    this.sweepUntil(this.now);
    return this;
  }

  private commit(t: number, events: EventInput[], changed = true): void {
    if (changed) this.version += 1;
    for (const e of events) this.events.push({ ...e, level: e.level ?? this.level, at: t });
  }

  file(): void {
    const { plan } = this;
    if (!this.at(plan.recordedAt)) throw new Error("A demo case recorded after now");
    const filer =
      plan.channel === "web" || plan.channel === "provider_portal"
        ? { actorKind: "filer" as const, actorUserId: null }
        : this.staff;
    const events: EventInput[] = [
      { type: "filed", visibility: "public", ...filer, data: { channel: plan.channel, kind: plan.kind } },
    ];
    // The app's own filing rule (fileCase): clocks from receipt, or referred out at once.
    const filed = fileCase(this.policy, new Date(plan.receivedAt), plan.referredOut, new Date(plan.recordedAt));
    this.status = filed.status;
    this.clocks = filed.clocks;
    if (filed.closedAt !== null) this.closedAt = Date.parse(filed.closedAt);
    if (plan.referredOut) events.push({ type: "referred_out", visibility: "public", ...filer });
    this.commit(plan.recordedAt, events, false);
  }

  /**
   * A staff step played through the app's own lifecycle rules (case-lifecycle-staff.ts): its case
   * patch, clock changes and events are applied here as the staff service would store them.
   */
  private staffStep(t: number, command: StaffLifecycleCommand): void {
    this.play(t, this.staff, command.action, (input) => staffTransition(input, command));
  }

  /** A filer step played through the filer lifecycle rules (case-lifecycle-filer.ts). */
  private filerStep(t: number, command: FilerLifecycleCommand): void {
    this.play(t, { actorKind: "filer" as const, actorUserId: null }, command.action, (input) =>
      filerTransition(input, command),
    );
  }

  private play(
    t: number,
    who: { actorKind: ActorKind; actorUserId: number | null },
    what: string,
    transition: (input: LifecycleInput) => LifecycleResult,
  ): void {
    const input = {
      case: {
        status: this.status,
        level: this.level,
        decidedAt: this.decidedAt === null ? null : iso(this.decidedAt),
        recourseDeadlineAt: this.recourseDeadlineAt === null ? null : iso(this.recourseDeadlineAt),
        acknowledgedAt: this.acknowledgedAt === null ? null : iso(this.acknowledgedAt),
      },
      clocks: this.clocks,
      policy: this.policy,
      now: new Date(t),
    };
    const result = transition(input);
    if (!result.ok) throw new Error(`A demo timeline's ${what} is refused: ${result.reason}`);
    const { casePatch, clockChanges, newClocks, events } = result.change;
    for (const { clock, next } of clockChanges) this.clocks[this.clocks.indexOf(clock)] = next;
    this.clocks.push(...newClocks);
    const p = casePatch ?? {};
    if (p.status !== undefined) this.status = p.status;
    if (p.level !== undefined) this.level = p.level;
    if (p.decidedAt !== undefined) this.decidedAt = p.decidedAt === null ? null : Date.parse(p.decidedAt);
    if (p.outcome !== undefined) this.outcome = p.outcome;
    if (p.closedAt !== undefined) this.closedAt = p.closedAt === null ? null : Date.parse(p.closedAt);
    if (p.recourseDeadlineAt !== undefined)
      this.recourseDeadlineAt = p.recourseDeadlineAt === null ? null : Date.parse(p.recourseDeadlineAt);
    if (p.acknowledgedAt !== undefined)
      this.acknowledgedAt = p.acknowledgedAt === null ? null : Date.parse(p.acknowledgedAt);
    const actorOf = who;
    const actor = (w: "actor" | "system") =>
      w === "actor" ? actorOf : { actorKind: "system" as const, actorUserId: null };
    this.commit(
      t,
      events.map(({ actor: w, ...e }) => ({ ...e, ...actor(w) }) as EventInput),
      casePatch !== null || clockChanges.length > 0 || newClocks.length > 0,
    );
  }

  /**
   * The acknowledge step, then what meets its clock in the app (issue #18): the mail server taking
   * the email a minute later, or, for a filer without email, a call that reached them.
   */
  acknowledge(t: number): void {
    if (!this.at(t)) return;
    this.staffStep(t, { action: "acknowledge" });
    if (!this.plan.filerEmail) {
      const summary =
        this.plan.language === "fr" ? "Réception confirmée par téléphone." : "Receipt confirmed by phone.";
      this.staffStep(t, {
        action: "record_contact",
        contact: { channel: "call", who: this.plan.filerName, at: iso(t), summary, outcome: "reached" },
      });
      return;
    }
    const accepted = t + 60_000;
    if (!this.at(accepted)) return;
    this.play(accepted, { actorKind: "system", actorUserId: null }, "delivery", (input) => ({
      ok: true,
      change: deliveryAccepted(input, { outboxId: null, meets: "acknowledge" }) ?? emptyTransition(),
    }));
  }

  reply(t: number, body: string): void {
    if (!this.at(t)) return;
    this.staffStep(t, { action: "reply", message: body });
  }

  requestInformation(t: number, body: string): void {
    if (!this.at(t)) return;
    this.staffStep(t, { action: "request_info", message: body });
  }

  addInformation(t: number, body: string): void {
    if (!this.at(t)) return;
    this.filerStep(t, { action: "add_information", message: body });
  }

  decide(t: number, outcome: DecisionOutcome, body: string, panel?: string): void {
    if (!this.at(t)) return;
    // A case the sweep moved up to the panel level by the time of the decision (the bench's backlog)
    // is decided by a panel, as the rules require of staff; the demo's own plans name theirs.
    const named = panel ?? (panelRequired(this.level) ? "Review panel" : undefined);
    this.staffStep(t, { action: "decide", outcome, reasons: body, ...(named ? { panel: named } : {}) });
  }

  requestRecourse(t: number, body: string): void {
    if (!this.at(t)) return;
    this.filerStep(t, { action: "request_recourse", reasons: body });
  }

  escalateByHand(t: number, managerId: number | null, reason: string): void {
    if (!this.at(t)) return;
    this.play(t, { actorKind: "staff", actorUserId: managerId }, "escalate", (input) =>
      staffTransition(input, { action: "escalate", reason }),
    );
  }

  withdraw(t: number): void {
    if (!this.at(t)) return;
    this.filerStep(t, { action: "withdraw" });
  }

  close(t: number): void {
    if (!this.at(t)) return;
    // Closing keeps the recourse window the decision opened.
    this.staffStep(t, { action: "close" });
  }
}

/**
 * Who holds the case, as an SSM works (#19): nobody until someone first acts on it; then the SSM's
 * case officer, or its manager once the case is reviewed at a higher level.
 */
function holderOf(h: CaseHistory): number | null {
  if (h.status === "received") return null;
  const area = h.plan.area;
  return h.level >= 2 && area.manager ? area.manager.id : area.staffId;
}

/** The case row as the repositories would have left it after its last step. */
export function caseRow(h: CaseHistory, reference: string, submissionKey: string): NewCase {
  const p = h.plan;
  return {
    reference,
    area_slug: p.area.slug,
    kind: p.kind,
    channel: p.channel,
    status: h.status,
    level: h.level,
    program: p.program,
    category: p.category,
    respondent_org_id: p.respondentOrgId,
    assignee_id: holderOf(h),
    filer_user_id: null,
    filer_org_id: p.filerOrgId,
    filer_name: p.filerName,
    filer_email: p.filerEmail,
    filer_phone: p.filerPhone,
    language: p.language,
    accommodation_needed: p.accommodation ? 1 : 0,
    accommodation_details: p.accommodation,
    description: p.story.description,
    outcome_wanted: p.story.outcome,
    // Random on purpose, unlike the rest: nobody holds these cases' access codes.
    secret_hash: hashAccessSecret(generateAccessSecret()),
    submission_key: submissionKey,
    policy_id: h.policyId,
    received_at: iso(p.receivedAt),
    decided_at: h.decidedAt === null ? null : iso(h.decidedAt),
    outcome: h.outcome,
    closed_at: h.closedAt === null ? null : iso(h.closedAt),
    self_identification_json: p.selfIdentification ? JSON.stringify(p.selfIdentification) : null,
    recourse_deadline_at: h.recourseDeadlineAt === null ? null : iso(h.recourseDeadlineAt),
    next_due_at: nextDueAt(h.clocks),
    acknowledged_at: h.acknowledgedAt === null ? null : iso(h.acknowledgedAt),
    version: h.version,
    created_at: iso(p.recordedAt),
    updated_at: iso(h.last),
  };
}

function policyOn(policies: readonly StoredPolicy[], date: IsoDate): StoredPolicy {
  const inForce = policies
    .filter((p) => p.effectiveFrom <= date)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
  if (!inForce) throw new Error(`No dispute policy in force on ${date}`);
  return inForce;
}

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
const textIn = (texts: Bilingual<string>, language: Language, dice: Dice) => dice.pick(texts[language]);

/** Who filed, about what, how: the parts of a case that do not depend on how it went. */
export function planCase(area: AreaSetup, receivedAt: number, dice: Dice): CasePlan {
  const language: Language = dice.chance(area.profile.french) ? "fr" : "en";
  if (area.disputers.length > 0 && dice.chance(0.15)) {
    const provider = dice.pick(area.disputers);
    const category = dice.pick(DISPUTE_CATEGORIES);
    return {
      area,
      receivedAt,
      recordedAt: receivedAt,
      kind: "provider_dispute",
      channel: "provider_portal",
      program: null,
      category,
      respondentOrgId: area.ssmId,
      filerOrgId: provider.id,
      filerName: `${dice.pick(PEOPLE.contacts)} (${provider.name_en})`,
      filerEmail: `contracts@${provider.slug}.example.org`,
      filerPhone: provider.contact_phone,
      language,
      accommodation: null,
      story: CASE_TEXTS.disputes[category][language],
      selfIdentification: null,
      referredOut: false,
      path: "normal",
    };
  }
  const channel = dice.weighted({ web: 65, phone: 12, email: 10, in_person: 8, mail: 5 });
  const referredOut = dice.chance(0.05);
  const program = referredOut
    ? dice.pick(MINISTRY_RETAINED_PROGRAMS)
    : dice.weighted({
        employment_service: 50,
        youth_job_connection: 12,
        youth_job_connection_summer: 5,
        ontario_employment_assistance: 6,
        supported_employment: 8,
        ontario_works_employment_assistance: 11,
        odsp_employment_supports: 8,
      } satisfies Record<InScopeProgram, number>);
  const first = dice.pick(PEOPLE.first);
  const last = dice.pick(PEOPLE.last);
  const hasEmail = dice.chance({ web: 0.9, email: 1, phone: 0.5, in_person: 0.6, mail: 0.2 }[channel]);
  const selfIdentification: Record<string, "yes" | "no"> = {};
  if (dice.chance(0.4)) {
    for (const group of CLIENT_GROUPS) {
      if (!dice.chance(0.65)) continue;
      const yes =
        group === "francophone"
          ? language === "fr"
            ? 0.9
            : 0.03
          : { disability: 0.22, indigenous: 0.06, youth_higher_needs: 0.15, newcomer: 0.25, racialized: 0.35 }[group];
      selfIdentification[group] = dice.chance(yes) ? "yes" : "no";
    }
  }
  return {
    area,
    receivedAt,
    recordedAt: receivedAt,
    kind: "client_complaint",
    channel,
    program,
    category: null,
    respondentOrgId: area.providers.length > 0 && dice.chance(0.8) ? dice.pick(area.providers).id : null,
    filerOrgId: null,
    filerName: `${first} ${last}`,
    filerEmail: hasEmail ? `${ascii(first)}.${ascii(last)}@example.org` : null,
    filerPhone: !hasEmail || channel === "phone" ? `${area.areaCode}-555-0${String(dice.int(100, 999))}` : null,
    language,
    accommodation: dice.chance(0.06) ? textIn(CASE_TEXTS.accommodations, language, dice) : null,
    story: dice.pick(CASE_TEXTS.complaints[language]),
    selfIdentification: Object.keys(selfIdentification).length > 0 ? selfIdentification : null,
    referredOut,
    path: referredOut
      ? "normal"
      : dice.chance(0.03)
        ? "withdrawn"
        : !dice.chance(area.profile.onTime)
          ? "breach"
          : dice.chance(0.015)
            ? "manual"
            : "normal",
  };
}

function outcomeOf(dice: Dice): DecisionOutcome {
  return dice.weighted<DecisionOutcome>({ upheld: 25, partly_upheld: 20, not_upheld: 35, resolved_informally: 20 });
}

/** How the case went, step by step; CaseHistory leaves out what would happen after `now`. */
export function playOut(h: CaseHistory, dice: Dice): CaseHistory {
  const { plan: p, days } = h;
  const lang = p.language;
  const reasons = p.kind === "provider_dispute" ? CASE_TEXTS.disputeReasons : CASE_TEXTS.reasons;
  const decide = (t: number, outcome = outcomeOf(dice), panel?: string) =>
    h.decide(t, outcome, textIn(reasons[outcome], lang, dice), panel);
  const closeLater = () => {
    if (h.status === "decided" && h.recourseDeadlineAt !== null && dice.chance(0.88))
      h.close(days.after(h.recourseDeadlineAt, dice, 0.1, 4));
  };
  h.file();
  if (p.referredOut) return h.finish();

  const ackDue = h.dueOf("acknowledge");
  const ackAt = dice.chance(0.04 + (1 - p.area.profile.onTime) * 0.6)
    ? days.after(ackDue, dice, 0.2, 1.2)
    : days.after(p.receivedAt, dice, 0.1, 1.9);
  h.acknowledge(ackAt);
  const frDue = h.dueOf("first_response");
  const reply = (t: number) => h.reply(t, textIn(CASE_TEXTS.replies, lang, dice));
  /** A moment between the acknowledgement and `by` for the first public reply. */
  const replyAt = (by: number) =>
    days.after(ackAt, dice, 0.02, Math.max(0.03, (days.msBetween(ackAt, by) / days.dayMs) * 0.9));

  switch (p.path) {
    case "withdrawn":
      h.withdraw(days.after(ackAt, dice, 0.3, 1.5));
      break;
    case "referral": {
      reply(days.after(ackAt, dice, 0.2, 1.5));
      decide(days.after(h.last, dice, 2, 4), "not_upheld");
      for (const level of [2, 3]) {
        h.requestRecourse(days.after(h.last, dice, 1.5, 3), textIn(CASE_TEXTS.recourse, lang, dice));
        decide(
          days.after(h.last, dice, level === 2 ? 5 : 6, level === 2 ? 8 : 9),
          "not_upheld",
          level === 3 ? textIn(CASE_TEXTS.panels, lang, dice) : undefined,
        );
      }
      h.requestRecourse(days.after(h.last, dice, 1.5, 3), textIn(CASE_TEXTS.recourse, lang, dice));
      break;
    }
    case "breach":
      // The decision misses its deadline: the sweep moves the case to level 2, decided there.
      reply(replyAt(frDue));
      decide(days.after(h.dueOf("decision") + SWEEP_LAG_MS, dice, 2, 14));
      closeLater();
      break;
    case "manual":
      reply(replyAt(frDue));
      h.escalateByHand(
        days.after(h.last, dice, 0.5, 5),
        p.area.manager?.id ?? null,
        textIn(CASE_TEXTS.manualReasons, lang, dice),
      );
      decide(days.after(h.last, dice, 4, 15));
      closeLater();
      break;
    case "normal": {
      const ackTaken = days.msBetween(p.receivedAt, ackAt) / days.dayMs;
      const pause = dice.chance(0.15)
        ? { at: days.after(ackAt, dice, 0.3, 3), ms: Math.round((dice.real(2, 6) * days.dayMs) / 1000) * 1000 }
        : null;
      const pausedFrom = pause ? days.msBetween(p.receivedAt, pause.at) / days.dayMs : 0;
      const taken = Math.max(3 + 16.5 * dice.next() ** 1.4, ackTaken + 0.2, pausedFrom + 0.3);
      const decideAt = days.addMs(p.receivedAt, Math.round((taken * days.dayMs) / 1000) * 1000 + (pause?.ms ?? 0));
      const steps: [number, () => void][] = [];
      if (decideAt > frDue || dice.chance(0.5)) {
        const at = replyAt(Math.min(frDue, decideAt));
        steps.push([at, () => reply(at)]);
      }
      if (pause) {
        const resumeAt = days.addMs(pause.at, pause.ms);
        steps.push([pause.at, () => h.requestInformation(pause.at, textIn(CASE_TEXTS.infoRequests, lang, dice))]);
        steps.push([resumeAt, () => h.addInformation(resumeAt, textIn(CASE_TEXTS.filerInfo, lang, dice))]);
      }
      const outcome = outcomeOf(dice);
      steps.push([decideAt, () => decide(decideAt, outcome)]);
      for (const [, step] of steps.sort((a, b) => a[0] - b[0])) step();
      const recourse = { not_upheld: 0.22, partly_upheld: 0.14, upheld: 0.03, resolved_informally: 0.03 }[outcome];
      if (h.status === "decided" && dice.chance(recourse)) {
        h.requestRecourse(days.after(decideAt, dice, 1, 12), textIn(CASE_TEXTS.recourse, lang, dice));
        decide(days.after(h.last, dice, 4, 17));
      }
      closeLater();
      break;
    }
  }
  return h.finish();
}

type SurveyRow = Insertable<SurveyResponseTable>;

/** About a third of the people whose case closed answer the survey, mostly kindly. */
export function surveyAnswer(h: CaseHistory, dice: Dice): SurveyRow | null {
  if (h.status !== "closed" || h.closedAt === null || !h.plan.filerEmail || !dice.chance(0.35)) return null;
  const mood = { upheld: 0.9, resolved_informally: 0.7, partly_upheld: 0.4, not_upheld: -0.5 }[
    h.outcome ?? "not_upheld"
  ];
  const onTime = h.clocks.every((c) => c.state !== "breached");
  const score = (lean: number) => Math.min(5, Math.max(1, Math.round(3.6 + lean + dice.real(-1.2, 1.2))));
  return {
    area_slug: h.plan.area.slug,
    quarter: formatQuarterId(fiscalQuarterOf(new Date(h.closedAt), REPORTING_TIME_ZONE)),
    clear: score(0.4),
    fair: score(mood),
    timely: score(onTime ? 0.5 : -1),
    comment: dice.chance(0.3) ? textIn(CASE_TEXTS.surveyComments, h.plan.language, dice) : null,
  };
}

export async function loadAreas(db: Kysely<Database>, managers: Map<string, SessionUser>): Promise<AreaSetup[]> {
  const [areas, providers, staff, withLogins] = await Promise.all([
    listAreasWithSsm(db),
    db
      .selectFrom("provider_areas as pa")
      .innerJoin("organizations as o", "o.id", "pa.provider_id")
      .select(["pa.area_slug", "o.id", "o.slug", "o.name_en", "o.contact_phone"])
      .where("o.kind", "=", "provider")
      .where("o.retired_at", "is", null)
      .orderBy("o.id")
      .execute(),
    db
      .selectFrom("users")
      .select(["id", "organization_id"])
      .where("role", "=", "ssm_staff")
      .where("disabled_at", "is", null)
      .orderBy("id")
      .execute(),
    db.selectFrom("users").select("organization_id").distinct().execute(),
  ]);
  const hasLogin = new Set(withLogins.map((u) => u.organization_id));
  const setups: AreaSetup[] = [];
  for (const [index, area] of areas.entries()) {
    const own = providers.filter((p) => p.area_slug === area.slug);
    setups.push({
      slug: area.slug,
      code: area.code,
      index,
      timeZone: area.time_zone,
      areaCode: CATCHMENT_AREAS.find((a) => a.slug === area.slug)?.areaCode ?? "416",
      profile: PROFILES[area.slug] ?? DEFAULT_PROFILE,
      ssmId: area.ssm.id,
      staffId: staff.find((u) => u.organization_id === area.ssm.id)?.id ?? null,
      manager: managers.get(area.slug) ?? null,
      providers: own,
      disputers: own.filter((p) => !hasLogin.has(p.id)),
      policies: await listPolicyVersions(db, area.slug),
    });
  }
  return setups;
}

export interface Rules {
  policy: StoredPolicy;
  days: BusinessDays;
}

/** The policy an area had in force at a moment, with its calendar over the history's span. */
export function rulesFor(from: IsoDate, through: IsoDate): (area: AreaSetup, at: number) => Rules {
  const calendars = new Map<string, BusinessDays>();
  return (area, at) => {
    const policy = policyOn(area.policies, localDateOf(new Date(at), area.timeZone));
    const key = JSON.stringify(policy.policy.calendar);
    let days = calendars.get(key);
    if (!days) calendars.set(key, (days = new BusinessDays(policy.policy.calendar, from, through)));
    return { policy, days };
  };
}

const CHUNK = 200;

async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes finished timelines: references allocated from the same counters as live filings (in the
 * order cases were received), then cases, clocks, events in time order, and survey answers.
 */
async function writeHistories(trx: Transaction<Database>, histories: CaseHistory[], dice: Dice): Promise<void> {
  const ordered = [...histories].sort(
    (a, b) => a.plan.area.index - b.plan.area.index || a.plan.receivedAt - b.plan.receivedAt,
  );
  const rows: NewCase[] = [];
  for (const h of ordered) {
    const year = Number(localDateOf(new Date(h.plan.receivedAt), h.plan.area.timeZone).slice(0, 4));
    const reference = formatCaseReference(
      h.plan.area.code,
      year,
      await nextReferenceSequence(trx, h.plan.area.slug, year),
    );
    rows.push(caseRow(h, reference, dice.uuid()));
  }
  const ids: number[] = [];
  await insertInChunks(rows, async (chunk) => {
    const inserted = await trx.insertInto("cases").values(chunk).returning(["id", "reference"]).execute();
    const byReference = new Map(inserted.map((r) => [r.reference, r.id]));
    for (const row of chunk) ids.push(byReference.get(row.reference)!);
  });
  const clocks = ordered.flatMap((h, i) =>
    h.clocks.map((c) => ({
      case_id: ids[i]!,
      kind: c.kind,
      level: c.level,
      started_at: c.startedAt,
      due_at: c.dueAt,
      state: c.state,
      paused_at: c.pausedAt,
      paused_business_ms: c.pausedBusinessMs,
      met_at: c.metAt,
      breached_at: c.breachedAt,
      reminded_at: null,
      taken_business_days: c.takenBusinessDays ?? null,
      paused_business_days: c.pausedBusinessDays ?? null,
      pauses_json: c.pauses?.length ? JSON.stringify(c.pauses) : null,
    })),
  );
  await insertInChunks(clocks, (chunk) => trx.insertInto("case_clocks").values(chunk).execute());
  const events = ordered
    .flatMap((h, i) => h.events.map((e, seq) => ({ e, i, seq })))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i || a.seq - b.seq)
    .map(({ e, i }) => ({
      case_id: ids[i]!,
      type: e.type,
      visibility: e.visibility,
      actor_kind: e.actorKind,
      actor_user_id: e.actorUserId,
      level: e.level,
      body: e.body ?? null,
      data_json: e.data ? JSON.stringify(e.data) : null,
      created_at: iso(e.at),
    }));
  await insertInChunks(events, (chunk) => trx.insertInto("case_events").values(chunk).execute());
  const answers = ordered.flatMap((h) => surveyAnswer(h, dice) ?? []);
  await insertInChunks(answers, (chunk) => trx.insertInto("survey_responses").values(chunk).execute());
  // Written as rows, not through the services: the report facts (issue #21) are made here instead.
  for (const id of ids) await refreshCaseReportFacts(trx, id);
}

interface Submission {
  area: AreaSetup;
  quarter: string;
  at: number;
}

/**
 * Four closed quarters of cases in every SSM (and the end of the quarter before, so the first has
 * cases carried over), then each SSM's reports as its manager submitted them 10 to 28 days after
 * each quarter: all but three for the last closed quarter, and one amended after a letter that was
 * recorded late. Cases are written in one transaction; each report in submitQuarterReport's own.
 */
export async function seedDemoHistory(
  db: Kysely<Database>,
  now: Date,
  submitters: Map<string, SessionUser>,
): Promise<void> {
  const dice = new Dice(20_261_002);
  const nowMs = now.getTime();
  const quarters = quartersEndingWith(lastClosedQuarterId(now), 4);
  const periods = [quartersEndingWith(quarters[0]!, 2)[0]!, ...quarters].map((quarter) => {
    const { start, end } = quarterBounds(parseQuarterId(quarter)!, REPORTING_TIME_ZONE);
    return { quarter, start: start.getTime(), end: end.getTime() };
  });
  const rulesOn = rulesFor(
    addDays(localDateOf(new Date(periods[0]!.start), REPORTING_TIME_ZONE), -7),
    addDays(localDateOf(now, REPORTING_TIME_ZONE), 200),
  );
  const areas = await loadAreas(db, submitters);

  const histories = planQuarters(areas, periods, rulesOn, dice).map((plan) =>
    playOut(new CaseHistory(plan, rulesOn(plan.area, plan.receivedAt), nowMs), dice),
  );
  await db.transaction().execute((trx) => writeHistories(trx, histories, dice));

  // Reports, in the order they were submitted, with the late letter recorded at its moment.
  const submissions: Submission[] = [];
  for (const [qi, quarter] of quarters.entries()) {
    const end = periods[qi + 1]!.end;
    for (const area of areas) {
      if (
        !area.manager ||
        (qi === quarters.length - 1 && (UNSUBMITTED_LAST_QUARTER as readonly string[]).includes(area.slug))
      )
        continue;
      const { days } = rulesOn(area, end);
      const at = days.momentOn(days.daysWithin(end + dice.int(10, 28) * DAY_MS, end + 60 * DAY_MS)[0]!, dice);
      if (at <= nowMs) submissions.push({ area, quarter, at });
    }
  }
  const moves: [number, () => Promise<void>][] = submissions.map((s) => [s.at, () => submit(db, s, null)]);
  const amended = submissions.find((s) => s.area.slug === AMENDED_AREA && s.quarter === quarters.at(-2));
  if (amended) {
    const { days } = rulesOn(amended.area, amended.at);
    const period = periods.at(-2)!;
    const receivedAt = days.momentOn(days.daysWithin(period.start, period.end).at(-4)!, dice);
    const recordedAt = days.after(amended.at, dice, 2, 3);
    const amendAt = days.after(recordedAt, dice, 1, 1.5);
    let plan = planCase(amended.area, receivedAt, dice);
    while (plan.kind !== "client_complaint" || plan.referredOut) plan = planCase(amended.area, receivedAt, dice);
    const letter = new CaseHistory(
      { ...plan, channel: "mail", recordedAt, path: "normal" },
      rulesOn(amended.area, receivedAt),
      nowMs,
    );
    if (amendAt <= nowMs) {
      moves.push([recordedAt, () => recordLateLetter(db, letter, dice)]);
      moves.push([amendAt, () => submit(db, { ...amended, at: amendAt }, { receivedAt, recordedAt })]);
    }
  }
  for (const [, move] of moves.sort((a, b) => a[0] - b[0])) await move();
}

/** Who filed what and when, SSM by SSM and quarter by quarter; a few go all the way to the ministry. */
function planQuarters(
  areas: readonly AreaSetup[],
  periods: readonly { start: number; end: number }[],
  rulesOn: (area: AreaSetup, at: number) => Rules,
  dice: Dice,
): CasePlan[] {
  const plans: CasePlan[] = [];
  for (const [qi, period] of periods.entries()) {
    const quarterPlans: CasePlan[] = [];
    for (const area of areas) {
      const { days } = rulesOn(area, period.start);
      let open = days.daysWithin(period.start, period.end);
      let count = Math.min(40, Math.max(8, Math.round(area.profile.perQuarter * dice.real(0.85, 1.15))));
      // The quarter before the four reported: only its last three weeks, for the cases carried over.
      if (qi === 0) [open, count] = [open.slice(-15), Math.round(count / 5)];
      for (let n = 0; n < count; n++) quarterPlans.push(planCase(area, days.momentOn(dice.pick(open), dice), dice));
    }
    // One or two a quarter climb the whole ladder, received early enough for it to take weeks, not months.
    const early = quarterPlans.filter(
      (p) => qi > 0 && !p.referredOut && p.path === "normal" && p.receivedAt < period.start + 28 * DAY_MS,
    );
    for (let k = dice.int(1, 2); k > 0 && early.length > 0; k--)
      early.splice(dice.int(0, early.length - 1), 1)[0]!.path = "referral";
    plans.push(...quarterPlans);
  }
  return plans;
}

/** A letter received by mail in the quarter, entered weeks later: its clocks were already overdue. */
async function recordLateLetter(db: Kysely<Database>, h: CaseHistory, dice: Dice): Promise<void> {
  const { days } = h;
  h.file();
  h.acknowledge(days.addMs(h.plan.recordedAt, 20 * 60_000));
  h.reply(days.after(h.last, dice, 0.1, 0.5), textIn(CASE_TEXTS.replies, h.plan.language, dice));
  h.decide(
    days.after(h.last, dice, 1.5, 3),
    "partly_upheld",
    textIn(CASE_TEXTS.reasons.partly_upheld, h.plan.language, dice),
  );
  if (h.recourseDeadlineAt !== null) h.close(days.after(h.recourseDeadlineAt, dice, 0.1, 2));
  h.finish();
  await db.transaction().execute((trx) => writeHistories(trx, [h], dice));
}

/** A report as the SSM's manager submitted it, the narrative in the manager's language. */
async function submit(
  db: Kysely<Database>,
  s: Submission,
  amendment: { receivedAt: number; recordedAt: number } | null,
): Promise<void> {
  const pool = NARRATIVES[s.area.manager!.language];
  const narrative = pool[(s.area.index + Number(s.quarter.slice(-1))) % pool.length]!;
  const day = (t: number) =>
    new Date(t).toLocaleDateString("en-CA", { month: "long", day: "numeric", timeZone: REPORTING_TIME_ZONE });
  const result = await submitQuarterReport({
    db,
    user: s.area.manager!,
    areaSlug: s.area.slug,
    quarter: s.quarter,
    narrative: amendment
      ? { ...narrative, actionsTaken: `${narrative.actionsTaken} ${NARRATIVES.amendedAction}` }
      : narrative,
    amendmentReason: amendment
      ? NARRATIVES.amendmentReason(day(amendment.receivedAt), day(amendment.recordedAt))
      : null,
    expectedVersion: amendment ? 1 : 0,
    threshold: THRESHOLD,
    now: new Date(s.at),
  });
  if (!result.ok) throw new Error(`Demo report ${s.area.slug} ${s.quarter}: ${result.reason}`);
}
