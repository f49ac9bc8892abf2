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
  "quarter.short": "Q{quarter} {start}–{endShort}",
  "reports.confirm.heading": "Check what you are sending",
  "reports.confirm.intro":
    "Nothing has been sent yet. When you confirm, the ministry receives version {version}: the figures below, frozen as they are now, and the sections you wrote after them. You can correct it later; every version is kept.",
  "reports.confirm.figures": "Figures that will be frozen",
  "reports.confirm.submit": "Yes, submit version {version} to the ministry",
  "reports.confirm.back": "Go back and edit",
  "reports.page.liveHeadingAfter": "Figures as of now, not submitted",
  "reports.page.liveIntroAfter":
    "These figures come from your cases as they are now (counted {date}). The ministry has version {version}, with its figures as they were when it was submitted; these figures reach the ministry only if you submit a correction.",
  "reports.page.correct": "Correct this report",
} as const;
