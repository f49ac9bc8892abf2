import { z } from "zod";
import { INTAKE_CHANNELS } from "./intake-channels";
import { instantAt } from "./time-zone";

export { INTAKE_CHANNELS };

export const intakeExtrasSchema = z.object({
  channel: z.enum(INTAKE_CHANNELS, { error: "error.choose" }),
  receivedAt: z.string({ error: "error.required" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "error.dateTime"),
});

export type IntakeExtras = z.infer<typeof intakeExtrasSchema>;

// Older than this is almost certainly a typo in the year.
const MAX_AGE_MS = 366 * 24 * 60 * 60 * 1000;

/** The instant a local "YYYY-MM-DDTHH:MM" names, or why it cannot be used. */
export function receivedInstant(
  local: string,
  timeZone: string,
  now: Date,
): { ok: true; at: Date } | { ok: false; key: "error.dateTime" | "error.future" | "error.tooOld" } {
  const [date, time] = local.split("T");
  const [hours, minutes] = (time ?? "").split(":").map(Number);
  if (!date || hours === undefined || minutes === undefined || hours > 23 || minutes > 59)
    return { ok: false, key: "error.dateTime" };
  let at: Date;
  try {
    at = instantAt(date, hours * 60 + minutes, timeZone);
  } catch {
    return { ok: false, key: "error.dateTime" };
  }
  if (at.getTime() > now.getTime() + 60_000) return { ok: false, key: "error.future" };
  if (now.getTime() - at.getTime() > MAX_AGE_MS) return { ok: false, key: "error.tooOld" };
  return { ok: true, at };
}
