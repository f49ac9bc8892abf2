import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { STAFF_CASE_FIELDS, staffCaseView } from "../../app/services/case-view.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

// Issue #13: the staff case page shows the fields named in an allow-list, not the row minus a
// deny-list, so a column added to `cases` later is not shown until someone decides it should be.

let t: TestDatabase;
let staff: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
});
afterAll(async () => t.cleanup());

async function fileOne() {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: NOW });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}

describe("the staff case view", () => {
  it("shows exactly the allowed fields: no secret hash, submission key, internal ids or self-identification", async () => {
    const { reference } = await fileOne();
    const view = await staffCaseView({ db: t.db, user: staff, reference, now: NOW });
    expect(Object.keys(view!.case).sort()).toEqual([...STAFF_CASE_FIELDS].sort());
    expect(Object.keys(view!.case).sort()).toEqual([
      "accommodation_details",
      "accommodation_needed",
      "call_filer_since",
      "category",
      "channel",
      "closed_at",
      "decided_at",
      "description",
      "filer_email",
      "filer_name",
      "filer_phone",
      "kind",
      "language",
      "level",
      "next_due_at",
      "outcome",
      "outcome_wanted",
      "program",
      "purged_at",
      "received_at",
      "recourse_deadline_at",
      "reference",
      "status",
      "version",
    ]);
    expect(view!.case.filer_name).toBe("Jordan Lee");
  });

  it("does not show a column added to cases later", async () => {
    const { reference } = await fileOne();
    await sql`alter table cases add column partner_token text`.execute(t.db);
    await sql`update cases set partner_token = ${"a-new-secret"} where reference = ${reference}`.execute(t.db);
    const row = await t.db.selectFrom("cases").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
    expect(row).toHaveProperty("partner_token", "a-new-secret");
    const view = await staffCaseView({ db: t.db, user: staff, reference, now: NOW });
    expect(view!.case).not.toHaveProperty("partner_token");
    expect(JSON.stringify(view)).not.toContain("a-new-secret");
  });
});
