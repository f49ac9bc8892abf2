import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaintInputSchema } from "../../app/domain/complaint-input";
import { fileClientComplaint } from "../../app/services/filing.server";
import {
  isRateLimited,
  releaseAttempt,
  reserveAttempt,
  STATUS_LOOKUP_FAILURES,
} from "../../app/services/rate-limit.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { sampleComplaint } from "../fixtures/people";

let t: TestDatabase;
const NOW = new Date("2026-11-23T15:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.cleanup());

describe("a complaint about a program the ministry keeps", () => {
  it("is recorded as referred out, with no clocks, and the filer is told to call the ministry", async () => {
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ program: "better_jobs_ontario" }),
      now: NOW,
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    expect(filed.referredOut).toBe(true);
    const row = await t.db.selectFrom("cases").selectAll().where("id", "=", filed.caseId).executeTakeFirstOrThrow();
    expect([row.status, row.next_due_at, row.closed_at]).toEqual(["referred_out", null, NOW.toISOString()]);
    expect(
      await t.db.selectFrom("case_clocks").select("id").where("case_id", "=", filed.caseId).execute(),
    ).toHaveLength(0);
    const mail = await t.db
      .selectFrom("email_outbox")
      .selectAll()
      .where("case_id", "=", filed.caseId)
      .executeTakeFirstOrThrow();
    expect(mail.template).toBe("referred_out");
    expect(mail.text_body).toContain("1-800-387-5656");
    expect(mail.text_body).toContain("Better Jobs Ontario");
  });
});

describe("self-identification", () => {
  it("stores only the groups the person answered", async () => {
    const complaint = complaintInputSchema.parse({
      ...Object.fromEntries(Object.entries(sampleComplaint()).filter(([, v]) => v !== undefined)),
      group_francophone: "yes",
      group_newcomer: "no",
      group_disability: "unsaid",
    });
    const filed = await fileClientComplaint({ db: t.db, complaint, now: NOW });
    if (filed.kind !== "filed") throw new Error("not filed");
    const row = await t.db
      .selectFrom("cases")
      .select("self_identification_json")
      .where("id", "=", filed.caseId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.self_identification_json!)).toEqual({ francophone: "yes", newcomer: "no" });
    const none = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: NOW });
    if (none.kind !== "filed") throw new Error("not filed");
    const noneRow = await t.db
      .selectFrom("cases")
      .select("self_identification_json")
      .where("id", "=", none.caseId)
      .executeTakeFirstOrThrow();
    expect(noneRow.self_identification_json).toBeNull();
  });

  it("refuses a filled honeypot", () => {
    const result = complaintInputSchema.safeParse({ ...sampleComplaint(), website: "http://spam.example" });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["website", "error.honeypot"]]);
  });
});

describe("rate limits held in the database", () => {
  it("allows 10 failed look-ups per 10 minutes per address and per reference, then refuses, then forgets", async () => {
    const keys = ["ip:203.0.113.7", "ref:HAM-2026-000001"];
    for (let i = 0; i < 10; i++) {
      expect(await isRateLimited(t.db, STATUS_LOOKUP_FAILURES, keys, NOW)).toBe(false);
      expect(
        await reserveAttempt(t.db, STATUS_LOOKUP_FAILURES, keys, new Date(NOW.getTime() + i * 1000)),
      ).not.toBeNull();
    }
    expect(await isRateLimited(t.db, STATUS_LOOKUP_FAILURES, keys, new Date(NOW.getTime() + 20_000))).toBe(true);
    expect(await reserveAttempt(t.db, STATUS_LOOKUP_FAILURES, keys, new Date(NOW.getTime() + 20_000))).toBeNull();
    // The same reference from another address is refused too (per reference); another reference
    // from another address is not.
    expect(await isRateLimited(t.db, STATUS_LOOKUP_FAILURES, ["ip:198.51.100.1", "ref:HAM-2026-000001"], NOW)).toBe(
      true,
    );
    expect(await isRateLimited(t.db, STATUS_LOOKUP_FAILURES, ["ip:198.51.100.1", "ref:HAM-2026-000002"], NOW)).toBe(
      false,
    );
    // Ten minutes after the first failures, the window has passed.
    expect(
      await isRateLimited(t.db, STATUS_LOOKUP_FAILURES, keys, new Date(NOW.getTime() + 10 * 60_000 + 10_000)),
    ).toBe(false);
  });

  it("counts an attempt and decides in one step: of 30 at once, exactly the limit are let through, and a released one frees its place", async () => {
    const keys = ["ip:203.0.113.99", "ref:HAM-2026-000099"];
    const at = new Date(NOW.getTime() + 60 * 60_000);
    const reservations = await Promise.all(
      Array.from({ length: 30 }, () => reserveAttempt(t.db, STATUS_LOOKUP_FAILURES, keys, at)),
    );
    const granted = reservations.filter((r) => r !== null);
    expect(granted).toHaveLength(10);
    await releaseAttempt(t.db, granted[0]!);
    expect(await reserveAttempt(t.db, STATUS_LOOKUP_FAILURES, keys, at)).not.toBeNull();
    expect(await reserveAttempt(t.db, STATUS_LOOKUP_FAILURES, keys, at)).toBeNull();
  });
});
