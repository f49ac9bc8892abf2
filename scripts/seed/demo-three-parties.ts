import type { Kysely } from "kysely";
import type { SessionUser } from "../../app/services/auth.server";
import { extendCaseDeadline } from "../../app/services/case-extensions.server";
import { linkCases, mergeDuplicate } from "../../app/services/case-links.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { addPanelMember, formCasePanel, panelRosterView } from "../../app/services/panels.server";
import { performStaffAction, type StaffCommand } from "../../app/services/staff-actions.server";
import { deliverDemoMail, type DemoMail } from "./demo-mail";
import type { Database } from "../../db/schema";

// Issue #17 in Hamilton–Niagara's demo: a roster of five panel members with their conflicts, a case
// whose deadline was extended (with its reason on /status), a duplicate merged into its original,
// and a case at the independent panel (level 3) with its panel seated.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEMO_EXTENSION_REASON =
  "The provider has until next week to send us its attendance records, which we need to decide fairly.";

export async function seedThreeParties(
  db: Kysely<Database>,
  now: Date,
  people: { staff: SessionUser; manager: SessionUser },
  mail?: DemoMail,
): Promise<void> {
  const { staff, manager } = people;
  const providers = await db
    .selectFrom("provider_areas as pa")
    .innerJoin("organizations as o", "o.id", "pa.provider_id")
    .select(["o.id", "o.slug"])
    .where("pa.area_slug", "=", "hamilton-niagara")
    .orderBy("o.slug")
    .execute();
  const [first, second] = [providers[0]!.id, providers[1]!.id];
  const file = async (
    daysAgo: number,
    name: string,
    email: string,
    provider: number | "unknown",
    description: string,
  ) => {
    const filed = await fileClientComplaint({
      db,
      now: new Date(now.getTime() - daysAgo * DAY),
      complaint: {
        area: "hamilton-niagara",
        provider: String(provider),
        program: "employment_service",
        description,
        outcomeWanted: "A fair answer and my place back in the program.",
        name,
        email,
        phone: undefined,
        language: "en",
        accommodation: "no",
        accommodationDetails: undefined,
        consent: "on",
      },
    });
    if (filed.kind !== "filed") throw new Error("Demo filing failed");
    return filed;
  };
  let version = 1;
  const act = async (user: SessionUser, reference: string, command: StaffCommand, at: Date) => {
    const done = await performStaffAction({ db, user, reference, expectedVersion: version, command, now: at });
    if (!done.ok) throw new Error(`Demo ${command.action} on ${reference}: ${done.reason}`);
    version++;
    await deliverDemoMail(db, at, mail);
  };

  // The roster: two independent members, one from a provider, one with a declared conflict, one
  // who is also the SSM's case officer (refused on any case she handled).
  const members = [
    {
      name: "Dana Okafor",
      affiliation: "Retired labour arbitrator",
      affiliationOrgId: null,
      userId: null,
      conflictOrgIds: [],
    },
    {
      name: "Luc Bérubé",
      affiliation: "Emploi Ottawa (out of area)",
      affiliationOrgId: null,
      userId: null,
      conflictOrgIds: [],
    },
    {
      name: "Priya Nair",
      affiliation: "Works for a Hamilton provider",
      affiliationOrgId: first,
      userId: null,
      conflictOrgIds: [],
    },
    {
      name: "Sam Whitfield",
      affiliation: "Community legal clinic",
      affiliationOrgId: null,
      userId: null,
      conflictOrgIds: [first, second],
    },
    {
      name: staff.display_name,
      affiliation: "SSM case officer",
      affiliationOrgId: null,
      userId: staff.id,
      conflictOrgIds: [],
    },
  ];
  for (const m of members) await addPanelMember({ db, user: manager, ...m, now: new Date(now.getTime() - 60 * DAY) });

  // An extended deadline.
  const extended = await file(
    6,
    "Robin Ellis",
    "robin.ellis@example.com",
    first,
    "My training allowance stopped without a letter.",
  );
  version = 1;
  await act(staff, extended.reference, { action: "acknowledge" }, new Date(now.getTime() - 6 * DAY + 2 * HOUR));
  const ext = await extendCaseDeadline({
    db,
    user: staff,
    reference: extended.reference,
    expectedVersion: version,
    businessDays: 5,
    reason: DEMO_EXTENSION_REASON,
    now: new Date(now.getTime() - 2 * DAY),
  });
  if (!ext.ok) throw new Error(`Demo extension: ${ext.reason}`);

  // A duplicate filed twice by the same person, linked and merged into the first.
  const original = await file(
    12,
    "Casey Moreau",
    "casey.moreau@example.com",
    second,
    "The office cancelled my job search workshop twice.",
  );
  const duplicate = await file(
    11,
    "Casey Moreau",
    "casey.moreau@example.com",
    second,
    "My workshop was cancelled again, second complaint.",
  );
  const at = new Date(now.getTime() - 10 * DAY);
  const linked = await linkCases({
    db,
    user: staff,
    reference: original.reference,
    otherReference: duplicate.reference,
    kind: "duplicate",
    now: at,
  });
  const merged = await mergeDuplicate({
    db,
    user: staff,
    reference: original.reference,
    duplicateReference: duplicate.reference,
    expectedVersion: 1,
    now: at,
  });
  if (!linked.ok || !merged.ok) throw new Error("Demo merge failed");

  // A case at the independent panel, its panel seated from the roster (no conflicted member).
  const panelCase = await file(
    30,
    "Jamie Tremblay",
    "jamie.tremblay@example.com",
    first,
    "I was removed from the program after a complaint about my counsellor.",
  );
  version = 1;
  // Recent enough that the level-3 deadline is still running: the sweep would refer an older one on.
  const start = now.getTime() - 30 * DAY;
  await act(staff, panelCase.reference, { action: "take" }, new Date(start + 2 * HOUR));
  await act(staff, panelCase.reference, { action: "acknowledge" }, new Date(start + 3 * HOUR));
  await act(
    staff,
    panelCase.reference,
    { action: "decide", outcome: "not_upheld", reasons: "The removal followed the program's written rules." },
    new Date(start + 5 * DAY),
  );
  await act(
    manager,
    panelCase.reference,
    { action: "escalate", reason: "The person asked for a formal review." },
    new Date(start + 6 * DAY),
  );
  await act(
    manager,
    panelCase.reference,
    { action: "escalate", reason: "The person asked for the independent panel." },
    new Date(start + 10 * DAY),
  );
  const roster = (await panelRosterView(db, manager))!.members;
  const seat = roster.filter((m) => m.name === "Dana Okafor" || m.name === "Luc Bérubé").map((m) => m.id);
  const formed = await formCasePanel({
    db,
    user: manager,
    reference: panelCase.reference,
    memberIds: seat,
    now: new Date(start + 11 * DAY),
  });
  if (!formed.ok) throw new Error(`Demo panel: ${formed.reason}`);
}
