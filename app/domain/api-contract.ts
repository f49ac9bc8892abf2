import { z } from "zod";
import { DECISION_OUTCOMES } from "./case-workflow";
import { CONTACT_OUTCOMES } from "./case-lifecycle-staff";
import { queueFiltersSchema, CASE_STATUSES, QUEUE_SHOW } from "./queue-filters";
import { TEXT_LIMITS } from "./text-limits";

// The JSON API's contract (issue #22, decision record 021): every request the API validates and
// every response it sends, as zod schemas. The routes parse with these, the services' answers are
// shaped by these types, and /api/v1/openapi.json is generated from these (api-openapi.ts), so the
// document cannot drift from what the code accepts and returns.

const text = (max: number) => z.string().trim().min(1).max(max);
const isoTime = z.string().meta({ format: "date-time" });
const count = z.union([z.number().int().min(0), z.enum(["small", "hidden"])]).meta({
  description: '"small": under the threshold (shown "<5"); "hidden": withheld to protect another count',
});

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().meta({
      description: "Stable: unauthenticated, forbidden, not_found, method_not_allowed, invalid, conflict, too_many",
    }),
    reason: z.string().meta({ description: "Why, in the app's words (a lifecycle refusal's name where there is one)" }),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

// ---- Cases (scope cases.read) -------------------------------------------------------------------

/**
 * The queue's own filters (queue-filters.ts), read from the query string as the queue page reads
 * them, except that a client asking for no `show` gets every case, as the API has always listed:
 * the page opens on open cases (#19), a program reading the list should not lose the closed ones.
 */
export const caseListQuerySchema = queueFiltersSchema.extend({
  show: z
    .enum(QUEUE_SHOW)
    .catch("all")
    .default("all")
    .meta({ description: "open, closed or all (the default): the page's default is open" }),
});

export const caseSummarySchema = z.object({
  reference: z.string(),
  kind: z.enum(["client_complaint", "provider_dispute"]),
  status: z.enum(CASE_STATUSES),
  level: z.number().int(),
  receivedAt: isoTime,
  nextDueAt: isoTime.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  businessDaysLeft: z.number().int().nullable(),
  filerName: z.string(),
  respondent: z.object({ nameEn: z.string(), nameFr: z.string() }).nullable(),
  assigneeName: z.string().nullable(),
});

