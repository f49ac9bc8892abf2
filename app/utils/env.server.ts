import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  /** Production unless asked otherwise (issue #15): development mode sends stack traces to browsers. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:.+|:memory:|postgres(ql)?:\/\/.+)$/,
      "must be file:<path> (SQLite) or postgres://user:password@host:port/database",
    )
    .default("file:data/recourse.db"),
  /** PostgreSQL connections each instance may hold (the server's max_connections is shared by all). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Recourse <no-reply@recourse.localhost>"),
  MAIL_DIR: z.string().min(1).default("data/mail"),
  /** Where evidence files are kept: outside public/, never served directly. */
  ATTACHMENTS_DIR: z.string().min(1).default("data/attachments"),
  /** "database": evidence files kept in the database in chunks (instances on several machines, #21). */
  ATTACHMENTS_STORE: z.enum(["disk", "database"]).default("disk"),
  /** The demo seed, whose passwords the README publishes: only when asked (`npm start` passes --demo; `npm run serve` and the systemd unit do not). */
  SEED_DEMO: booleanFromString.default(false),
  FILINGS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Express's "trust proxy" (e.g. "loopback" or "1") when a reverse proxy sets X-Forwarded-For. */
  TRUST_PROXY: z.string().min(1).optional(),
  /** How often the outbox worker looks for mail to send, in milliseconds. */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** How long a write waits for another process's write lock before failing (SQLite busy timeout). */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Quarterly reports are due this many calendar days after the quarter ends; late after. */
  REPORT_DUE_DAYS: z.coerce.number().int().min(1).max(120).default(30),
  /** Counts from 1 to this minus one show as "<N" outside the SSM (ministry pages, exports, public). */
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(3).max(50).default(5),
  /** How often the server evaluates due clocks (breaches, escalations, reminders). */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** `npm run purge` removes personal information from cases closed more than this many years ago. */
  RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(7),
  /**
   * Signs the reply+<token>@ and bounce+<token>@ addresses (issue #20). At least 32 characters, the
   * same on every instance; changing it makes every address already sent unreadable (review list).
   */
  REPLY_TOKEN_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
  /** The domain replies are addressed to (its MX or a relay delivers to Recourse); PUBLIC_URL's host otherwise. */
  INBOUND_DOMAIN: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, "must be a domain name like replies.example.org")
    .optional(),
  /** How long a reply address stays good after the email carrying it was sent, in days. */
  REPLY_TOKEN_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Port of the built-in SMTP listener for replies and bounces; unset, no listener starts. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default("0.0.0.0"),
  /** The largest message the listener accepts, in bytes (the SMTP SIZE extension announces it). */
  INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(100 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /** A mailbox to poll for replies, e.g. imaps://user:password@outlook.office365.com/INBOX. */
  IMAP_URL: z
    .url()
    .regex(
      /^imaps?:\/\//i,
      "must start with imaps:// (or imap:// for tests), like imaps://user%40example.org:password@imap.example.org/INBOX",
    )
    .optional(),
  IMAP_POLL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Where polled messages are moved once handled; they are never deleted. */
  IMAP_PROCESSED_FOLDER: z.string().min(1).default("Recourse/Processed"),
  /** Where polled messages go that a case would refuse (too big, a file of a kind cases refuse); never deleted. */
  IMAP_REFUSED_FOLDER: z.string().min(1).default("Recourse/Refused"),
  /** The SSM whose staff sort mail that names no case, when the deployment serves several. */
  INBOUND_REVIEW_ORGANIZATION_ID: z.coerce.number().int().min(1).optional(),
  /**
   * Seals secrets kept in the database (an organization's OpenID client secret, issue #22). At least
   * 32 characters, the same on every instance; without it an administrator cannot save a secret.
   */
  SECRETS_KEY: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
  /** One installation's OpenID Connect provider, for the organization with this slug (issue #22). */
  OIDC_ORGANIZATION: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Sign in with <this>"). */
  OIDC_PROVIDER_LABEL: z.string().min(1).max(80).optional(),
  /** false: that organization's people can no longer sign in with a local password. */
  OIDC_PASSWORDS: booleanFromString.default(true),
  /** The bearer token /metrics asks for; unset, /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
});

export type Env = z.infer<typeof envSchema>;

// Receiving mail without a signing secret would put every reply on the review list: refuse to start.
const checkedSchema = envSchema.superRefine((e, ctx) => {
  if ((e.INBOUND_SMTP_PORT !== undefined || e.IMAP_URL !== undefined) && !e.REPLY_TOKEN_SECRET)
    ctx.addIssue({
      code: "custom",
      path: ["REPLY_TOKEN_SECRET"],
      message: "is needed when INBOUND_SMTP_PORT or IMAP_URL is set",
    });
  // A provider named by environment needs all four; half a configuration would sign no one in.
  const oidc = ["OIDC_ORGANIZATION", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
  const given = oidc.filter((name) => e[name] !== undefined);
  if (given.length > 0 && given.length < oidc.length)
    for (const name of oidc.filter((n) => e[n] === undefined))
      ctx.addIssue({ code: "custom", path: [name], message: `is needed with ${given.join(", ")}` });
});

/** Parses configuration once; a bad value stops start-up with a message naming the variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = checkedSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

export function publicUrl(e: Env = env()): string {
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}

/**
 * Whether people reach the site over HTTPS (PUBLIC_URL says so): only then are cookies Secure and
 * the session cookie `__Host-` prefixed. A browser drops a Secure cookie set over plain HTTP on any
 * host but localhost, so the demo at http://<machine>:3000 would never sign anyone in.
 */
export function servedOverHttps(e: Env = env()): boolean {
  return (e.PUBLIC_URL ?? "").toLowerCase().startsWith("https:");
}

/** Whether emails carry a reply address: a secret signs it and something receives what comes back. */
export function repliesReachCases(e: Env = env()): boolean {
  return Boolean(e.REPLY_TOKEN_SECRET) && (e.INBOUND_SMTP_PORT !== undefined || e.IMAP_URL !== undefined);
}

/** The domain of reply+ and bounce+ addresses. */
export function inboundDomain(e: Env = env()): string {
  return e.INBOUND_DOMAIN ?? new URL(publicUrl(e)).hostname;
}
