// The provider stage in quarterly reports and public figures (issue #17, decision record 018);
// spread into en.ts. fr-report-provider.ts: same keys.
export const enReportProvider = {
  "report.section.providerStage": "The service provider's answer first",
  "report.providerStage.hint":
    "Complaints sent to the service provider they are about, which answers first. Resolved: the person accepted the answer, or did not reply where the SSM's policy then closes the complaint. Moved on: the SSM took the complaint over, and why.",
  "report.figure.providerStage.referred": "Sent to the service provider",
  "report.figure.providerStage.resolved": "Resolved with the service provider",
  "report.figure.providerStage.movedOn.total": "Moved on from the service provider to the SSM",
  "report.figure.providerStage.byReason": "Moved on to the SSM, by why",
  "report.col.reason": "Why",
  "report.providerStage.staffSteppedIn": "SSM staff stepped in",
  "report.clock.providerResponse": "Service provider's answer",
  "reports.col.providerReferred": "Sent to the service provider",
  "reports.col.providerResolved": "Resolved with the service provider",
  "reports.col.providerOnTime": "Service provider answered on time",
  "process.figures.providerResolved": "Resolved with the service provider",
  "process.figures.providerOnTime": "Service provider answers on time",
} as const;
