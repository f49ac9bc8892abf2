// The physical limit for a public filing: a bare node:http handler that does what POST /file must
// do (clarifications, #21): the body read within the same limits (BodyGuard, FORM_LIMITS), the same
// rows (reference counter, case, three clocks, timeline entry, chained audit entry, acknowledgement
// email, rate-limit event, and the case's report facts: its received row, its "open" fact and its
// quarter's open counter) in one BEGIN IMMEDIATE transaction with the app's durability settings
// (WAL, synchronous FULL), and an HTML page naming the reference. No framework, no validation
// beyond the minimum, no React: what is left is SQLite and the socket. Run as a child: `node --import tsx
// bench/lib/bare-filing-server.ts <db>`; prints its port. PostgreSQL's: bare-filing-server-pg.ts.
import SQLite from "better-sqlite3";
import { reportingQuarterOf } from "../../app/domain/report-facts";
import { BARE_SQL, bareFiling, referenceOf, serveBareFiling, type BareArea } from "./bare-filing-shared";

const path = process.argv[2];
if (!path) throw new Error("usage: bare-filing-server.ts <database>");
const db = new SQLite(path);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 5000");

// What the app looks up per request, looked up once: the limit does not repeat constant reads.
const areas = new Map((db.prepare(BARE_SQL.areas).all() as BareArea[]).map((a) => [a.slug, a]));
const statements = Object.fromEntries(Object.entries(BARE_SQL).map(([name, sql]) => [name, db.prepare(sql)])) as Record<
  keyof typeof BARE_SQL,
  SQLite.Statement
>;

const file = db.transaction((form: URLSearchParams, ip: string) => {
  const f = bareFiling(form, ip, new Date());
  if ((statements.countLimit.get(f.bucket, f.limitSince) as { n: number }).n >= 10) return null;
  const existing = statements.byKey.get(f.key) as { reference: string } | undefined;
  if (existing) return existing.reference;
  const area = areas.get(f.areaSlug);
  if (!area) return null;
  const sequence = (statements.counter.get(area.slug, f.year) as { last_value: number }).last_value;
  const reference = referenceOf(area, f.year, sequence);
  const caseId = Number(statements.insertCase.run(...f.caseValues(area, reference)).lastInsertRowid);
  for (const c of f.clocks) statements.insertClock.run(caseId, c.kind, c.level, c.startedAt, c.dueAt);
  statements.insertEvent.run(caseId, f.details, f.nowIso);
  const prev = (statements.newestAudit.get() as { hash: string } | undefined)?.hash ?? "0".repeat(64);
  statements.insertAudit.run(...f.auditValues(area, reference, prev));
  if (f.email) statements.insertEmail.run(...f.emailValues(caseId, reference));
  statements.recordLimit.run(f.bucket, f.nowIso);
  statements.insertReceivedFact.run(caseId, area.slug, f.nowIso, form.get("program"), f.providerId, f.groups);
  statements.insertOpenFact.run(caseId, area.slug, f.nowIso);
  statements.addOpenCount.run(area.slug, reportingQuarterOf(f.nowIso));
  return reference;
});

serveBareFiling(file);