export const caseListSchema = z.object({
  cases: z.array(caseSummarySchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as `after` for the next page; null on the last" }),
});

const clockSchema = z.object({
  kind: z.enum(["acknowledge", "first_response", "decision", "provider_response", "client_review"]),
  level: z.number().int(),
  state: z.enum(["running", "paused", "met", "breached", "stopped"]),
  countsFrom: z.string(),
  dueAt: isoTime,
  metAt: isoTime.nullable(),
  businessDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  extended: z.boolean(),
});

const timelineEntrySchema = z.object({
  type: z.string(),
  visibility: z.enum(["public", "internal"]),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  level: z.number().int(),
  body: z.string().nullable(),
  at: isoTime,
});

export const caseDetailSchema = z.object({
  case: z.object({
    reference: z.string(),
    kind: z.enum(["client_complaint", "provider_dispute"]),
    channel: z.string(),
    status: z.enum(CASE_STATUSES),
    level: z.number().int(),
    program: z.string().nullable(),
    category: z.string().nullable(),
    filerName: z.string(),
    filerEmail: z.string().nullable(),
    filerPhone: z.string().nullable(),
    language: z.enum(["en", "fr"]),
    description: z.string(),
    outcomeWanted: z.string(),
    receivedAt: isoTime,
    decidedAt: isoTime.nullable(),
    outcome: z.string().nullable(),
    closedAt: isoTime.nullable(),
    recourseDeadlineAt: isoTime.nullable(),
    nextDueAt: isoTime.nullable(),
    version: z.number().int().meta({ description: "Send back as `version` with an action" }),
  }),
  clocks: z.array(clockSchema),
  timeline: z.array(timelineEntrySchema),
  allowedActions: z.array(z.string()),
  assignable: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

// ---- Staff actions (scope cases.act) ------------------------------------------------------------

const version = z.number().int().min(1);
export const caseActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("take"), version, assigneeId: z.number().int().min(1) }),
  z.object({ action: z.literal("acknowledge"), version }),
  z.object({ action: z.literal("reply"), version, message: text(TEXT_LIMITS.message) }),
  z.object({ action: z.literal("note"), version, note: text(TEXT_LIMITS.message) }),
  z.object({ action: z.literal("request_info"), version, question: text(TEXT_LIMITS.message) }),
  z.object({ action: z.literal("resume"), version, reason: text(TEXT_LIMITS.shortReason) }),
  z.object({ action: z.literal("escalate"), version, reason: text(TEXT_LIMITS.reason) }),
  z.object({ action: z.literal("close"), version }),
  z.object({ action: z.literal("reopen"), version, reason: text(TEXT_LIMITS.reason) }),
  z.object({
    action: z.literal("decide"),
    version,
    outcome: z.enum(DECISION_OUTCOMES),
    reasons: text(TEXT_LIMITS.longText),
  }),
  z.object({
    action: z.literal("record_contact"),
    version,
    channel: z.enum(["call", "letter"]),
    who: text(TEXT_LIMITS.shortReason),
    at: z.iso.datetime({ offset: true }).optional().meta({ description: "When it happened; now when left out" }),
    summary: text(TEXT_LIMITS.message),
    contactOutcome: z.enum(CONTACT_OUTCOMES),
  }),
]);
export type CaseActionInput = z.infer<typeof caseActionSchema>;

export const caseActionResultSchema = z.object({ done: z.string(), case: caseDetailSchema });

// ---- Reports (scope reports.read) ---------------------------------------------------------------

const countRow = z.object({ key: z.string(), count, label: z.object({ en: z.string(), fr: z.string() }).optional() });
/** ShownFigures (report-suppression.ts): a stored release, exactly as the ministry's pages show it. */
export const shownFiguresSchema = z.object({
  areaSlug: z.string(),
  hidden: z.array(z.object({ cell: z.string(), reason: z.enum(["small", "complementary", "province"]) })).optional(),
  quarter: z.string(),
  computedAt: z.string(),
  received: z.object({
    total: count,
    byKind: z.array(countRow),
    byChannel: z.array(countRow),
    byProgram: z.array(countRow),
    byCategory: z.array(countRow),
    byProvider: z.array(countRow),
    byGroup: z.array(countRow),
  }),
  referredOut: count,
  withdrawn: count,
  extensions: count,
  providerStage: z.object({
    referred: count,
    resolved: count,
    movedOn: z.object({ total: count, byReason: z.array(countRow) }),
  }),
  decided: z.object({ total: count, byLevel: z.array(countRow), byOutcome: z.array(countRow) }),
  openAtEnd: count,
  carriedOver: count,
  clocks: z.array(
    z.object({
      kind: z.string(),
      level: z.number().int(),
      ended: count,
      onTimeShare: z.number().nullable(),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
      pausedDays: z.number().nullable(),
    }),
  ),
  escalations: z.object({ total: count, byLevel: z.array(countRow), byCause: z.array(countRow) }),
  recourse: z.object({ total: count, byOutcome: z.array(countRow) }),
  satisfaction: z.object({
    responses: count,
    clear: z.number().nullable(),
    fair: z.number().nullable(),
    timely: z.number().nullable(),
  }),
});

export const quarterReportsSchema = z.object({
  quarter: z.string(),
  submitted: z.number().int(),
  expected: z.number().int(),
  reports: z.array(
    z.object({
      areaSlug: z.string(),
      areaNameEn: z.string(),
      areaNameFr: z.string(),
      version: z.number().int(),
      submittedAt: isoTime,
      figures: shownFiguresSchema,
    }),
  ),
  province: shownFiguresSchema.nullable(),
});
