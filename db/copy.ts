import { type RawBuilder, sql } from "kysely";
import { writeTransaction, type DB } from "./client";
import { isPostgres, type SchemaFreeDb } from "./dialect";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

// Moves a SQLite database to an empty PostgreSQL one (`npm run db:copy`, issue 8). Data movement
// only: the caller migrates the target, and may check the copy before it is committed.

/** Every column of a table, so a column added to schema.ts without being added here fails to compile. */
type AllColumns<T> = { readonly [C in keyof T]-?: true };

/**
 * Every application table with all its columns, parents before children (foreign-key order), so
 * each batch only points at rows already copied. Identifiers in the copy's SQL come from here only,
 * never from either database. Kysely's own kysely_migration tables are not copied: the target's
 * are written by migrating it.
 */
const TABLES: { readonly [T in keyof Database]: AllColumns<Database[T]> } = {
  areas: {
    slug: true,
    code: true,
    name_en: true,
    name_fr: true,
    phase: true,
    ssm_confirmed: true,
    ssm_responsible_from: true,
    ies_from: true,
    time_zone: true,
    sort_order: true,
  },
  organizations: {
    id: true,
    slug: true,
    kind: true,
    name_en: true,
    name_fr: true,
    area_slug: true,
    contact_email: true,
    contact_phone: true,
    contact_address: true,
    contact_in_person: true,
    retired_at: true,
    created_at: true,
  },
  provider_areas: { provider_id: true, area_slug: true },
  users: {
    id: true,
    email: true,
    display_name: true,
    password_hash: true,
    role: true,
    organization_id: true,
    language: true,
    disabled_at: true,
    created_at: true,
  },
  sessions: { id: true, user_id: true, created_at: true, last_seen_at: true, expires_at: true, revoked_at: true },
  policies: {
    id: true,
    area_slug: true,
    version: true,
    effective_from: true,
    acknowledge_days: true,
    first_response_days: true,
    recourse_window_days: true,
    levels_json: true,
    calendar_json: true,
    provider_stage_json: true,
    extension_max_days: true,
    created_by: true,
    created_at: true,
  },
  cases: {
    id: true,
    reference: true,
    area_slug: true,
    kind: true,
    channel: true,
    status: true,
    level: true,
    program: true,
    category: true,
    respondent_org_id: true,
    assignee_id: true,
    filer_user_id: true,
    filer_org_id: true,
    filer_name: true,
    filer_email: true,
    filer_phone: true,
    language: true,
    accommodation_needed: true,
    accommodation_details: true,
    description: true,
    outcome_wanted: true,
    secret_hash: true,
    submission_key: true,
    policy_id: true,
    received_at: true,
    decided_at: true,
    outcome: true,
    closed_at: true,
    self_identification_json: true,
    recourse_deadline_at: true,
    next_due_at: true,
    purged_at: true,
    identity_shared: true,
    provider_referred_at: true,
    merged_into_case_id: true,
    call_filer_since: true,
    message_after_close_at: true,
    acknowledged_at: true,
    version: true,
    created_at: true,
    updated_at: true,
  },
  case_events: {
    id: true,
    case_id: true,
    type: true,
    visibility: true,
    actor_kind: true,
    actor_user_id: true,
    level: true,
    body: true,
    data_json: true,
    created_at: true,
  },
  case_clocks: {
    id: true,
    case_id: true,
    kind: true,
    level: true,
    started_at: true,
    due_at: true,
    state: true,
    paused_at: true,
    paused_business_ms: true,
    met_at: true,
    breached_at: true,
    reminded_at: true,
    taken_business_days: true,
    paused_business_days: true,
    sweep_lease_until: true,
    pauses_json: true,
    extension_json: true,
  },
  case_links: { id: true, case_id: true, related_case_id: true, kind: true, created_by: true, created_at: true },
  panel_members: {
    id: true,
    ssm_org_id: true,
    name: true,
    affiliation: true,
    affiliation_org_id: true,
    user_id: true,
    conflict_org_ids_json: true,
    active: true,
    created_at: true,
  },
  case_panels: { id: true, case_id: true, level: true, member_ids_json: true, formed_by: true, formed_at: true },
  filer_sessions: { id: true, case_id: true, created_at: true, expires_at: true },
  reference_counters: { area_slug: true, year: true, last_value: true },
  email_outbox: {
    id: true,
    dedupe_key: true,
    case_id: true,
    recipient: true,
    language: true,
    template: true,
    subject: true,
    text_body: true,
    html_body: true,
    status: true,
    attempts: true,
    next_attempt_at: true,
    last_error: true,
    lease_until: true,
    created_at: true,
    sent_at: true,
    replyable: true,
    bounced_at: true,
    meets_clock: true,
  },
  inbound_messages: {
    id: true,
    message_id: true,
    received_at: true,
    channel: true,
    outcome: true,
    reason: true,
    case_id: true,
    organization_id: true,
    outbox_id: true,
    from_address: true,
    subject: true,
    body_text: true,
    reviewed_at: true,
    reviewed_by: true,
  },
  // Inserting is all the append-only triggers allow, and all a copy needs: rows keep their id,
  // prev_hash and hash, so the chain verifies on the target as it did on the source.
  audit_log: {
    id: true,
    at: true,
    actor_user_id: true,
    actor_label: true,
    organization_id: true,
    action: true,
    target_type: true,
    target_id: true,
    details_json: true,
    prev_hash: true,
    hash: true,
  },
  rate_limit_events: { bucket: true, at: true },
  attachments: {
    id: true,
    case_id: true,
    original_name: true,
    stored_name: true,
    content_type: true,
    size_bytes: true,
    sha256: true,
    visibility: true,
    uploaded_by_kind: true,
    uploaded_by_user_id: true,
    created_at: true,
  },
  invitations: {
    id: true,
    user_id: true,
    token_hash: true,
    created_by: true,
    created_at: true,
    expires_at: true,
    used_at: true,
    revoked_at: true,
  },
  password_resets: {
    id: true,
    user_id: true,
    token_hash: true,
    created_at: true,
    expires_at: true,
    used_at: true,
    revoked_at: true,
  },
  case_access_links: {
    id: true,
    case_id: true,
    token_hash: true,
    purpose: true,
    created_at: true,
    expires_at: true,
    used_at: true,
    revoked_at: true,
  },
  report_drafts: {
    area_slug: true,
    quarter: true,
    actions_taken: true,
    lessons_learned: true,
    systemic_issues: true,
    updated_by: true,
    updated_at: true,
  },
  quarter_reports: {
    id: true,
    area_slug: true,
    quarter: true,
    version: true,
    figures_json: true,
    actions_taken: true,
    lessons_learned: true,
    systemic_issues: true,
    amendment_reason: true,
    submitted_by: true,
    submitted_at: true,
  },
  report_releases: {
    id: true,
    quarter: true,
    sequence: true,
    area_slug: true,
    version: true,
    threshold: true,
    release_json: true,
    released_at: true,
  },
  survey_invitations: {
    id: true,
    case_id: true,
    token_hash: true,
    area_slug: true,
    quarter: true,
    language: true,
    expires_at: true,
    used: true,
  },
  survey_responses: { id: true, area_slug: true, quarter: true, clear: true, fair: true, timely: true, comment: true },
  survey_review_tasks: {
    id: true,
    area_slug: true,
    quarter: true,
    fair: true,
    timely: true,
    case_id: true,
    done_at: true,
    done_by: true,
  },
  work_leases: { name: true, holder: true, expires_at: true },
  organization_sign_in: {
    organization_id: true,
    issuer: true,
    client_id: true,
    client_secret_sealed: true,
    provider_label: true,
    passwords_allowed: true,
    updated_at: true,
    updated_by: true,
  },
  oidc_attempts: {
    state_hash: true,
    organization_id: true,
    code_verifier: true,
    nonce: true,
    next_path: true,
    created_at: true,
    used_at: true,
  },
  oidc_sessions: { session_id: true, organization_id: true, created_at: true },
  case_report_facts: {
    case_id: true,
    area_slug: true,
    received_at: true,
    kind: true,
    channel: true,
    program: true,
    category: true,
    provider_id: true,
    groups: true,
    referred_out: true,
  },
  report_fact_events: {
    id: true,
    case_id: true,
    area_slug: true,
    at: true,
    fact: true,
    key: true,
    level: true,
    value: true,
    value2: true,
    settled_at: true,
  },
  report_open_counts: { area_slug: true, quarter: true, net_change: true },
  attachment_chunks: { stored_name: true, seq: true, data: true },
  api_tokens: {
    id: true,
    organization_id: true,
    name: true,
    scopes: true,
    token_hash: true,
    prefix: true,
    created_by: true,
    created_at: true,
    last_used_at: true,
    revoked_at: true,
    revoked_by: true,
  },
};

