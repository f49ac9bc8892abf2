// Report pages that read, print and export (issue #19); spread into en.ts. fr-report-screens.ts: same keys.
export const enReportScreens = {
  "quarter.label": "fiscal {start}–{endShort}, Q{quarter} ({firstMonth}–{lastMonth} {year})",
  "month.1": "January",
  "month.2": "February",
  "month.3": "March",
  "month.4": "April",
  "month.5": "May",
  "month.6": "June",
  "month.7": "July",
  "month.8": "August",
  "month.9": "September",
  "month.10": "October",
  "month.11": "November",
  "month.12": "December",
} as const;
