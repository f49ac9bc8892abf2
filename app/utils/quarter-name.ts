import { fiscalQuarterLabel, parseQuarterId } from "../domain/fiscal-quarter";
import { labelText, type Translate } from "../i18n";

/** "2026-Q3" as people read it: "fiscal 2026–27, Q3 (October–December 2026)"; anything else as given. */
export function quarterName(quarterId: string, t: Translate): string {
  const q = parseQuarterId(quarterId);
  return q ? labelText(t, fiscalQuarterLabel(q)) : quarterId;
}
