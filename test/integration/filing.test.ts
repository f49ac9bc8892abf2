import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileClientComplaint } from "../../app/services/filing.server";
import { listActiveProvidersInArea } from "../../db/repositories/areas";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createProvider, sampleComplaint, viewAsFiler } from "../fixtures/people";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.cleanup());

// Monday 2026-11-23, 10:00 in Toronto (15:00 UTC).
const MONDAY_10AM = new Date("2026-11-23T15:00:00Z");

describe("filing a client complaint", () => {
  it("gives a readable reference, a secret shown once, business-day deadlines and a queued acknowledgement", async () => {
    const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: MONDAY_10AM });
    expect(filed.kind).toBe("filed");
    if (filed.kind !== "filed") return;
    expect(filed.reference).toMatch(/^HAM-2026-\d{6}$/);
    // 12 characters in three groups, read aloud group by group (decision 015).
    expect(filed.secret).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){2}[0-9A-HJKMNP-TV-Z]{4}$/);

    const row = await t.db.selectFrom("cases").selectAll().where("id", "=", filed.caseId).executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(filed.secret.replace(/-/g, ""));
    expect(row.status).toBe("received");
    // Acknowledge in 2 business days: Wednesday 16:30 Toronto (21:30 UTC); first response in 5;
    // decision in 20.
    const clocks = await t.db
      .selectFrom("case_clocks")
      .selectAll()
      .where("case_id", "=", filed.caseId)
      .orderBy("id")
      .execute();
    expect(clocks.map((c) => [c.kind, c.level, c.state, c.due_at])).toEqual([
      ["acknowledge", 1, "running", "2026-11-25T21:30:00.000Z"],
      ["first_response", 1, "running", "2026-11-30T21:30:00.000Z"],
      ["decision", 1, "running", "2026-12-21T21:30:00.000Z"],
    ]);
    expect(row.next_due_at).toBe("2026-11-25T21:30:00.000Z");

    const events = await t.db.selectFrom("case_events").selectAll().where("case_id", "=", filed.caseId).execute();
    expect(events.map((e) => e.type)).toEqual(["filed"]);
    const mail = await t.db.selectFrom("email_outbox").selectAll().where("case_id", "=", filed.caseId).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.recipient).toBe("jordan@example.com");
    expect(mail[0]!.subject).toContain(filed.reference);
    expect(mail[0]!.text_body).toContain(`/status?reference=${filed.reference}`);
    expect(mail[0]!.text_body).not.toContain(filed.secret);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("target_id", "=", filed.reference).execute();
    expect(audit.map((a) => a.action)).toEqual(["case.filed"]);
  });

  it("numbers references per area and year, in sequence", async () => {
    const a = await fileClientComplaint({ db: t.db, complaint: sampleComplaint({ area: "ottawa" }), now: MONDAY_10AM });
    const b = await fileClientComplaint({ db: t.db, complaint: sampleComplaint({ area: "ottawa" }), now: MONDAY_10AM });
    expect(a.kind === "filed" && a.reference).toBe("OTT-2026-000001");
    expect(b.kind === "filed" && b.reference).toBe("OTT-2026-000002");
  });

  it("files one case when the same form is submitted twice", async () => {
    const complaint = sampleComplaint();
    const first = await fileClientComplaint({ db: t.db, complaint, now: MONDAY_10AM });
    const second = await fileClientComplaint({ db: t.db, complaint, now: MONDAY_10AM });
    expect(first.kind).toBe("filed");
    expect(second).toEqual({ ok: true, kind: "duplicate", reference: first.kind === "filed" ? first.reference : "" });
    const count = await t.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("submission_key", "=", complaint.submissionKey!)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses a provider from another area and stores nothing", async () => {
    const ottawaProvider = await createProvider(t.db, "ottawa", "Ottawa Only Services");
    const hamiltonProvider = await createProvider(t.db, "hamilton-niagara", "Hamilton Only Services");
    expect((await listActiveProvidersInArea(t.db, "hamilton-niagara")).map((p) => p.id)).toContain(hamiltonProvider);
    const before = await t.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const result = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ provider: String(ottawaProvider) }),
      now: MONDAY_10AM,
    });
    expect(result).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.providerArea",
      fields: { provider: { key: "error.providerArea" } },
    });
    const after = await t.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const ok = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ provider: String(hamiltonProvider) }),
      now: MONDAY_10AM,
    });
    expect(ok.kind).toBe("filed");
  });

  it("starts the clocks on the next business day for a filing made on a holiday", async () => {
    // Christmas Day 2026 is a Friday; Boxing Day falls on Saturday and is observed Monday the 28th.
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint(),
      now: new Date("2026-12-25T15:00:00Z"),
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    const ack = await t.db
      .selectFrom("case_clocks")
      .selectAll()
      .where("case_id", "=", filed.caseId)
      .where("kind", "=", "acknowledge")
      .executeTakeFirstOrThrow();
    // Counts from Tuesday the 29th: 2 business days later is Thursday the 31st, 16:30.
    expect(ack.due_at).toBe("2026-12-31T21:30:00.000Z");
  });

  it("rolls back everything when the filing fails half way", async () => {
    const before = await t.db.selectFrom("reference_counters").selectAll().where("area_slug", "=", "york").execute();
    await expect(
      fileClientComplaint({
        db: t.db,
        complaint: sampleComplaint({ area: "york" }),
        now: new Date("2019-06-01T15:00:00Z"), // before any policy is in force
      }),
    ).rejects.toThrow(/No dispute policy/);
    const after = await t.db.selectFrom("reference_counters").selectAll().where("area_slug", "=", "york").execute();
    expect(after).toEqual(before);
    const cases = await t.db.selectFrom("cases").select("id").where("area_slug", "=", "york").execute();
    expect(cases).toHaveLength(0);
  });
});

describe("looking a case up with its reference and secret", () => {
  it("shows the filer their case for the right secret, typed loosely, and nothing for a wrong one", async () => {
    const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(), now: MONDAY_10AM });
    if (filed.kind !== "filed") throw new Error("not filed");
    const loose = filed.secret.toLowerCase().replace(/-/g, " ");
    const view = await viewAsFiler(t.db, filed.reference.toLowerCase(), loose);
    expect(view?.reference).toBe(filed.reference);
    expect(view?.status).toBe("received");
    expect(view?.events.map((e) => e.type)).toEqual(["filed"]);

    const wrong = filed.secret.slice(0, -1) + (filed.secret.endsWith("0") ? "1" : "0");
    expect(await viewAsFiler(t.db, filed.reference, wrong)).toBeNull();
    expect(await viewAsFiler(t.db, "HAM-2026-999999", filed.secret)).toBeNull();
    expect(await viewAsFiler(t.db, "not a reference", filed.secret)).toBeNull();
  });
});
