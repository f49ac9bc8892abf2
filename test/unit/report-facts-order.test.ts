import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figuresFromFacts, type EventGroup } from "../../app/domain/report-facts";

// The database returns grouped facts in no set order; a quarter's figures, frozen in a submitted
// report, must come out the same whatever the order (the demo history once differed in the last
// digit of the paused days).
const metGroup = fc.record({
  fact: fc.constant("clock_met" as const),
  key: fc.constant("decision"),
  level: fc.constant(1),
  value: fc.double({ min: 0, max: 40, noNaN: true }),
  value2: fc.double({ min: 0, max: 30, noNaN: true }),
  count: fc.integer({ min: 1, max: 5 }),
});

function figures(events: EventGroup[]) {
  return figuresFromFacts({
    areaSlug: "ottawa",
    quarter: "2026-Q1",
    computedAt: "2026-07-28T18:52:18.000Z",
    received: [],
    events,
    openAtStart: 0,
    openAtEnd: 0,
    providerNames: new Map(),
    satisfaction: { responses: 0, clear: null, fair: null, timely: null },
  });
}

describe("a quarter's clock figures", () => {
  it("are the same whatever order the groups arrive in", () => {
    fc.assert(
      fc.property(fc.array(metGroup, { minLength: 2, maxLength: 12 }), fc.nat(), (groups, seed) => {
        const shuffled = [...groups].sort(
          (a, b) => ((groups.indexOf(a) * 7919 + seed) % 13) - ((groups.indexOf(b) * 7919 + seed) % 13),
        );
        expect(JSON.stringify(figures(shuffled).clocks)).toBe(JSON.stringify(figures(groups).clocks));
      }),
    );
  });

  it("reproduces the demo's case: 0.1 + 0.2 + 0.3 summed either way round", () => {
    const group = (value2: number): EventGroup => ({
      fact: "clock_met",
      key: "decision",
      level: 1,
      value: 1,
      value2,
      count: 1,
    });
    const one = figures([group(0.1), group(0.2), group(0.3)]).clocks[0]!.pausedDays;
    const other = figures([group(0.3), group(0.2), group(0.1)]).clocks[0]!.pausedDays;
    expect(other).toBe(one);
  });
});
