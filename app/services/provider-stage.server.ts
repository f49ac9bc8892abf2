import type { DB } from "../../db/client";
import { findOrganizationById, listActiveProvidersInArea } from "../../db/repositories/areas";
import { listCaseEvents } from "../../db/repositories/case-events";
import { findCaseById, findCaseByReference } from "../../db/repositories/cases";
import { listAttachmentsOfCase, shareRespondentAttachments } from "../../db/repositories/attachments";
import {
  countProviderStage,
  findProviderAnswer,
  listComplaintsAboutProvider,
} from "../../db/repositories/provider-stage";
import type { ActorKind, CaseRow } from "../../db/schema";
import { ownArea, ownProvider } from "../domain/access";
import {
  providerStageStaffActions,
  providerStageTransition,
  providerStep,
  type ProviderStageCommand,
  type ProviderStageInput,
} from "../domain/case-lifecycle-provider";
import type { LifecycleRefusal } from "../domain/case-lifecycle";
import { MAX_ANSWER_FILES } from "../domain/file-type";
import { providerStageOf } from "../domain/policy";
import { respondentView } from "../domain/provider-stage";
import { actorOf, authorize, caseScopeOf, respondentScopeOf } from "./access.server";
import type { SessionUser } from "./auth.server";
import { attachToCase, fileRefusalReason } from "./attachments.server";
import { changeWithNotices } from "./case-notices.server";
import {
  CaseActionRefused,
  lifecycleInput,
  loadCaseContext,
  runCaseAction,
  type CaseContext,
} from "./case-records.server";

// The provider stage's use cases (issue #17): the lifecycle rules decide, this file loads, checks
// who is acting through the one gate, renders the notices and commits.

export type ProviderStageRefusalReason = LifecycleRefusal | "not_found" | "stale";
export type ProviderStageResult = { ok: true } | { ok: false; reason: ProviderStageRefusalReason };
class Refused extends CaseActionRefused<ProviderStageRefusalReason> {}

function stageInput(row: CaseRow, context: CaseContext, now: Date): ProviderStageInput<CaseContext["clocks"][number]> {
  return {
    ...lifecycleInput(row, context, now),
    complaint: {
      kind: row.kind,
      respondentOrgId: row.respondent_org_id,
      level: row.level,
      providerReferredAt: row.provider_referred_at,
    },
  };
}

/** Who acts, and whether they may act on this case: staff of its SSM, its provider, or its client. */
type Acting =
  | { kind: "staff"; user: SessionUser; reference: string; expectedVersion: number }
  | { kind: "provider"; user: SessionUser; reference: string }
  | { kind: "client"; caseId: number };

async function loadActing(
  trx: DB,
  acting: Acting,
): Promise<{ row: CaseRow; actorKind: ActorKind; userId: number | null }> {
  if (acting.kind === "client") {
    const row = await findCaseById(trx, acting.caseId);
    if (!row) throw new Refused("not_found");
    return { row, actorKind: "filer", userId: null };
  }
  const actor = await actorOf(trx, acting.user);
  const row = await findCaseByReference(trx, acting.reference);
  if (!row) throw new Refused("not_found");
  if (acting.kind === "staff") {
    if (!authorize(actor, "case.work", { type: "case", case: caseScopeOf(row) })) throw new Refused("not_found");
    if (row.version !== acting.expectedVersion) throw new Refused("stale");
    return { row, actorKind: "staff", userId: acting.user.id };
  }
  if (!authorize(actor, "complaint.respond", { type: "respondent_case", case: respondentScopeOf(row) }))
    throw new Refused("not_found");
  return { row, actorKind: "respondent", userId: acting.user.id };
}

