import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { sampleRss } from "./lib/app-server";
import { DATA_DIR } from "./lib/bench-constants";

// The case-list CSV export of every SSM, cut at 100,000 rows and at the full million, each in a child
// process whose RSS is sampled: constant memory means the two peaks are about the same.

export const EXPORT_SERVICE = join(process.cwd(), "app", "services", "case-export.server.ts");

export interface ExportMeasurement {
  rows: number;
  bytes: number;
  ms: number;
  peakRss: number;
}

export function exportAvailable(): boolean {
  return existsSync(EXPORT_SERVICE);
}

export async function measureExport(input: { databasePath: string; maxRows: number }): Promise<ExportMeasurement> {
  const outPath = join(DATA_DIR, "run", `export-${input.maxRows}.csv`);
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(process.cwd(), "bench", "lib", "export-child.ts"),
      input.databasePath,
      String(input.maxRows),
      outPath,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const rss = sampleRss(child.pid!, 20);
  const line = await new Promise<string>((resolve, reject) => {
    let last = "";
    createInterface({ input: child.stdout! }).on("line", (l) => (last = l));
    child.once("exit", (code) => (code === 0 ? resolve(last) : reject(new Error(`export child exited with ${code}`))));
  });
  const { peak } = rss.stop();
  rmSync(outPath, { force: true });
  const result = JSON.parse(line) as { rows: number; bytes: number; ms: number };
  return { ...result, peakRss: peak };
}
