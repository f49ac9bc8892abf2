import { writeTransaction, type DB } from "../../db/client";
import { findAreaWithSsm, type AreaWithSsm } from "../../db/repositories/areas";
import { appendAuditEntry, type AuditEntry } from "../../db/repositories/audit-log";
import { insertCaseEvent } from "../../db/repositories/case-events";
import { insertClock, listClocksOfCase, saveClockIfState, type StoredClock } from "../../db/repositories/case-clocks";
import { updateCaseIfUnchanged } from "../../db/repositories/cases";
import { enqueueEmail, type OutgoingEmail } from "../../db/repositories/email-outbox";
import { refreshCaseReportFacts } from "../../db/repositories/report-facts";
import { REPORTED_EVENT_TYPES } from "../domain/report-facts";
import { findPolicyById, type StoredPolicy } from "../../db/repositories/policies";
import type { ActorKind, CaseRow, CaseUpdate, EventVisibility } from "../../db/schema";
import { nextDueAt, type Clock } from "../domain/case-clocks";
import type { CasePatch, LifecycleInput, Transition } from "../domain/case-lifecycle";
import { wakeOutboxWorker } from "./outbox-wake.server";

/** Someone else changed the case (or its clock) first; nothing of this change was kept. */
export class StaleCaseError extends Error {
  constructor() {
    super("The case changed since it was read");
  }
}

export interface CaseEventInput {
  type: string;
  visibility: EventVisibility;
  actorKind: ActorKind;
  actorUserId: number | null;
  body?: string | null;
  data?: Record<string, unknown> | null;
  /** Defaults to the case's level after the change. */
  level?: number;
}

/** Everything one change to a case writes. Written together or not at all. */
export interface CaseChange {
  patch: CaseUpdate | null;
  clockUpdates: { stored: StoredClock; next: Clock }[];
  newClocks: Clock[];
  events: CaseEventInput[];
  audit: Omit<AuditEntry, "at" | "targetType" | "targetId"> | null;
  emails: OutgoingEmail[];
  /**
   * A change that alters nothing staff act on (the mail server taking an acknowledgement, #18): the
   * case's version stays, so a page staff opened a moment before is not refused as out of date.
   */
  keepVersion?: boolean;
}

export function emptyChange(): CaseChange {
  return { patch: null, clockUpdates: [], newClocks: [], events: [], audit: null, emails: [] };
}

export function mergeChanges(a: CaseChange, b: CaseChange): CaseChange {
  return {
    patch: a.patch || b.patch ? { ...a.patch, ...b.patch } : null,
    clockUpdates: [...a.clockUpdates, ...b.clockUpdates],
    newClocks: [...a.newClocks, ...b.newClocks],
    events: [...a.events, ...b.events],
    audit: b.audit ?? a.audit,
    emails: [...a.emails, ...b.emails],
  };
}

export interface CaseContext {
  area: AreaWithSsm;
  policy: StoredPolicy;
  clocks: StoredClock[];
}

/** How a context finds an area and a policy version: straight from the database, or shared (below). */
export interface ContextReads {
  area: (trx: DB, slug: string) => Promise<AreaWithSsm | null>;
  policy: (trx: DB, id: number) => Promise<StoredPolicy | null>;
}

const directReads: ContextReads = { area: findAreaWithSsm, policy: findPolicyById };

/**
 * Reads made once for many cases inside one transaction (the sweep's commit group, issue #21): each
 * area, policy version and SSM's managers the first time a case needs it, then from memory. Only
 * for the length of that transaction, so nothing read is older than the group's own view.
 */
export function sharedReads<M>(managers: (trx: DB, ssmId: number) => Promise<M[]>) {
  const memo = <K, V>(load: (trx: DB, key: K) => Promise<V>) => {
    const seen = new Map<K, Promise<V>>();
    return (trx: DB, key: K): Promise<V> => {
      let hit = seen.get(key);
      if (!hit) {
        hit = load(trx, key);
        // A failed read is not remembered: the next case asks again.
        hit.catch(() => seen.delete(key));
        seen.set(key, hit);
      }
      return hit;
    };
  };
  return { area: memo(findAreaWithSsm), policy: memo(findPolicyById), managersOf: memo(managers) };
}

/** The area, the policy version the case was filed under, and its clocks. */
export async function loadCaseContext(trx: DB, row: CaseRow, reads: ContextReads = directReads): Promise<CaseContext> {
  const [area, policy, clocks] = await Promise.all([
    reads.area(trx, row.area_slug),
    reads.policy(trx, row.policy_id),
    listClocksOfCase(trx, row.id),
  ]);
  if (!area || !policy) throw new Error(`Case ${row.reference} lost its area or policy`);
  return { area, policy, clocks };
}

/** What the lifecycle rules read of a loaded case. */
export function lifecycleInput(row: CaseRow, context: CaseContext, now: Date): LifecycleInput<StoredClock> {
  return {
    case: {
      status: row.status,
      level: row.level,
      decidedAt: row.decided_at,
      recourseDeadlineAt: row.recourse_deadline_at,
      messageAfterCloseAt: row.message_after_close_at,
      filerHasEmail: Boolean(row.filer_email),
      callFilerSince: row.call_filer_since,
      assigneeId: row.assignee_id,
      acknowledgedAt: row.acknowledged_at,
    },
    clocks: context.clocks,
    policy: context.policy.policy,
    now,
  };
}

