import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TimeHeap } from "../../bench/lib/heap";
import { percentile } from "../../bench/lib/stats";

// The bench generator writes every row through TimeHeap so ids follow time across cases, and its
// tables report nearest-rank percentiles: both are worth a property each.

describe("TimeHeap", () => {
  it("gives items back in (at, seq) order whatever the order they went in", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const heap = new TimeHeap<{ at: number; seq: number }>();
        times.forEach((at, seq) => heap.push({ at, seq }));
        const out: { at: number; seq: number }[] = [];
        for (let item = heap.pop(); item; item = heap.pop()) out.push(item);
        const expected = times.map((at, seq) => ({ at, seq })).sort((a, b) => a.at - b.at || a.seq - b.seq);
        expect(out).toEqual(expected);
      }),
    );
  });
});

describe("percentile", () => {
  it("is the nearest rank", () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95);
    expect(percentile([7], 99)).toBe(7);
  });
});
