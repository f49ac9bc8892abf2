import { migrateToLatest, observeWriteLockWaits } from "../../db/client";
import { countOutboxBacklog } from "../../db/repositories/email-outbox";
import { seedReferenceData } from "../../db/seed/reference-data";
import { createMailTransport, type MailTransport } from "../../emails/transport";
import { getDb } from "../utils/db.server";
import { env, inboundDomain, repliesReachCases } from "../utils/env.server";
import { measureOutboxWith, observeWriteLockWait } from "../utils/metrics.server";
import { startClockSweeper } from "./clock-sweep.server";
import { checkDemoAccounts } from "./demo-accounts.server";
import { startOutboxWorker } from "./outbox-worker.server";
import { startImapPoller } from "./imap-poller.server";
import { startInboundSmtp } from "./inbound-smtp.server";
import { sendReportReminders } from "./report-reminders.server";

/**
 * The demo seed and the addresses of its accounts. The demo builds its history through these
 * services, so it is handed in by the server's entry rather than imported here (no cycle).
 */
export interface DemoSeed {
  /** `mail`: the server's transport, which the demo's past emails go through as each step happens. */
  seed: (
    db: ReturnType<typeof getDb>,
    now: Date,
    mail: { transport: MailTransport; from: string },
  ) => Promise<{ seeded: boolean }>;
  accountEmails: readonly string[];
}

/** Everything the server does before it takes requests: migrate, seed, start background work. */
export async function bootRecourse(demo: DemoSeed): Promise<void> {
  const config = env();
  const db = getDb();
  await migrateToLatest(db);
  observeWriteLockWaits(observeWriteLockWait);
  measureOutboxWith(() => countOutboxBacklog(db));
  const now = new Date();
  const transport = createMailTransport({ smtpUrl: config.SMTP_URL, mailDir: config.MAIL_DIR });
  await seedReferenceData(db, now);
  if (config.SEED_DEMO) {
    const { seeded } = await demo.seed(db, now, { transport, from: config.MAIL_FROM });
    if (seeded) console.log("Seeded demo providers, users and cases (see README for the logins).");
  }
  if (await checkDemoAccounts(db, demo.accountEmails)) {
    console.warn(
      "DEMO ACCOUNTS: this database holds the demo accounts, whose password the README publishes. Not for real information.",
    );
  }
  startOutboxWorker({
    db,
    transport,
    from: config.MAIL_FROM,
    intervalMs: config.OUTBOX_INTERVAL_MS,
    replies:
      repliesReachCases(config) && config.REPLY_TOKEN_SECRET
        ? { secret: config.REPLY_TOKEN_SECRET, domain: inboundDomain(config), days: config.REPLY_TOKEN_DAYS }
        : undefined,
  });
  startClockSweeper({
    db,
    intervalMs: config.SWEEP_INTERVAL_MS,
    alsoEachRound: (now) => sendReportReminders({ db, now, dueDays: config.REPORT_DUE_DAYS }),
  });
  if (config.INBOUND_SMTP_PORT !== undefined && config.REPLY_TOKEN_SECRET) {
    const listener = await startInboundSmtp({
      db,
      port: config.INBOUND_SMTP_PORT,
      host: config.INBOUND_SMTP_HOST,
      maxBytes: config.INBOUND_MAX_BYTES,
      settings: { secret: config.REPLY_TOKEN_SECRET, reviewOrganizationId: config.INBOUND_REVIEW_ORGANIZATION_ID },
    });
    console.log(`Receiving replies and bounces by SMTP on port ${listener.port}`);
  }
  if (config.IMAP_URL !== undefined && config.REPLY_TOKEN_SECRET) {
    const poller = startImapPoller({
      db,
      url: config.IMAP_URL,
      intervalMs: config.IMAP_POLL_MS,
      processedFolder: config.IMAP_PROCESSED_FOLDER,
      refusedFolder: config.IMAP_REFUSED_FOLDER,
      maxBytes: config.INBOUND_MAX_BYTES,
      settings: { secret: config.REPLY_TOKEN_SECRET, reviewOrganizationId: config.INBOUND_REVIEW_ORGANIZATION_ID },
    });
    // Ends the loop and logs out on shutdown (the server's own handler closes the web server).
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void poller.stop());
    console.log(
      `Polling ${new URL(config.IMAP_URL).host} for replies and bounces every ${config.IMAP_POLL_MS / 1000} s`,
    );
  }
  if (!config.SMTP_URL) console.log(`No SMTP_URL: emails are written as .eml files to ${config.MAIL_DIR}/`);
}
