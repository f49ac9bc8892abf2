import { createHash, randomBytes } from "node:crypto";
import { writeTransaction, type DB } from "../../db/client";
import { findAreaWithSsm } from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import {
  findUsableCaseAccessLink,
  insertCaseAccessLink,
  revokeOpenCaseAccessLinks,
  useCaseAccessLink,
} from "../../db/repositories/case-access-links";
import { findCaseById, findCaseByReference, replaceCaseSecretHash } from "../../db/repositories/cases";
import { insertCaseEvent } from "../../db/repositories/case-events";
import { enqueueEmail } from "../../db/repositories/email-outbox";
import { deleteFilerSessionsOfCase } from "../../db/repositories/filer-sessions";
import type { CaseRow } from "../../db/schema";
import { accessLinkEmail } from "../../emails/case-emails";
import { normalizeCaseReference } from "../domain/case-reference";
import { nameIn } from "../i18n/localized";
import { generateAccessSecret, hashAccessSecret } from "../utils/access-secret.server";
import { publicUrl } from "../utils/env.server";
import { actorOf, caseFor } from "./access.server";
import type { SessionUser } from "./auth.server";
import { startFilerSession } from "./case-lookup.server";
import { wakeOutboxWorker } from "./outbox-worker.server";

// Ways back into a case without the access code (issue #18, docs/decisions/015): a link mailed to
// the address on the case, and a new code staff give after checking who is calling.

/** How long each link works: the acknowledgement's for a while, a recovery link for a day. */
export const LINK_LIFETIME_MS = { acknowledgement: 14 * 24 * 3600 * 1000, recovery: 24 * 3600 * 1000 } as const;
type LinkPurpose = keyof typeof LINK_LIFETIME_MS;

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Records a single-use link to the case and returns its address (to put in an email only). */
export async function createCaseAccessLink(db: DB, caseId: number, purpose: LinkPurpose, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertCaseAccessLink(db, {
    caseId,
    tokenHash: tokenHash(token),
    purpose,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS[purpose]).toISOString(),
  });
  return `${publicUrl()}/status/open/${token}`;
}

/** Whether a link would open a case now (GET shows the button; it does not use the link). */
export async function caseAccessLinkIsUsable(db: DB, token: string, now: Date): Promise<boolean> {
  return (await findUsableCaseAccessLink(db, tokenHash(token), now.toISOString())) !== null;
}

/**
 * Uses a link (POST, the person pressed the button): once only, and only while it has not expired
 * or been revoked. Returns the filer session's token, or null.
 */
export async function openCaseByLink(input: { db: DB; token: string; now: Date }): Promise<string | null> {
  const nowIso = input.now.toISOString();
  return writeTransaction(input.db, async (trx) => {
    const link = await findUsableCaseAccessLink(trx, tokenHash(input.token), nowIso);
    if (!link || !(await useCaseAccessLink(trx, link.id, nowIso))) return null;
    const row = await findCaseById(trx, link.caseId);
    if (!row) return null;
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: null,
      actorLabel: "filer",
      organizationId: (await findAreaWithSsm(trx, row.area_slug))?.ssm.id ?? null,
      action: "filer.access_opened_by_link",
      targetType: "case",
      targetId: row.reference,
      details: null,
    });
    return startFilerSession(trx, row.id, input.now);
  });
}

export type RecoveryResult =
  { kind: "sent" } | { kind: "no_email"; ssm_en: string; ssm_fr: string; phone: string | null } | { kind: "not_found" };

/**
 * "I lost my code": a fresh link goes to the email address on the case, never to one typed here.
 * Without an address on the case, the filer is told to call their SSM.
 */
export async function sendRecoveryLink(input: { db: DB; reference: string; now: Date }): Promise<RecoveryResult> {
  const reference = normalizeCaseReference(input.reference);
  const nowIso = input.now.toISOString();
  const result = await writeTransaction(input.db, async (trx): Promise<RecoveryResult> => {
    const row = reference ? await findCaseByReference(trx, reference) : null;
    // Providers follow their disputes signed in; a purged case has no way back in.
    if (!row || row.kind === "provider_dispute" || row.purged_at) return { kind: "not_found" };
    const area = await findAreaWithSsm(trx, row.area_slug);
    if (!area) return { kind: "not_found" };
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: null,
      actorLabel: "filer",
      organizationId: area.ssm.id,
      action: row.filer_email ? "filer.recovery_link_sent" : "filer.recovery_no_email",
      targetType: "case",
      targetId: row.reference,
      details: null,
    });
    if (!row.filer_email) {
      return { kind: "no_email", ssm_en: area.ssm.name_en, ssm_fr: area.ssm.name_fr, phone: area.ssm.contact_phone };
    }
    const link = await createCaseAccessLink(trx, row.id, "recovery", input.now);
    await enqueueEmail(
      trx,
      {
        dedupeKey: `case:${row.id}:recovery:${nowIso}`,
        caseId: row.id,
        recipient: row.filer_email,
        language: row.language,
        template: "access_link",
        ...accessLinkEmail({
          language: row.language,
          filerName: row.filer_name,
          reference: row.reference,
          ssmName: nameIn(area.ssm, row.language),
          ssmPhone: area.ssm.contact_phone,
          statusLink: link,
        }),
      },
      nowIso,
    );
    return { kind: "sent" };
  });
  if (result.kind === "sent") wakeOutboxWorker();
  return result;
}

/**
 * Staff give a case a new access code, after checking who is calling: the old code, every link not
 * yet used and every open filer session stop working. Audited, and noted on the internal timeline.
 * The code is returned once, to be read to the person; only its hash is kept.
 */
export async function reissueAccessCode(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  now: Date;
}): Promise<{ code: string } | null> {
  const nowIso = input.now.toISOString();
  const actor = await actorOf(input.db, input.user);
  return writeTransaction(input.db, async (trx) => {
    const row: CaseRow | null = await caseFor(trx, actor, "case.work", { reference: input.reference });
    if (!row || row.kind === "provider_dispute" || row.purged_at) return null;
    const code = generateAccessSecret();
    await replaceCaseSecretHash(trx, row.id, hashAccessSecret(code), nowIso);
    await revokeOpenCaseAccessLinks(trx, row.id, nowIso);
    await deleteFilerSessionsOfCase(trx, row.id);
    await insertCaseEvent(trx, {
      case_id: row.id,
      type: "access_code_reissued",
      visibility: "internal",
      actor_kind: "staff",
      actor_user_id: input.user.id,
      level: row.level,
      body: null,
      data_json: null,
      created_at: nowIso,
    });
    await appendAuditEntry(trx, {
      at: nowIso,
      actorUserId: input.user.id,
      actorLabel: input.user.email,
      organizationId: input.user.organization_id,
      action: "case.access_code_reissued",
      targetType: "case",
      targetId: row.reference,
      details: null,
    });
    return { code };
  });
}
