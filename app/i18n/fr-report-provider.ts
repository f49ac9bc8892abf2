import type { enReportProvider } from "./en-report-provider";

// L’étape du fournisseur dans les rapports trimestriels et les chiffres publics (issue 17,
// décision 018) : mêmes clés qu’en-report-provider.ts.
export const frReportProvider: Record<keyof typeof enReportProvider, string> = {
  "report.section.providerStage": "La réponse du fournisseur de services d’abord",
  "report.providerStage.hint":
    "Plaintes transmises au fournisseur de services qu’elles visent, qui répond en premier. Réglées : la personne a accepté la réponse, ou n’a pas répondu là où la politique du GSS clôt alors la plainte. Passées au GSS : le GSS a repris la plainte, et pourquoi.",
  "report.figure.providerStage.referred": "Transmises au fournisseur de services",
  "report.figure.providerStage.resolved": "Réglées avec le fournisseur de services",
  "report.figure.providerStage.movedOn.total": "Passées du fournisseur de services au GSS",
  "report.figure.providerStage.byReason": "Passées au GSS, selon la raison",
  "report.col.reason": "Raison",
  "report.providerStage.staffSteppedIn": "Le personnel du GSS est intervenu",
  "report.clock.providerResponse": "Réponse du fournisseur de services",
  "reports.col.providerReferred": "Transmises au fournisseur de services",
  "reports.col.providerResolved": "Réglées avec le fournisseur de services",
  "reports.col.providerOnTime": "Réponses du fournisseur de services à temps",
  "process.figures.providerResolved": "Réglées avec le fournisseur de services",
  "process.figures.providerOnTime": "Réponses du fournisseur de services à temps",
};
