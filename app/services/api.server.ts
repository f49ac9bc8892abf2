import type { DB } from "../../db/client";
import type { CaseActionInput } from "../domain/api-contract";
import type { z } from "zod";
import type { caseDetailSchema, caseListSchema, quarterReportsSchema } from "../domain/api-contract";
import type { QueueFilters } from "../domain/queue-filters";
import { authorize, actorOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { staffQueue } from "./case-queue.server";
import { staffCaseView } from "./case-view.server";
import { quarterComparison } from "./quarter-reports.server";
import { performStaffAction, type StaffActionResult, type StaffCommand } from "./staff-actions.server";

// The JSON API's use cases (issue #22): each calls the service its page calls, with the token's
// principal, and shapes the answer to the contract (app/domain/api-contract.ts). Nothing is
// decided here that the page's service does not decide: the same queue, the same gate, the same
// lifecycle refusals, the same stored report releases.

type CaseList = z.infer<typeof caseListSchema>;
type CaseDetail = z.infer<typeof caseDetailSchema>;
type QuarterReports = z.infer<typeof quarterReportsSchema>;

export async function apiCaseList(input: {
  db: DB;
  user: SessionUser;
  filters: QueueFilters;
  now: Date;
}): Promise<CaseList | null> {
  const queue = await staffQueue(input);
  if (!queue) return null;
  return {
    cases: queue.rows.map((r) => ({
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      level: r.level,
      receivedAt: r.received_at,
      nextDueAt: r.next_due_at,
      overdue: r.overdue,
      dueSoon: r.dueSoon,
      businessDaysLeft: r.businessDaysLeft,
      filerName: r.filer_name,
      respondent:
        r.respondent_name_en !== null ? { nameEn: r.respondent_name_en, nameFr: r.respondent_name_fr ?? "" } : null,
      assigneeName: r.assignee_name,
    })),
    nextCursor: queue.nextCursor,
  };
}

export async function apiCase(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  now: Date;
}): Promise<CaseDetail | null> {
  const view = await staffCaseView(input);
  if (!view) return null;
  const c = view.case;
  return {
    case: {
      reference: c.reference,
      kind: c.kind,
      channel: c.channel,
      status: c.status,
      level: c.level,
      program: c.program,
      category: c.category,
      filerName: c.filer_name,
      filerEmail: c.filer_email,
      filerPhone: c.filer_phone,
      language: c.language,
      description: c.description,
      outcomeWanted: c.outcome_wanted,
      receivedAt: c.received_at,
      decidedAt: c.decided_at,
      outcome: c.outcome,
      closedAt: c.closed_at,
      recourseDeadlineAt: c.recourse_deadline_at,
      nextDueAt: c.next_due_at,
      version: c.version,
    },
    clocks: view.clocks.map((k) => ({
      kind: k.kind,
      level: k.level,
      state: k.state,
      countsFrom: k.countsFrom,
      dueAt: k.dueAt,
      metAt: k.metAt,
      businessDaysLeft: k.businessDaysLeft,
      overdue: k.overdue,
      extended: k.extended,
    })),
    timeline: view.events.map((e) => ({
      type: e.type,
      visibility: e.visibility,
      actorKind: e.actor_kind,
      actorName: e.actor_name,
      level: e.level,
      body: e.body,
      at: e.created_at,
    })),
    allowedActions: [...view.allowed],
    assignable: view.assignable,
  };
}

/** The API's action as the page's StaffCommand: the same service, so the same refusals. */
function staffCommandOf(input: CaseActionInput, now: Date): StaffCommand {
  switch (input.action) {
    case "take":
      return { action: "take", assigneeId: input.assigneeId };
    case "reply":
      return { action: "reply", message: input.message };
    case "note":
      return { action: "note", message: input.note };
    case "request_info":
      return { action: "request_info", message: input.question };
    case "resume":
    case "escalate":
    case "reopen":
      return { action: input.action, reason: input.reason };
    case "decide":
      return { action: "decide", outcome: input.outcome, reasons: input.reasons };
    case "record_contact":
      return {
        action: "record_contact",
        contact: {
          channel: input.channel,
          who: input.who,
          at: input.at ? new Date(input.at).toISOString() : now.toISOString(),
          summary: input.summary,
          // As on the case page: a letter sent is a contact that reaches the person.
          outcome: input.channel === "letter" ? "reached" : input.contactOutcome,
        },
      };
    case "acknowledge":
    case "close":
      return { action: input.action };
  }
}

export async function apiCaseAction(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  body: CaseActionInput;
  now: Date;
}): Promise<StaffActionResult> {
  return performStaffAction({
    db: input.db,
    user: input.user,
    reference: input.reference,
    expectedVersion: input.body.version,
    command: staffCommandOf(input.body, input.now),
    now: input.now,
  });
}

/**
 * Every SSM's submitted report of a quarter as the ministry's comparison page shows it: the stored
 * release (quarterComparison → releasedQuarter), never figures computed again. Null for a principal
 * without the province's reports.
 */
export async function apiQuarterReports(input: {
  db: DB;
  user: SessionUser;
  quarter: string;
  settings: { threshold: number; dueDays: number };
  now: Date;
}): Promise<QuarterReports | null> {
  const actor = await actorOf(input.db, input.user);
  if (!authorize(actor, "report.read_province")) return null;
  const comparison = await quarterComparison(
    input.db,
    input.quarter,
    input.settings.threshold,
    input.settings.dueDays,
    input.now,
  );
  return {
    quarter: comparison.quarter,
    submitted: comparison.submitted,
    expected: comparison.expected,
    reports: comparison.rows.flatMap((row) =>
      row.report
        ? [
            {
              areaSlug: row.area.slug,
              areaNameEn: row.area.name_en,
              areaNameFr: row.area.name_fr,
              version: row.report.version,
              submittedAt: row.report.submittedAt,
              figures: row.report.figures,
            },
          ]
        : [],
    ),
    province: comparison.province,
  };
}
