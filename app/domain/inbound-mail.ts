import { detectFileType, MAX_ATTACHMENT_BYTES } from "./file-type";

// What Recourse makes of mail that comes back (issue #20), without reading a byte of it: which part
// of a reply is the person's own words, whether a message was written by a machine, and where the
// review list's entries belong. The service (app/services/inbound-mail.server.ts) does the I/O.

/** The longest reply kept on a case; the rest is cut, as a message on /status is limited too. */
export const MAX_REPLY_CHARS = 20_000;

// A line that starts the quoted history a mail client appends under a reply.
const HISTORY_STARTS: readonly RegExp[] = [
  /^\s*On .{1,300}wrote:\s*$/i,
  /^\s*Le .{1,300}a écrit\s?:\s*$/i,
  /^\s*-{2,}\s*(Original Message|Message d'origine|Forwarded message|Message transféré)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*(From|De|Von)\s?:\s.+$/i,
];

// A line that starts a signature: the "-- " convention, and the footers phones add.
const SIGNATURE_STARTS: readonly RegExp[] = [
  /^-- ?$/,
  /^\s*(Sent from|Get Outlook for|Envoyé de|Envoyé à partir de|Téléchargez Outlook pour)\b.{0,80}$/i,
];

/**
 * The person's own words in a reply: everything above the quoted history or the signature, with
 * quoted (">") lines and trailing blank lines gone. Never longer than what it was given.
 */
export function ownWordsOfReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    if (HISTORY_STARTS.some((r) => r.test(line)) || SIGNATURE_STARTS.some((r) => r.test(line))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  const words = kept.join("\n").trim();
  return words.length > MAX_REPLY_CHARS ? words.slice(0, MAX_REPLY_CHARS) : words;
}

export interface AutoReplyHeaders {
  autoSubmitted?: string | null;
  precedence?: string | null;
  xAutoreply?: string | null;
  xAutoResponseSuppress?: string | null;
  returnPath?: string | null;
}

/**
 * Written by a machine (RFC 3834's Auto-Submitted, the older Precedence and X-Autoreply, an empty
 * Return-Path): kept as a record, never added as the filer's message, never answered, so two
 * auto-responders cannot talk to each other through a case.
 */
export function isAutomatic(h: AutoReplyHeaders): boolean {
  const autoSubmitted = h.autoSubmitted?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(h.precedence?.trim() ?? "")) return true;
  if (h.xAutoreply && h.xAutoreply.trim() !== "") return true;
  if (/\b(all|oof|autoreply)\b/i.test(h.xAutoResponseSuppress ?? "")) return true;
  return h.returnPath?.trim() === "<>";
}

/** A delivery status notification (RFC 3464): multipart/report with a delivery-status part. */
export function isDeliveryReport(
  contentType: string | null | undefined,
  reportType: string | null | undefined,
): boolean {
  return /^multipart\/report$/i.test(contentType?.trim() ?? "") && /delivery-status/i.test(reportType ?? "");
}

/** A permanent failure: a 5.x.x status in a report, or a 5xx SMTP reply. */
export function isPermanentFailure(status: string | number | null | undefined): boolean {
  if (status === null || status === undefined) return false;
  return /^5(\d\d|\.\d{1,3}\.\d{1,3})$/.test(String(status).trim());
}

export type InboundOutcome = "added" | "review" | "auto_reply" | "bounce";
export type ReviewReason = "missing" | "forged" | "expired" | "no_case" | "empty";

export type AttachmentProblem = "empty" | "too_big" | "type";

/** The same checks as an upload on /status: a size limit, and a type read from the bytes, never the name. */
export function attachmentProblem(bytes: Uint8Array): AttachmentProblem | null {
  if (bytes.length === 0) return "empty";
  if (bytes.length > MAX_ATTACHMENT_BYTES) return "too_big";
  return detectFileType(bytes) ? null : "type";
}

/** How inbound mail is read: the token secret, and who sorts mail that names no case. */
export interface InboundSettings {
  secret: string;
  /** The SSM whose staff sort mail that names no case (INBOUND_REVIEW_ORGANIZATION_ID). */
  reviewOrganizationId?: number;
}
