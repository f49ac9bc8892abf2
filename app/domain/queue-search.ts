// What the queue page shows and links with, kept apart from the filters' zod schema
// (queue-filters.ts), which only the server loads (#18).
export const CASE_STATUSES = [
  "received",
  "acknowledged",
  "with_provider",
  "in_review",
  "waiting_for_filer",
  "decided",
  "closed",
  "withdrawn",
  "referred_out",
  "referred_to_ministry",
] as const;

/** Which cases the queue lists: still being worked, finished (closed, withdrawn, referred), or both. */
export const QUEUE_SHOW = ["open", "closed", "all"] as const;

/** The filters as a query string, without the page cursor: for links and "next page". */
export function filtersToSearch(
  filters: Readonly<Record<string, string | number | undefined>>,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    // The default view ("open") is left out, so its links stay as short as they were.
    if (key === "after" || value === undefined || value === "" || (key === "show" && value === "open")) continue;
    params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : "";
}
