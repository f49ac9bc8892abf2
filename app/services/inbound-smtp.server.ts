import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import type { DB } from "../../db/client";
import { MAX_ATTACHMENT_BYTES } from "../domain/file-type";
import { logError } from "../utils/log.server";
import { parseInbound, receiveInboundMail, refusalOf, type InboundSettings } from "./inbound-mail.server";

// The SMTP listener (issue #20): an MX record or a relay delivers replies and bounces here. A message
// over the size limit, or carrying a file an upload would refuse, is refused during the SMTP
// conversation, so the sender's own server tells them why, in a bounce, and nothing is half-kept.

function refusal(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

const MB = 1024 * 1024;

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface InboundSmtpListener {
  port: number;
  stop(): Promise<void>;
}

export async function startInboundSmtp(input: {
  db: DB;
  port: number;
  host: string;
  maxBytes: number;
  settings: InboundSettings;
  /** Called after each message is handled (tests wait on it rather than on time). */
  onHandled?: (result: Awaited<ReturnType<typeof receiveInboundMail>> | { kind: "refused"; code: number }) => void;
}): Promise<InboundSmtpListener> {
  const server = new SMTPServer({
    // Mail arrives from an MX or a relay, not from people signing in: no AUTH, and no STARTTLS
    // without a certificate (the relay in front is where TLS ends).
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: input.maxBytes,
    logger: false,
    banner: "Recourse inbound mail",
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      const done = (error?: Error & { responseCode?: number }) => {
        if (error?.responseCode) input.onHandled?.({ kind: "refused", code: error.responseCode });
        callback(error ?? null);
      };
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded)
            return done(refusal(552, `5.3.4 Message larger than ${Math.round(input.maxBytes / MB)} MB; not delivered`));
          const parsed = await parseInbound(raw);
          const refused = refusalOf(parsed);
          if (refused === "too_big")
            return done(
              refusal(
                552,
                `5.3.4 A file is larger than ${MAX_ATTACHMENT_BYTES / MB} MB, the limit for a file on a case; your message was not added. Send it again with smaller files, or use the link in our email.`,
              ),
            );
          if (refused === "type")
            return done(
              refusal(
                554,
                "5.6.1 A file is not of a kind a case accepts (PDF, image, Word, Excel or PowerPoint); your message was not added. Send it again without it, or use the link in our email.",
              ),
            );
          const result = await receiveInboundMail({
            db: input.db,
            raw,
            parsed,
            channel: "smtp",
            recipients,
            settings: input.settings,
            now: new Date(),
          });
          input.onHandled?.(result);
          done();
        })
        .catch((error: unknown) => {
          logError("inbound smtp: a message could not be handled", error);
          // Temporary: the sender's server tries again, so nothing is lost to a passing fault.
          done(refusal(451, "4.3.0 Temporary failure; please try again later"));
        });
    },
  });
  server.on("error", (error) => logError("inbound smtp: server error", error));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(input.port, input.host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : input.port;
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
