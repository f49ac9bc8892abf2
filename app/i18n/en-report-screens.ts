// Report pages that read, print and export (issue #19); spread into en.ts. fr-report-screens.ts: same keys.
export const enReportScreens = {
  "quarter.label": "fiscal {years}, Q{quarter} ({firstMonth}–{lastMonth} {year})",
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
  "quarter.short": "Q{quarter} {years}",
  "reports.confirm.heading": "Check what you are sending",
  "reports.confirm.intro":
    "Nothing has been sent yet. When you confirm, the ministry receives version {version}: the figures below, frozen as they are now, and the sections you wrote after them. You can correct it later; every version is kept.",
  "reports.confirm.figures": "Figures that will be frozen",
  "reports.confirm.submit": "Yes, submit version {version} to the ministry",
  "reports.confirm.back": "Go back and edit",
  "reports.page.liveHeadingAfter": "Figures as of now, not submitted",
  "reports.page.liveIntroAfter":
    "These figures come from your cases as they are now (counted {date}). The ministry has version {version}, with its figures as they were when it was submitted; these figures reach the ministry only if you submit a correction.",
  "reports.csv.col.version": "Version",
  "reports.csv.col.percent": "{column} (%)",
  "reports.csv.table": "This comparison for {quarter} as a table, one row per SSM (CSV)",
  "reports.key.heading": "Reading the figures",
  "reports.key.small":
    "“<{threshold}” means a count from 0 to {max}: too few to show without risking that someone is recognized.",
  "reports.key.hidden":
    "“{hidden}” means a count that could be shown alone, but is hidden so that a “<{threshold}” count cannot be worked out from it and the figures beside it or published before.",
  "reports.key.tooFew": "“{tooFew}” means a share, a median or a mean over fewer than {threshold} people.",
  "reports.print.header.comparison": "Recourse: quarterly reports, {quarter}",
  "reports.print.header.report": "Recourse: {ssm}, report for {quarter}",
  "reports.print.printed": "Printed {date}",
  "reports.page.correct": "Correct this report",
} as const;
