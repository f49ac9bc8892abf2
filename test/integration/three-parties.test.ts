import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extendCaseDeadline } from "../../app/services/case-extensions.server";
import { linkCases, mergeDuplicate } from "../../app/services/case-links.server";
import { caseRelationsView } from "../../app/services/case-relations-view.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { sweepClocks } from "../../app/services/clock-sweep.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { addPanelMember, formCasePanel, panelRosterView } from "../../app/services/panels.server";
import { liveFigures, periodOf } from "../../app/services/quarter-reports.server";
import { computeQuarterFiguresFromHistory } from "../../db/repositories/report-figures";
import { performStaffAction } from "../../app/services/staff-actions.server";
import type { SessionUser } from "../../app/services/auth.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createProvider, createStaff, sampleComplaint, viewAsFiler } from "../fixtures/people";

// Issue #17 through the services on a real database: extensions with notice, merges, panels.

const AREA = "hamilton-niagara";
let t: TestDatabase;
let staff: SessionUser;
let manager: SessionUser;
let ottawa: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: AREA });
  manager = await createStaff(t.db, { areaSlug: AREA, role: "ssm_manager" });
  ottawa = await createStaff(t.db, { areaSlug: "ottawa" });
});
afterAll(async () => t.cleanup());

async function fileOne(overrides = {}) {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(overrides), now: NOW });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed;
}

describe("extending a deadline", () => {
  it("moves the decision deadline once, tells the filer in French why, and the sweep does not breach it early", async () => {
    const { reference, secret } = await fileOne({ language: "fr", email: "camille@example.com" });
    const extend = (days: number, at: Date, version = 1) =>
      extendCaseDeadline({
        db: t.db,
        user: staff,
        reference,
        expectedVersion: version,
        businessDays: days,
        reason: "Le fournisseur doit transmettre ses notes.",
        now: at,
      });

    expect(await extend(11, later(1))).toEqual({ ok: false, reason: "extension_too_long" });
    expect(await extend(5, later(1))).toEqual({ ok: true });
    expect(await extend(1, later(2), 2)).toEqual({ ok: false, reason: "extension_used" });
    // Another SSM's staff cannot even see the case.
    expect(
      await extendCaseDeadline({
        db: t.db,
        user: ottawa,
        reference,
        expectedVersion: 2,
        businessDays: 1,
        reason: "x",
        now: later(2),
      }),
    ).toEqual({ ok: false, reason: "not_found" });

    const view = await staffCaseView({ db: t.db, user: staff, reference, now: later(3) });
    const decision = view!.clocks.find((c) => c.kind === "decision")!;
    expect(decision.extended).toBe(true);
    expect(decision.extension).toMatchObject({ businessDays: 5, reason: "Le fournisseur doit transmettre ses notes." });

    // Past the original due time, before the extended one: the sweep leaves the decision clock alone.
    const betweenDue = new Date(Date.parse(decision.extension!.dueBefore) + 3_600_000);
    await sweepClocks({ db: t.db, now: betweenDue });
    const after = await staffCaseView({ db: t.db, user: staff, reference, now: betweenDue });
    const clock = after!.clocks.find((c) => c.kind === "decision")!;
    expect([clock.state, clock.overdue, clock.extended]).toEqual(["running", false, true]);
    expect(after!.case.level).toBe(1);

    const filer = await viewAsFiler(t.db, reference, secret, later(3));
    expect(filer?.extension).toMatchObject({ businessDays: 5, reason: "Le fournisseur doit transmettre ses notes." });
    expect(filer?.events.map((e) => e.type)).toContain("deadline_extended");

    const mail = await t.db
      .selectFrom("email_outbox")
      .select(["template", "subject", "text_body", "recipient"])
      .where("template", "=", "deadline_extended")
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.recipient).toBe("camille@example.com");
    expect(mail[0]!.subject).toBe(`Plus de temps est nécessaire pour votre plainte ${reference}`);
    expect(mail[0]!.text_body).toContain("Le fournisseur doit transmettre ses notes.");

    const figures = await liveFigures(t.db, AREA, "2026-Q3", later(4));
    expect(figures.extensions).toBe(1);
  });
});

