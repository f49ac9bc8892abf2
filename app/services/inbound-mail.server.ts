import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { DB } from "../../db/client";
import { findAreaWithSsm } from "../../db/repositories/areas";
import { findCaseById } from "../../db/repositories/cases";
import {
  inboundMessageExists,
  listSsmOrganizationIds,
  recordInboundMessage,
  type NewInboundMessage,
} from "../../db/repositories/inbound-messages";
import {
  attachmentProblem,
  isAutomatic,
  isDeliveryReport,
  ownWordsOfReply,
  type AttachmentProblem,
  type InboundSettings,
  type ReviewReason,
} from "../domain/inbound-mail";
import { translator } from "../i18n";
import { logError } from "../utils/log.server";
import { tokenInAddresses, verifyToken } from "../utils/reply-token.server";
import { attachToCase } from "./attachments.server";
import { recordBounce } from "./mail-bounces.server";
import { performFilerAction } from "./filer-actions.server";

// Mail that comes back to Recourse (issue #20), from the SMTP listener or the IMAP poller: a reply
// lands on its case as the filer's message, once; a bounce marks the email undeliverable; anything
// that names no case goes to the review list. Nothing here tells the sender which case a token names.

export type { InboundSettings } from "../domain/inbound-mail";

export type InboundResult =
  | { kind: "added"; caseId: number; refusedAttachments: AttachmentProblem[] }
  | { kind: "duplicate" }
  | { kind: "review"; reason: ReviewReason }
  | { kind: "auto_reply" }
  | { kind: "bounce" };

export interface InboundAttachment {
  name: string;
  bytes: Buffer;
  problem: AttachmentProblem | null;
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
}

function header(parsed: ParsedMail, name: string): string | null {
  const value = parsed.headers.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
  return String(value as unknown as string);
}

/** Files the person attached (not the images a mail client puts inside its own HTML), each checked. */
export function attachmentsOf(parsed: ParsedMail): InboundAttachment[] {
  return parsed.attachments
    .filter((a) => !a.related && a.contentType !== "message/delivery-status")
    .map((a) => ({ name: a.filename ?? "attachment", bytes: a.content, problem: attachmentProblem(a.content) }));
}

/**
 * Why a message is refused whole rather than added (the SMTP listener answers 552/554; the IMAP
 * poller moves it to the refused folder): a file too big for a case, or of a kind a case refuses.
 */
export function refusalOf(parsed: ParsedMail): "too_big" | "type" | null {
  const problems = attachmentsOf(parsed).map((a) => a.problem);
  if (problems.includes("too_big")) return "too_big";
  if (problems.includes("type")) return "type";
  return null;
}

export function parseInbound(raw: Buffer): Promise<ParsedMail> {
  // Only the text is ever kept: HTML becomes text here (scripts and styles dropped), never stored.
  return simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
}

/** A message's identity: its Message-ID, or a digest of its bytes when a sender left it out. */
export function messageIdOf(parsed: ParsedMail, raw: Buffer): string {
  return parsed.messageId?.trim() || `<sha256.${createHash("sha256").update(raw).digest("hex")}@recourse>`;
}

async function organizationFor(db: DB, caseId: number | null, settings: InboundSettings): Promise<number | null> {
  if (caseId !== null) {
    const row = await findCaseById(db, caseId);
    const area = row ? await findAreaWithSsm(db, row.area_slug) : null;
    if (area) return area.ssm.id;
  }
  if (settings.reviewOrganizationId) return settings.reviewOrganizationId;
  const ssms = await listSsmOrganizationIds(db);
  return ssms.length === 1 ? ssms[0]! : null;
}

