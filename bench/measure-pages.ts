import { createHash } from "node:crypto";
import type { DB } from "../db/client";
import { staffQueue } from "../app/services/case-queue.server";
import { staffCaseView } from "../app/services/case-view.server";
import type { SessionUser } from "../app/services/auth.server";
import { encodeCursor, type QueueFilters } from "../app/domain/queue-filters";
import { Dice } from "../scripts/seed/demo-history";
import { BENCH_AREA, BENCH_PASSWORD, benchStaffEmail } from "./lib/bench-constants";
import { httpRequest, keepAliveAgent, signIn } from "./lib/http-client";
import type { RawDriver } from "./lib/raw-driver";
import { MIN_SAMPLES, SERIES_BUDGET_MS, summarize, timeRuns, type Summary } from "./lib/stats";

// The staff queue and a case page, three ways each:
// - page: GET on the built server over loopback, signed in as a staff member of the busiest SSM
//   (session check, loader, React render, HTTP), one request at a time;
// - service: the loader's service called in this process (every query the page makes, via Kysely);
// - raw: the same rows fetched by hand-written SQL on the raw driver: the limit.

const ORDERED_COLUMNS =
  "c.id, c.reference, c.kind, c.status, c.level, c.received_at, c.next_due_at, c.filer_name, r.name_en, r.name_fr, u.display_name";

interface QueueVariant {
  name: string;
  filters: Partial<QueueFilters>;
  /** Extra conditions on `c` for the raw query, with their parameters. */
  where: string;
  params: unknown[];
}

export interface PageMeasurement {
  name: string;
  page: Summary;
  service: Summary;
  raw: Summary;
  rows: number;
}

/**
 * The queue's rows by hand: a page of cases with a deadline in deadline order, then cases without
 * one, each half read in the order of the (area_slug, next_due_at, id) index so SQLite stops after
 * 51 rows instead of sorting the SSM's every case; plus the status counts the page shows above.
 */
function rawQueue(raw: RawDriver, variant: QueueVariant, afterSql = "", afterParams: unknown[] = []) {
  const base = `from cases c left join organizations r on r.id = c.respondent_org_id left join users u on u.id = c.assignee_id where c.area_slug = ? ${variant.where}`;
  const rows = raw.prepare(`
    select * from (select ${ORDERED_COLUMNS} ${base} and c.next_due_at is not null ${afterSql} order by c.next_due_at, c.id limit 51) as due
    union all
    select * from (select ${ORDERED_COLUMNS} ${base} and c.next_due_at is null order by c.id limit 51) as undated
    limit 51`);
  const counts = raw.prepare("select status, count(*) n from cases where area_slug = ? group by status");
  return async () => {
    const page = await rows.all<{ id: number; next_due_at: string | null }>(
      BENCH_AREA,
      ...variant.params,
      ...afterParams,
      BENCH_AREA,
      ...variant.params,
    );
    await counts.all(BENCH_AREA);
    return page;
  };
}

