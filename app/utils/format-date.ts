import type { Language } from "../domain/vocabulary";
import { localeOf } from "../i18n";

export const DISPLAY_TIME_ZONE = "America/Toronto";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, style: "date" | "dateTime" | "longDate", timeZone: string) {
  const key = `${language}|${style}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === "date"
        ? { year: "numeric", month: "short", day: "numeric" }
        : style === "longDate"
          ? { weekday: "long", year: "numeric", month: "long", day: "numeric" }
          : { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" };
    f = new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** "Nov 24, 2026" / "24 nov. 2026", in the area's time zone (Toronto unless told otherwise). */
export function formatDate(iso: string, language: Language, timeZone = DISPLAY_TIME_ZONE): string {
  return formatter(language, "date", timeZone).format(new Date(iso));
}

/** "Friday, March 13, 2026": how a deadline is promised to a person. */
export function formatLongDate(iso: string, language: Language, timeZone = DISPLAY_TIME_ZONE): string {
  return formatter(language, "longDate", timeZone).format(new Date(iso));
}

export function formatDateTime(iso: string, language: Language, timeZone = DISPLAY_TIME_ZONE): string {
  return formatter(language, "dateTime", timeZone).format(new Date(iso));
}

/** "4:30 PM" / "16 h 30": a wall-clock time of the office (minutes after midnight), as published. */
export function formatTimeOfDay(minutes: number, language: Language): string {
  const at = Date.UTC(2000, 0, 1, Math.floor(minutes / 60), minutes % 60);
  return new Intl.DateTimeFormat(localeOf(language), { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
    at,
  );
}
