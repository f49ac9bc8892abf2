import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQueueFilters } from "../../app/domain/queue-filters";
import type { SessionUser } from "../../app/services/auth.server";
import { caseExportRows, staffCaseExport } from "../../app/services/case-export.server";
import { staffQueue } from "../../app/services/case-queue.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { csvResponse } from "../../app/utils/csv.server";
import { insertCase } from "../../db/repositories/cases";
import type { Language } from "../../db/schema";
import { createStaff, sampleComplaint } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// The staff case-list CSV: every page of the queue's cases, filtered as the queue filters them,
// of the staff member's own SSM only, in their language, escaped for spreadsheets and audited.

let t: TestDatabase;
let staff: SessionUser;
let colleague: SessionUser;
let torontoStaff: SessionUser;
// Monday 2026-11-23 10:00 Toronto.
const NOW = new Date("2026-11-23T15:00:00Z");
const DURHAM_CASES = 2_500; // more than two pages of 1,000
// A name a spreadsheet would run as a formula, with a comma, quotes and a line break in it.
const HOSTILE_NAME = '=HYPERLINK("http://evil.example"), "Doe"\nJr';
let zeldaReference = "";
let torontoReference = "";

beforeAll(async () => {
  t = await createTestDatabase(NOW);
  staff = await createStaff(t.db, { areaSlug: "durham" });
  colleague = await createStaff(t.db, { areaSlug: "durham", role: "ssm_manager" });
  torontoStaff = await createStaff(t.db, { areaSlug: "toronto" });

  // A few complaints filed the real way (clocks, deadlines, audit), some taken by staff.
  const filedIds: number[] = [];
  for (let i = 0; i < 12; i++) {
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ area: "durham", name: i === 3 ? "Zelda Quist" : `Filer ${i}` }),
      now: new Date(NOW.getTime() - i * 3 * 86_400_000),
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    if (i === 3) zeldaReference = filed.reference;
    if (i % 3 === 0) {
      await performStaffAction({
        db: t.db,
        user: i % 2 === 0 ? staff : colleague,
        reference: filed.reference,
        expectedVersion: 1,
        command: { action: "take" },
        now: NOW,
      });
    }
    const row = await t.db
      .selectFrom("cases")
      .select("id")
      .where("reference", "=", filed.reference)
      .executeTakeFirstOrThrow();
    filedIds.push(row.id);
  }
  await t.db.updateTable("cases").set({ filer_name: HOSTILE_NAME }).where("id", "=", filedIds[11]!).execute();
  const toronto = await fileClientComplaint({
    db: t.db,
    complaint: sampleComplaint({ area: "toronto", name: "Toronto Filer" }),
    now: NOW,
  });
  if (toronto.kind !== "filed") throw new Error("not filed");
  torontoReference = toronto.reference;

  // The rest copied from a filed case in one transaction: thousands of filings would take minutes.
  const template = await t.db.selectFrom("cases").selectAll().where("id", "=", filedIds[0]!).executeTakeFirstOrThrow();
  const { id: _id, ...base } = template;
  await t.db.transaction().execute(async (trx) => {
    for (let i = 0; i < DURHAM_CASES - filedIds.length; i++) {
      const received = new Date(NOW.getTime() - (i % 90) * 86_400_000);
      const closed = i % 5 === 0;
      await insertCase(trx, {
        ...base,
        reference: `DUR-2026-${String(100_000 + i)}`,
        submission_key: null,
        filer_name: i === 42 ? "100% Sure_Name" : `Copy ${i}`,
        kind: i % 7 === 0 ? "provider_dispute" : "client_complaint",
        level: i % 11 === 0 ? 2 : 1,
        program: i % 13 === 0 ? "youth_job_connection" : "employment_service",
        assignee_id: [staff.id, colleague.id, null][i % 3]!,
        status: closed ? "closed" : i % 5 === 1 ? "acknowledged" : "received",
        received_at: received.toISOString(),
        closed_at: closed ? NOW.toISOString() : null,
        next_due_at: closed ? null : new Date(received.getTime() + 5 * 86_400_000).toISOString(),
      });
    }
  });
});
afterAll(async () => t.cleanup());

async function collect(rows: AsyncIterable<string[]>): Promise<string[][]> {
  const all: string[][] = [];
  for await (const row of rows) all.push(row);
  return all;
}

async function exportAs(user: SessionUser, query = "", language: Language = "en") {
  return staffCaseExport({
    db: t.db,
    user,
    filters: parseQueueFilters(new URLSearchParams(query)),
    language,
    now: NOW,
  });
}

/** Every reference the queue page lists for these filters, following its pages to the end. */
async function queueReferences(user: SessionUser, query: string): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const params = new URLSearchParams(query);
    if (after) params.set("after", after);
    const page = await staffQueue({ db: t.db, user, filters: parseQueueFilters(params), now: NOW });
    seen.push(...page!.rows.map((r) => r.reference));
    after = page!.nextCursor;
  } while (after);
  return seen;
}