describe("related cases and merging a duplicate", () => {
  it("links two cases on both pages, merges the duplicate without losing either timeline, and counts it once", async () => {
    const before = await liveFigures(t.db, AREA, "2026-Q3", later(1));
    const original = await fileOne({ name: "Avery Original", email: "avery@example.com" });
    const duplicate = await fileOne({ name: "Blake Duplicate", email: "blake@example.com" });
    const filed = await liveFigures(t.db, AREA, "2026-Q3", later(1));
    expect(filed.received.total).toBe(before.received.total + 2);

    const common = { db: t.db, user: staff, reference: original.reference, now: later(1) };
    expect(await mergeDuplicate({ ...common, duplicateReference: duplicate.reference, expectedVersion: 1 })).toEqual({
      ok: false,
      reason: "not_duplicate",
    });
    expect(await linkCases({ ...common, otherReference: duplicate.reference, kind: "duplicate" })).toEqual({
      ok: true,
    });
    expect(await linkCases({ ...common, otherReference: duplicate.reference, kind: "same_matter" })).toEqual({
      ok: false,
      reason: "already_linked",
    });
    const fromDuplicate = await caseRelationsView({
      db: t.db,
      user: staff,
      reference: duplicate.reference,
      now: later(1),
    });
    expect(fromDuplicate?.links.map((l) => [l.reference, l.kind])).toEqual([[original.reference, "duplicate"]]);

    expect(
      await mergeDuplicate({ ...common, duplicateReference: duplicate.reference, expectedVersion: 1, now: later(2) }),
    ).toEqual({
      ok: true,
    });

    const merged = await staffCaseView({ db: t.db, user: staff, reference: duplicate.reference, now: later(3) });
    expect(merged?.case.status).toBe("closed");
    expect(merged?.case.next_due_at).toBeNull();
    expect(merged?.events.map((e) => e.type)).toEqual(["filed", "linked", "merged_into", "internal_note"]);
    const originalView = await staffCaseView({ db: t.db, user: staff, reference: original.reference, now: later(3) });
    expect(originalView?.events.map((e) => e.type)).toEqual(["filed", "linked", "merged_in"]);
    const relations = await caseRelationsView({ db: t.db, user: staff, reference: duplicate.reference, now: later(3) });
    expect(relations?.mergedInto).toBe(original.reference);

    // The duplicate's filer keeps reading their own record, is told it was joined, and sees nothing of the other.
    const filer = await viewAsFiler(t.db, duplicate.reference, duplicate.secret, later(3));
    expect(filer?.merged).toBe(true);
    expect(filer?.reference).toBe(duplicate.reference);
    expect(JSON.stringify(filer)).not.toContain("Avery");
    expect(JSON.stringify(filer)).not.toContain(original.reference);

    // Received counts the pair once.
    const after = await liveFigures(t.db, AREA, "2026-Q3", later(4));
    expect(after.received.total).toBe(before.received.total + 1);
    // The facts the merge rewrote (#21) give what the whole history gives.
    const period = periodOf(AREA, "2026-Q3")!;
    const { computedAt: _, ...fresh } = await computeQuarterFiguresFromHistory(t.db, period, later(4).toISOString());
    const { computedAt: __, ...kept } = after;
    expect(kept).toEqual(fresh);
  });
});

describe("independent panels", () => {
  it("refuses a member from the respondent provider, a handler and a declared conflict, and the decision records who sat", async () => {
    const provider = await createProvider(t.db, AREA, "Respondent Works");
    const other = await createProvider(t.db, AREA, "Faraway Employment");
    const { reference } = await fileOne({ provider: String(provider) });
    const act = async (command: Parameters<typeof performStaffAction>[0]["command"], at: Date) => {
      const v = await staffCaseView({ db: t.db, user: staff, reference, now: at });
      return performStaffAction({
        db: t.db,
        user: v!.case.level === 3 ? manager : staff,
        reference,
        expectedVersion: v!.case.version,
        command,
        now: at,
      });
    };
    expect(await act({ action: "take" }, later(1))).toEqual({ ok: true });
    expect(await act({ action: "acknowledge" }, later(1))).toEqual({ ok: true });
    expect(await act({ action: "escalate", reason: "Filer asked" }, later(2))).toEqual({
      ok: false,
      reason: "managers_only",
    });
    const up = async (at: Date) => {
      const v = await staffCaseView({ db: t.db, user: manager, reference, now: at });
      return performStaffAction({
        db: t.db,
        user: manager,
        reference,
        expectedVersion: v!.case.version,
        command: { action: "escalate", reason: "Up" },
        now: at,
      });
    };
    expect(await up(later(2))).toEqual({ ok: true });
    expect(await up(later(3))).toEqual({ ok: true });

    const add = (name: string, extra: Partial<Parameters<typeof addPanelMember>[0]>) =>
      addPanelMember({
        db: t.db,
        user: manager,
        name,
        affiliation: "x",
        affiliationOrgId: null,
        userId: null,
        conflictOrgIds: [],
        now: later(4),
        ...extra,
      });
    expect(await add("Respondent Person", { affiliationOrgId: provider })).toBe(true);
    expect(await add("Case Handler", { userId: staff.id })).toBe(true);
    expect(await add("Declared Conflict", { conflictOrgIds: [provider] })).toBe(true);
    expect(await add("Independent One", { affiliationOrgId: other })).toBe(true);
    // Only managers keep the roster.
    expect(
      await addPanelMember({
        db: t.db,
        user: staff,
        name: "No",
        affiliation: "x",
        affiliationOrgId: null,
        userId: null,
        conflictOrgIds: [],
        now: later(4),
      }),
    ).toBe(false);
    const roster = (await panelRosterView(t.db, manager))!.members;
    const id = (name: string) => roster.find((m) => m.name === name)!.id;

    const form = (names: string[], user = manager) =>
      formCasePanel({ db: t.db, user, reference, memberIds: names.map(id), now: later(5) });
    expect(await form(["Independent One", "Respondent Person", "Case Handler", "Declared Conflict"])).toEqual({
      ok: false,
      reason: "conflicted",
      conflicts: [
        { name: "Respondent Person", conflict: "respondent" },
        { name: "Case Handler", conflict: "handled" },
        { name: "Declared Conflict", conflict: "declared" },
      ],
    });
    expect(await form(["Independent One"], staff)).toEqual({ ok: false, reason: "not_found" });
    expect(await form(["Independent One"])).toEqual({ ok: true });

    expect(
      await act({ action: "decide", outcome: "upheld", reasons: "The panel found for the client." }, later(6)),
    ).toEqual({ ok: true });
    const view = await staffCaseView({ db: t.db, user: manager, reference, now: later(7) });
    const decided = view!.events.find((e) => e.type === "decided")!;
    expect(JSON.parse(decided.data_json!)).toEqual({ outcome: "upheld", panel: "Independent One" });
  });
});
