import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TimeHeap } from "../../bench/lib/heap";
import { percentile } from "../../bench/lib/stats";
import { numberedParameters } from "../../bench/lib/raw-driver";
import { writeResultsFile } from "../../bench/lib/results";
import { summarizeProfile } from "../../bench/summarize-profile";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

describe("the raw drivers' statements", () => {
  it("numbers `?` parameters in order for PostgreSQL", () => {
    expect(numberedParameters("select * from cases where area_slug = ? and status = ? limit ?")).toBe(
      "select * from cases where area_slug = $1 and status = $2 limit $3",
    );
    expect(numberedParameters("select 1")).toBe("select 1");
  });
});

describe("RESULTS.md", () => {
  it("keeps SQLite's and PostgreSQL's tables between their own markers, the notes around them untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "recourse-results-"));
    const path = join(dir, "RESULTS.md");
    writeFileSync(path, "# Benchmarks\n\nNotes before.\n");
    writeResultsFile(path, "sqlite table, first run", "sqlite");
    writeResultsFile(path, "postgres table", "postgres");
    writeResultsFile(path, "sqlite table, second run", "sqlite");
    const text = readFileSync(path, "utf8");
    expect(text).toContain("Notes before.");
    expect(text).toContain("sqlite table, second run");
    expect(text).not.toContain("first run");
    expect(text).toContain("postgres table");
    expect(text.indexOf("postgres table")).toBeGreaterThan(text.indexOf("sqlite table"));
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("a CPU profile by who spends the time", () => {
  it("sums each sample's time into its frame's group: SQLite, React, GC, idle", () => {
    const frame = (id: number, functionName: string, url: string) => ({ id, callFrame: { functionName, url } });
    const rows = summarizeProfile({
      nodes: [
        frame(1, "(idle)", ""),
        frame(2, "all", "file:///app/node_modules/better-sqlite3/lib/methods/wrappers.js"),
        frame(3, "renderElement", "file:///app/node_modules/react-dom/cjs/react-dom-server.node.production.js"),
        frame(4, "(garbage collector)", ""),
      ],
      samples: [1, 2, 2, 3, 4, 2],
      timeDeltas: [5000, 1000, 1000, 2000, 500, 1000],
    });
    expect(rows).toEqual([
      { category: "idle", ms: 5 },
      { category: "SQLite statements (better-sqlite3, Kysely)", ms: 3 },
      { category: "React rendering", ms: 2 },
      { category: "garbage collection", ms: 0.5 },
    ]);
  });
});
