// The physical limit for a public filing: a bare node:http handler that does what POST /file must
// do (clarifications, #21): the body read within the same limits (BodyGuard, FORM_LIMITS), the same
// rows (reference counter, case, three clocks, timeline entry, chained audit entry, acknowledgement
// email, rate-limit event, and the case's report facts: its received row, its "open" fact and its
// quarter's open counter) in one BEGIN IMMEDIATE transaction with the app's durability settings
// (WAL, synchronous FULL), and an HTML page naming the reference. No framework, no validation
// beyond the minimum, no React: what is left is SQLite and the socket. Run as a child: `node --import tsx
// bench/lib/bare-filing-server.ts <db>`; prints its port.
import SQLite from "better-sqlite3";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { initialClocks, nextDueAt } from "../../app/domain/case-clocks";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import { reportingQuarterOf } from "../../app/domain/report-facts";
import { BodyGuard, FORM_LIMITS } from "../../app/utils/body-limits.server";

const path = process.argv[2];
if (!path) throw new Error("usage: bare-filing-server.ts <database>");
const db = new SQLite(path);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 5000");

// What the app looks up per request, looked up once: the limit does not repeat constant reads.
const areas = new Map(
  (
    db
      .prepare(
        "select a.slug, a.code, o.id as ssm_id, p.id as policy_id from areas a join organizations o on o.area_slug = a.slug and o.kind = 'ssm' join policies p on p.area_slug = a.slug",
      )
      .all() as { slug: string; code: string; ssm_id: number; policy_id: number }[]
  ).map((a) => [a.slug, a]),
);
const counter = db.prepare(
  "insert into reference_counters (area_slug, year, last_value) values (?, ?, 1) on conflict (area_slug, year) do update set last_value = last_value + 1 returning last_value",
);
const byKey = db.prepare("select id, reference from cases where submission_key = ?");
const insertCase =
  db.prepare(`insert into cases (reference, area_slug, kind, channel, status, level, program, category, respondent_org_id, filer_name, filer_email, filer_phone,
  language, accommodation_needed, description, outcome_wanted, secret_hash, submission_key, policy_id, received_at, next_due_at, version, created_at, updated_at)
  values (?, ?, 'client_complaint', 'web', 'received', 1, ?, null, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
const insertClock = db.prepare(
  "insert into case_clocks (case_id, kind, level, started_at, due_at, state, paused_business_ms) values (?, ?, ?, ?, ?, 'running', 0)",
);
const insertEvent = db.prepare(
  "insert into case_events (case_id, type, visibility, actor_kind, level, data_json, created_at) values (?, 'filed', 'public', 'filer', 1, ?, ?)",
);
const newestAudit = db.prepare("select hash from audit_log order by id desc limit 1");
const insertAudit = db.prepare(
  "insert into audit_log (at, actor_label, organization_id, action, target_type, target_id, details_json, prev_hash, hash) values (?, 'filer', ?, 'case.filed', 'case', ?, ?, ?, ?)",
);
const insertEmail =
  db.prepare(`insert into email_outbox (dedupe_key, case_id, recipient, language, template, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
  values (?, ?, ?, ?, 'acknowledgement', ?, ?, ?, 'pending', 0, ?, ?)`);
const countLimit = db.prepare("select count(*) n from rate_limit_events where bucket = ? and at > ?");
const recordLimit = db.prepare("insert into rate_limit_events (bucket, at) values (?, ?)");
const insertReceivedFact = db.prepare(
  "insert into case_report_facts (case_id, area_slug, received_at, kind, channel, program, category, provider_id, groups, referred_out) values (?, ?, ?, 'client_complaint', 'web', ?, null, ?, ?, 0)",
);
const insertOpenFact = db.prepare(
  "insert into report_fact_events (case_id, area_slug, at, fact, key, level, value, value2, settled_at) values (?, ?, ?, 'open', null, 0, 1, 0, null)",
);
const addOpenCount = db.prepare(
  "insert into report_open_counts (area_slug, quarter, net_change) values (?, ?, 1) on conflict (area_slug, quarter) do update set net_change = net_change + 1",
);
const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const file = db.transaction((form: URLSearchParams, ip: string) => {
  const now = new Date();
  const nowIso = now.toISOString();
  const bucket = `filing:ip:${ip}`;
  if ((countLimit.get(bucket, new Date(now.getTime() - 3_600_000).toISOString()) as { n: number }).n >= 10) return null;
  const key = form.get("submissionKey") ?? randomUUID();
  const existing = byKey.get(key) as { reference: string } | undefined;
  if (existing) return existing.reference;
  const area = areas.get(form.get("area") ?? "");
  if (!area) return null;
  const year = now.getUTCFullYear();
  const sequence = (counter.get(area.slug, year) as { last_value: number }).last_value;
  const reference = `${area.code}-${year}-${String(sequence).padStart(6, "0")}`;
  const clocks = initialClocks(DEFAULT_POLICY, now);
  const provider = form.get("provider");
  const email = form.get("email") || null;
  const secretHash = createHash("sha256").update(randomBytes(20)).digest("hex");
  const caseId = Number(
    insertCase.run(
      reference,
      area.slug,
      form.get("program"),
      provider && provider !== "unknown" ? Number(provider) : null,
      form.get("name"),
      email,
      form.get("phone") || null,
      form.get("language") ?? "en",
      form.get("description"),
      form.get("outcomeWanted"),
      secretHash,
      key,
      area.policy_id,
      nowIso,
      nextDueAt(clocks),
      nowIso,
      nowIso,
    ).lastInsertRowid,
  );
  for (const c of clocks) insertClock.run(caseId, c.kind, c.level, c.startedAt, c.dueAt);
  const details = JSON.stringify({ channel: "web", kind: "client_complaint" });
  insertEvent.run(caseId, details, nowIso);
  const prev = (newestAudit.get() as { hash: string } | undefined)?.hash ?? "0".repeat(64);
  const canonical = JSON.stringify([
    nowIso,
    null,
    "filer",
    area.ssm_id,
    "case.filed",
    "case",
    reference,
    { channel: "web", kind: "client_complaint" },
  ]);
  insertAudit.run(
    nowIso,
    area.ssm_id,
    reference,
    details,
    prev,
    createHash("sha256").update(prev).update("\n").update(canonical).digest("hex"),
  );
  if (email)
    insertEmail.run(
      `case:${caseId}:filed`,
      caseId,
      email,
      form.get("language") ?? "en",
      `Complaint received: ${reference}`,
      `Reference ${reference}`,
      `<p>Reference ${reference}</p>`,
      nowIso,
      nowIso,
    );
  recordLimit.run(bucket, nowIso);
  const groups = [...form.entries()]
    .filter(([k, v]) => k.startsWith("group_") && v === "yes")
    .map(([k]) => k.slice("group_".length))
    .sort()
    .join(",");
  insertReceivedFact.run(
    caseId,
    area.slug,
    nowIso,
    form.get("program"),
    provider && provider !== "unknown" ? Number(provider) : null,
    groups,
  );
  insertOpenFact.run(caseId, area.slug, nowIso);
  addOpenCount.run(area.slug, reportingQuarterOf(nowIso));
  return reference;
});

const server = createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(200).end("ok");
    return;
  }
  const guard = new BodyGuard(
    FORM_LIMITS,
    String(req.headers["content-type"] ?? ""),
    Number(req.headers["content-length"] ?? 0),
  );
  let refused = false;
  req.on("data", (c: Buffer) => {
    if (refused) return;
    if (guard.push(c) !== null) {
      refused = true;
      res.writeHead(413, { connection: "close" }).end("too large");
      req.destroy();
    }
  });
  req.on("end", () => {
    if (refused) return;
    try {
      const ip = String(req.headers["x-forwarded-for"] ?? req.socket.remoteAddress ?? "unknown");
      const reference = file(new URLSearchParams(guard.body().toString("utf8")), ip);
      if (!reference) res.writeHead(400).end("refused");
      else
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(
            `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Complaint received</title></head><body><main><h1>Filed ${html(reference)}</h1><p>Keep this reference.</p></main></body></html>`,
          );
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(typeof address === "object" && address ? address.port : 0);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
