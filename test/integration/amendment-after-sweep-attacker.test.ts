import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComplaintInput } from "../../app/domain/complaint-input";
import type { QuarterFigures } from "../../app/domain/report-figures";
import type { SessionUser } from "../../app/services/auth.server";
import { sweepClocks } from "../../app/services/clock-sweep.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { quarterComparison, submitQuarterReport, versionsForMinistry } from "../../app/services/quarter-reports.server";
import { createStaff, sampleComplaint } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { attack, disclosed, type PublishedReport, type Release } from "../support/attacker";

// The channels attacker's finding on PostgreSQL (release-channels-attacker.test.ts), made
// deterministic: the clock sweep runs between an SSM's first report and its amendment, so
// version 1 counts no clock ended and the amendment counts 16 acknowledgement and 16 decision
// clocks ended, all late (none on time).
//
// The attacker worked out both late counts exactly (16), and they are 16: every equation it used
// holds. Version 1 listed no clock, so its on-time counts are 0; the amendment left them 0 (the
// reader is told which counts an amendment left unchanged), so each late count is its ended count
// (shown, 16) less 0. But no page withholds a late count of 16: the amendment's page lists its two
// on-time counts as hidden ("<5"), and prints no share only because a share would give those away.
// Both on-time counts were already known to be 0 (version 1), and a 0 names nobody; a count of 16
// needs no protection. The attacker counted every count a page does not print as withheld; it now
// attacks the counts a page withholds ("<5", "hidden", or listed among its hidden figures), still
// reasoning over every unprinted count as an unknown (decision 003).

const T = 5;
const QUARTER = "2026-Q1";
const IN_QUARTER = new Date("2026-05-12T14:00:00Z");
const AREAS = ["hamilton-niagara", "ottawa", "durham"] as const;
type Area = (typeof AREAS)[number];

let t: TestDatabase;
const managers = {} as Record<Area, SessionUser>;

const MIX: Record<Area, Partial<ComplaintInput>[]> = {
  "hamilton-niagara": [
    ...Array.from({ length: 14 }, () => ({})),
    ...Array.from({ length: 3 }, () => ({ program: "literacy_basic_skills" as const })),
    ...Array.from({ length: 2 }, () => ({ program: "supported_employment" as const })),
  ],
  ottawa: [
    ...Array.from({ length: 9 }, () => ({})),
    ...Array.from({ length: 6 }, () => ({ program: "supported_employment" as const })),
    { program: "youth_job_connection" as const },
  ],
  durham: [
    ...Array.from({ length: 7 }, () => ({})),
    ...Array.from({ length: 4 }, () => ({ program: "apprenticeship" as const })),
  ],
};

async function file(area: Area, overrides: Partial<ComplaintInput>) {
  const filed = await fileClientComplaint({
    db: t.db,
    complaint: sampleComplaint({ area, ...overrides }),
    now: IN_QUARTER,
  });
  if (filed.kind !== "filed") throw new Error("not filed");
}

async function submit(area: Area, version: number) {
  const result = await submitQuarterReport({
    db: t.db,
    user: managers[area],
    areaSlug: area,
    quarter: QUARTER,
    narrative: { actionsTaken: "Met providers.", lessonsLearned: "Call back.", systemicIssues: "None." },
    amendmentReason: version > 1 ? "A complaint recorded late." : null,
    expectedVersion: version - 1,
    threshold: T,
    now: new Date("2026-07-10T15:00:00Z"),
  });
  expect(result).toEqual({ ok: true, version });
}

async function readPages(submitted: Area[]): Promise<Release> {
  const page = await quarterComparison(t.db, QUARTER, T, 30, new Date());
  const current: PublishedReport[] = submitted.map((area) => {
    const row = page.rows.find((r) => r.area.slug === area)!.report!;
    return { areaSlug: area, version: row.version, figures: row.figures };
  });
  const older: PublishedReport[] = [];
  for (const area of submitted) {
    const versions = await versionsForMinistry(t.db, area, QUARTER, T);
    for (const v of versions.slice(0, -1)) older.push({ areaSlug: area, version: v.version, figures: v.figures });
  }
  return { current, older, province: page.province };
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (const area of AREAS) {
    managers[area] = await createStaff(t.db, { areaSlug: area, role: "ssm_manager" });
    for (const overrides of MIX[area]) await file(area, overrides);
  }
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

describe("an amendment after the clock sweep", () => {
  it("narrows no withheld count when the sweep marks clocks missed between version 1 and its amendment", async () => {
    const releases: Release[] = [];
    const submitted: Area[] = [];
    const steps: [Area, number][] = [
      ["hamilton-niagara", 1],
      ["ottawa", 1],
      ["hamilton-niagara", 2],
      ["durham", 1],
    ];
    for (const [area, version] of steps) {
      if (version === 2) {
        await sweepClocks({ db: t.db, now: new Date() });
        await file(area, { program: "literacy_basic_skills" });
      }
      await submit(area, version);
      if (!submitted.includes(area)) submitted.push(area);
      releases.push(await readPages(submitted));
    }
    const rows = await t.db.selectFrom("quarter_reports").selectAll().where("quarter", "=", QUARTER).execute();
    const truth = new Map(
      rows.map((r) => [`${r.area_slug}@${r.version}`, JSON.parse(r.figures_json) as QuarterFigures]),
    );
    // The sweep ran in between: version 1 counts no clock, the amendment 16 of each, all late.
    expect(truth.get("hamilton-niagara@1")!.clocks).toEqual([]);
    const amended = truth.get("hamilton-niagara@2")!.clocks.map((c) => [c.kind, c.ended, c.onTime]);
    expect(amended).toEqual([
      ["acknowledge", 16, 0],
      ["decision", 16, 0],
    ]);
    // The amendment's page withholds its on-time counts and says so; not its late counts.
    const page = releases[2]!.current.find((p) => p.areaSlug === "hamilton-niagara")!.figures;
    const withheld = new Map(page.hidden!.map((h) => [h.cell, h.reason]));
    for (const clock of ["acknowledge:1", "decision:1"]) {
      expect(withheld.get(`clocks|${clock}|onTime`)).toBe("small");
      expect(withheld.has(`clocks|${clock}|late`)).toBe(false);
      expect(page.clocks.find((c) => `${c.kind}:${c.level}` === clock)).toMatchObject({ ended: 16, onTimeShare: null });
    }
    const ranges = attack(releases, T, truth);
    expect(ranges.length).toBeGreaterThan(0);
    // The on-time counts are attacked, and pinned only at the 0 version 1 gave away.
    const onTime = ranges.filter((r) => r.report === "hamilton-niagara@2" && /^clocks\|.*\|onTime$/.test(r.cell));
    expect(onTime.map((r) => [r.cell, r.min, r.max])).toEqual([
      ["clocks|acknowledge:1|onTime", 0, 0],
      ["clocks|decision:1|onTime", 0, 0],
    ]);
    expect(disclosed(ranges, T)).toEqual([]);
  });
});
