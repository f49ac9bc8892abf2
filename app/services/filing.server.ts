import { randomUUID } from "node:crypto";
import { writeTransaction, type DB } from "../../db/client";
import {
  findAreaWithSsm,
  findOrganizationBySlug,
  listActiveProvidersInArea,
  type AreaWithSsm,
} from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { insertCaseEvent } from "../../db/repositories/case-events";
import { insertClock } from "../../db/repositories/case-clocks";
import { insertNewCaseReportFacts } from "../../db/repositories/report-facts";
import { findCaseBySubmissionKey, insertCase, nextReferenceSequence } from "../../db/repositories/cases";
import { enqueueEmail } from "../../db/repositories/email-outbox";
import { findPolicyInForce } from "../../db/repositories/policies";
import type { CaseKind, Channel, Language } from "../../db/schema";
import { MINISTRY } from "../../db/seed/catchment-areas";
import { acknowledgementEmail, referredOutEmail } from "../../emails/case-emails";
import { fileCase } from "../domain/case-lifecycle";
import { providerStageOf } from "../domain/policy";
import { referredAtFiling } from "../domain/provider-stage";
import { formatCaseReference } from "../domain/case-reference";
import { selfIdentificationOf, type ComplaintInput } from "../domain/complaint-input";
import { isRetainedByMinistry } from "../domain/programs";
import { localDateOf } from "../domain/time-zone";
import { codeText, translator } from "../i18n";
import { generateAccessSecret, hashAccessSecret } from "../utils/access-secret.server";
import { createCaseAccessLink } from "./case-access.server";
import { filerEmailBasics } from "./case-notifications.server";
import { wakeOutboxWorker } from "./outbox-worker.server";
import { fieldRefused, type Ok, type Refused } from "../domain/result";

export type FilingResult =
  | Ok<{
      kind: "filed";
      caseId: number;
      reference: string;
      secret: string;
      emailedTo: string | null;
      referredOut: boolean;
    }>
  | Ok<{ kind: "duplicate"; reference: string }>
  | Refused;

/** Everything a new case is made of, whoever files it and however it arrived. */
export interface NewCaseInput {
  areaSlug: string;
  kind: CaseKind;
  channel: Channel;
  program: string | null;
  category: string | null;
  respondentOrgId: number | null;
  filerUserId: number | null;
  filerOrgId: number | null;
  filerName: string;
  filerEmail: string | null;
  filerPhone: string | null;
  language: Language;
  accommodationNeeded: boolean;
  accommodationDetails: string | null;
  description: string;
  outcomeWanted: string;
  selfIdentification: Record<string, string> | null;
  /** The client agreed that the provider may be told who they are (issue #17). */
  identityShared?: boolean;
  submissionKey: string | undefined;
  receivedAt: Date;
  /** Who recorded it, for the audit log: the filer themselves, or a staff member taking it by phone. */
  recordedBy: { userId: number | null; label: string };
  /** More to write with the case, in its transaction (the filing counted against its address's limit). */
  alsoRecord?: (trx: DB) => Promise<void>;
}

/**
 * Records a new case with its clocks, timeline entry, audit entry and acknowledgement email in one
 * transaction: all of it is stored or none of it. A complaint about a program the ministry keeps is
 * recorded as referred out: no clocks, and the filer is told where to go.
 */
