import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { staffQueue, QUEUE_PAGE_SIZE } from "../../app/services/case-queue.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { performStaffAction } from "../../app/services/staff-actions.server";
import { parseQueueFilters } from "../../app/domain/queue-filters";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

let t: TestDatabase;
let staff: SessionUser;
let other: SessionUser;
// Monday 2026-11-23 10:00 Toronto.
const NOW = new Date("2026-11-23T15:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: "durham" });
  other = await createStaff(t.db, { areaSlug: "durham" });
  // 120 cases received over the past 60 days, some taken by `staff`, one named Zelda.
  for (let i = 0; i < 120; i++) {
    const receivedAt = new Date(NOW.getTime() - (i % 60) * 86_400_000 - i * 60_000);
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({ area: "durham", name: i === 7 ? "Zelda Quist" : `Filer ${i}` }),
      now: receivedAt,
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    if (i % 4 === 0) {
      await performStaffAction({
        db: t.db,
        user: i % 8 === 0 ? staff : other,
        reference: filed.reference,
        expectedVersion: 1,
        command: { action: "take" },
        now: receivedAt,
      });
    }
  }
});
afterAll(async () => t.cleanup());

const queue = (query: string) =>
  staffQueue({ db: t.db, user: staff, filters: parseQueueFilters(new URLSearchParams(query)), now: NOW });

describe("the staff queue", () => {
  it("pages through every case exactly once, 50 at a time, in next-deadline order, even as cases arrive", async () => {
    const seen: string[] = [];
    const dues: (string | null)[] = [];
    let page = await queue("");
    expect(page!.rows).toHaveLength(QUEUE_PAGE_SIZE);
    let round = 0;
    while (page) {
      seen.push(...page.rows.map((r) => r.reference));
      dues.push(...page.rows.map((r) => r.next_due_at));
      if (!page.nextCursor) break;
      // A new case arrives between pages: it must not shift or repeat what was already shown.
      await fileClientComplaint({
        db: t.db,
        complaint: sampleComplaint({ area: "durham", name: `Late ${round++}` }),
        now: NOW,
      });
      page = await queue(`after=${page.nextCursor}`);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(120);
    const withDue = dues.filter((d): d is string => d !== null);
    expect(withDue).toEqual([...withDue].sort());
    const firstNull = dues.indexOf(null);
    if (firstNull >= 0) expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
  });

  it("filters by assignee, deadline, text and date received, and counts per status", async () => {
    const mine = await queue("assignee=me");
    expect(mine!.rows.length).toBe(15);
    expect(mine!.rows.every((r) => r.assignee_name === staff.display_name)).toBe(true);
    const unassigned = await queue("assignee=unassigned");
    expect(unassigned!.rows.every((r) => r.assignee_name === null)).toBe(true);

    const overdue = await queue("clock=overdue");
    expect(overdue!.rows.length).toBeGreaterThan(0);
    expect(overdue!.rows.every((r) => r.overdue)).toBe(true);
    const soon = await queue("clock=due_soon");
    expect(soon!.rows.every((r) => !r.overdue && r.businessDaysLeft !== null && r.businessDaysLeft <= 2)).toBe(true);

    const zelda = await queue("q=zelda");
    expect(zelda!.rows.map((r) => r.filer_name)).toEqual(["Zelda Quist"]);
    const byRef = await queue(`q=${zelda!.rows[0]!.reference.slice(-6)}`);
    expect(byRef!.rows.map((r) => r.reference)).toContain(zelda!.rows[0]!.reference);
    // % and _ are searched literally, not as wildcards.
    expect((await queue("q=%25"))!.rows).toHaveLength(0);

    const today = await queue("from=2026-11-23&to=2026-11-23");
    expect(today!.rows.length).toBeGreaterThan(0);
    expect(
      today!.rows.every(
        (r) => r.received_at >= "2026-11-23T05:00:00.000Z" && r.received_at < "2026-11-24T05:00:00.000Z",
      ),
    ).toBe(true);

    expect(Object.values((await queue(""))!.counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(120);
    // A junk filter is ignored rather than breaking the page.
    expect((await queue("status=nonsense&level=abc&after=garbage"))!.rows).toHaveLength(QUEUE_PAGE_SIZE);
  });
});
