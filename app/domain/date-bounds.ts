import { z } from "zod";
import { isSupportedYear, MAX_YEAR, MIN_YEAR } from "./supported-years";

export { isSupportedYear, MAX_YEAR, MIN_YEAR };

/** `YYYY-MM-DD`, a real calendar date, in a supported year. */
export function boundedIsoDate(message = "error.date") {
  return z.iso.date({ error: message }).refine((s) => isSupportedYear(Number(s.slice(0, 4))), message);
}
