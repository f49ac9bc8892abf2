import SQLite from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/services/audit-verify.server";
import { openDatabase } from "../../db/client";
import { assertBuilt, startBuiltServer } from "../fixtures/built-server";

// Issue 7, durability: the real server is killed with SIGKILL in the middle of concurrent filings,
// 20 times over the same database file. After each kill the file must pass SQLite's integrity check,
// and every filing whose reference reached its client must be there whole: the case, its timeline
// entry, its clocks, its audit entry and its acknowledgement email (one transaction, synchronous=FULL).

const ROUNDS = 20;
const CLIENTS = 16;
const REFERENCE = /OTT-\d{4}-\d{6}/;

let folder: string;
let databasePath: string;
const env = () => ({
  DATABASE_URL: `file:${databasePath}`,
  SEED_DEMO: "false",
  FILINGS_PER_IP_PER_HOUR: "100000",
  NODE_ENV: "production",
  MAIL_DIR: join(folder, "mail"),
  ATTACHMENTS_DIR: join(folder, "attachments"),
});

beforeAll(() => {
  assertBuilt();
  folder = mkdtempSync(join(tmpdir(), "recourse-durability-"));
  databasePath = join(folder, "recourse.db");
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function complaintForm(n: number): string {
  return new URLSearchParams({
    area: "ottawa",
    provider: "unknown",
    program: "employment_service",
    description: `Appointment cancelled without notice, filing ${n}.`,
    outcomeWanted: "A new appointment.",
    name: `Durable Filer ${n}`,
    email: `filer${n}@example.com`,
    language: "en",
    accommodation: "no",
    consent: "on",
  }).toString();
}

interface Round {
  received: string[];
  unexpected: string[];
  killedAfterMs: number;
}

/** 16 clients file as fast as they can; the server is killed at a random moment after the first filing. */
async function killMidStream(): Promise<Round> {
  const server = await startBuiltServer(env());
  const round: Round = { received: [], unexpected: [], killedAfterMs: 0 };
  let killed = false;
  let firstFiled!: () => void;
  const first = new Promise<void>((resolve) => (firstFiled = resolve));
  let n = 0;
  const client = async () => {
    while (!killed) {
      try {
        const response = await fetch(`${server.url}/file`, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Origin: server.url,
            "Sec-Fetch-Site": "same-origin",
          },
          body: complaintForm(n++),
        });
        const text = await response.text();
        const reference = REFERENCE.exec(text)?.[0];
        if (response.status === 200 && reference) {
          round.received.push(reference);
          firstFiled();
        } else if (!killed) {
          round.unexpected.push(`${response.status}: ${text.slice(0, 200)}`);
          firstFiled();
        }
      } catch {
        if (!killed) await new Promise((resolve) => setTimeout(resolve, 5)); // the kill, seen a moment early
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  const stalled = setTimeout(
    () => round.unexpected.push(`no filing within 60 s:\n${server.output()}`) && firstFiled(),
    60_000,
  );
  await first;
  clearTimeout(stalled);
  round.killedAfterMs = Math.floor(Math.random() * 300);
  await new Promise((resolve) => setTimeout(resolve, round.killedAfterMs));
  server.child.kill("SIGKILL");
  killed = true;
  await server.exited;
  await Promise.all(clients);
  return round;
}

interface Stored {
  reference: string;
  events: number;
  clocks: number;
  emails: number;
  audits: number;
}

function inspect(): { integrity: unknown; foreignKeys: unknown[]; cases: Map<string, Stored> } {
  const db = new SQLite(databasePath);
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    const foreignKeys = db.pragma("foreign_key_check") as unknown[];
    const rows = db
      .prepare(
        `select c.reference,
           (select count(*) from case_events e where e.case_id = c.id and e.type = 'filed') as events,
           (select count(*) from case_clocks k where k.case_id = c.id) as clocks,
           (select count(*) from email_outbox o where o.case_id = c.id and o.template = 'acknowledgement') as emails,
           (select count(*) from audit_log a where a.target_id = c.reference and a.action = 'case.filed') as audits
         from cases c`,
      )
      .all() as Stored[];
    return { integrity, foreignKeys, cases: new Map(rows.map((r) => [r.reference, r])) };
  } finally {
    db.close();
  }
}

describe("durability", () => {
  it("opens every connection with synchronous=FULL and WAL", async () => {
    const db = openDatabase(`file:${join(folder, "pragma.db")}`);
    try {
      const { sql } = await import("kysely");
      expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]?.synchronous).toBe(2); // FULL
      expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0]?.journal_mode).toBe("wal");
    } finally {
      await db.destroy();
    }
  });

  it(`keeps every filing that got a reference when the server is killed mid-stream, ${ROUNDS} times`, async () => {
    const started = Date.now();
    const everyReference = new Set<string>();
    for (let i = 1; i <= ROUNDS; i++) {
      const round = await killMidStream();
      expect(round.unexpected, `round ${i}`).toEqual([]);
      expect(round.received.length, `round ${i}: no filing got through`).toBeGreaterThan(0);
      const { integrity, foreignKeys, cases } = inspect();
      expect(integrity, `round ${i}`).toBe("ok");
      expect(foreignKeys, `round ${i}`).toEqual([]);
      for (const reference of round.received) {
        everyReference.add(reference);
        expect(
          cases.get(reference),
          `round ${i} (killed ${round.killedAfterMs} ms after the first filing): ${reference}`,
        ).toEqual({ reference, events: 1, clocks: 3, emails: 1, audits: 1 });
      }
      // Nothing half-written either: a filing the client never heard of is whole or absent.
      for (const stored of cases.values())
        expect(stored, `round ${i}`).toEqual({
          reference: stored.reference,
          events: 1,
          clocks: 3,
          emails: 1,
          audits: 1,
        });
      // References acknowledged in earlier rounds are all still there.
      for (const reference of everyReference) expect(cases.has(reference), reference).toBe(true);
    }
    const db = openDatabase(`file:${databasePath}`);
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      await db.destroy();
    }
    console.log(
      `durability: ${ROUNDS} kills, ${everyReference.size} filings acknowledged and found, ${Date.now() - started} ms`,
    );
  });
});
