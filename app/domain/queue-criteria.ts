import { dueAt, type BusinessCalendar } from "./business-calendar";
import type { QueueFilters } from "./queue-filters";
import { addDays, instantAt } from "./time-zone";

// "Due within 2 business days" looks to the end of the second business day: the filter's
// horizon, one day beyond the list's "due soon" badge (case-queue.server.ts).
const DUE_FILTER_BUSINESS_DAYS = 2;

/**
 * What the queue's filters select, as instants and ids a query can compare: the one reading of
 * the filters shared by the queue page and its CSV export, so both list the same cases.
 */
export interface QueueCriteria {
  status?: string;
  /** true: only finished cases; false: only open ones; undefined: both. */
  finished?: boolean;
  level?: number;
  kind?: string;
  program?: string;
  category?: string;
  respondentOrgId?: number;
  /** A user id, or null for "nobody"; undefined for anyone. */
  assigneeId?: number | null;
  dueBefore?: string;
  dueFrom?: string;
  receivedFrom?: string;
  receivedBefore?: string;
  /** Part of a reference or of the filer's name. */
  text?: string;
}

export function queueCriteria(
  filters: Partial<QueueFilters>,
  context: {
    /** Who "me" is; null where nobody is signed in (an operator's export), which refuses "me". */
    userId: number | null;
    now: Date;
    calendar: BusinessCalendar;
  },
): QueueCriteria {
  const { now, calendar } = context;
  // Dates typed in the filters are the area's local days: from its midnight to the next one.
  const localDayStart = (day: string) => instantAt(day, 0, calendar.timeZone).toISOString();
  if (filters.assignee === "me" && context.userId === null)
    throw new Error('The "assigned to me" filter needs a signed-in user');
  return {
    status: filters.status,
    // A status picked by name wins: the status counts' links list exactly what they count.
    finished: filters.status || !filters.show || filters.show === "all" ? undefined : filters.show === "closed",
    level: filters.level,
    kind: filters.kind,
    program: filters.program,
    category: filters.category,
    respondentOrgId: filters.provider,
    assigneeId: filters.assignee === "me" ? context.userId : filters.assignee === "unassigned" ? null : undefined,
    dueBefore:
      filters.clock === "overdue"
        ? now.toISOString()
        : filters.clock === "due_soon"
          ? new Date(dueAt(now, DUE_FILTER_BUSINESS_DAYS, calendar).getTime() + 1).toISOString()
          : undefined,
    dueFrom: filters.clock === "due_soon" ? now.toISOString() : undefined,
    receivedFrom: filters.from ? localDayStart(filters.from) : undefined,
    receivedBefore: filters.to ? localDayStart(addDays(filters.to, 1)) : undefined,
    text: filters.q,
  };
}
