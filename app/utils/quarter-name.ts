import { fiscalQuarterLabel, fiscalQuarterShortLabel, parseQuarterId } from "../domain/fiscal-quarter";
import { labelText, type Translate } from "../i18n";

/** "2026-Q3" as people read it: "fiscal 2026–27, Q3 (October–December 2026)"; anything else as given. */
export function quarterName(quarterId: string, t: Translate): string {
  const q = parseQuarterId(quarterId);
  return q ? labelText(t, fiscalQuarterLabel(q)) : quarterId;
}

/** "2026-Q3" on a chart's axis: "Q3 2026–27"; the table beside the chart gives the full name. */
export function quarterShortName(quarterId: string, t: Translate): string {
  const q = parseQuarterId(quarterId);
  return q ? labelText(t, fiscalQuarterShortLabel(q)) : quarterId;
}