/** Handles one received message. Safe to call twice with the same message: the second adds nothing. */
export async function receiveInboundMail(input: {
  db: DB;
  raw: Buffer;
  parsed?: ParsedMail;
  channel: "smtp" | "imap";
  /** The envelope's recipients (RCPT TO); an IMAP poller has only the headers. */
  recipients: readonly string[];
  settings: InboundSettings;
  now: Date;
}): Promise<InboundResult> {
  const { db, raw, settings, now } = input;
  const parsed = input.parsed ?? (await parseInbound(raw));
  const messageId = messageIdOf(parsed, raw);
  if (await inboundMessageExists(db, messageId)) return { kind: "duplicate" };
  const recipients = [
    ...input.recipients,
    ...addressesOf(parsed.to),
    ...addressesOf(parsed.cc),
    ...[header(parsed, "delivered-to"), header(parsed, "x-original-to")].filter((v): v is string => Boolean(v)),
  ];
  const base: Omit<NewInboundMessage, "outcome" | "reason" | "case_id" | "organization_id"> = {
    message_id: messageId,
    received_at: now.toISOString(),
    channel: input.channel,
    outbox_id: null,
    from_address: addressesOf(parsed.from)[0] ?? "",
    subject: (parsed.subject ?? "").slice(0, 500),
    body_text: ownWordsOfReply(parsed.text ?? ""),
  };
  const record = async (row: Pick<NewInboundMessage, "outcome" | "reason" | "case_id" | "organization_id">) =>
    (await recordInboundMessage(db, { ...base, ...row })) || false;

  const contentType = header(parsed, "content-type");
  const bounceToken = tokenInAddresses(recipients, "bounce");
  if (bounceToken || isDeliveryReport(contentType, contentTypeParam(parsed, "report-type"))) {
    const added = await recordBounce({ db, parsed, raw, token: bounceToken, base, settings, now });
    return added ? { kind: "bounce" } : { kind: "duplicate" };
  }

  const check = verifyToken({ secret: settings.secret, token: tokenInAddresses(recipients, "reply"), now });
  const caseId = check.ok || check.reason === "expired" ? (check.purpose === "reply" ? check.id : null) : null;

  if (
    isAutomatic({
      autoSubmitted: header(parsed, "auto-submitted"),
      precedence: header(parsed, "precedence"),
      xAutoreply: header(parsed, "x-autoreply"),
      xAutoResponseSuppress: header(parsed, "x-auto-response-suppress"),
      returnPath: header(parsed, "return-path"),
    })
  ) {
    // Recorded (a person looking for a lost reply can find it), never added, never answered.
    const added = await record({
      outcome: "auto_reply",
      reason: null,
      case_id: check.ok && caseId !== null ? caseId : null,
      organization_id: null,
    });
    return added ? { kind: "auto_reply" } : { kind: "duplicate" };
  }

  const toReview = async (reason: ReviewReason): Promise<InboundResult> => {
    const added = await record({
      outcome: "review",
      reason,
      case_id: null,
      organization_id: await organizationFor(db, caseId, settings),
    });
    return added ? { kind: "review", reason } : { kind: "duplicate" };
  };
  if (!check.ok) return toReview(check.reason);
  if (check.purpose !== "reply" || caseId === null) return toReview("forged");
  const row = await findCaseById(db, caseId);
  if (!row || row.purged_at) return toReview("no_case");

  const attachments = attachmentsOf(parsed);
  const good = attachments.filter((a) => a.problem === null);
  const refused = attachments.flatMap((a) => (a.problem ? [a.problem] : []));
  if (!base.body_text && good.length === 0) return toReview("empty");
  const message = base.body_text || translator(row.language)("inbound.attachmentsOnly");

  const result = await performFilerAction({
    db,
    caseId,
    command: { action: "add_information", message, via: "email" },
    now,
    alsoInTransaction: async (trx) => {
      // Claims the Message-ID in the transaction that adds the message: a replay finds it taken,
      // and a crash leaves neither, so the sender's server delivers it again.
      const claimed = await recordInboundMessage(trx, {
        ...base,
        outcome: "added",
        reason: refused.length > 0 ? `attachments_refused:${refused.join(",")}` : null,
        case_id: caseId,
        organization_id: null,
      });
      if (!claimed) throw new AlreadyReceived();
    },
  }).catch((error: unknown) => {
    if (error instanceof AlreadyReceived) return "duplicate" as const;
    throw error;
  });
  if (result === "duplicate") return { kind: "duplicate" };
  if (!result.ok) {
    logError(`inbound mail: the reply to case ${caseId} was refused (${result.reason})`, null);
    return toReview("no_case");
  }
  for (const file of good) {
    await attachToCase({
      db,
      caseId,
      file: { name: file.name, bytes: file.bytes },
      uploadedBy: { kind: "filer", userId: null, label: "filer" },
      visibility: "public",
      now,
    });
  }
  return { kind: "added", caseId, refusedAttachments: refused };
}

class AlreadyReceived extends Error {}

function contentTypeParam(parsed: ParsedMail, name: string): string | null {
  const value = parsed.headers.get("content-type") as { params?: Record<string, string> } | undefined;
  return value?.params?.[name] ?? null;
}