/** One step of the provider stage, written in one transaction with its clocks, timeline, audit entry and emails. */
export async function performProviderStageAction(input: {
  db: DB;
  acting: Acting;
  command: Exclude<ProviderStageCommand, { action: "release_answer" }> | { by: "staff"; action: "release_answer" };
  now: Date;
}): Promise<ProviderStageResult> {
  const { db, acting, now } = input;
  if (acting.kind !== input.command.by) return { ok: false, reason: "not_found" };
  return runCaseAction<ProviderStageRefusalReason>(db, now, async (trx) => {
    const { row, actorKind, userId } = await loadActing(trx, acting);
    const context = await loadCaseContext(trx, row);
    let command: ProviderStageCommand;
    if (input.command.action === "release_answer") {
      const held = await findProviderAnswer(trx, row.id);
      if (!held) throw new Refused("nothing_to_release");
      command = {
        by: "staff",
        action: "release_answer",
        held: { answer: held.body, proposedResolution: held.proposedResolution },
      };
    } else {
      command = input.command;
    }
    const result = providerStageTransition(stageInput(row, context, now), command);
    if (!result.ok) throw new Refused(result.reason);
    // The files of a checked answer wait behind the check with it.
    if (command.action === "release_answer") await shareRespondentAttachments(trx, row.id);
    const change = await changeWithNotices({
      trx,
      row,
      context,
      change: result.change,
      actor: { kind: actorKind, userId },
      now,
    });
    change.audit = {
      actorUserId: userId,
      actorLabel: acting.kind === "client" ? "filer" : acting.user.email,
      organizationId: acting.kind === "client" ? context.area.ssm.id : acting.user.organization_id,
      action: `case.provider_stage.${command.action}`,
      details: null,
    };
    return { row, change };
  });
}

export type ProviderAnswerResult =
  ProviderStageResult | { ok: false; reason: "empty" | "too_big" | "type" | "too_many_files" };

/**
 * The provider answers, with files if it attached any. Each file is checked like every upload before
 * the answer is recorded, so a refused file leaves the answer unsent. The files are stored as the
 * provider's, for staff only while the answer waits for staff to check it, and for the client as soon
 * as the answer is the client's to read.
 */
export async function answerAsProvider(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  answer: string;
  proposedResolution: string | null;
  files: { name: string; bytes: Uint8Array }[];
  now: Date;
}): Promise<ProviderAnswerResult> {
  const { db, user, reference, now } = input;
  if (input.files.length > MAX_ANSWER_FILES) return { ok: false, reason: "too_many_files" };
  for (const f of input.files) {
    const refusal = fileRefusalReason(f.bytes);
    if (refusal) return { ok: false, reason: refusal };
  }
  const answered = await performProviderStageAction({
    db,
    acting: { kind: "provider", user, reference },
    command: { by: "provider", action: "answer", answer: input.answer, proposedResolution: input.proposedResolution },
    now,
  });
  if (!answered.ok || input.files.length === 0) return answered;
  const row = await findCaseByReference(db, reference);
  if (!row) return { ok: false, reason: "not_found" };
  for (const f of input.files) {
    await attachToCase({
      db,
      caseId: row.id,
      file: f,
      uploadedBy: { kind: "respondent", userId: user.id, label: user.email },
      visibility: "internal",
      now,
    });
  }
  // Shared after storing, not before: a release that came in between has shared what it saw.
  const step = providerStep(lifecycleInput(row, await loadCaseContext(db, row), now));
  if (step !== "in_check") await shareRespondentAttachments(db, row.id);
  return answered;
}

const LIST_LIMIT = 200;

/** The complaints about the provider user's own organization that were referred to it; null for anyone else. */
export async function complaintsAboutOwnProvider(input: { db: DB; user: SessionUser; now: Date }) {
  const actor = await actorOf(input.db, input.user);
  const providerId = authorize(actor, "complaint.respond") ? ownProvider(actor) : null;
  if (providerId === null) return null;
  const rows = await listComplaintsAboutProvider(input.db, providerId, LIST_LIMIT);
  return rows.map((r) => ({
    reference: r.reference,
    receivedAt: r.received_at,
    program: r.program,
    step:
      r.status !== "with_provider"
        ? ("done" as const)
        : r.stage_kind === "provider_response"
          ? ("awaiting_answer" as const)
          : r.stage_kind === "client_review"
            ? ("awaiting_client" as const)
            : ("in_check" as const),
    answerBy: r.stage_kind === "provider_response" ? r.stage_due_at : null,
    late: r.stage_kind === "provider_response" && r.stage_due_at !== null && r.stage_due_at < input.now.toISOString(),
  }));
}

/**
 * One complaint as its provider reads it: the facts, who complained only with the client's consent
 * (respondentView), where it stands, and the provider's own answer. Null outside its scope.
 */