/** The tables whose id is `serial` on PostgreSQL (`Generated<number>` in schema.ts): their sequences are moved past the copied ids. */
const SERIAL_ID_TABLES: ReadonlySet<keyof Database> = new Set<keyof Database>([
  "organizations",
  "users",
  "policies",
  "cases",
  "case_events",
  "case_clocks",
  "case_links",
  "panel_members",
  "case_panels",
  "email_outbox",
  "inbound_messages",
  "audit_log",
  "attachments",
  "invitations",
  "password_resets",
  "case_access_links",
  "quarter_reports",
  "report_releases",
  "survey_invitations",
  "survey_responses",
  "survey_review_tasks",
  "report_fact_events",
  "api_tokens",
]);

export type TableName = keyof Database;

export interface CopyTable {
  name: TableName;
  columns: readonly string[];
  serialId: boolean;
}

export const COPY_TABLES: readonly CopyTable[] = (Object.keys(TABLES) as TableName[]).map((name) => ({
  name,
  columns: Object.keys(TABLES[name]),
  serialId: SERIAL_ID_TABLES.has(name),
}));

const KYSELY_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * Column types the same migrations create on each side, and that pass through unchanged: ISO
 * instants, dates and JSON as text, booleans as 0/1 integers, business days as doubles (SQLite's
 * real is a double; 0009 widens PostgreSQL's to double precision). Anything else would need a
 * conversion this copy does not make, so it refuses instead.
 */
const PASS_THROUGH_TYPES: Readonly<Record<string, readonly string[]>> = {
  text: ["text"],
  integer: ["int4", "int8"],
  real: ["float8"],
  // Evidence files kept in the database (0025): bytes as bytes.
  blob: ["bytea"],
};

/** PostgreSQL accepts at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/** Something about the source or the target that stops the copy before anything is written. */
export class CopyRefused extends Error {
  override name = "CopyRefused";
}

export interface TableCopied {
  table: TableName;
  sourceRows: number;
  targetRows: number;
  ms: number;
}

export interface CopyProgress {
  table: TableName;
  copied: number;
  total: number;
}

export interface CopyOptions {
  /** The SQLite database, migrated to the latest migration. It is only read. */
  source: DB;
  /** The PostgreSQL database, migrated to the latest migration (checkTargetIsEmpty first) and empty. */
  target: DB;
  /** Rows per INSERT (at most what PostgreSQL's parameter limit allows for the widest table). */
  batchSize?: number;
  onProgress?: (progress: CopyProgress) => void;
  /** Runs on the target's transaction after the rows are in and before they are committed: throw to leave the target empty. */
  beforeCommit?: (trx: DB) => Promise<void>;
}

/** The migrations the application knows, in order. */
const LATEST_MIGRATIONS = Object.keys(migrations);

/** Refuses unless the source is a SQLite database migrated exactly to the latest migration. */
export async function checkSourceIsReady(source: DB): Promise<void> {
  if (isPostgres(source)) throw new CopyRefused("the source must be a SQLite database");
  const tables = await source.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === "kysely_migration")) {
    throw new CopyRefused("the source is not a Recourse database (it has no migrations): nothing to copy");
  }
  const applied = await appliedMigrations(source);
  const missing = LATEST_MIGRATIONS.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !LATEST_MIGRATIONS.includes(m));
  if (unknown.length > 0) {
    throw new CopyRefused(
      `the source has migrations this version does not know (${unknown.join(", ")}): run db:copy from the version that wrote it`,
    );
  }
  if (missing.length > 0) {
    throw new CopyRefused(
      `the source is not migrated to the latest migration (missing ${missing.join(", ")}): run \`npm run db:migrate\` on it first`,
    );
  }
}

