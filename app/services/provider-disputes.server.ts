import type { DB } from "../../db/client";
import { findAreaWithSsm, findOrganizationById, listAreasServedBy } from "../../db/repositories/areas";
import { listCasesFiledByOrganization } from "../../db/repositories/cases";
import { ownProvider, type Permission } from "../domain/access";
import { actorOf, authorize, caseFor } from "./access.server";
import type { DisputeInput } from "../domain/dispute-input";
import type { SessionUser } from "./auth.server";
import { filerCaseView } from "./case-lookup.server";
import { performFilerAction, type FilerActionResult, type FilerCommand } from "./filer-actions.server";
import { recordNewCase, type FilingResult } from "./filing.server";
import { fieldRefused } from "../domain/result";
import { attachToCase, type AttachResult } from "./attachments.server";

/** The provider organization whose people may use the permission; null for anyone else. */
async function providerOf(db: DB, user: SessionUser, permission: Permission) {
  const actor = await actorOf(db, user);
  const id = authorize(actor, permission) ? ownProvider(actor) : null;
  return id === null ? null : findOrganizationById(db, id);
}

export async function disputeChoices(input: { db: DB; user: SessionUser }) {
  const provider = await providerOf(input.db, input.user, "dispute.raise");
  if (!provider) return null;
  return {
    provider: { name_en: provider.name_en, name_fr: provider.name_fr },
    areas: await listAreasServedBy(input.db, provider.id),
  };
}

/** A provider raises a dispute with the SSM of an area it serves; the SSM is the respondent. */
export async function fileProviderDispute(input: {
  db: DB;
  user: SessionUser;
  dispute: DisputeInput;
  now: Date;
}): Promise<FilingResult | null> {
  const { db, user, dispute } = input;
  const provider = await providerOf(db, user, "dispute.raise");
  if (!provider) return null;
  const served = await listAreasServedBy(db, provider.id);
  if (!served.some((a) => a.slug === dispute.area)) return fieldRefused("area", "error.choose");
  const area = await findAreaWithSsm(db, dispute.area);
  if (!area) return fieldRefused("area", "error.choose");
  return recordNewCase(
    db,
    {
      areaSlug: area.slug,
      kind: "provider_dispute",
      channel: "provider_portal",
      program: null,
      category: dispute.category,
      respondentOrgId: area.ssm.id,
      filerUserId: user.id,
      filerOrgId: provider.id,
      filerName: `${user.display_name} (${provider.name_en})`,
      filerEmail: user.email,
      filerPhone: provider.contact_phone,
      language: user.language,
      accommodationNeeded: false,
      accommodationDetails: null,
      description: dispute.description,
      outcomeWanted: dispute.outcomeWanted,
      selfIdentification: null,
      submissionKey: dispute.submissionKey,
      receivedAt: input.now,
      recordedBy: { userId: user.id, label: user.email },
    },
    input.now,
  );
}

export async function listProviderDisputes(input: { db: DB; user: SessionUser }) {
  const provider = await providerOf(input.db, input.user, "dispute.read");
  if (!provider) return null;
  return {
    provider: { name_en: provider.name_en, name_fr: provider.name_fr },
    disputes: await listCasesFiledByOrganization(input.db, provider.id, 200),
  };
}

/** The case id if the user may use the permission on this dispute (their organization's own); otherwise null (404). */
async function ownDisputeId(
  db: DB,
  user: SessionUser,
  permission: Permission,
  reference: string,
): Promise<number | null> {
  const row = await caseFor(db, await actorOf(db, user), permission, { reference });
  return row?.id ?? null;
}

export async function providerDisputeView(input: { db: DB; user: SessionUser; reference: string; now: Date }) {
  const caseId = await ownDisputeId(input.db, input.user, "dispute.read", input.reference);
  return caseId === null ? null : filerCaseView({ db: input.db, caseId, now: input.now });
}

/** Adding information, asking for recourse, withdrawing: the same rules as any filer's. */
export async function providerDisputeAction(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  command: FilerCommand;
  now: Date;
}): Promise<FilerActionResult | null> {
  const caseId = await ownDisputeId(input.db, input.user, "dispute.act", input.reference);
  if (caseId === null) return null;
  return performFilerAction({
    db: input.db,
    caseId,
    command: input.command,
    now: input.now,
    actorUserId: input.user.id,
  });
}

/** The provider adds evidence to its own dispute; the SSM and the provider both see it. */
export async function providerAttach(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  file: { name: string; bytes: Uint8Array } | null;
  now: Date;
}): Promise<AttachResult | null> {
  const caseId = await ownDisputeId(input.db, input.user, "dispute.act", input.reference);
  if (caseId === null) return null;
  if (!input.file) return { ok: false, reason: "empty" };
  return attachToCase({
    db: input.db,
    caseId,
    file: input.file,
    uploadedBy: { kind: "filer", userId: input.user.id, label: input.user.email },
    visibility: "public",
    now: input.now,
  });
}
