import { ImapFlow } from "imapflow";
import type { DB } from "../../db/client";
import { logError } from "../utils/log.server";
import {
  parseInbound,
  receiveInboundMail,
  refusalOf,
  type InboundResult,
  type InboundSettings,
} from "./inbound-mail.server";

// The IMAP poller (issue #20): for an SSM whose replies arrive in an existing mailbox (Microsoft 365,
// Google). Each round hands every message still in the polled folder to the same service as the SMTP
// listener, then moves it to the processed folder, or to the refused folder when a case would refuse
// it. Nothing is ever deleted. A round that fails is logged and tried again next round: a message is
// moved only after it was handled, and handling it twice adds nothing (its Message-ID is kept).

export interface ImapMailbox {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
}

/** imaps://user:password@host[:port]/FOLDER (user and password percent-encoded); FOLDER defaults to INBOX. */
export function parseImapUrl(url: string): ImapMailbox {
  const u = new URL(url);
  if (u.protocol !== "imap:" && u.protocol !== "imaps:")
    throw new Error("IMAP_URL must start with imaps:// or imap://");
  const secure = u.protocol === "imaps:";
  const folder = decodeURIComponent(u.pathname.replace(/^\//, "")) || "INBOX";
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    folder,
  };
}

export type PolledOutcome = InboundResult | { kind: "refused"; reason: "too_big" | "type" };

export interface PollRound {
  /** What happened to each message moved this round, in the order they were handled. */
  handled: PolledOutcome[];
  /** Set when the round stopped early (server unreachable, login refused…); it is tried again next round. */
  error?: unknown;
}

export interface ImapPoller {
  /** Runs one round now (after the one under way, if any) and reports it. */
  pollNow(): Promise<PollRound>;
  /** Ends the loop: no new round starts; waits for the one under way (which logs out). */
  stop(): Promise<void>;
}

/** How many messages one round handles at most, so a flooded mailbox cannot hold a round for hours. */
const ROUND_LIMIT = 100;

async function ensureFolder(client: ImapFlow, path: string): Promise<void> {
  const folders = await client.list();
  if (folders.some((f) => f.path === path)) return;
  await client.mailboxCreate(path);
}

async function pollOnce(
  client: ImapFlow,
  input: {
    db: DB;
    mailbox: ImapMailbox;
    processedFolder: string;
    refusedFolder: string;
    maxBytes: number;
    settings: InboundSettings;
  },
  handled: PolledOutcome[],
): Promise<void> {
  await ensureFolder(client, input.processedFolder);
  await ensureFolder(client, input.refusedFolder);
  const lock = await client.getMailboxLock(input.mailbox.folder);
  try {
    // Every message still in the folder, read or not: a person opening the mailbox in Outlook marks
    // a reply as read, and that must not hide it from the case.
    const uids = (await client.search({ all: true }, { uid: true })) || [];
    for (const uid of uids.slice(0, ROUND_LIMIT)) {
      const head = await client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
      if (!head) continue;
      let outcome: PolledOutcome;
      if ((head.size ?? 0) > input.maxBytes) {
        outcome = { kind: "refused", reason: "too_big" };
      } else {
        const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        if (!message || !message.source) continue;
        const raw = message.source;
        const parsed = await parseInbound(raw);
        const refused = refusalOf(parsed);
        outcome = refused
          ? { kind: "refused", reason: refused }
          : await receiveInboundMail({
              db: input.db,
              raw,
              parsed,
              channel: "imap",
              recipients: [],
              settings: input.settings,
              now: new Date(),
            });
      }
      // Moved only once handled: a crash before this line leaves it in place, and the next round's
      // attempt finds its Message-ID taken and adds nothing.
      await client.messageMove(String(uid), outcome.kind === "refused" ? input.refusedFolder : input.processedFolder, {
        uid: true,
      });
      handled.push(outcome);
    }
  } finally {
    lock.release();
  }
}

export function startImapPoller(input: {
  db: DB;
  url: string;
  intervalMs: number;
  processedFolder: string;
  refusedFolder: string;
  maxBytes: number;
  settings: InboundSettings;
  /** Called after each round (tests wait on it rather than on time). */
  onRound?: (round: PollRound) => void;
}): ImapPoller {
  const mailbox = parseImapUrl(input.url);
  const options = { ...input, mailbox };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<PollRound> = Promise.resolve({ handled: [] });

  // One connection per round, logged out after it: no idle connection for a provider to drop
  // silently, and a server that went away and came back is simply reached again next round.
  const round = async (): Promise<PollRound> => {
    const handled: PolledOutcome[] = [];
    if (stopped) return { handled };
    const client = new ImapFlow({
      host: mailbox.host,
      port: mailbox.port,
      secure: mailbox.secure,
      auth: { user: mailbox.user, pass: mailbox.password },
      logger: false,
    });
    // A dropped connection is an event, not a crash: the round fails and the next one connects again.
    client.on("error", (error: unknown) => logError("imap poller: connection error", error));
    try {
      await client.connect();
      await pollOnce(client, options, handled);
      await client.logout();
      return { handled };
    } catch (error) {
      logError("imap poller: a round failed; trying again next round", error);
      client.close();
      return { handled, error };
    }
  };

  const pollNow = (): Promise<PollRound> => {
    current = current.then(round).then((r) => {
      input.onRound?.(r);
      return r;
    });
    return current;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void pollNow().finally(schedule), input.intervalMs);
    timer.unref();
  };
  // The first round at once (replies that came while the server was down), then one per interval.
  void pollNow().finally(schedule);

  return {
    pollNow,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
