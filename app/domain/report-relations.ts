import { MINISTRY_RETAINED_PROGRAMS } from "./programs";
import { BREAKDOWNS, PROVIDER_STAGE_MOVES, type BreakdownId } from "./report-figures";
import type { SingleCount } from "./report-cells";

/**
 * Every equality between published figures of one SSM's report, declared once. Suppression reads
 * them to know what a reader can work out by adding and subtracting; the attacker test reads them
 * to try; test/integration/report-relations.test.ts proves each one holds over random case
 * histories written the way the services write them.
 *
 * Across SSMs one more holds: Ontario's every cell is the sum of the same cell of each SSM that has
 * submitted (report-suppression.ts `provinceFigures`).
 */
export type Relation =
  /** A breakdown's rows add up to its total (client groups have none: a person may answer several). */
  | { kind: "breakdown"; breakdown: Exclude<BreakdownId, "received.byGroup">; total: SingleCount }
  /** Some rows of a breakdown add up to another figure. */
  | { kind: "rows"; breakdown: BreakdownId; keys: readonly string[]; total: SingleCount; why: string }
  /** Rows of two breakdowns with the same key are the same count. */
  | { kind: "same rows"; breakdown: BreakdownId; other: BreakdownId; keys: readonly string[]; why: string }
  /** A clock's ended count is its on-time count plus its late one (the share publishes both). */
  | { kind: "clock" };

export const RELATIONS: readonly Relation[] = [
  ...BREAKDOWNS.map((b): Relation => ({ kind: "breakdown", breakdown: b.id, total: b.total })),
  {
    kind: "rows",
    breakdown: "received.byProgram",
    keys: MINISTRY_RETAINED_PROGRAMS,
    total: "referredOut",
    why: "Filing a case about a program the ministry keeps refers it out at once (filing.server.ts).",
  },
  {
    kind: "rows",
    breakdown: "escalations.byCause",
    keys: ["recourse"],
    total: "recourse",
    why: "A filer's recourse request writes the request and an escalation caused by it together (filer-actions.server.ts).",
  },
  {
    kind: "same rows",
    breakdown: "providerStage.byReason",
    other: "escalations.byCause",
    keys: PROVIDER_STAGE_MOVES.filter((k) => k !== "staff_stepped_in"),
    why:
      "A complaint leaves the provider stage for the SSM by an escalation whose cause says why (case-lifecycle-provider.ts); " +
      "no other escalation has those causes. Staff stepping in takes the case back without escalating it.",
  },
  { kind: "clock" },
];

/** One equation between cells: the parts add up to the total. A part that is absent counts 0. */
export interface Equation {
  parts: string[];
  total: string;
}

/**
 * The equations the relations give between the cells of one report, named as report-cells.ts
 * names them. `paths` are the report's cells (as published: every row listed, 0 or not).
 */
export function equationsOf(paths: Iterable<string>): Equation[] {
  const all = [...paths];
  const rowsOf = (breakdown: string) => all.filter((p) => p.startsWith(`${breakdown}|`));
  const equations: Equation[] = [];
  for (const r of RELATIONS) {
    if (r.kind === "breakdown") equations.push({ parts: rowsOf(r.breakdown), total: r.total });
    else if (r.kind === "rows") {
      const keys = new Set(r.keys);
      equations.push({
        parts: rowsOf(r.breakdown).filter((p) => keys.has(p.slice(r.breakdown.length + 1))),
        total: r.total,
      });
    } else if (r.kind === "same rows") {
      for (const key of r.keys) equations.push({ parts: [`${r.other}|${key}`], total: `${r.breakdown}|${key}` });
    } else {
      for (const p of all) {
        const m = /^clocks\|(.+)\|ended$/.exec(p);
        if (m) equations.push({ parts: [`clocks|${m[1]}|onTime`, `clocks|${m[1]}|late`], total: p });
      }
    }
  }
  return equations;
}

/**
 * Counts that take part in no equation, each with why: suppression protects them as single small
 * counts, and the attacker has nothing to add or subtract them with.
 */
export const STANDALONE_COUNTS: readonly { count: SingleCount; why: string }[] = [
  {
    count: "extensions",
    why:
      "An extension (issue #17) moves a deadline; it is neither a case, a decision nor a clock's end, so no other " +
      "figure adds it up. An extended clock met by its extended due time counts on time in its clock's figures, " +
      "which keep their own relation (ended = on time + late).",
  },
  {
    count: "providerStage.referred",
    why:
      "Referred in the quarter and left the stage in the quarter are different complaints: one referred late in a " +
      "quarter answers in the next, so no sum ties the referrals to what came of them.",
  },
  {
    count: "providerStage.resolved",
    why:
      "Resolved at the provider stage closes a case with neither a decision nor an escalation (decision record 013), " +
      "so it is in no other total.",
  },
];
