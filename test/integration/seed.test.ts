import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, DEMO_USERS, DEMO_PASSWORD } from "../../scripts/seed/demo-data";
import { seedReferenceData } from "../../db/seed/reference-data";
import { signIn } from "../../app/services/auth.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

let t: TestDatabase;
const NOW = new Date("2026-11-24T16:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase(NOW);
});
afterAll(async () => t.cleanup());

const count = async (table: "areas" | "organizations" | "users" | "cases" | "policies" | "panel_members") =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("seeding", () => {
  it("without demo data holds the 15 areas, one SSM each, the ministry and a policy per area", async () => {
    expect(await count("areas")).toBe(15);
    const orgs = await t.db.selectFrom("organizations").select(["kind", "area_slug"]).execute();
    expect(orgs.filter((o) => o.kind === "ssm")).toHaveLength(15);
    expect(new Set(orgs.filter((o) => o.kind === "ssm").map((o) => o.area_slug)).size).toBe(15);
    expect(orgs.filter((o) => o.kind === "ministry")).toHaveLength(1);
    expect(orgs.filter((o) => o.kind === "provider")).toHaveLength(0);
    expect(await count("users")).toBe(0);
    expect(await count("cases")).toBe(0);
    expect(await count("policies")).toBe(15);
    const durham = await t.db.selectFrom("areas").selectAll().where("slug", "=", "durham").executeTakeFirstOrThrow();
    expect(durham).toMatchObject({ phase: "2", ies_from: "2024-01-01", name_fr: "Durham" });
  });

  it("is idempotent: running it again adds nothing", async () => {
    await seedReferenceData(t.db, NOW);
    expect(await count("areas")).toBe(15);
    expect(await count("organizations")).toBe(16);
    expect(await count("policies")).toBe(15);
  });

  it("adds demo providers, logins and cases in every state, once", async () => {
    expect(await seedDemoData(t.db, NOW)).toEqual({ seeded: true });
    expect(await seedDemoData(t.db, NOW)).toEqual({ seeded: false });
    expect(await count("users")).toBe(DEMO_USERS.length);
    const providers = await t.db.selectFrom("provider_areas").select(["area_slug"]).execute();
    for (const slug of ["hamilton-niagara", "toronto", "northwest"]) {
      const n = providers.filter((p) => p.area_slug === slug).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(4);
    }

    const cases = await t.db
      .selectFrom("cases")
      .select(["status", "next_due_at", "area_slug", "received_at"])
      .execute();
    expect(cases.length).toBeGreaterThanOrEqual(24);
    const statuses = new Set(cases.map((c) => c.status));
    for (const s of ["received", "acknowledged", "in_review", "decided"]) expect(statuses).toContain(s);
    const nowIso = NOW.toISOString();
    expect(cases.some((c) => c.next_due_at !== null && c.next_due_at < nowIso)).toBe(true); // overdue
    expect(cases.some((c) => c.next_due_at !== null && c.next_due_at > nowIso)).toBe(true); // running
    expect(new Set(cases.map((c) => c.area_slug)).size).toBe(15);

    // Issue #17 in Hamilton–Niagara: an extended deadline, a merged duplicate, a roster and a seated panel.
    const extended = await t.db
      .selectFrom("case_clocks")
      .select("extension_json")
      .where("extension_json", "is not", null)
      .execute();
    expect(extended).toHaveLength(1);
    expect(
      await t.db.selectFrom("cases").select("id").where("merged_into_case_id", "is not", null).execute(),
    ).toHaveLength(1);
    expect(await count("panel_members")).toBe(5);
    const panels = await t.db
      .selectFrom("case_panels as p")
      .innerJoin("cases as c", "c.id", "p.case_id")
      .select(["c.level"])
      .execute();
    expect(panels).toEqual([{ level: 3 }]);

    const login = await signIn({ db: t.db, email: DEMO_USERS[0]!.email, password: DEMO_PASSWORD, now: NOW });
    expect(login?.user.role).toBe("ssm_manager");
  });

  it("meets each live demo acknowledgement as the app would: when its email was sent, or by a call", async () => {
    // Issue #18: the demo's past emails were taken by the mail server when their step happened, so
    // no acknowledgement is met at the moment the demo was seeded, and none without a contact.
    const acknowledged = await t.db
      .selectFrom("cases as c")
      .innerJoin("case_clocks as k", (j) => j.onRef("k.case_id", "=", "c.id").on("k.kind", "=", "acknowledge"))
      .select(["c.id", "c.filer_email", "k.met_at"])
      .where("c.acknowledged_at", "is not", null)
      .where("c.received_at", ">", new Date(NOW.getTime() - 365 * 86_400_000).toISOString())
      .execute();
    const emailed = acknowledged.filter((c) => c.filer_email);
    expect(emailed.length).toBeGreaterThan(10);
    for (const c of emailed) {
      const email = await t.db
        .selectFrom("email_outbox")
        .select(["sent_at", "meets_clock"])
        .where("case_id", "=", c.id)
        .where("template", "=", "acknowledged")
        .executeTakeFirst();
      // The live cases' acknowledgements went by email; the generated history has no outbox.
      if (!email) continue;
      expect(email.meets_clock).toBe("acknowledge");
      expect(c.met_at).toBe(email.sent_at);
    }
    for (const c of acknowledged.filter((x) => !x.filer_email && x.met_at)) {
      const calls = await t.db
        .selectFrom("case_events")
        .select("data_json")
        .where("case_id", "=", c.id)
        .where("type", "=", "call_recorded")
        .execute();
      expect(calls.some((call) => JSON.parse(call.data_json ?? "{}").outcome === "reached")).toBe(true);
    }
    expect(acknowledged.some((c) => c.met_at === NOW.toISOString())).toBe(false);
  });
});