/**
 * Refuses unless the target is a PostgreSQL database holding nothing but (some of) Recourse's empty
 * tables: no application rows, no tables of something else, no migration newer than this version.
 * Reads only, so it runs before the target is migrated: a refused target is left as it was.
 */
export async function checkTargetIsEmpty(target: DB): Promise<void> {
  if (!isPostgres(target)) throw new CopyRefused("the target must be a PostgreSQL database");
  const tables = await target.introspection.getTables({ withInternalKyselyTables: true });
  const foreign = tables
    .filter((t) => !KYSELY_TABLES.has(t.name) && !(t.name in TABLES))
    .map((t) => (t.schema ? `${t.schema}.${t.name}` : t.name));
  if (foreign.length > 0) {
    throw new CopyRefused(
      `the target holds tables Recourse does not create (${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", …" : ""}): copy into a new, empty database`,
    );
  }
  if (tables.some((t) => t.name === "kysely_migration")) {
    const unknown = (await appliedMigrations(target)).filter((m) => !LATEST_MIGRATIONS.includes(m));
    if (unknown.length > 0)
      throw new CopyRefused(`the target has migrations this version does not know (${unknown.join(", ")})`);
  }
  const existing = new Set(tables.map((t) => t.name));
  const nonEmpty = await tablesWithRows(
    target,
    COPY_TABLES.filter((t) => existing.has(t.name)),
  );
  if (nonEmpty.length > 0) {
    throw new CopyRefused(
      `the target already holds data (${nonEmpty.join(", ")}): db:copy only fills an empty database, nothing was written`,
    );
  }
}

