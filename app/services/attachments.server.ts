import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { insertAttachmentChunk, readAttachmentChunk } from "../../db/repositories/attachment-chunks";
import { writeTransaction, type DB } from "../../db/client";
import { findAttachmentById, insertAttachment, listAttachmentsOfCase } from "../../db/repositories/attachments";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { insertCaseEvent } from "../../db/repositories/case-events";
import { findCaseById } from "../../db/repositories/cases";
import type { ActorKind, AttachmentRow, CaseRow, EventVisibility } from "../../db/schema";
import { FINISHED_STATUSES } from "../domain/case-workflow";
import { detectFileType, extensionOfMime, MAX_ATTACHMENT_BYTES, safeFileName } from "../domain/file-type";
import { env } from "../utils/env.server";
import type { SessionUser } from "./auth.server";
import { actorOf, authorize, caseFor, caseScopeOf, respondentScopeOf } from "./access.server";
import { findAreaWithSsm } from "../../db/repositories/areas";
import { findUserById } from "../../db/repositories/users";

export type AttachResult = { ok: true; id: number } | { ok: false; reason: "empty" | "too_big" | "type" | "finished" };

function attachmentsDir(): string {
  return env().ATTACHMENTS_DIR;
}

/** Why a file may not be stored (empty, over the limit, or not a document type), or null. */
export function fileRefusalReason(bytes: Uint8Array): "empty" | "too_big" | "type" | null {
  if (bytes.length === 0) return "empty";
  if (bytes.length > MAX_ATTACHMENT_BYTES) return "too_big";
  return detectFileType(bytes) ? null : "type";
}

/** Files in the database (ATTACHMENTS_STORE=database, migration 0025) rather than ATTACHMENTS_DIR. */
function inDatabase(): boolean {
  return env().ATTACHMENTS_STORE === "database";
}

/** The size of each stored chunk: a download holds one at a time. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Stores one evidence file for a case: its type is read from its bytes, it is written outside
 * public/ under a random name, and the record, a timeline entry and an audit entry are written
 * together. If the record cannot be written, the file is removed again.
 */
export async function attachToCase(input: {
  db: DB;
  caseId: number;
  file: { name: string; bytes: Uint8Array };
  uploadedBy: { kind: ActorKind; userId: number | null; label: string };
  visibility: EventVisibility;
  now: Date;
}): Promise<AttachResult> {
  const { bytes } = input.file;
  const refusal = fileRefusalReason(bytes);
  if (refusal) return { ok: false, reason: refusal };
  const type = detectFileType(bytes)!;
  // A filer adds files while the SSM handles the case; staff may always add to the record.
  if (input.uploadedBy.kind === "filer") {
    const current = await findCaseById(input.db, input.caseId);
    if (!current || FINISHED_STATUSES.includes(current.status)) return { ok: false, reason: "finished" };
  }
  const storedName = `${randomUUID()}.${type.extension}`;
  const database = inDatabase();
  const path = join(attachmentsDir(), storedName);
  if (!database) {
    await mkdir(attachmentsDir(), { recursive: true });
    await writeFile(path, bytes, { flag: "wx" });
  }
  const nowIso = input.now.toISOString();
  try {
    const id = await writeTransaction(input.db, async (trx) => {
      const row = await findCaseById(trx, input.caseId);
      if (!row) throw new Error(`No case ${input.caseId}`);
      // In the database, the file's chunks are kept or dropped with its record.
      if (database)
        for (let seq = 0; seq * CHUNK_BYTES < bytes.length; seq++)
          await insertAttachmentChunk(trx, storedName, seq, bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES));
      const name = safeFileName(input.file.name, type.extension);
      const attachmentId = await insertAttachment(trx, {
        case_id: row.id,
        original_name: name,
        stored_name: storedName,
        content_type: type.mime,
        size_bytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        visibility: input.visibility,
        uploaded_by_kind: input.uploadedBy.kind,
        uploaded_by_user_id: input.uploadedBy.userId,
        created_at: nowIso,
      });
      await insertCaseEvent(trx, {
        case_id: row.id,
        type: "attachment_added",
        visibility: input.visibility,
        actor_kind: input.uploadedBy.kind,
        actor_user_id: input.uploadedBy.userId,
        level: row.level,
        body: null,
        data_json: JSON.stringify({ attachmentId, name }),
        created_at: nowIso,
      });
      await appendAuditEntry(trx, {
        at: nowIso,
        actorUserId: input.uploadedBy.userId,
        actorLabel: input.uploadedBy.label,
        organizationId: await actingOrganization(trx, input.uploadedBy.userId, row.area_slug),
        action: "case.attachment_added",
        targetType: "case",
        targetId: row.reference,
        details: { attachmentId, bytes: bytes.length, type: type.mime },
      });
      return attachmentId;
    });
    return { ok: true, id };
  } catch (error) {
    if (!database) await rm(path, { force: true });
    throw error;
  }
}

export type AttachmentSummary = Pick<
  AttachmentRow,
  "id" | "original_name" | "size_bytes" | "content_type" | "visibility" | "created_at"
