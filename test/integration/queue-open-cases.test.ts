import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { staffQueue } from "../../app/services/case-queue.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { performStaffAction, type StaffCommand } from "../../app/services/staff-actions.server";
import { filtersToSearch, parseQueueFilters } from "../../app/domain/queue-filters";
import { acceptMail } from "../fixtures/accept-mail";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

// Issue #19: the queue opens on the cases still being worked, says which step is due, and keeps
// the closed ones one filter away.
let t: TestDatabase;
let staff: SessionUser;
// Monday 2026-11-23 10:00 Toronto.
const NOW = new Date("2026-11-23T15:00:00Z");
const refs: Record<"closed" | "acknowledged" | "new", string> = { closed: "", acknowledged: "", new: "" };

async function file(name: string): Promise<string> {
  const filed = await fileClientComplaint({
    db: t.db,
    complaint: sampleComplaint({ area: "durham", name }),
    now: new Date(NOW.getTime() - 3 * 86_400_000),
  });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed.reference;
}

async function act(reference: string, version: number, command: StaffCommand): Promise<void> {
  const done = await performStaffAction({
    db: t.db,
    user: staff,
    reference,
    expectedVersion: version,
    command,
    now: NOW,
  });
  if (!done.ok) throw new Error(`${command.action}: ${done.reason}`);
  // The mail server takes what the step sent: an acknowledgement is done once it has (issue #18).
  await acceptMail(t.db, NOW);
}

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaff(t.db, { areaSlug: "durham" });
  refs.closed = await file("Closed Carla");
  await act(refs.closed, 1, { action: "acknowledge" });
  await act(refs.closed, 2, { action: "decide", outcome: "upheld", reasons: "The provider erred." });
  await act(refs.closed, 3, { action: "close" });
  refs.acknowledged = await file("Acknowledged Ann");
  await act(refs.acknowledged, 1, { action: "acknowledge" });
  refs.new = await file("New Ned");
});
afterAll(async () => t.cleanup());

const queue = (query: string) =>
  staffQueue({ db: t.db, user: staff, filters: parseQueueFilters(new URLSearchParams(query)), now: NOW });

describe("the queue's default view", () => {
  it("holds open cases only; closed ones are one filter away, and every case under 'all'", async () => {
    const open = (await queue(""))!.rows.map((r) => r.reference);
    expect(open.sort()).toEqual([refs.acknowledged, refs.new].sort());
    expect((await queue("show=closed"))!.rows.map((r) => r.reference)).toEqual([refs.closed]);
    expect((await queue("show=all"))!.rows).toHaveLength(3);
    // A status picked in the filters wins over the default, so the status counts' links list what they count.
    expect((await queue("status=closed"))!.rows.map((r) => r.reference)).toEqual([refs.closed]);
  });

  it("keeps the default out of links, and the other choices in them", () => {
    expect(filtersToSearch(parseQueueFilters(new URLSearchParams("")))).toBe("");
    expect(filtersToSearch(parseQueueFilters(new URLSearchParams("show=closed")))).toBe("?show=closed");
  });

  it("names the step due beside each date, and who holds the case", async () => {
    const rows = (await queue(""))!.rows;
    const fresh = rows.find((r) => r.reference === refs.new)!;
    expect(fresh.dueStep).toMatchObject({ kind: "acknowledge", level: 1, dueAt: fresh.next_due_at });
    const acknowledged = rows.find((r) => r.reference === refs.acknowledged)!;
    expect(acknowledged.dueStep?.kind).not.toBe("acknowledge");
    expect(acknowledged.dueStep?.level).toBe(1);
    expect((await queue("show=closed"))!.rows[0]!.dueStep).toBeNull();
  });
});