export async function recordNewCase(db: DB, input: NewCaseInput, now: Date): Promise<FilingResult> {
  const nowIso = now.toISOString();
  const result = await writeTransaction(db, async (trx): Promise<FilingResult> => {
    if (input.submissionKey) {
      const existing = await findCaseBySubmissionKey(trx, input.submissionKey);
      if (existing) return { ok: true, kind: "duplicate", reference: existing.reference };
    }
    const area = await findAreaWithSsm(trx, input.areaSlug);
    if (!area) return fieldRefused("area", "error.choose");

    const localDay = localDateOf(input.receivedAt, area.time_zone);
    const stored = await findPolicyInForce(trx, area.slug, localDay);
    if (!stored) throw new Error(`No dispute policy in force for ${area.slug} on ${localDay}`);
    const referredOut = input.program !== null && isRetainedByMinistry(input.program);
    const toProvider = referredAtFiling(providerStageOf(stored.policy), {
      kind: input.kind,
      respondentOrgId: input.respondentOrgId,
    });
    const filed = fileCase(stored.policy, input.receivedAt, referredOut, now, toProvider);
    const clocks = filed.clocks;

    const year = Number(localDay.slice(0, 4));
    const reference = formatCaseReference(area.code, year, await nextReferenceSequence(trx, area.slug, year));
    const secret = generateAccessSecret();
    const row = await insertCase(trx, {
      reference,
      area_slug: area.slug,
      kind: input.kind,
      channel: input.channel,
      status: filed.status,
      level: filed.level,
      program: input.program,
      category: input.category,
      respondent_org_id: input.respondentOrgId,
      assignee_id: null,
      filer_user_id: input.filerUserId,
      filer_org_id: input.filerOrgId,
      filer_name: input.filerName,
      filer_email: input.filerEmail,
      filer_phone: input.filerPhone,
      language: input.language,
      accommodation_needed: input.accommodationNeeded ? 1 : 0,
      accommodation_details: input.accommodationNeeded ? input.accommodationDetails : null,
      description: input.description,
      outcome_wanted: input.outcomeWanted,
      self_identification_json:
        input.selfIdentification && Object.keys(input.selfIdentification).length
          ? JSON.stringify(input.selfIdentification)
          : null,
      secret_hash: hashAccessSecret(secret),
      submission_key: input.submissionKey ?? randomUUID(),
      policy_id: stored.id,
      received_at: input.receivedAt.toISOString(),
      decided_at: null,
      outcome: null,
      closed_at: filed.closedAt,
      recourse_deadline_at: null,
      next_due_at: filed.nextDueAt,
      identity_shared: input.identityShared ? 1 : 0,
      provider_referred_at: filed.providerReferredAt,
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
    });
    for (const clock of clocks) await insertClock(trx, row.id, clock);

    const event = (type: string) =>
      insertCaseEvent(trx, {
        case_id: row.id,
        type,
        visibility: "public",
        // Staff taking a complaint by phone act for the filer; a provider user files for themselves.
        actor_kind:
          input.recordedBy.userId !== null && input.recordedBy.userId !== input.filerUserId ? "staff" : "filer",
        actor_user_id: input.recordedBy.userId,
        level: 1,
        body: null,
        data_json: JSON.stringify(
          type === "referred_to_provider"
            ? { answerBy: clocks.find((c) => c.kind === "provider_response")!.dueAt }
            : { channel: row.channel, kind: row.kind },
        ),
        created_at: nowIso,
      });
    for (const type of filed.events) await event(type);
    await insertNewCaseReportFacts(
      trx,
      row,
      filed.events.map((type) => ({ type, level: 1, createdAt: nowIso, dataJson: null })),
      clocks.map((k) => ({
        ...k,
        takenBusinessDays: k.takenBusinessDays ?? null,
        pausedBusinessDays: k.pausedBusinessDays ?? null,
      })),
    );
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: input.recordedBy.userId,
      actorLabel: input.recordedBy.label,
      organizationId: area.ssm.id,
      action: referredOut ? "case.referred_out" : "case.filed",
      targetType: "case",
      targetId: reference,
      details: { channel: row.channel, kind: row.kind },
    });

    if (row.filer_email) {
      const common = filerEmailBasics(row, area);
      const email = referredOut
        ? referredOutEmail({
            ...common,
            programLabel: codeText(translator(row.language), "program", input.program ?? ""),
            ministryPhone: MINISTRY.contact_phone,
          })
        : acknowledgementEmail({
            ...common,
            receivedAt: row.received_at,
            acknowledgeDueAt: clocks.find((c) => c.kind === "acknowledge")!.dueAt,
            // Referred at filing: the provider's answer is the first response the person waits for.
            firstResponseDueAt: clocks.find((c) => c.kind === "first_response" || c.kind === "provider_response")!
              .dueAt,
            accommodationNeeded: row.accommodation_needed === 1,
            // The link opens the case for the address it is sent to, the one on the case.
            openLink:
              row.kind === "provider_dispute" ? null : await createCaseAccessLink(trx, row.id, "acknowledgement", now),
          });
      await enqueueEmail(
        trx,
        {
          dedupeKey: `case:${row.id}:filed`,
          caseId: row.id,
          recipient: row.filer_email,
          language: row.language,
          template: referredOut ? "referred_out" : "acknowledgement",
          replyable: true,
          ...email,
        },
        nowIso,
      );
    }
    await input.alsoRecord?.(trx);
    return { ok: true, kind: "filed", caseId: row.id, reference, secret, emailedTo: row.filer_email, referredOut };
  });
  if (result.kind === "filed" && result.emailedTo) wakeOutboxWorker();
  return result;
}

async function providerInArea(db: DB, area: AreaWithSsm | null, provider: string): Promise<number | null | "invalid"> {
  if (provider === "unknown") return null;
  if (!area) return "invalid";
  const match = (await listActiveProvidersInArea(db, area.slug)).find((p) => p.id === Number(provider));
  return match ? match.id : "invalid";
}

/** A client's complaint about a service provider, from the web form or taken down by staff. */
export async function fileClientComplaint(input: {
  db: DB;
  complaint: ComplaintInput;
  now: Date;
  channel?: Channel;
  receivedAt?: Date;
  recordedBy?: { userId: number; label: string };
  /** Written in the filing's own transaction, only if it is filed: one commit, not two. */
  alsoRecord?: (trx: DB) => Promise<void>;
}): Promise<FilingResult> {
  const { db, complaint } = input;
  const area = await findAreaWithSsm(db, complaint.area);
  const respondent = await providerInArea(db, area, complaint.provider);
  if (respondent === "invalid") return fieldRefused("provider", "error.providerArea");
  return recordNewCase(
    db,
    {
      areaSlug: complaint.area,
      kind: "client_complaint",
      channel: input.channel ?? "web",
      program: complaint.program,
      category: null,
      respondentOrgId: respondent,
      filerUserId: null,
      filerOrgId: null,
      filerName: complaint.name,
      filerEmail: complaint.email ?? null,
      filerPhone: complaint.phone ?? null,
      language: complaint.language,
      accommodationNeeded: complaint.accommodation === "yes",
      accommodationDetails: complaint.accommodationDetails ?? null,
      description: complaint.description,
      outcomeWanted: complaint.outcomeWanted,
      selfIdentification: selfIdentificationOf(complaint),
      identityShared: complaint.shareIdentity === "yes",
      submissionKey: complaint.submissionKey,
      receivedAt: input.receivedAt ?? input.now,
      recordedBy: input.recordedBy ?? { userId: null, label: "filer" },
      alsoRecord: input.alsoRecord,
    },
    input.now,
  );
}

export async function ministryContact(db: DB) {
  const ministry = await findOrganizationBySlug(db, MINISTRY.slug);
  return {
    name_en: ministry?.name_en ?? MINISTRY.name_en,
    name_fr: ministry?.name_fr ?? MINISTRY.name_fr,
    phone: ministry?.contact_phone ?? MINISTRY.contact_phone,
  };
}
