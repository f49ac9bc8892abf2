// What both bare filing handlers (SQLite's and PostgreSQL's) share: the statements (`?` for each
// parameter), the values each filing writes, and the node:http server around them, so the two
// limits do the same work and differ only in the driver.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { initialClocks, nextDueAt, type Clock } from "../../app/domain/case-clocks";
import { DEFAULT_POLICY } from "../../app/domain/policy";
import { BodyGuard, FORM_LIMITS } from "../../app/utils/body-limits.server";

export interface BareArea {
  slug: string;
  code: string;
  ssm_id: number;
  policy_id: number;
}

export const BARE_SQL = {
  areas:
    "select a.slug, a.code, o.id as ssm_id, p.id as policy_id from areas a join organizations o on o.area_slug = a.slug and o.kind = 'ssm' join policies p on p.area_slug = a.slug",
  counter:
    "insert into reference_counters (area_slug, year, last_value) values (?, ?, 1) on conflict (area_slug, year) do update set last_value = reference_counters.last_value + 1 returning last_value",
  byKey: "select id, reference from cases where submission_key = ?",
  insertCase: `insert into cases (reference, area_slug, kind, channel, status, level, program, category, respondent_org_id, filer_name, filer_email, filer_phone,
  language, accommodation_needed, description, outcome_wanted, secret_hash, submission_key, policy_id, received_at, next_due_at, version, created_at, updated_at)
  values (?, ?, 'client_complaint', 'web', 'received', 1, ?, null, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  insertClock:
    "insert into case_clocks (case_id, kind, level, started_at, due_at, state, paused_business_ms) values (?, ?, ?, ?, ?, 'running', 0)",
  insertEvent:
    "insert into case_events (case_id, type, visibility, actor_kind, level, data_json, created_at) values (?, 'filed', 'public', 'filer', 1, ?, ?)",
  newestAudit: "select hash from audit_log order by id desc limit 1",
  insertAudit:
    "insert into audit_log (at, actor_label, organization_id, action, target_type, target_id, details_json, prev_hash, hash) values (?, 'filer', ?, 'case.filed', 'case', ?, ?, ?, ?)",
  insertEmail: `insert into email_outbox (dedupe_key, case_id, recipient, language, template, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
  values (?, ?, ?, ?, 'acknowledgement', ?, ?, ?, 'pending', 0, ?, ?)`,
  countLimit: "select count(*) n from rate_limit_events where bucket = ? and at > ?",
  recordLimit: "insert into rate_limit_events (bucket, at) values (?, ?)",
  insertReceivedFact:
    "insert into case_report_facts (case_id, area_slug, received_at, kind, channel, program, category, provider_id, groups, referred_out) values (?, ?, ?, 'client_complaint', 'web', ?, null, ?, ?, 0)",
  insertOpenFact:
    "insert into report_fact_events (case_id, area_slug, at, fact, key, level, value, value2, settled_at) values (?, ?, ?, 'open', null, 0, 1, 0, null)",
  addOpenCount:
    "insert into report_open_counts (area_slug, quarter, net_change) values (?, ?, 1) on conflict (area_slug, quarter) do update set net_change = report_open_counts.net_change + 1",
} as const;

/** One filing's values, worked out before its statements run (everything but the case id and the hash chain). */
export function bareFiling(form: URLSearchParams, ip: string, now: Date) {
  const nowIso = now.toISOString();
  const provider = form.get("provider");
  const groups = [...form.entries()]
    .filter(([k, v]) => k.startsWith("group_") && v === "yes")
    .map(([k]) => k.slice("group_".length))
    .sort()
    .join(",");
  return {
    nowIso,
    bucket: `filing:ip:${ip}`,
    limitSince: new Date(now.getTime() - 3_600_000).toISOString(),
    key: form.get("submissionKey") ?? randomUUID(),
    areaSlug: form.get("area") ?? "",
    year: now.getUTCFullYear(),
    clocks: initialClocks(DEFAULT_POLICY, now) as Clock[],
    providerId: provider && provider !== "unknown" ? Number(provider) : null,
    email: form.get("email") || null,
    language: form.get("language") ?? "en",
    groups,
    details: JSON.stringify({ channel: "web", kind: "client_complaint" }),
    caseValues(area: BareArea, reference: string) {
      return [
        reference,
        area.slug,
        form.get("program"),
        this.providerId,
        form.get("name"),
        this.email,
        form.get("phone") || null,
        this.language,
        form.get("description"),
        form.get("outcomeWanted"),
        createHash("sha256").update(randomBytes(20)).digest("hex"),
        this.key,
        area.policy_id,
        nowIso,
        nextDueAt(this.clocks),
        nowIso,
        nowIso,
      ];
    },
    /** The audit entry chained to the newest one, as the app's audit log does. */
    auditValues(area: BareArea, reference: string, prev: string) {
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
      const hash = createHash("sha256").update(prev).update("\n").update(canonical).digest("hex");
      return [nowIso, area.ssm_id, reference, this.details, prev, hash];
    },
    emailValues(caseId: number, reference: string) {
      return [
        `case:${caseId}:filed`,
        caseId,
        this.email,
        this.language,
        `Complaint received: ${reference}`,
        `Reference ${reference}`,
        `<p>Reference ${reference}</p>`,
        nowIso,
        nowIso,
      ];
    },
  };
}

export const referenceOf = (area: BareArea, year: number, sequence: number) =>
  `${area.code}-${year}-${String(sequence).padStart(6, "0")}`;

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The node:http server: the body read within the app's limits (BodyGuard, FORM_LIMITS), `file`
 * called with the form and the client's address, an HTML page naming the reference. Prints its port.
 */
export function serveBareFiling(
  file: (form: URLSearchParams, ip: string) => string | null | Promise<string | null>,
): void {
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
      const ip = String(req.headers["x-forwarded-for"] ?? req.socket.remoteAddress ?? "unknown");
      Promise.resolve()
        .then(() => file(new URLSearchParams(guard.body().toString("utf8")), ip))
        .then(
          (reference) => {
            if (!reference) res.writeHead(400).end("refused");
            else
              res
                .writeHead(200, { "content-type": "text/html; charset=utf-8" })
                .end(
                  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Complaint received</title></head><body><main><h1>Filed ${html(reference)}</h1><p>Keep this reference.</p></main></body></html>`,
                );
          },
          (error: unknown) => res.writeHead(500).end(String(error)),
        );
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    console.log(typeof address === "object" && address ? address.port : 0);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}
