import { z } from "zod";
import { parseQuarterId } from "./fiscal-quarter";
import { TEXT_LIMITS } from "./text-limits";
import { idNumber } from "./id-bounds";

// What a manager sends from the report page, and the report addresses in URLs and exports.

const section = z.string().trim().max(TEXT_LIMITS.longText, "error.tooLong");

export const quarterIdSchema = z.string().refine((s) => parseQuarterId(s) !== null, "error.quarter");

export const reportFormSchema = z
  .object({
    /** save: keep a draft; review: check it and show what would be frozen; edit: back from that
     * check to the form; submit: send it (only the check's own button says this). */
    intent: z.enum(["save", "review", "edit", "submit"]),
    actionsTaken: section,
    lessonsLearned: section,
    systemicIssues: section,
    amendmentReason: z.string().trim().max(TEXT_LIMITS.reason, "error.tooLong").optional().default(""),
    /** The newest version the manager saw when the page loaded (0: none yet). */
    expectedVersion: z.coerce.number().int().min(0).max(10_000),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "submit" && v.intent !== "review") return;
    // The ministry reads these; a submitted report says something in each, even "None this quarter".
    for (const field of ["actionsTaken", "lessonsLearned", "systemicIssues"] as const) {
      if (v[field] === "") ctx.addIssue({ code: "custom", path: [field], message: "error.required" });
    }
    if (v.expectedVersion > 0 && v.amendmentReason === "") {
      ctx.addIssue({ code: "custom", path: ["amendmentReason"], message: "error.amendmentReason" });
    }
  });

export type ReportForm = z.output<typeof reportFormSchema>;

export const CSV_VIEWS = ["comparison", "table", "report", "trend", "all"] as const;

export const csvQuerySchema = z.discriminatedUnion("view", [
  z.object({ view: z.literal("comparison"), quarter: quarterIdSchema }),
  /** The comparison laid out as on screen: one row per SSM, one column per figure. */
  z.object({ view: z.literal("table"), quarter: quarterIdSchema }),
  z.object({
    view: z.literal("report"),
    area: z.string().min(1).max(60),
    quarter: quarterIdSchema,
    version: idNumber.optional(),
  }),
  z.object({ view: z.literal("trend"), area: z.string().min(1).max(60).optional() }),
  z.object({ view: z.literal("all") }),
]);
export type CsvQuery = z.output<typeof csvQuerySchema>;
