import type { enReportScreens } from "./en-report-screens";

// Les pages de rapports qui se lisent, s’impriment et s’exportent (issue 19); mêmes clés que en-report-screens.ts.
export const frReportScreens: Record<keyof typeof enReportScreens, string> = {
  "quarter.label": "exercice {years}, T{quarter} ({firstMonth} à {lastMonth} {year})",
  "month.1": "janvier",
  "month.2": "février",
  "month.3": "mars",
  "month.4": "avril",
  "month.5": "mai",
  "month.6": "juin",
  "month.7": "juillet",
  "month.8": "août",
  "month.9": "septembre",
  "month.10": "octobre",
  "month.11": "novembre",
  "month.12": "décembre",
  "quarter.short": "T{quarter} {years}",
  "reports.confirm.heading": "Vérifiez ce que vous envoyez",
  "reports.confirm.intro":
    "Rien n’a encore été envoyé. Quand vous confirmez, le ministère reçoit la version {version} : les chiffres ci-dessous, figés tels qu’ils sont maintenant, et les sections que vous avez rédigées à la suite. Vous pourrez la corriger plus tard; chaque version est conservée.",
  "reports.confirm.figures": "Chiffres qui seront figés",
  "reports.confirm.submit": "Oui, soumettre la version {version} au ministère",
  "reports.confirm.back": "Revenir et modifier",
  "reports.page.liveHeadingAfter": "Chiffres à ce jour, non soumis",
  "reports.page.liveIntroAfter":
    "Ces chiffres proviennent de vos dossiers tels qu’ils sont maintenant (comptés le {date}). Le ministère a la version {version}, avec ses chiffres tels qu’ils étaient à la soumission; ces chiffres-ci ne lui parviennent que si vous soumettez une correction.",
  "reports.csv.col.version": "Version",
  "reports.csv.col.percent": "{column} (%)",
  "reports.csv.table": "Cette comparaison pour {quarter} en tableau, une ligne par GSS (CSV)",
  "reports.key.heading": "Lire les chiffres",
  "reports.key.small":
    "« <{threshold} » désigne un nombre de 0 à {max} : trop peu pour l’afficher sans risquer qu’une personne soit reconnue.",
  "reports.key.hidden":
    "« {hidden} » désigne un nombre qui pourrait être affiché seul, mais qui est masqué pour qu’on ne puisse pas retrouver un nombre « <{threshold} » à partir de lui et des chiffres voisins ou publiés auparavant.",
  "reports.key.tooFew":
    "« {tooFew} » désigne une proportion, une médiane ou une moyenne portant sur moins de {threshold} personnes.",
  "reports.print.header.comparison": "Recours : rapports trimestriels, {quarter}",
  "reports.print.header.report": "Recours : {ssm}, rapport pour {quarter}",
  "reports.print.printed": "Imprimé le {date}",
  "reports.page.correct": "Corriger ce rapport",
};
