// node --import tsx bench/summarize-profile.ts <file.cpuprofile>: a V8 CPU profile of the server
// (BENCH_CPU_PROF_DIR=dir npm run bench -- --only filing) summarized by self time, grouped by who
// spends it (SQLite, React, Remix, Express and compression, nodemailer, GC, the app…): the table
// RESULTS.md's flame summaries are made of. Idle time is left out of the shares.
import { readFileSync } from "node:fs";
import { z } from "zod";

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** Who a frame's self time belongs to, by its function or its file. */
export function categoryOf(frame: { functionName: string; url: string }): string {
  const { functionName: f, url } = frame;
  if (f === "(garbage collector)") return "garbage collection";
  if (f === "(idle)") return "idle";
  if (f === "(program)") return "V8 and native code outside JavaScript";
  const groups: [RegExp, string][] = [
    [/better-sqlite3|kysely/, "SQLite statements (better-sqlite3, Kysely)"],
    [/react-dom|\/react\//, "React rendering"],
    [/@remix-run/, "Remix (routing, loaders and actions, rendering glue)"],
    [/\/(express|compression|body-parser|router|send|finalhandler)\//, "Express and compression"],
    [/nodemailer|mailparser/, "nodemailer (building emails)"],
    [/\/zod\//, "zod (parsing forms)"],
    [/\/build\/(index|server)\.js/, "the app's own code (routes, services, domain)"],
    [/^node:/, "Node internals (streams, HTTP, zlib, fs)"],
  ];
  return groups.find(([pattern]) => pattern.test(url))?.[1] ?? (url ? "other libraries" : "native (no file)");
}

export function summarizeProfile(profile: z.infer<typeof profileSchema>): { category: string; ms: number }[] {
  const categoryById = new Map(profile.nodes.map((n) => [n.id, categoryOf(n.callFrame)]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const category = categoryById.get(id) ?? "unknown";
    totals.set(category, (totals.get(category) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([category, ms]) => ({ category, ms })).sort((a, b) => b.ms - a.ms);
}

if (process.argv[1]?.endsWith("summarize-profile.ts")) {
  const path = z.string({ error: "usage: bench/summarize-profile.ts <file.cpuprofile>" }).parse(process.argv[2]);
  const rows = summarizeProfile(profileSchema.parse(JSON.parse(readFileSync(path, "utf8"))));
  const busy = rows.filter((r) => r.category !== "idle").reduce((sum, r) => sum + r.ms, 0);
  console.log("| Self time | Share of busy time | What |\n|---|---|---|");
  for (const r of rows.filter((x) => x.category !== "idle"))
    console.log(`| ${(r.ms / 1000).toFixed(1)} s | ${((100 * r.ms) / busy).toFixed(0)} % | ${r.category} |`);
  const idle = rows.find((r) => r.category === "idle");
  if (idle) console.log(`\nIdle (left out): ${(idle.ms / 1000).toFixed(1)} s.`);
}