export async function complaintForRespondent(input: { db: DB; user: SessionUser; reference: string; now: Date }) {
  const actor = await actorOf(input.db, input.user);
  const row = await findCaseByReference(input.db, input.reference);
  if (!row || !authorize(actor, "complaint.respond", { type: "respondent_case", case: respondentScopeOf(row) }))
    return null;
  const [context, answer, attachments] = await Promise.all([
    loadCaseContext(input.db, row),
    findProviderAnswer(input.db, row.id),
    listAttachmentsOfCase(input.db, row.id, { publicOnly: false }),
  ]);
  const step = providerStep(lifecycleInput(row, context, input.now));
  const owed = context.clocks.find((c) => c.kind === "provider_response" && c.state === "running");
  return {
    complaint: respondentView({
      reference: row.reference,
      receivedAt: row.received_at,
      program: row.program,
      description: row.description,
      outcomeWanted: row.outcome_wanted,
      identityShared: row.identity_shared === 1,
      filerName: row.filer_name,
      filerEmail: row.filer_email,
      filerPhone: row.filer_phone,
    }),
    step: step ?? ("done" as const),
    answerBy: owed?.dueAt ?? null,
    answer: answer ? { body: answer.body, proposedResolution: answer.proposedResolution, at: answer.createdAt } : null,
    // Its own answer's files only: the client's may name them (access.ts, respondent_attachment).
    files: attachments
      .filter((a) => a.uploaded_by_kind === "respondent")
      .map((a) => ({ id: a.id, original_name: a.original_name, size_bytes: a.size_bytes })),
    timeZone: context.policy.policy.calendar.timeZone,
  };
}

/** What the staff case page shows of the provider stage, and the steps staff may take there. */
export async function providerStageForStaff(db: DB, row: CaseRow, context: CaseContext, now: Date) {
  const input = stageInput(row, context, now);
  const step = providerStep(input);
  const actions = providerStageStaffActions(input);
  if (row.kind !== "client_complaint" || (!step && actions.length === 0 && row.provider_referred_at === null))
    return null;
  const held = step === "in_check" ? await findProviderAnswer(db, row.id) : null;
  return {
    step,
    actions,
    identityShared: row.identity_shared === 1,
    referredAt: row.provider_referred_at,
    held: held ? { body: held.body, proposedResolution: held.proposedResolution } : null,
  };
}

/** The provider's answer the client may read now, and the window to say whether it resolves it. */
export async function providerAnswerForClient(db: DB, row: CaseRow, context: CaseContext, now: Date) {
  const step = providerStep(lifecycleInput(row, context, now));
  if (step !== "awaiting_client" && step !== "awaiting_answer") return null;
  const stage = providerStageOf(context.policy.policy);
  if (step === "awaiting_answer") {
    const owed = context.clocks.find((c) => c.kind === "provider_response" && c.state === "running");
    return { step, answerBy: owed?.dueAt ?? null, answer: null };
  }
  const events = await listCaseEvents(db, row.id, { publicOnly: true });
  const released = [...events]
    .reverse()
    .find((e) => e.type === "provider_answered" || e.type === "provider_answer_released");
  const review = context.clocks.find((c) => c.kind === "client_review" && c.state === "running");
  if (!released || !review) return null;
  const data = released.data_json ? (JSON.parse(released.data_json) as { proposedResolution?: string | null }) : {};
  return {
    step,
    answerBy: null,
    answer: {
      body: released.body ?? "",
      proposedResolution: data.proposedResolution ?? null,
      reviewBy: review.dueAt,
      silence: stage.silence,
      recourseWindowDays: context.policy.policy.recourseWindowDays,
    },
  };
}

/** Per provider of the staff member's SSM: complaints with it, late answers now and ever, answers to check. */
export async function providerStageOverview(input: { db: DB; user: SessionUser; now: Date }) {
  const actor = await actorOf(input.db, input.user);
  const area = authorize(actor, "case.read") ? ownArea(actor) : null;
  if (!area) return null;
  const [counts, providers] = await Promise.all([
    countProviderStage(input.db, area, input.now.toISOString()),
    listActiveProvidersInArea(input.db, area),
  ]);
  const names = new Map(providers.map((p) => [p.id, p]));
  const rows = await Promise.all(
    counts.map(async (c) => {
      const p = names.get(c.providerId) ?? (await findOrganizationById(input.db, c.providerId));
      return { ...c, name_en: p?.name_en ?? String(c.providerId), name_fr: p?.name_fr ?? String(c.providerId) };
    }),
  );
  return rows.sort((a, b) => b.lateEver - a.lateEver || a.name_en.localeCompare(b.name_en));
}