async function pageSamples(runs: number, url: string, cookie: string): Promise<number[]> {
  const agent = keepAliveAgent(1);
  const samples: number[] = [];
  const started = Date.now();
  for (let i = 0; i < runs + 10 && (samples.length < MIN_SAMPLES || Date.now() - started < SERIES_BUDGET_MS); i++) {
    const res = await httpRequest(agent, url, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body.slice(0, 300)}`);
    if (i >= 10) samples.push(res.ms);
  }
  agent.destroy();
  return samples;
}

export async function measurePages(input: {
  db: DB;
  raw: RawDriver;
  baseUrl: string;
  runs?: number;
}): Promise<PageMeasurement[]> {
  const { db, raw, baseUrl } = input;
  const runs = input.runs ?? 200;
  const email = benchStaffEmail(BENCH_AREA);
  const cookie = await signIn(keepAliveAgent(1), baseUrl, email, BENCH_PASSWORD);
  const user = (await raw
    .prepare("select id, email, display_name, role, organization_id, language from users where email = ?")
    .get<SessionUser>(email))!;
  const provider = (await raw
    .prepare("select provider_id from provider_areas where area_slug = ? order by provider_id limit 1 offset 2")
    .get<{ provider_id: number }>(BENCH_AREA))!.provider_id;
  const surname = "Lavoie";

  const variants: QueueVariant[] = [
    { name: "queue: first page, no filter", filters: {}, where: "", params: [] },
    {
      name: "queue: status = in review",
      filters: { status: "in_review" },
      where: "and c.status = ?",
      params: ["in_review"],
    },
    {
      name: "queue: overdue",
      filters: { clock: "overdue" },
      where: "and c.next_due_at < ?",
      params: [new Date().toISOString()],
    },
    { name: "queue: assigned to me", filters: { assignee: "me" }, where: "and c.assignee_id = ?", params: [user.id] },
    {
      name: "queue: one provider, received in 2026",
      filters: { provider, from: "2026-01-01", to: "2026-12-31" },
      where: "and c.respondent_org_id = ? and c.received_at >= ? and c.received_at < ?",
      params: [provider, "2026-01-01T05:00:00.000Z", "2027-01-01T05:00:00.000Z"],
    },
    {
      name: `queue: search "${surname}"`,
      filters: { q: surname },
      where: "and (c.reference like ? escape '\\' or c.filer_name like ? escape '\\')",
      params: [`%${surname}%`, `%${surname}%`],
    },
  ];

  const results: PageMeasurement[] = [];
  for (const variant of variants) {
    const rawRun = rawQueue(raw, variant);
    const rows = (await rawRun()).length;
    const search = new URLSearchParams(Object.entries(variant.filters).map(([k, v]) => [k, String(v)])).toString();
    const page = await pageSamples(runs, `${baseUrl}/cases${search ? `?${search}` : ""}`, cookie);
    const service = await timeRuns(runs, 5, () => staffQueue({ db, user, filters: variant.filters }));
    const rawSamples = await timeRuns(runs, 5, rawRun);
    results.push({
      name: variant.name,
      page: summarize(page),
      service: summarize(service),
      raw: summarize(rawSamples),
      rows,
    });
  }

  // The second page: keyset pagination from the first page's last row.
  {
    const first = await rawQueue(raw, variants[0]!)();
    const last = first[49]!;
    const after = encodeCursor({ dueAt: last.next_due_at, id: last.id });
    const variant: QueueVariant = { name: "queue: second page (cursor)", filters: { after }, where: "", params: [] };
    // Keyset condition for the deadline half; the page-1 cursor is always in that half here.
    const rawRun = rawQueue(raw, variant, "and (c.next_due_at > ? or (c.next_due_at = ? and c.id > ?))", [
      last.next_due_at,
      last.next_due_at,
      last.id,
    ]);
    const page = await pageSamples(runs, `${baseUrl}/cases?after=${after}`, cookie);
    const service = await timeRuns(runs, 5, () => staffQueue({ db, user, filters: { after } }));
    const rawSamples = await timeRuns(runs, 5, rawRun);
    results.push({
      name: variant.name,
      page: summarize(page),
      service: summarize(service),
      raw: summarize(rawSamples),
      rows: (await rawRun()).length,
    });
  }

  // Case pages: a different case each request, drawn from the whole history of the SSM.
  const ids = await raw
    .prepare("select reference from cases where area_slug = ? order by id")
    .all<{ reference: string }>(BENCH_AREA);
  const dice = new Dice(7);
  const references = Array.from({ length: runs + 10 }, () => dice.pick(ids).reference);
  const agent = keepAliveAgent(1);
  const pageMs: number[] = [];
  const started = Date.now();
  for (const [i, reference] of references.entries()) {
    if (pageMs.length >= MIN_SAMPLES && Date.now() - started > SERIES_BUDGET_MS) break;
    const res = await httpRequest(agent, `${baseUrl}/cases/${reference}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET /cases/${reference}: ${res.status}`);
    if (i >= 10) pageMs.push(res.ms);
  }
  agent.destroy();
  const service = await timeRuns(runs, 5, (i) =>
    staffCaseView({ db, user, reference: references[i]!, now: new Date() }),
  );
  const rawCase = rawCasePage(raw, user);
  const rawSamples = await timeRuns(runs, 5, (i) => rawCase(references[i]!));
  results.push({
    name: "case page (random case)",
    page: summarize(pageMs),
    service: summarize(service),
    raw: summarize(rawSamples),
    rows: 1,
  });
  return results;
}

/**
 * What the case page reads, by hand: the case, its timeline with actors' names, clocks, emails,
 * attachments, the provider, the assignee, the SSM's staff, its policy, and the audit entry the
 * page appends (a read of a case is audited: the write is part of the page's work).
 */
function rawCasePage(raw: RawDriver, user: SessionUser) {
  const caseRow = raw.prepare("select * from cases where reference = ?");
  const events = raw.prepare(
    "select e.id, e.type, e.visibility, e.actor_kind, u.display_name, e.level, e.body, e.data_json, e.created_at from case_events e left join users u on u.id = e.actor_user_id where e.case_id = ? order by e.id",
  );
  const clocks = raw.prepare("select * from case_clocks where case_id = ? order by id");
  const emails = raw.prepare(
    "select id, template, recipient, status, attempts, last_error, created_at, sent_at from email_outbox where case_id = ? order by id",
  );
  const attachments = raw.prepare("select * from attachments where case_id = ? order by id");
  const org = raw.prepare("select * from organizations where id = ?");
  const person = raw.prepare("select * from users where id = ?");
  const colleagues = raw.prepare(
    "select * from users where organization_id = ? and disabled_at is null order by display_name",
  );
  const policy = raw.prepare("select * from policies where id = ?");
  const NEWEST = "select hash from audit_log order by id desc limit 1";
  const AUDIT =
    "insert into audit_log (at, actor_user_id, actor_label, organization_id, action, target_type, target_id, details_json, prev_hash, hash) values (?, ?, ?, ?, 'case.read', 'case', ?, null, ?, ?)";
  const append = (reference: string) =>
    raw.transaction(async (tx) => {
      const prev = (await tx.prepare(NEWEST).get<{ hash: string }>())?.hash ?? "0".repeat(64);
      const at = new Date().toISOString();
      const hash = createHash("sha256")
        .update(prev)
        .update("\n")
        .update(JSON.stringify([at, user.id, user.email, user.organization_id, "case.read", "case", reference, null]))
        .digest("hex");
      await tx.prepare(AUDIT).run(at, user.id, user.email, user.organization_id, reference, prev, hash);
    });
  return async (reference: string) => {
    const row = (await caseRow.get<{
      id: number;
      respondent_org_id: number | null;
      assignee_id: number | null;
      policy_id: number;
    }>(reference))!;
    await events.all(row.id);
    await clocks.all(row.id);
    await emails.all(row.id);
    await attachments.all(row.id);
    if (row.respondent_org_id) await org.get(row.respondent_org_id);
    if (row.assignee_id) await person.get(row.assignee_id);
    await colleagues.all(user.organization_id);
    await policy.get(row.policy_id);
    await append(reference);
  };
}
