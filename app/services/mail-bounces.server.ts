import type { ParsedMail } from "mailparser";
import { writeTransaction, type DB } from "../../db/client";
import { findCaseById } from "../../db/repositories/cases";
import { findOutboxEmail, markEmailBounced } from "../../db/repositories/email-outbox";
import { recordInboundMessage, type NewInboundMessage } from "../../db/repositories/inbound-messages";
import { verifyToken } from "../utils/reply-token.server";
import type { InboundSettings } from "../domain/inbound-mail";
import { raiseCallTask } from "../domain/case-lifecycle-attention";
import { caseChangeOf, commitCaseChange, lifecycleInput, loadCaseContext } from "./case-records.server";

// A bounce reaches staff (issue #20): the email is marked undeliverable on its case and a "call the
// filer" task is raised, the phone being the way left to reach them.

/**
 * Marks one outgoing email undeliverable, from a delivery report or a permanent SMTP refusal: an
 * internal timeline entry and the call task on its case. Once per email, however often it is reported.
 */
export async function markUndeliverable(input: {
  db: DB;
  outboxId: number;
  detail: string;
  now: Date;
}): Promise<boolean> {
  return writeTransaction(input.db, async (trx) => {
    const email = await findOutboxEmail(trx, input.outboxId);
    if (!email || !(await markEmailBounced(trx, email.id, input.now.toISOString()))) return false;
    if (email.case_id === null || !email.replyable) return true;
    const row = await findCaseById(trx, email.case_id);
    if (!row) return true;
    // Through the lifecycle: a pure transition says what changes; read and written in this transaction.
    const context = await loadCaseContext(trx, row);
    const transition = raiseCallTask(lifecycleInput(row, context, input.now), {
      outboxId: email.id,
      subject: email.subject,
      detail: input.detail,
      meets: email.meets_clock,
      acceptedAt: email.sent_at,
    });
    await commitCaseChange(trx, row, caseChangeOf(transition, { kind: "system", userId: null }), input.now);
    return true;
  });
}

/** What a report says went wrong: its Status and Diagnostic-Code lines, or its first words. */
function failureDetail(parsed: ParsedMail): string {
  const text = parsed.attachments
    .filter((a) => /delivery-status/i.test(a.contentType))
    .map((a) => a.content.toString("utf8"))
    .join("\n");
  const lines = text.split(/\r?\n/).filter((l) => /^(Status|Diagnostic-Code|Action):/i.test(l.trim()));
  return (lines.join("; ") || (parsed.text ?? "")).slice(0, 500);
}

/** A delivery report: the email its bounce address names is undeliverable; one naming none is only recorded. */
export async function recordBounce(input: {
  db: DB;
  parsed: ParsedMail;
  raw: Buffer;
  token: string | null;
  base: Omit<NewInboundMessage, "outcome" | "reason" | "case_id" | "organization_id">;
  settings: InboundSettings;
  now: Date;
}): Promise<boolean> {
  const check = verifyToken({ secret: input.settings.secret, token: input.token, now: input.now });
  const outboxId = check.ok && check.purpose === "bounce" ? check.id : null;
  const email = outboxId !== null ? await findOutboxEmail(input.db, outboxId) : null;
  const recorded = await recordInboundMessage(input.db, {
    ...input.base,
    outbox_id: email?.id ?? null,
    outcome: "bounce",
    reason: email ? null : check.ok ? "no_email" : check.reason,
    case_id: email?.case_id ?? null,
    organization_id: null,
  });
  if (!recorded) return false;
  if (email)
    await markUndeliverable({ db: input.db, outboxId: email.id, detail: failureDetail(input.parsed), now: input.now });
  return true;
}
