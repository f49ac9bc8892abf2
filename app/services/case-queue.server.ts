import type { DB } from "../../db/client";
import { findOrganizationById, listActiveProvidersInArea } from "../../db/repositories/areas";
import { countCasesByStatus, listCasesNeedingAttention, listQueue, type QueueRow } from "../../db/repositories/cases";
import { findPolicyInForce } from "../../db/repositories/policies";
import { listClocksOfCases } from "../../db/repositories/case-clocks";
import { dueStepOf, type DueStep } from "../domain/queue-due-step";
import { businessDaysLeft } from "../domain/business-calendar";
import { queueCriteria } from "../domain/queue-criteria";
import { decodeCursor, encodeCursor, type QueueFilters } from "../domain/queue-filters";
import { localDateOf } from "../domain/time-zone";
import { ownArea } from "../domain/access";
import { actorOf, authorize } from "./access.server";
import type { SessionUser } from "./auth.server";

export const QUEUE_PAGE_SIZE = 50;
// "Due soon" in the list means due today or on the next business day (the reminder's horizon);
// the "due within 2 business days" filter looks one day further (queue-criteria.ts).
const DUE_SOON_BUSINESS_DAYS = 1;

export interface QueueEntry extends QueueRow {
  overdue: boolean;
  dueSoon: boolean;
  businessDaysLeft: number | null;
  /** Which step the date is for ("decision, level 2"); null when nothing is owed. */
  dueStep: DueStep | null;
}

/**
 * The signed-in staff member's own SSM queue, filtered, next deadline first, one page at a time;
 * never another SSM's cases.
 */
export async function staffQueue(input: { db: DB; user: SessionUser; filters?: Partial<QueueFilters>; now?: Date }) {
  const now = input.now ?? new Date();
  const filters: Partial<QueueFilters> = input.filters ?? {};
  const actor = await actorOf(input.db, input.user);
  const area = authorize(actor, "case.read") ? ownArea(actor) : null;
  const org = area ? await findOrganizationById(input.db, input.user.organization_id) : null;
  if (!area || !org) return null;
  const policy = await findPolicyInForce(input.db, area, localDateOf(now, "America/Toronto"));
  if (!policy) throw new Error(`No policy in force for ${area}`);
  const calendar = policy.policy.calendar;
  const [rows, counts, providers, attention] = await Promise.all([
    listQueue(input.db, {
      areaSlug: area,
      ...queueCriteria(filters, { userId: input.user.id, now, calendar }),
      after: decodeCursor(filters.after),
      limit: QUEUE_PAGE_SIZE + 1,
    }),
    countCasesByStatus(input.db, area),
    listActiveProvidersInArea(input.db, area),
    listCasesNeedingAttention(input.db, area),
  ]);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  const clocks = await listClocksOfCases(
    input.db,
    page.filter((r) => r.next_due_at).map((r) => r.id),
  );
  const dueStep = (caseId: number) => dueStepOf(clocks.filter((c) => c.caseId === caseId));
  return {
    organization: { name_en: org.name_en, name_fr: org.name_fr },
    timeZone: calendar.timeZone,
    counts,
    providers,
    attention,
    nextCursor: rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor({ dueAt: last.next_due_at, id: last.id }) : null,
    rows: page.map((r): QueueEntry => {
      if (!r.next_due_at) return { ...r, overdue: false, dueSoon: false, businessDaysLeft: null, dueStep: null };
      const overdue = Date.parse(r.next_due_at) < now.getTime();
      const left = businessDaysLeft(now, new Date(r.next_due_at), calendar);
      return {
        ...r,
        overdue,
        dueSoon: !overdue && left <= DUE_SOON_BUSINESS_DAYS,
        businessDaysLeft: left,
        dueStep: dueStep(r.id),
      };
    }),
  };
}
