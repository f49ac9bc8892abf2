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
// deterministic: the clock sweep runs between an SSM's first report and its amendment, so the
// amendment counts many more clocks ended, and late, than version 1 did.

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
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint({ area, ...overrides }), now: IN_QUARTER });
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
    const truth = new Map(rows.map((r) => [`${r.area_slug}@${r.version}`, JSON.parse(r.figures_json) as QuarterFigures]));
    const ranges = attack(releases, T, truth);
    expect(ranges.length).toBeGreaterThan(0);
    expect(disclosed(ranges, T)).toEqual([]);
  });
});
