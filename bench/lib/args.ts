// The bench's command line, parsed with zod so a wrong flag is a message and exit 2, never a
// half-run bench. Kept apart from run.ts so it can be tested without starting anything.
import { parseArgs } from "node:util";
import { z } from "zod";

export const MEASUREMENTS = ["report", "sweep", "pages", "filing", "export", "lighthouse"] as const;

const argsSchema = z.object({
  cases: z.coerce
    .number()
    .int("--cases must be a whole number")
    .min(1000, "--cases must be at least 1000")
    .max(5_000_000)
    .default(1_000_000),
  regenerate: z.boolean().default(false),
  only: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()) : [...MEASUREMENTS]))
    .pipe(
      z.array(z.enum(MEASUREMENTS, { error: `--only takes a comma-separated list of ${MEASUREMENTS.join(", ")}` })),
    ),
  seconds: z.coerce.number().int().min(2).max(600).default(20),
  runs: z.coerce.number().int().min(10).max(10_000).default(200),
  "skip-build": z.boolean().default(false),
  "export-wait-minutes": z.coerce.number().min(0).max(240).default(60),
  /**
   * A PostgreSQL server: the province is copied into a new database there and measured on it.
   * `embedded`: the tests' PostgreSQL from npm, started for the run.
   */
  database: z
    .string()
    .regex(
      /^(postgres(ql)?:\/\/|embedded$)/,
      "--database takes a PostgreSQL server's URL (postgres://user:password@host:port/db) or embedded",
    )
    .optional(),
});

export type BenchArgs = z.infer<typeof argsSchema>;

export const BENCH_USAGE =
  "Usage: npm run bench -- [--cases N] [--regenerate] [--only report,sweep,pages,filing,export,lighthouse] [--seconds S] [--runs N] [--skip-build] [--database postgres://…|embedded]";

export function parseBenchArgs(argv: string[]): { ok: true; data: BenchArgs } | { ok: false; errors: string[] } {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        cases: { type: "string" },
        regenerate: { type: "boolean" },
        only: { type: "string" },
        seconds: { type: "string" },
        runs: { type: "string" },
        "skip-build": { type: "boolean" },
        "export-wait-minutes": { type: "string" },
        database: { type: "string" },
      },
      strict: true,
    }).values;
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
  const args = argsSchema.safeParse(values);
  return args.success ? { ok: true, data: args.data } : { ok: false, errors: args.error.issues.map((i) => i.message) };
}