/**
 * Copies every application table from the SQLite source to the migrated, empty PostgreSQL target in
 * one transaction on the target, a batch at a time in rowid order (constant memory whatever the
 * size), ids preserved; then moves each id sequence past the largest id, compares the row counts
 * and runs `beforeCommit`. Any failure rolls the target back to empty. The source is read in one
 * read transaction, so the copy is one consistent snapshot even if something writes to it meanwhile.
 */
export async function copyDatabase(options: CopyOptions): Promise<TableCopied[]> {
  const { source, target } = options;
  await checkSourceIsReady(source);
  const targetTypes = await checkColumnTypes(source, target);
  await checkValuesFit(source, targetTypes);
  return source.transaction().execute(async (src) =>
    // The write lock every Recourse write transaction takes first: an instance started against the
    // target too early waits for the copy instead of writing into the middle of it.
    writeTransaction(target, async (trx) => {
      const stillEmpty = await tablesWithRows(trx, COPY_TABLES);
      if (stillEmpty.length > 0)
        throw new CopyRefused(
          `the target already holds data (${stillEmpty.join(", ")}): db:copy only fills an empty database, nothing was written`,
        );
      const summary: TableCopied[] = [];
      for (const table of COPY_TABLES) {
        const started = performance.now();
        const sourceRows = await countRows(src, table.name);
        await copyTable(src, trx, table, sourceRows, options);
        if (table.serialId) await resetIdSequence(trx, table.name);
        const targetRows = await countRows(trx, table.name);
        if (targetRows !== sourceRows)
          throw new Error(`${table.name}: ${sourceRows} rows in the source but ${targetRows} copied`);
        summary.push({ table: table.name, sourceRows, targetRows, ms: Math.round(performance.now() - started) });
      }
      await options.beforeCommit?.(trx);
      return summary;
    }),
  );
}

