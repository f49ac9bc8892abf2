import type { DB } from "../../db/client";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import {
  countCasesForExport,
  listCasesForExport,
  type CaseExportQuery,
  type CaseExportRow,
} from "../../db/repositories/case-export";
import { findPolicyInForce } from "../../db/repositories/policies";
import type { Language } from "../../db/schema";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "../domain/business-calendar";
import { queueCriteria } from "../domain/queue-criteria";
import type { QueueFilters } from "../domain/queue-filters";
import { localDateOf, localTimeOf } from "../domain/time-zone";
import { isMessageKey, translator, type MessageKey, type Translate } from "../i18n";
import { ownArea } from "../domain/access";
import { actorOf, authorize } from "./access.server";
import type { SessionUser } from "./auth.server";
import { localized } from "../i18n/localized";

// Rows read per query. Each page is one short statement on the shared connection, so other
// requests run between pages; 1,000 keeps memory small and the number of statements low.
const PAGE_SIZE = 1000;

const HEADER_KEYS: readonly MessageKey[] = [
  "cases.col.reference",
  "cases.col.filer",
  "cases.col.kind",
  "cases.col.status",
  "cases.col.level",
  "queue.program",
  "queue.category",
  "queue.provider",
  "cases.col.assignee",
  "cases.col.received",
  "cases.col.nextDue",
  "cases.col.closed",
];

/** A code's label, or the code itself if this version has no text for it (an old program). */
function labelOf(t: Translate, key: string, code: string | null): string {
  if (code === null) return "";
  return isMessageKey(key) ? t(key) : code;
}

/** Local dates and times as YYYY-MM-DD (HH:MM): what a spreadsheet sorts and reads as a date. */
function localDate(iso: string | null, timeZone: string): string {
  return iso ? localDateOf(new Date(iso), timeZone) : "";
}
function localDateTime(iso: string | null, timeZone: string): string {
  if (!iso) return "";
  const { date, minutes } = localTimeOf(new Date(iso), timeZone);
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

// The columns the queue page shows (the filer's name included: staff already see it there) and
// the codes it filters by; never the filer's contact details nor any text they wrote.
function cellsOf(row: CaseExportRow, t: Translate, language: Language, timeZone: string): string[] {
  return [
    row.reference,
    row.filer_name,
    labelOf(t, `kind.${row.kind}`, row.kind),
    labelOf(t, `caseStatus.${row.status}`, row.status),
    String(row.level),
    labelOf(t, `program.${row.program}`, row.program),
    labelOf(t, `category.${row.category}`, row.category),
    localized(row, "respondent_name", language) ?? "",
    row.assignee_name ?? "",
    localDate(row.received_at, timeZone),
    localDateTime(row.next_due_at, timeZone),
    localDate(row.closed_at, timeZone),
  ];
}

async function calendarOf(db: DB, areaSlug: string | null, now: Date): Promise<BusinessCalendar> {
  // Every SSM at once (operators only) has no one calendar: Ontario's default is close enough for
  // the "due within 2 business days" filter, the only place it matters.
  if (areaSlug === null) return DEFAULT_CALENDAR;
  const policy = await findPolicyInForce(db, areaSlug, localDateOf(now, DEFAULT_CALENDAR.timeZone));
  if (!policy) throw new Error(`No policy in force for ${areaSlug}`);
  return policy.policy.calendar;
}

/** Header, then every matching case in id order, one page at a time: memory stays constant. */
async function* exportRows(input: {
  db: DB;
  query: CaseExportQuery;
  language: Language;
  timeZone: string;
}): AsyncGenerator<string[]> {
  const t = translator(input.language);
  yield HEADER_KEYS.map((key) => t(key));
  let afterId = 0;
  for (;;) {
    const page = await listCasesForExport(input.db, { ...input.query, afterId, limit: PAGE_SIZE });
    for (const row of page) yield cellsOf(row, t, input.language, input.timeZone);
    const last = page.at(-1);
    if (page.length < PAGE_SIZE || !last) return;
    afterId = last.id;
  }
}

/**
 * The queue's cases as CSV rows (first row = headers in `language`), every page of them, for one
 * SSM or, with areaSlug null, every SSM: an operator's or a benchmark's entry point, not audited
 * and with nobody to be "me" (that filter is refused). The queue's page cursor (`after`) is
 * ignored: an export starts at the first case.
 */
export function caseExportRows(input: {
  db: DB;
  areaSlug: string | null;
  language: Language;
  filters?: Partial<QueueFilters>;
}): AsyncIterable<string[]> {
  return (async function* () {
    const now = new Date();
    const calendar = await calendarOf(input.db, input.areaSlug, now);
    const criteria = queueCriteria(input.filters ?? {}, { userId: null, now, calendar });
    yield* exportRows({
      db: input.db,
      query: { ...criteria, areaSlug: input.areaSlug },
      language: input.language,
      timeZone: calendar.timeZone,
    });
  })();
}

/**
 * A staff member's export of their own SSM's queue, filtered as on the page, audited (who, which
 * filters, how many cases matched) before its first row leaves. Null for anyone who is not staff
 * of an SSM (the route answers 404, like the queue).
 */
export async function staffCaseExport(input: {
  db: DB;
  user: SessionUser;
  filters: Partial<QueueFilters>;
  language: Language;
  now: Date;
}): Promise<{ areaSlug: string; rows: AsyncIterable<string[]> } | null> {
  const { db, user, now } = input;
  const actor = await actorOf(db, user);
  const areaSlug = authorize(actor, "case.export") ? ownArea(actor) : null;
  if (!areaSlug) return null;
  const calendar = await calendarOf(db, areaSlug, now);
  // The page cursor is left out: the export starts at the first case.
  const filters = Object.fromEntries(
    Object.entries(input.filters).filter(([key, value]) => key !== "after" && value !== undefined),
  );
  const query: CaseExportQuery = { ...queueCriteria(filters, { userId: user.id, now, calendar }), areaSlug };
  await appendAuditEntry(db, {
    at: now.toISOString(),
    actorUserId: user.id,
    actorLabel: user.email,
    organizationId: user.organization_id,
    action: "cases.exported",
    targetType: "case_export",
    targetId: areaSlug,
    details: { filters, language: input.language, matchingCases: await countCasesForExport(db, query) },
  });
  return { areaSlug, rows: exportRows({ db, query, language: input.language, timeZone: calendar.timeZone }) };
}
