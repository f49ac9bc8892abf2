import { z } from "zod";
import { boundedIsoDate } from "./date-bounds";
import { DISPUTE_CATEGORIES } from "./dispute-categories";
import { idNumber } from "./id-bounds";
import { IN_SCOPE_PROGRAMS, MINISTRY_RETAINED_PROGRAMS } from "./programs";
import { CASE_STATUSES, QUEUE_SHOW, filtersToSearch } from "./queue-search";

export { CASE_STATUSES, QUEUE_SHOW, filtersToSearch };

// The staff queue's filters, read from the URL so a filtered view can be shared and the back button
// works. Anything unrecognised is dropped rather than refused: a stale bookmark still opens.

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const isoDate = boundedIsoDate().optional().catch(undefined);

export const queueFiltersSchema = z.object({
  status: optionalEnum(CASE_STATUSES),
  level: z.coerce.number().int().min(1).max(9).optional().catch(undefined),
  kind: optionalEnum(["client_complaint", "provider_dispute"] as const),
  program: optionalEnum([...IN_SCOPE_PROGRAMS, ...MINISTRY_RETAINED_PROGRAMS] as [string, ...string[]]),
  category: optionalEnum(DISPUTE_CATEGORIES),
  provider: idNumber.optional().catch(undefined),
  assignee: optionalEnum(["me", "unassigned"] as const),
  clock: optionalEnum(["overdue", "due_soon"] as const),
  /** Open cases by default (#19): the closed ones are one choice away, not mixed into every page. */
  show: z.enum(QUEUE_SHOW).catch("open").default("open"),
  from: isoDate,
  to: isoDate,
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  after: z.string().max(200).optional().catch(undefined),
});

export type QueueFilters = z.infer<typeof queueFiltersSchema>;

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  return queueFiltersSchema.parse(Object.fromEntries(params.entries()));
}

/** Where a page ended, so the next page starts after it even if cases arrive meanwhile. */
export interface QueueCursor {
  dueAt: string | null;
  id: number;
}

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueAt, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string | undefined): QueueCursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    const [dueAt, id] = z.tuple([z.string().max(40).nullable(), z.number().int().min(1)]).parse(parsed);
    return { dueAt, id };
  } catch {
    return null;
  }
}