function rowPatch(patch: CasePatch): CaseUpdate {
  const out: CaseUpdate = {};
  if (patch.status !== undefined) out.status = patch.status;
  if (patch.level !== undefined) out.level = patch.level;
  if (patch.assigneeId !== undefined) out.assignee_id = patch.assigneeId;
  if (patch.decidedAt !== undefined) out.decided_at = patch.decidedAt;
  if (patch.outcome !== undefined) out.outcome = patch.outcome;
  if (patch.closedAt !== undefined) out.closed_at = patch.closedAt;
  if (patch.recourseDeadlineAt !== undefined) out.recourse_deadline_at = patch.recourseDeadlineAt;
  if (patch.providerReferredAt !== undefined) out.provider_referred_at = patch.providerReferredAt;
  if (patch.mergedIntoCaseId !== undefined) out.merged_into_case_id = patch.mergedIntoCaseId;
  if (patch.messageAfterCloseAt !== undefined) out.message_after_close_at = patch.messageAfterCloseAt;
  if (patch.callFilerSince !== undefined) out.call_filer_since = patch.callFilerSince;
  if (patch.acknowledgedAt !== undefined) out.acknowledged_at = patch.acknowledgedAt;
  return out;
}

/**
 * A lifecycle transition as rows to write: the patch in column names, and each timeline entry
 * naming the acting person (or the system). Emails and the audit entry are added by the caller.
 */
export function caseChangeOf(
  transition: Transition<StoredClock>,
  actor: { kind: ActorKind; userId: number | null },
  emails: OutgoingEmail[] = [],
): CaseChange {
  return {
    patch: transition.casePatch ? rowPatch(transition.casePatch) : null,
    clockUpdates: transition.clockChanges.map(({ clock, next }) => ({ stored: clock, next })),
    newClocks: transition.newClocks,
    events: transition.events.map((e) => ({
      type: e.type,
      visibility: e.visibility,
      actorKind: e.actor === "system" ? "system" : actor.kind,
      actorUserId: e.actor === "system" ? null : actor.userId,
      body: e.body ?? null,
      data: e.data ?? null,
      level: e.level,
    })),
    audit: null,
    emails,
  };
}

/**
 * Writes a change inside the caller's transaction. Each clock is saved only if it is still in the
 * state it was read in, and the case only if its version is unchanged: otherwise StaleCaseError,
 * and the transaction rolls back whatever was written before.
 */
export async function commitCaseChange(trx: DB, row: CaseRow, change: CaseChange, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  let clocksAfter: StoredClock[] | null = null;
  for (const { stored, next } of change.clockUpdates) {
    if (!(await saveClockIfState(trx, stored.id, stored.state, next, stored.dueAt))) throw new StaleCaseError();
  }
  for (const clock of change.newClocks) await insertClock(trx, row.id, clock);
  if (change.patch || change.clockUpdates.length || change.newClocks.length) {
    const clocks = await listClocksOfCase(trx, row.id);
    clocksAfter = clocks;
    const patch = { ...change.patch, next_due_at: nextDueAt(clocks), updated_at: nowIso };
    if (!(await updateCaseIfUnchanged(trx, row.id, row.version, patch, { keepVersion: change.keepVersion })))
      throw new StaleCaseError();
  }
  const level = change.patch?.level ?? row.level;
  for (const e of change.events) {
    await insertCaseEvent(trx, {
      case_id: row.id,
      type: e.type,
      visibility: e.visibility,
      actor_kind: e.actorKind,
      actor_user_id: e.actorUserId,
      level: e.level ?? level,
      body: e.body ?? null,
      data_json: e.data ? JSON.stringify(e.data) : null,
      created_at: nowIso,
    });
  }
  // The report's facts move with the case, in the same transaction (issue #21).
  if (
    change.patch ||
    change.clockUpdates.length ||
    change.newClocks.length ||
    change.events.some((e) => (REPORTED_EVENT_TYPES as readonly string[]).includes(e.type))
  )
    await refreshCaseReportFacts(trx, row.id, {
      row: { ...row, ...change.patch },
      clocks: clocksAfter?.map((k) => ({
        case_id: row.id,
        kind: k.kind,
        level: k.level,
        due_at: k.dueAt,
        met_at: k.metAt,
        breached_at: k.breachedAt,
        taken_business_days: k.takenBusinessDays ?? null,
        paused_business_days: k.pausedBusinessDays ?? null,
      })),
      receivedMayChange: change.patch?.status !== undefined || change.patch?.merged_into_case_id !== undefined,
    });
  if (change.audit) {
    await appendAuditEntry(trx, { ...change.audit, at: nowIso, targetType: "case", targetId: row.reference });
  }
  for (const email of change.emails) await enqueueEmail(trx, email, nowIso);
}

/** A refusal a user can cause (the case's state, their role): returned to them, never logged. */
export class CaseActionRefused<R extends string> extends Error {
  constructor(readonly reason: R) {
    super(reason);
  }
}

/**
 * Runs one action on a case in a write transaction: `build` reads the case and says what changes
 * (or throws CaseActionRefused), then the change is committed. A refusal or a lost race changes
 * nothing and comes back as a reason; emails queued by the change are sent straight after.
 */
export async function runCaseAction<R extends string>(
  db: DB,
  now: Date,
  build: (trx: DB) => Promise<{ row: CaseRow; change: CaseChange }>,
): Promise<{ ok: true } | { ok: false; reason: R | "stale" }> {
  let queuedEmail = false;
  try {
    await writeTransaction(db, async (trx) => {
      const { row, change } = await build(trx);
      await commitCaseChange(trx, row, change, now);
      queuedEmail = change.emails.length > 0;
    });
  } catch (error) {
    if (error instanceof CaseActionRefused) return { ok: false, reason: error.reason as R };
    if (error instanceof StaleCaseError) return { ok: false, reason: "stale" };
    throw error;
  }
  if (queuedEmail) wakeOutboxWorker();
  return { ok: true };
}
