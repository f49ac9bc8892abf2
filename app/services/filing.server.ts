import { randomUUID } from "node:crypto";
import { writeTransaction, type DB } from "../../db/client";
import { findAreaWithSsm, listActiveProvidersInArea } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { insertCaseEvent } from "../../db/repositories/case-events";
import { findCaseBySubmissionKey, insertCase, nextReferenceSequence } from "../../db/repositories/cases";
import { enqueueEmail } from "../../db/repositories/email-outbox";
import { findPolicyInForce } from "../../db/repositories/policies";
import type { Channel } from "../../db/schema";
import { acknowledgementEmail } from "../../emails/case-emails";
import { formatCaseReference } from "../domain/case-reference";
import { initialClocks, nextDueAt } from "../domain/case-clocks";
import { insertClock } from "../../db/repositories/case-clocks";
import type { ComplaintInput } from "../domain/complaint-input";
import { localDateOf } from "../domain/time-zone";
import { generateAccessSecret, hashAccessSecret } from "../utils/access-secret.server";
import { statusLink } from "./case-notifications.server";
import { wakeOutboxWorker } from "./outbox-worker.server";

export type FilingResult =
  | { kind: "filed"; caseId: number; reference: string; secret: string; emailedTo: string | null }
  | { kind: "duplicate"; reference: string }
  | { kind: "invalid"; field: "area" | "provider"; message: "error.choose" | "error.providerArea" };

/**
 * Records a client complaint with its clocks, timeline entry, audit entry and acknowledgement
 * email in one transaction: either all of it is stored or none of it.
 */
export async function fileClientComplaint(input: {
  db: DB;
  complaint: ComplaintInput;
  now: Date;
  channel?: Channel;
  receivedAt?: Date;
}): Promise<FilingResult> {
  const { db, complaint, now } = input;
  const receivedAt = input.receivedAt ?? now;
  const nowIso = now.toISOString();

  const result = await writeTransaction(db, async (trx): Promise<FilingResult> => {
    if (complaint.submissionKey) {
      const existing = await findCaseBySubmissionKey(trx, complaint.submissionKey);
      if (existing) return { kind: "duplicate", reference: existing.reference };
    }
    const area = await findAreaWithSsm(trx, complaint.area);
    if (!area) return { kind: "invalid", field: "area", message: "error.choose" };

    let respondentOrgId: number | null = null;
    if (complaint.provider !== "unknown") {
      const providers = await listActiveProvidersInArea(trx, area.slug);
      const match = providers.find((p) => p.id === Number(complaint.provider));
      if (!match) return { kind: "invalid", field: "provider", message: "error.providerArea" };
      respondentOrgId = match.id;
    }

    const localDay = localDateOf(receivedAt, area.time_zone);
    const stored = await findPolicyInForce(trx, area.slug, localDay);
    if (!stored) throw new Error(`No dispute policy in force for ${area.slug} on ${localDay}`);
    const clocks = initialClocks(stored.policy, receivedAt);

    const year = Number(localDay.slice(0, 4));
    const reference = formatCaseReference(area.code, year, await nextReferenceSequence(trx, area.slug, year));
    const secret = generateAccessSecret();

    const row = await insertCase(trx, {
      reference,
      area_slug: area.slug,
      kind: "client_complaint",
      channel: input.channel ?? "web",
      status: "received",
      level: 1,
      program: complaint.program,
      category: null,
      respondent_org_id: respondentOrgId,
      assignee_id: null,
      filer_user_id: null,
      filer_org_id: null,
      filer_name: complaint.name,
      filer_email: complaint.email ?? null,
      filer_phone: complaint.phone ?? null,
      language: complaint.language,
      accommodation_needed: complaint.accommodation === "yes" ? 1 : 0,
      accommodation_details: complaint.accommodation === "yes" ? (complaint.accommodationDetails ?? null) : null,
      description: complaint.description,
      outcome_wanted: complaint.outcomeWanted,
      secret_hash: hashAccessSecret(secret),
      submission_key: complaint.submissionKey ?? randomUUID(),
      policy_id: stored.id,
      received_at: receivedAt.toISOString(),
      decided_at: null,
      outcome: null,
      closed_at: null,
      recourse_deadline_at: null,
      next_due_at: nextDueAt(clocks),
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
    });

    for (const clock of clocks) await insertClock(trx, row.id, clock);
    await insertCaseEvent(trx, {
      case_id: row.id,
      type: "filed",
      visibility: "public",
      actor_kind: "filer",
      actor_user_id: null,
      level: 1,
      body: null,
      data_json: JSON.stringify({ channel: row.channel }),
      created_at: nowIso,
    });
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: null,
      actorLabel: "filer",
      organizationId: area.ssm.id,
      action: "case.filed",
      targetType: "case",
      targetId: reference,
      details: { channel: row.channel },
    });

    if (row.filer_email) {
      const email = acknowledgementEmail({
        language: row.language,
        filerName: row.filer_name,
        reference,
        ssmName: row.language === "fr" ? area.ssm.name_fr : area.ssm.name_en,
        statusLink: statusLink(reference),
        receivedAt: row.received_at,
        acknowledgeDays: stored.policy.acknowledgeDays,
        firstResponseDueAt: clocks.find((c) => c.kind === "first_response")!.dueAt,
        accommodationNeeded: row.accommodation_needed === 1,
      });
      await enqueueEmail(
        trx,
        {
          dedupeKey: `case:${row.id}:filed`,
          caseId: row.id,
          recipient: row.filer_email,
          language: row.language,
          template: "acknowledgement",
          ...email,
        },
        nowIso,
      );
    }
    return { kind: "filed", caseId: row.id, reference, secret, emailedTo: row.filer_email };
  });

  if (result.kind === "filed" && result.emailedTo) wakeOutboxWorker();
  return result;
}
