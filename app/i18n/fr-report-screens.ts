import type { enReportScreens } from "./en-report-screens";

// Les pages de rapports qui se lisent, s’impriment et s’exportent (issue 19); mêmes clés que en-report-screens.ts.
export const frReportScreens: Record<keyof typeof enReportScreens, string> = {
  "quarter.label": "exercice {start}-{end}, T{quarter} ({firstMonth} à {lastMonth} {year})",
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
};
