import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Lets the receiving side drop a duplicate if a send is retried after an unclear failure. */
  messageId: string;
  language: "en" | "fr";
  /** reply+<token>@…: an answer lands on the case (issue #20). */
  replyTo?: string;
  /** bounce+<token>@…, the envelope sender: a delivery failure report comes back to Recourse. */
  envelopeFrom?: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

function toNodemailer({ language, envelopeFrom, replyTo, ...message }: MailMessage) {
  return {
    ...message,
    ...(replyTo ? { replyTo } : {}),
    ...(envelopeFrom ? { envelope: { from: envelopeFrom, to: message.to } } : {}),
    headers: { "Content-Language": language },
  };
}

/** SMTP when SMTP_URL is set; otherwise each message becomes an .eml file under MAIL_DIR. */
export function createMailTransport(config: { smtpUrl?: string; mailDir: string }): MailTransport {
  if (config.smtpUrl) {
    const transporter = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(message) {
        await transporter.sendMail(toNodemailer(message));
      },
    };
  }
  const streamer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await streamer.sendMail(toNodemailer(message));
      await mkdir(config.mailDir, { recursive: true });
      const safeId = message.messageId.replace(/[^A-Za-z0-9._-]/g, "_");
      const file = join(config.mailDir, `${Date.now()}-${safeId}.eml`);
      // Written aside, then renamed: whoever lists MAIL_DIR never reads a message half-written.
      await writeFile(`${file}.partial`, info.message as Buffer);
      await rename(`${file}.partial`, file);
    },
  };
}