describe("the case-list CSV export", () => {
  it("streams every one of the SSM's cases, past one page, in id order, as one CSV line each", async () => {
    // "All cases": the queue (and so its export) opens on the open ones only (#19).
    const exported = await exportAs(staff, "show=all");
    expect(exported!.areaSlug).toBe("durham");
    const text = await csvResponse("cases.csv", exported!.rows).text();
    // Only the hostile name holds a line break, and it is a bare LF inside quotes: records end in CRLF.
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(DURHAM_CASES + 1);
    expect(lines[0]).toBe(
      "Reference,Filed by,Kind,Status,Level,Program,Dispute about,Provider,Assigned to,Received,Next deadline,Closed on",
    );
    const inDatabase = await t.db
      .selectFrom("cases")
      .select("reference")
      .where("area_slug", "=", "durham")
      .orderBy("id")
      .execute();
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(inDatabase.map((r) => r.reference));
    expect(text).not.toContain(torontoReference);
  });

  it("escapes commas, quotes, line breaks and formula characters as csv.server.ts does", async () => {
    const text = await csvResponse("cases.csv", (await exportAs(staff, "q=HYPERLINK"))!.rows).text();
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example""), ""Doe""\nJr",`);
  });

  it("lists exactly the cases the queue lists, filter by filter", async () => {
    for (const query of [
      "",
      "assignee=me",
      "assignee=unassigned",
      "status=closed",
      "show=closed",
      "show=all",
      "status=acknowledged&kind=client_complaint",
      "status=acknowledged&kind=provider_dispute",
      "level=2",
      "program=youth_job_connection",
      "clock=overdue",
      "clock=due_soon",
      "from=2026-11-01&to=2026-11-10",
      "q=zelda",
      "q=%25",
      "q=0%25+sure_",
      "program=employment_service&level=1",
      "status=nonsense&after=garbage",
    ]) {
      const rows = await collect((await exportAs(staff, query))!.rows);
      const exported = rows.slice(1).map((r) => r[0]);
      const listed = await queueReferences(staff, query);
      expect(new Set(exported), `filters "${query}"`).toEqual(new Set(listed));
      expect(exported, `filters "${query}": each case once`).toHaveLength(listed.length);
      expect(listed.length, `filters "${query}" find something`).toBeGreaterThan(0);
    }
    // % and _ are searched literally: only the one name that holds them.
    expect((await collect((await exportAs(staff, "q=%25"))!.rows)).slice(1).map((r) => r[1])).toEqual([
      "100% Sure_Name",
    ]);
    const zelda = await collect((await exportAs(staff, "q=ZELDA"))!.rows);
    expect(zelda.slice(1).map((r) => r[0])).toEqual([zeldaReference]);
    const mine = (await collect((await exportAs(staff, "assignee=me"))!.rows)).slice(1).map((r) => r[0]!);
    const assignees = await t.db
      .selectFrom("cases")
      .select("assignee_id")
      .distinct()
      .where("reference", "in", mine)
      .execute();
    expect(assignees).toEqual([{ assignee_id: staff.id }]);
  });

  it("gives staff their own SSM's cases only, and nothing to anyone else", async () => {
    const toronto = await collect((await exportAs(torontoStaff))!.rows);
    expect(toronto.slice(1).map((r) => r[0])).toEqual([torontoReference]);
    expect(toronto.slice(1)[0]![1]).toBe("Toronto Filer");
    for (const role of ["provider_user", "ministry_analyst", "admin"] as const) {
      expect(await exportAs({ ...staff, role }), role).toBeNull();
    }
  });

  it("writes headers and labels in French, dates in the SSM's time zone", async () => {
    const rows = await collect((await exportAs(staff, "q=zelda", "fr"))!.rows);
    expect(rows[0]).toEqual([
      "Référence",
      "Déposé par",
      "Type",
      "État",
      "Niveau",
      "Programme",
      "Différend au sujet de",
      "Fournisseur",
      "Attribué à",
      "Reçu le",
      "Prochaine échéance",
      "Fermé le",
    ]);
    const [zelda] = rows.slice(1);
    expect(zelda![2]).toBe("Plainte d’un client");
    expect(zelda![3]).toBe("Reçue");
    expect(zelda![8]).toBe(colleague.display_name);
    // Filed 9 days before Monday 10:00 Toronto: Saturday 2026-11-14.
    expect(zelda![9]).toBe("2026-11-14");
    expect(zelda![10]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it("audits who exported, with which filters and how many cases matched", async () => {
    await exportAs(colleague, "status=closed&after=garbage");
    const entry = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "cases.exported")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(colleague.id);
    expect(entry.actor_label).toBe(colleague.email);
    expect(entry.organization_id).toBe(colleague.organization_id);
    expect(entry.target_id).toBe("durham");
    const closed = await t.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("area_slug", "=", "durham")
      .where("status", "=", "closed")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details_json!)).toEqual({
      // The queue's default view is recorded too: it is part of what was asked for.
      filters: { status: "closed", show: "open" },
      language: "en",
      matchingCases: Number(closed.n),
    });
  });

  it("lets other queries run between its pages, and lists a case filed meanwhile once", async () => {
    const iterator = (await exportAs(staff))!.rows[Symbol.asyncIterator]();
    const seen: string[] = [];
    for (let i = 0; i < 1_500; i++) seen.push((await iterator.next()).value![0]!);
    // Half way through: a filing (a write transaction) completes on the same connection.
    const late = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ area: "durham", name: "Late Filer" }),
      now: NOW,
    });
    if (late.kind !== "filed") throw new Error("not filed");
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) seen.push(next.value[0]!);
    expect(seen.filter((ref) => ref === late.reference)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("exports every SSM for an operator, and refuses 'assigned to me' where nobody is signed in", async () => {
    const rows = await collect(caseExportRows({ db: t.db, areaSlug: null, language: "en" }));
    const all = await t.db.selectFrom("cases").select("reference").orderBy("id").execute();
    expect(rows.slice(1).map((r) => r[0])).toEqual(all.map((r) => r.reference));
    const durhamClosed = await collect(
      caseExportRows({ db: t.db, areaSlug: "durham", language: "en", filters: { status: "closed" } }),
    );
    expect(durhamClosed.slice(1).every((r) => r[3] === "Closed" && r[11] === "2026-11-23")).toBe(true);
    await expect(
      collect(caseExportRows({ db: t.db, areaSlug: "durham", language: "en", filters: { assignee: "me" } })),
    ).rejects.toThrow(/signed-in/);
  });
});