>;

export async function caseAttachments(db: DB, caseId: number, publicOnly: boolean): Promise<AttachmentSummary[]> {
  const rows = await listAttachmentsOfCase(db, caseId, { publicOnly });
  return rows.map(({ id, original_name, size_bytes, content_type, visibility, created_at }) => ({
    id,
    original_name,
    size_bytes,
    content_type,
    visibility,
    created_at,
  }));
}

export interface AttachmentDownload {
  name: string;
  contentType: string;
  size: number;
  /** The file, streamed from ATTACHMENTS_DIR or chunk by chunk from the database. */
  body: ReadableStream<Uint8Array>;
}

/** The stored file as a stream, or null when it is not there. */
async function storedFile(db: DB, storedName: string): Promise<ReadableStream<Uint8Array> | null> {
  if (inDatabase()) {
    const first = await readAttachmentChunk(db, storedName, 0);
    if (first === null) return null;
    let seq = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = seq === 0 ? first : await readAttachmentChunk(db, storedName, seq);
        seq++;
        if (chunk === null) controller.close();
        else controller.enqueue(new Uint8Array(chunk));
      },
    });
  }
  const path = join(attachmentsDir(), storedName);
  try {
    await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
}

/** The user's organization, or for a filer (no account) the SSM whose case it is. */
async function actingOrganization(db: DB, userId: number | null, areaSlug: string): Promise<number | null> {
  if (userId !== null) return (await findUserById(db, userId))?.organization_id ?? null;
  return (await findAreaWithSsm(db, areaSlug))?.ssm.id ?? null;
}

/**
 * Reading evidence is reading the case: every download is audited with who, which file and when.
 * Null when the file is gone (removed by the retention purge): the caller answers 404.
 */
async function download(
  db: DB,
  row: AttachmentRow,
  kase: CaseRow,
  reader: { userId: number | null; label: string },
  now: Date,
): Promise<AttachmentDownload | null> {
  const body = await storedFile(db, row.stored_name);
  if (body === null) {
    if (kase.purged_at !== null) return null;
    throw new Error(`Attachment ${row.id} has no stored file`);
  }
  await appendAuditEntry(db, {
    at: now.toISOString(),
    actorUserId: reader.userId,
    actorLabel: reader.label,
    organizationId: await actingOrganization(db, reader.userId, kase.area_slug),
    action: "case.attachment_read",
    targetType: "case",
    targetId: kase.reference,
    details: { attachmentId: row.id },
  });
  // Named again from the stored type: files uploaded before names followed the type are fixed too.
  const extension = extensionOfMime(row.content_type);
  return {
    name: extension ? safeFileName(row.original_name, extension) : row.original_name,
    contentType: row.content_type,
    size: row.size_bytes,
    body,
  };
}

/**
 * For the staff of the case's SSM (every attachment), the provider that raised it (public ones), and
 * the provider a complaint is about (the files of its own answer only: never the client's).
 */
export async function attachmentForUser(input: {
  db: DB;
  user: SessionUser;
  id: number;
  now: Date;
}): Promise<AttachmentDownload | null> {
  const { db, user } = input;
  const row = await findAttachmentById(db, input.id);
  if (!row) return null;
  const kase = await findCaseById(db, row.case_id);
  if (!kase) return null;
  const actor = await actorOf(db, user);
  const asParty = authorize(actor, "attachment.read", {
    type: "attachment",
    case: caseScopeOf(kase),
    visibility: row.visibility,
  });
  const asRespondent = authorize(actor, "attachment.read", {
    type: "respondent_attachment",
    case: respondentScopeOf(kase),
    uploadedByRespondent: row.uploaded_by_kind === "respondent",
  });
  if (!asParty && !asRespondent) return null;
  return download(db, row, kase, { userId: user.id, label: user.email }, input.now);
}

/** For a client with access to their case on /status: the public attachments of that case only. */
export async function attachmentForFiler(input: {
  db: DB;
  caseId: number;
  id: number;
  now: Date;
}): Promise<AttachmentDownload | null> {
  const row = await findAttachmentById(input.db, input.id);
  if (!row || row.case_id !== input.caseId || row.visibility !== "public") return null;
  const kase = await findCaseById(input.db, row.case_id);
  return kase ? download(input.db, row, kase, { userId: null, label: "filer" }, input.now) : null;
}

/** Staff add a file to a case of their SSM; it stays internal unless they share it with the filer. */
export async function attachAsStaff(input: {
  db: DB;
  user: SessionUser;
  reference: string;
  file: { name: string; bytes: Uint8Array } | null;
  share: boolean;
  now: Date;
}): Promise<AttachResult | null> {
  const row = await caseFor(input.db, await actorOf(input.db, input.user), "case.work", { reference: input.reference });
  if (!row) return null;
  if (!input.file) return { ok: false, reason: "empty" };
  return attachToCase({
    db: input.db,
    caseId: row.id,
    file: input.file,
    uploadedBy: { kind: "staff", userId: input.user.id, label: input.user.email },
    visibility: input.share ? "public" : "internal",
    now: input.now,
  });
}
