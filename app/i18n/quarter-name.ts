import { fiscalQuarterLabel, fiscalQuarterShortLabel, parseQuarterId } from "../domain/fiscal-quarter";
import type { Language } from "../domain/vocabulary";
import { labelText, translator } from "./index";

/** "2026-Q3" as people read it: "fiscal 2026–27, Q3 (October–December 2026)"; anything else as given. */
export function quarterName(quarterId: string, language: Language): string {
  const q = parseQuarterId(quarterId);
  return q ? labelText(translator(language), fiscalQuarterLabel(q, language)) : quarterId;
}

/** "2026-Q3" on a chart's axis: "Q3 2026–27"; the table beside the chart gives the full name. */
export function quarterShortName(quarterId: string, language: Language): string {
  const q = parseQuarterId(quarterId);
  return q ? labelText(translator(language), fiscalQuarterShortLabel(q, language)) : quarterId;
}