async function copyTable(src: DB, trx: DB, table: CopyTable, total: number, options: CopyOptions): Promise<void> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 1000, Math.floor(MAX_PARAMETERS / table.columns.length)));
  const from = src as SchemaFreeDb;
  const to = trx as SchemaFreeDb;
  let afterRowid: number | null = null;
  let copied = 0;
  for (;;) {
    // Keyset on SQLite's rowid, which every table has (the id itself where there is an integer id):
    // each page is a range read, however far into the table.
    let query = from
      .selectFrom(table.name)
      .select(table.columns as string[])
      .select(sql<number>`rowid`.as("copy_rowid"))
      .orderBy(sql`rowid`)
      .limit(batchSize);
    if (afterRowid !== null) query = query.where(sql`rowid`, ">", afterRowid);
    const rows = (await query.execute()) as Array<Record<string, unknown> & { copy_rowid: number }>;
    if (rows.length === 0) break;
    afterRowid = rows[rows.length - 1]!.copy_rowid;
    const values = rows.map(({ copy_rowid: _, ...row }) => row);
    try {
      await to.insertInto(table.name).values(values).execute();
    } catch (error) {
      const first = rows[0]!.copy_rowid;
      throw new Error(
        `${table.name}: copying the rows with rowid ${first} to ${afterRowid} failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    copied += rows.length;
    options.onProgress?.({ table: table.name, copied, total });
  }
}

/** The next id the application inserts is one past the largest copied (1 when the table is empty). */
async function resetIdSequence(trx: DB, table: TableName): Promise<void> {
  const { rows } = await sql<{ sequence: string | null }>`
    select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 1), max(id) is not null) as sequence
    from ${sql.table(table)}`.execute(trx);
  if (rows[0]?.sequence == null) throw new Error(`${table}.id has no sequence on the target`);
}

/**
 * Both schemas must hold exactly the columns listed in TABLES, each of a type that passes through
 * unchanged, and the target's serial ids must be exactly SERIAL_ID_TABLES': a schema that drifted
 * from schema.ts stops the copy instead of losing a column or a sequence.
 */
async function checkColumnTypes(source: DB, target: DB): Promise<Map<TableName, Map<string, string>>> {
  const targetTypes = new Map<TableName, Map<string, string>>();
  const sourceTables = new Map((await source.introspection.getTables()).map((t) => [t.name, t]));
  const targetTables = new Map(
    (await target.introspection.getTables()).filter((t) => !t.schema || t.schema === "public").map((t) => [t.name, t]),
  );
  for (const table of COPY_TABLES) {
    const s = sourceTables.get(table.name);
    const t = targetTables.get(table.name);
    if (!s || !t) throw new CopyRefused(`table ${table.name} is missing from the ${s ? "target" : "source"}`);
    for (const [side, meta] of [
      ["source", s],
      ["target", t],
    ] as const) {
      const names = meta.columns.map((c) => c.name).sort();
      const expected = [...table.columns].sort();
      if (names.join() !== expected.join()) {
        throw new CopyRefused(
          `${side} table ${table.name} has columns (${names.join(", ")}), not the ones schema.ts lists (${expected.join(", ")})`,
        );
      }
    }
    for (const column of s.columns) {
      const targetColumn = t.columns.find((c) => c.name === column.name)!;
      const expectedTarget = PASS_THROUGH_TYPES[column.dataType.toLowerCase()] ?? [];
      if (!expectedTarget.includes(targetColumn.dataType)) {
        throw new CopyRefused(
          `${table.name}.${column.name} is ${column.dataType} in the source and ${targetColumn.dataType} in the target: not a type the copy passes through unchanged`,
        );
      }
    }
    const serial = t.columns.some((c) => c.name === "id" && c.isAutoIncrementing);
    if (serial !== table.serialId)
      throw new CopyRefused(`${table.name}.id is ${serial ? "" : "not "}serial on the target, unlike schema.ts`);
    targetTypes.set(table.name, new Map(t.columns.map((c) => [c.name, c.dataType])));
  }
  return targetTypes;
}

interface ValueCheck {
  column: string;
  problem: "int4" | "nul";
  count: RawBuilder<number | null>;
  worst: RawBuilder<number | null>;
}

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;

/**
 * What the types allow but PostgreSQL would still refuse mid-copy, found first with one scan of each
 * table: integers beyond a 4-byte integer column (SQLite's integers are 8 bytes) and text holding a
 * NUL character (PostgreSQL's text cannot). Nothing is changed to make it fit: the source is fixed,
 * or the target's schema, and the copy run again.
 */
async function checkValuesFit(source: DB, targetTypes: Map<TableName, Map<string, string>>): Promise<void> {
  const problems: string[] = [];
  for (const table of COPY_TABLES) {
    const types = targetTypes.get(table.name)!;
    const checks = table.columns.flatMap((column): ValueCheck[] => {
      const ref = sql.ref(column);
      if (types.get(column) === "int4") {
        return [
          {
            column,
            problem: "int4",
            count: sql<number | null>`sum(${ref} not between ${sql.lit(INT4_MIN)} and ${sql.lit(INT4_MAX)})`,
            worst: sql<number | null>`max(abs(${ref}))`,
          },
        ];
      }
      if (types.get(column) === "text") {
        return [
          {
            column,
            problem: "nul",
            count: sql<number | null>`sum(instr(cast(${ref} as blob), x'00') > 0)`,
            worst: sql<null>`null`,
          },
        ];
      }
      return [];
    });
    if (checks.length === 0) continue;
    const row = (await (source as SchemaFreeDb)
      .selectFrom(table.name)
      .select(checks.flatMap((c, i) => [c.count.as(`n${i}`), c.worst.as(`w${i}`)]))
      .executeTakeFirstOrThrow()) as Record<string, number | null>;
    checks.forEach((c, i) => {
      const count = Number(row[`n${i}`] ?? 0);
      if (count === 0) return;
      problems.push(
        c.problem === "int4"
          ? `${table.name}.${c.column} holds ${count} value(s) beyond PostgreSQL's integer (up to ${row[`w${i}`]}): the target column needs bigint`
          : `${table.name}.${c.column} holds ${count} value(s) with a NUL character, which PostgreSQL text cannot store`,
      );
    });
  }
  if (problems.length > 0) throw new CopyRefused(problems.join("; "));
}

async function appliedMigrations(db: DB): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

async function countRows(db: DB, table: TableName): Promise<number> {
  const row = await (db as SchemaFreeDb)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function tablesWithRows(db: DB, tables: readonly CopyTable[]): Promise<TableName[]> {
  const found: TableName[] = [];
  for (const table of tables) {
    const row = await (db as SchemaFreeDb)
      .selectFrom(table.name)
      .select(sql<number>`1`.as("one"))
      .limit(1)
      .executeTakeFirst();
    if (row) found.push(table.name);
  }
  return found;
}
