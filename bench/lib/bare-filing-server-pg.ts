// PostgreSQL's limit for a public filing (issue #21): what bare-filing-server.ts does on SQLite, on
// node-postgres: the same statements and rows, each filing in one transaction that first takes the
// app's write lock (db/client.ts's advisory lock: the audit chain and the reference counter are
// read-then-write), on a pool of connections as the app's is. Run as a child:
// `node --import tsx bench/lib/bare-filing-server-pg.ts postgres://…`; prints its port.
import { reportingQuarterOf } from "../../app/domain/report-facts";
import { BARE_SQL, bareFiling, referenceOf, serveBareFiling, type BareArea } from "./bare-filing-shared";
import { postgresRaw } from "./raw-driver";

const url = process.argv[2];
if (!url) throw new Error("usage: bare-filing-server-pg.ts <postgres://…>");
/** db/client.ts's WRITE_LOCK_KEY. */
const WRITE_LOCK_KEY = 7_150_001;

const raw = await postgresRaw(url, 10);
const areas = new Map((await raw.prepare(BARE_SQL.areas).all<BareArea>()).map((a) => [a.slug, a]));

serveBareFiling((form, ip) =>
  raw.transaction(async (tx) => {
    const s = (name: keyof typeof BARE_SQL) => tx.prepare(BARE_SQL[name]);
    await tx.prepare("select pg_advisory_xact_lock(?)").run(WRITE_LOCK_KEY);
    const f = bareFiling(form, ip, new Date());
    if (Number((await s("countLimit").get<{ n: string }>(f.bucket, f.limitSince))!.n) >= 10) return null;
    const existing = await s("byKey").get<{ reference: string }>(f.key);
    if (existing) return existing.reference;
    const area = areas.get(f.areaSlug);
    if (!area) return null;
    const sequence = (await s("counter").get<{ last_value: number }>(area.slug, f.year))!.last_value;
    const reference = referenceOf(area, f.year, sequence);
    const inserted = await tx
      .prepare(`${BARE_SQL.insertCase} returning id`)
      .get<{ id: number }>(...f.caseValues(area, reference));
    const caseId = inserted!.id;
    for (const c of f.clocks) await s("insertClock").run(caseId, c.kind, c.level, c.startedAt, c.dueAt);
    await s("insertEvent").run(caseId, f.details, f.nowIso);
    const prev = (await s("newestAudit").get<{ hash: string }>())?.hash ?? "0".repeat(64);
    await s("insertAudit").run(...f.auditValues(area, reference, prev));
    if (f.email) await s("insertEmail").run(...f.emailValues(caseId, reference));
    await s("recordLimit").run(f.bucket, f.nowIso);
    await s("insertReceivedFact").run(caseId, area.slug, f.nowIso, form.get("program"), f.providerId, f.groups);
    await s("insertOpenFact").run(caseId, area.slug, f.nowIso);
    await s("addOpenCount").run(area.slug, reportingQuarterOf(f.nowIso));
    return reference;
  }),
);
