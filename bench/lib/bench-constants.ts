import { join } from "node:path";

// Bump when the generator's output changes: the cached database is keyed by it, so an old file is
// never measured as if it were the new one.
export const GENERATOR_VERSION = 1;

// "Now" for the generated history and for the sweep round measured: Tuesday 2026-12-01, 16:31
// Toronto, one minute after closing. Every clock due that day falls due at closing (16:30), so this
// is the largest round the minute-by-minute sweep meets on a business day. Fixed, so the same
// version always generates the same database.
export const BENCH_NOW = new Date("2026-12-01T21:31:00.000Z");
/** The start of fiscal 2022-23 in Toronto: five fiscal years up to now. */
export const HISTORY_START = new Date("2022-04-01T04:00:00.000Z");

export const BENCH_PASSWORD = "Recourse-bench-2026";
/** The SSM whose staff member the page measurements sign in as: the busiest. */
export const BENCH_AREA = "toronto";
export const benchStaffEmail = (areaSlug: string, n = 1) => `bench.staff${n}@${areaSlug}.example.org`;

export const DATA_DIR = join(process.cwd(), "bench", ".data");
export const cachedDatabasePath = (cases: number) => join(DATA_DIR, `recourse-bench-v${GENERATOR_VERSION}-${cases}.db`);
